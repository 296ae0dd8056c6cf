<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * Puts a cart, its customer and currency in PrestaShop's context: a cron or a notification
 * has no visitor, and Cart::getOrderTotal() and validateOrder() die without them.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoCartContext
{
    public static function enter(Cart $cart)
    {
        $context = Context::getContext();
        $context->cart = $cart;
        $context->customer = new Customer((int) $cart->id_customer);
        $context->currency = new Currency((int) $cart->id_currency);
        if (!$context->language || (int) $context->language->id !== (int) $cart->id_lang) {
            $context->language = new Language((int) $cart->id_lang);
        }
    }

    /** The cart's total in cents, as the customer would pay it now. */
    public static function totalCents(Cart $cart)
    {
        self::enter($cart);
        return \Sofinco\StatusMapper::cents((float) $cart->getOrderTotal(true, Cart::BOTH));
    }
}
