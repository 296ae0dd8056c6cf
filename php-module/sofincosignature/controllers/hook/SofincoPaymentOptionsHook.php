<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/** "Payez en plusieurs fois avec Sofinco" at checkout, when the gate allows it. */
if (!defined('_PS_VERSION_')) {
    exit;
}

use PrestaShop\PrestaShop\Core\Payment\PaymentOption;

class SofincoPaymentOptionsHook extends SofincoHook
{
    public function run(array $params)
    {
        $context = Context::getContext();
        $cart = isset($params['cart']) ? $params['cart'] : $context->cart;
        if (!$this->module->active || !SofincoRuntime::ready() || !Validate::isLoadedObject($cart) || !$this->module->checkCurrency($cart)) {
            return [];
        }
        $amount = SofincoPaymentGate::cartCents($cart);
        if (SofincoPaymentGate::refusal($context, $amount, new Currency((int) $cart->id_currency)) !== null) {
            return [];
        }
        $context->smarty->assign([
            'sofinco' => SofincoSimulatorView::forAmount($this->module, $context, $amount),
            'sofinco_test_mode' => SofincoConfig::testMode((int) $context->shop->id),
        ]);
        $option = new PaymentOption();
        $option->setModuleName($this->module->name)
            ->setCallToActionText($this->module->getTranslator()->trans('Payez en plusieurs fois avec Sofinco', [], 'Modules.Sofincosignature.Shop'))
            ->setAction($context->link->getModuleLink($this->module->name, 'redirect', [], true))
            ->setAdditionalInformation($this->module->fetch('module:sofincosignature/views/templates/hook/payment_option.tpl'));
        return [$option];
    }
}
