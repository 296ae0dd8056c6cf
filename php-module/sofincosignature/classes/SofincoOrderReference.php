<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The order the module is creating takes the reference the customer saw at Sofinco: set just
 * around validateOrder(), handed to PrestaShop by actionGenerateDocumentReference (the hook
 * Order::generateReference() asks on 8.0+). PrestaShop 1.7 has no such hook: there the module's
 * createOrderFromCart() puts it in (forOrder). Only for the module's own order, only when it
 * fits orders.reference (9 characters: attempts made before 2.2.1 had longer ones).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoOrderReference
{
    public const MAX_LENGTH = 9;

    /** @var string|null */
    private static $pending = null;

    /** @var bool whether PrestaShop asked the hook during this validateOrder() (8.0+) */
    private static $asked = false;

    /** Runs $create with $reference offered to PrestaShop as the order's reference. */
    public static function around($reference, callable $create)
    {
        self::$pending = strlen((string) $reference) <= self::MAX_LENGTH ? (string) $reference : null;
        self::$asked = false;
        try {
            return $create();
        } finally {
            self::$pending = null;
            self::$asked = false;
        }
    }

    /** The hook's answer: our reference for our order, nothing otherwise. */
    public static function forDocument(array $params)
    {
        if (isset($params['type']) && $params['type'] !== 'order') {
            return '';
        }
        self::$asked = true;
        if (self::$pending === null) {
            return '';
        }
        $reference = self::$pending;
        // One order per validateOrder(): a second document asking gets PrestaShop's own.
        self::$pending = null;
        return $reference;
    }

    /**
     * The reference an order of the module is created with (PaymentModule::createOrderFromCart):
     * ours where PrestaShop never asked the hook (1.7), PrestaShop's own otherwise. Every order
     * of one validateOrder() (a cart split by carrier) shares it, as PrestaShop's own does.
     */
    public static function forOrder($reference)
    {
        return !self::$asked && self::$pending !== null ? self::$pending : $reference;
    }
}
