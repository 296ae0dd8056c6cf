<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The customer chose Sofinco: check the cart's total is one Sofinco can be offered for (a
 * stale payment step, or a direct call, may bring any cart here), store the attempt first (so
 * a signed dossier is never without its cart), ask Sofinco for the journey, send the
 * customer there.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoSignatureRedirectModuleFrontController extends ModuleFrontController
{
    public $ssl = true;

    public function postProcess()
    {
        $cart = $this->context->cart;
        if (!Validate::isLoadedObject($cart) || !$cart->id_customer || !$cart->id_address_delivery || !$cart->id_address_invoice || !$this->module->active) {
            Tools::redirect('index.php?controller=order&step=1');
        }
        if (!SofincoRuntime::ready()) {
            // No extension on this PHP: the payment option is not shown either.
            Tools::redirect('index.php?controller=order&step=1');
        }
        if (!SofincoPaymentGate::restrictionsAllow($this->module, $cart)) {
            SofincoLogger::info(sprintf('cart %d: Sofinco is not enabled for its currency, country or customer group', $cart->id));
            Tools::redirect('index.php?controller=order&step=1');
        }
        $amount = SofincoPaymentGate::cartCents($cart);
        if (SofincoPaymentGate::refusal($this->context, $amount, new Currency((int) $cart->id_currency)) !== null) {
            Tools::redirect('index.php?controller=order&step=1');
        }
        // Outside the prices or Sofinco's range no journey can succeed: say why, never "try
        // again in a few minutes", and call nothing but (when the answer is not known yet)
        // one simulation within 2 s. Unknown (Sofinco unreachable right now) goes on: the
        // journey call then says whether Sofinco is really down.
        $availability = SofincoPaymentGate::availability($this->module, $this->context, $amount, true);
        if (!SofincoPaymentGate::offerable($availability)) {
            SofincoLogger::info(sprintf('cart %d: %d cents, not offered: no journey', $cart->id, $amount));
            return $this->outcome(SofincoMessages::amountRefused($availability, $amount, $this->module, $this->context));
        }
        $customer = new Customer((int) $cart->id_customer);
        $address = new Address((int) $cart->id_address_invoice);
        $idShop = (int) $this->context->shop->id;
        $reference = SofincoAttempts::newReference($idShop, (int) $cart->id);
        if (!SofincoAttempts::create($idShop, (int) $cart->id, $reference, $amount, SofincoConfig::modeLabel($idShop))) {
            return $this->fail('the attempt could not be stored: ' . Db::getInstance()->getMsgError());
        }
        try {
            $journey = SofincoClientFactory::client($this->module, $idShop)->createJourney(
                SofincoJourney::order($this->context, $reference, $amount, $customer, $address)
            );
        } catch (\Throwable $e) {
            SofincoAttempts::close($reference, SofincoAttempts::ABANDONED, 0, 'journey not created: ' . SofincoLogger::describe($e));
            return $this->fail('journey not created for ' . $reference . ': ' . SofincoLogger::describe($e));
        }
        SofincoLogger::info(sprintf('cart %d leaves for Sofinco as %s', $cart->id, $reference));
        Tools::redirect($journey['journey_url']);
    }

    private function fail($why)
    {
        SofincoLogger::error($why);
        $this->outcome(SofincoMessages::unavailable($this->module));
    }

    /** The outcome page: the message, and the way back to the cart. */
    private function outcome($message)
    {
        $this->context->smarty->assign([
            'sofinco_title' => $this->module->getTranslator()->trans('Payment with Sofinco', [], 'Modules.Sofincosignature.Shop'),
            'sofinco_message' => $message,
            'sofinco_order' => null,
            'sofinco_order_label' => $this->module->getTranslator()->trans('Order reference:', [], 'Modules.Sofincosignature.Shop'),
            'sofinco_cart_label' => $this->module->getTranslator()->trans('Back to my cart', [], 'Modules.Sofincosignature.Shop'),
            'sofinco_cart_url' => $this->context->link->getPageLink('order', true),
        ]);
        $this->setTemplate('module:sofincosignature/views/templates/front/outcome.tpl');
    }
}
