<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * "Payez en plusieurs fois avec Sofinco" at checkout, when the gate allows it and the cart's
 * total is one Sofinco can be offered for (issue 31: never an option that can only fail).
 */
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
        // A total Sofinco has not answered for yet (cold cache: the customer went straight to
        // checkout, or the carrier changed the total) is simulated once here, within 2 s and
        // no retry: the payment step is shown once per checkout, not per catalogue view, and
        // an option Sofinco would refuse costs the customer a dead end after choosing it. The
        // answer is cached for every worker (so the redirect and the next customer do not ask
        // again) and gives the option its representative example. If Sofinco cannot be
        // reached in that time the option is still shown (Unknown): a blip must not remove a
        // payment method, and the redirect then says plainly what happened.
        if (!SofincoPaymentGate::offerable(SofincoPaymentGate::availability($this->module, $context, $amount, true))) {
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
