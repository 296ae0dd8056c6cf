<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * When Sofinco may be offered: extension loaded, module configured, euros, in test mode only
 * to visitors logged in to the back office (a live shop can be tested without customers
 * seeing it), and an amount the extension says Sofinco can be offered for (the minimum and
 * maximum prices, then Sofinco's own range: SofincoClient::availability).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoPaymentGate
{
    /**
     * The reason Sofinco is not offered to this visitor in this currency, or null when it is.
     * The amount is availability()'s.
     */
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
        if (SofincoConfig::testMode($idShop) && !self::backOfficeVisitor()) {
            return 'test-mode';
        }
        return null;
    }

    /**
     * Whether Sofinco can be offered for this amount (a \Sofinco\Availability case), as the
     * extension decides it from the minimum and maximum prices and Sofinco's answers for the
     * amount. $ask: an amount Sofinco has not answered for yet is simulated once within the
     * offers endpoint's budget (2 s, no retry); without it, the cache only (a page never
     * waits). Unknown when the extension cannot say (Sofinco unreachable, settings unusable).
     */
    public static function availability(Module $module, Context $context, $amountCents, $ask)
    {
        try {
            return self::quickClient($module, $context)->availability((int) $amountCents, (bool) $ask);
        } catch (\Throwable $e) {
            SofincoLogger::error('availability of ' . (int) $amountCents . ' cents unknown: ' . SofincoLogger::describe($e));
            return \Sofinco\Availability::Unknown;
        }
    }

    /** Whether the availability lets the customer meet Sofinco (Unknown does: see the callers). */
    public static function offerable($availability)
    {
        return $availability === \Sofinco\Availability::Offered || $availability === \Sofinco\Availability::Unknown;
    }

    /** A client for the storefront's calls: 2 s per call, no retry (a page or a checkout step waits at most that). */
    public static function quickClient(Module $module, Context $context)
    {
        return SofincoClientFactory::quickClient($module, (int) $context->shop->id);
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
