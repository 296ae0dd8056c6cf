<?php
/**
 * Payez en plusieurs fois avec Sofinco: consumer credit with electronic signature.
 *
 * The logic lives in the `sofinco` PHP extension (Rust); this module is glue: it reads
 * PrestaShop's data, calls the extension and applies its decisions through PrestaShop's
 * own APIs. Each hook hands over at once to a class in controllers/hook/.
 *
 * PHP 7.1 syntax on purpose: PrestaShop 1.7 must load this file and explain what is
 * missing when the extension (PHP 8.1+) is not there.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

require_once __DIR__ . '/classes/autoload.php';

class SofincoSignature extends PaymentModule
{
    const HOOKS = [
        'paymentOptions',
        'displayHeader',
        'displayProductAdditionalInfo',
        'displayShoppingCartFooter',
        'displayPaymentReturn',
        'displayAdminOrder',
        'displayAdminOrderMain',
        'actionGenerateDocumentReference',
    ];

    public function __construct()
    {
        $this->name = 'sofincosignature';
        $this->tab = 'payments_gateways';
        $this->version = '2.2.1';
        $this->author = 'sofincosignature';
        $this->need_instance = 1;
        $this->ps_versions_compliancy = ['min' => '1.7.7.0', 'max' => _PS_VERSION_];
        $this->controllers = ['redirect', 'return', 'notification', 'cron', 'offers'];
        $this->currencies = true;
        $this->currencies_mode = 'checkbox';
        $this->bootstrap = true;
        parent::__construct();

        $this->displayName = $this->l('Payez en plusieurs fois avec Sofinco');
        $this->description = $this->l('Consumer credit by Sofinco, signed electronically, followed until funding.');
        $this->confirmUninstall = $this->l('Orders keep their history; the Sofinco settings are removed. Uninstall?');
        $missing = SofincoRuntime::missingReason();
        if ($missing !== null) {
            $this->warning = $missing;
        }
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
        return true;
    }

    public function uninstall()
    {
        $installer = new SofincoInstaller($this);
        return $installer->uninstall() && parent::uninstall();
    }

    public function getContent()
    {
        return (new SofincoConfigPage($this))->render();
    }

    public function hookPaymentOptions($params)
    {
        return (new SofincoPaymentOptionsHook($this))->run($params);
    }

    public function hookDisplayHeader($params)
    {
        return (new SofincoHeaderHook($this))->run($params);
    }

    public function hookDisplayProductAdditionalInfo($params)
    {
        return (new SofincoSimulatorHook($this))->runForProduct($params);
    }

    public function hookDisplayShoppingCartFooter($params)
    {
        return (new SofincoSimulatorHook($this))->runForCart($params);
    }

    public function hookDisplayPaymentReturn($params)
    {
        return (new SofincoPaymentReturnHook($this))->run($params);
    }

    public function hookDisplayAdminOrder($params)
    {
        // Before 1.7.7 only; 1.7.7+ and 8 call displayAdminOrderMain too.
        if (version_compare(_PS_VERSION_, '1.7.7.0', '>=')) {
            return '';
        }
        return (new SofincoAdminOrderHook($this))->run($params);
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

    /** Translations for the classes under classes/ and controllers/, in this module's domain. */
    public function t($string, $source = 'sofincosignature')
    {
        return $this->l($string, $source);
    }
}
