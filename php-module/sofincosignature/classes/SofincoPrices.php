<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/** Amounts as the shop's locale writes them ("1 290,00 €" in French). */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoPrices
{
    // Explicitly nullable (PHP 7.1 syntax): PHP 8.4 deprecates "Context $context = null".
    public static function format($cents, ?Context $context = null)
    {
        $context = $context ?: Context::getContext();
        $amount = ((int) $cents) / 100;
        if (method_exists($context, 'getCurrentLocale') && $context->getCurrentLocale()) {
            return $context->getCurrentLocale()->formatPrice($amount, 'EUR');
        }
        return number_format($amount, 2, ',', "\u{202F}") . "\u{00A0}€";
    }

    /** The order's own total in its own currency, as PrestaShop shows it. */
    public static function ofOrder(Order $order, ?Context $context = null)
    {
        $context = $context ?: Context::getContext();
        $iso = (string) Currency::getIsoCodeById((int) $order->id_currency);
        if (method_exists($context, 'getCurrentLocale') && $context->getCurrentLocale() && $iso !== '') {
            return $context->getCurrentLocale()->formatPrice((float) $order->total_paid_tax_incl, $iso);
        }
        return Tools::displayPrice((float) $order->total_paid_tax_incl, (int) $order->id_currency);
    }

    /** "6,06 %" */
    public static function rate($percent)
    {
        return number_format((float) $percent, 2, ',', '') . "\u{00A0}%";
    }
}
