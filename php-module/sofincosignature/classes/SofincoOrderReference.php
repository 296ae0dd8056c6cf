<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The order the module is creating takes the reference the customer saw at Sofinco: set just
 * around validateOrder(), handed to PrestaShop by actionGenerateDocumentReference (the hook
 * Order::generateReference() asks). Only for the module's own order, only when it fits
 * orders.reference (9 characters: attempts made before 2.2.1 had longer ones).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoOrderReference
{
    public const MAX_LENGTH = 9;

    /** @var string|null */
    private static $pending = null;

    /** Runs $create with $reference offered to PrestaShop as the order's reference. */
    public static function around($reference, callable $create)
    {
        self::$pending = strlen((string) $reference) <= self::MAX_LENGTH ? (string) $reference : null;
        try {
            return $create();
        } finally {
            self::$pending = null;
        }
    }

    /** The hook's answer: our reference for our order, nothing otherwise. */
    public static function forDocument(array $params)
    {
        if (self::$pending === null || (isset($params['type']) && $params['type'] !== 'order')) {
            return '';
        }
        $reference = self::$pending;
        // One order per validateOrder(): a second document asking gets PrestaShop's own.
        self::$pending = null;
        return $reference;
    }
}
