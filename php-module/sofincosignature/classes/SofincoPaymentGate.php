<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * When Sofinco may be offered: extension loaded, module configured, euros, a cart total
 * from the minimum price, and in test mode only to visitors logged in to the back office
 * (a live shop can be tested without customers seeing it).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoPaymentGate
{
    /** The reason Sofinco is not offered for this amount, or null when it is. */
    public static function refusal(Context $context, $amountCents, Currency $currency)
    {
        if (!SofincoRuntime::ready()) {
            return 'extension';
        }
        $idShop = (int) $context->shop->id;
        if (!SofincoConfig::isConfigured($idShop)) {
            return 'configuration';
        }
        if (strtoupper((string) $currency->iso_code) !== 'EUR') {
            return 'currency';
        }
        if ((int) $amountCents < SofincoConfig::minPriceCents($idShop) || (int) $amountCents <= 0) {
            return 'amount';
        }
        if (SofincoConfig::testMode($idShop) && !self::backOfficeVisitor()) {
            return 'test-mode';
        }
        return null;
    }

    /**
     * Whether the merchant's restrictions (Payment > Preferences: currencies, countries,
     * customer groups) still allow the module for this cart: the customer may have changed
     * address after the payment step, or called the redirect controller directly.
     */
    public static function restrictionsAllow(SofincoSignature $module, Cart $cart)
    {
        if (!$module->checkCurrency($cart)) {
            return false;
        }
        foreach (Module::getPaymentModules() ?: [] as $row) {
            if ($row['name'] === $module->name) {
                return true;
            }
        }
        return false;
    }

    /** Whether the visitor is logged in to the back office in this browser. */
    public static function backOfficeVisitor()
    {
        // The same check PrestaShop's maintenance mode makes; the cookie is encrypted.
        $cookie = new Cookie('psAdmin');
        return (int) $cookie->id_employee > 0;
    }

    public static function cartCents(Cart $cart)
    {
        return \Sofinco\StatusMapper::cents((float) $cart->getOrderTotal(true, Cart::BOTH));
    }
}
