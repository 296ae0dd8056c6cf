<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * Payez en plusieurs fois avec Sofinco: consumer credit with electronic signature.
 *
 * The logic lives in the `sofinco` PHP extension (Rust); this module is glue: it reads
 * PrestaShop's data, calls the extension and applies its decisions through PrestaShop's
 * own APIs. Each hook hands over at once to a class in controllers/hook/.
 *
 * PHP 7.1 syntax on purpose: PrestaShop 1.7.7+ runs on PHP 7.1 to 7.4, and the extension
 * is built for PHP 7.1 to 8.5.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

// The classmap scripts/dist.sh dumps with Composer (PrestaShop's kernel loads it too).
require_once __DIR__ . '/vendor/autoload.php';

class SofincoSignature extends PaymentModule
{
    public const HOOKS = [
        'paymentOptions',
        'actionFrontControllerSetMedia',
        'displayProductAdditionalInfo',
        'displayShoppingCartFooter',
        'displayOrderConfirmation',
        'displayAdminOrderMain',
        'actionGenerateDocumentReference',
    ];

    /** Sofinco lends in euros only: the currencies the module may be enabled for at install. */
    public $limited_currencies = ['EUR'];

    /**
     * The Dossiers tab, installed and removed by PrestaShop with the module. PrestaShop 8.1+
     * names it per language from the module's catalogue (wording, wording_domain, also for a
     * language added later); earlier versions take the name for the language, else the first.
     */
    public $tabs = [
        [
            'class_name' => 'AdminSofincoDossiers',
            'parent_class_name' => 'AdminParentOrders',
            'visible' => true,
            'name' => ['en' => 'Sofinco signature dossiers', 'fr' => 'Dossiers Sofinco signature'],
            'wording' => 'Sofinco signature dossiers',
            'wording_domain' => 'Modules.Sofincosignature.Admin',
        ],
    ];

    public function __construct()
    {
        $this->name = 'sofincosignature';
        $this->tab = 'payments_gateways';
        $this->version = '2.5.0';
        $this->author = 'Sofinco';
        $this->need_instance = 1;
        // 1.7.7 (its Symfony order page) to 9.0 (SofincoSupportMatrix). 9.1+ is unknown: refused.
        $this->ps_versions_compliancy = ['min' => '1.7.7.0', 'max' => '9.0.99'];
        $this->controllers = ['redirect', 'return', 'notification', 'cron', 'offers'];
        $this->currencies = true;
        $this->currencies_mode = 'checkbox';
        $this->bootstrap = true;
        parent::__construct();
        // The module's templates escape their {l} texts through {sofinco_escape}.
        SofincoEscape::register($this->context ? $this->context->smarty : null);

        $this->displayName = $this->trans('Payez en plusieurs fois avec Sofinco', [], 'Modules.Sofincosignature.Admin');
        $this->description = $this->trans('Consumer credit by Sofinco, signed electronically, followed until funding.', [], 'Modules.Sofincosignature.Admin');
        $this->confirmUninstall = $this->trans('Orders keep their history; the Sofinco settings are removed. Uninstall?', [], 'Modules.Sofincosignature.Admin');
        $missing = SofincoRuntime::missingReason($this);
        if ($missing !== null) {
            $this->warning = $missing;
        }
    }

    /**
     * Texts go through PrestaShop's translator in the domains Modules.Sofincosignature.Admin
     * and .Shop (translations/<locale>/*.xlf): merchants edit them in International >
     * Translations > Installed modules.
     */
    public function isUsingNewTranslationSystem()
    {
        return true;
    }

    public function install()
    {
        if (!parent::install()) {
            return false;
        }
        $installer = new SofincoInstaller($this);
        if (!$installer->install()) {
            $this->_errors = array_merge($this->_errors, $installer->errors());
            return false;
        }
        foreach (self::HOOKS as $hook) {
            if (!$this->registerHook($hook)) {
                return false;
            }
        }
        SofincoContainerRefresh::afterModuleChange();
        return true;
    }

    public function uninstall()
    {
        $installer = new SofincoInstaller($this);
        if (!$installer->uninstall() || !parent::uninstall()) {
            return false;
        }
        SofincoContainerRefresh::afterModuleChange();
        return true;
    }

    /** Enabling or disabling changes the console commands too (see SofincoContainerRefresh). */
    public function enable($force_all = false)
    {
        if (!parent::enable($force_all)) {
            return false;
        }
        SofincoContainerRefresh::afterModuleChange();
        return true;
    }

    public function disable($force_all = false)
    {
        if (!parent::disable($force_all)) {
            return false;
        }
        SofincoContainerRefresh::afterModuleChange();
        return true;
    }

    /** At install: the module is enabled for the shop's euro currency only (Payment > Preferences). */
    public function addCheckboxCurrencyRestrictionsForModule(array $shops = [])
    {
        return SofincoCurrencies::restrictAtInstall($this, $shops ?: Shop::getShops(true, null, true));
    }

    /** Whether the merchant left the cart's currency enabled for this module (as ps_wirepayment). */
    public function checkCurrency(Cart $cart)
    {
        foreach ($this->getCurrency((int) $cart->id_currency) ?: [] as $currency) {
            if ((int) $currency['id_currency'] === (int) $cart->id_currency) {
                return true;
            }
        }
        return false;
    }

    public function getContent()
    {
        return (new SofincoConfigPage($this))->render();
    }

    public function hookPaymentOptions($params)
    {
        return (new SofincoPaymentOptionsHook($this))->run($params);
    }

    public function hookActionFrontControllerSetMedia($params)
    {
        (new SofincoFrontMediaHook($this))->run($params);
    }

    public function hookDisplayProductAdditionalInfo($params)
    {
        return (new SofincoSimulatorHook($this))->runForProduct($params);
    }

    public function hookDisplayShoppingCartFooter($params)
    {
        return (new SofincoSimulatorHook($this))->runForCart($params);
    }

    public function hookDisplayOrderConfirmation($params)
    {
        return (new SofincoOrderConfirmationHook($this))->run($params);
    }

    public function hookDisplayAdminOrderMain($params)
    {
        return (new SofincoAdminOrderHook($this))->run($params);
    }

    /** The order being created for a Sofinco dossier takes the reference Sofinco showed. */
    public function hookActionGenerateDocumentReference($params)
    {
        return SofincoOrderReference::forDocument(is_array($params) ? $params : []);
    }

    /**
     * PrestaShop 1.7 never asks actionGenerateDocumentReference: the reference Sofinco showed
     * goes in here instead (SofincoOrderReference::forOrder; on 8.0+ this changes nothing).
     * Same parameters as PaymentModule's, from 1.7.7 to 9.
     */
    protected function createOrderFromCart(
        Cart $cart,
        Currency $currency,
        $productList,
        $addressId,
        $context,
        $reference,
        $secure_key,
        $payment_method,
        $name,
        $dont_touch_amount,
        $amount_paid,
        $warehouseId,
        $cart_total_paid,
        $debug,
        $order_status,
        $id_order_state,
        $carrierId = null
    ) {
        $reference = SofincoOrderReference::forOrder($reference);
        $this->currentOrderReference = $reference;
        return parent::createOrderFromCart(
            $cart,
            $currency,
            $productList,
            $addressId,
            $context,
            $reference,
            $secure_key,
            $payment_method,
            $name,
            $dont_touch_amount,
            $amount_paid,
            $warehouseId,
            $cart_total_paid,
            $debug,
            $order_status,
            $id_order_state,
            $carrierId
        );
    }
}
