<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * Checkout attempts: stored before the customer leaves for Sofinco, so no signed dossier
 * is ever without its cart, even if the customer never comes back.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoAttempts
{
    public const OPEN = 'open';
    public const ORDERED = 'ordered';
    public const ABANDONED = 'abandoned';
    /** A second dossier for an ordered cart, cancelled at Sofinco. */
    public const CANCELLED = 'cancelled';

    /**
     * A fresh reference per attempt, shaped as PrestaShop's own order references (9 upper-case
     * letters, what orders.reference holds): the order is then created under this very
     * reference (hookActionGenerateDocumentReference), so the customer reads one reference on
     * Sofinco's pages, the confirmation, the e-mails and the account. Within Sofinco's orderId
     * rule (upper-case letters and digits, at most 20); never one an attempt or an order has.
     */
    public static function newReference($idShop, $idCart)
    {
        $letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
        for ($try = 0; $try < 10; $try++) {
            $reference = '';
            for ($i = 0; $i < 9; $i++) {
                $reference .= $letters[random_int(0, 25)];
            }
            if (!self::byReference($reference) && !Order::getByReference($reference)->count()) {
                return $reference;
            }
        }
        throw new RuntimeException('no free order reference after 10 draws');
    }

    public static function create($idShop, $idCart, $reference, $amountCents, $mode)
    {
        return Db::getInstance()->insert('sofinco_attempt', [
            'id_shop' => (int) $idShop,
            'id_cart' => (int) $idCart,
            'order_reference' => pSQL($reference),
            'amount_cents' => (int) $amountCents,
            'mode' => pSQL($mode),
            'status' => self::OPEN,
            'created_at' => time(),
            'updated_at' => time(),
        ]);
    }

    public static function byReference($reference)
    {
        $row = Db::getInstance()->getRow(sprintf(
            "SELECT * FROM `%ssofinco_attempt` WHERE order_reference = '%s'",
            _DB_PREFIX_,
            pSQL(strtoupper((string) $reference))
        ));
        return $row ?: null;
    }

    /** Open attempts for the orders cron, oldest first. */
    public static function open($limit = 5000)
    {
        return Db::getInstance()->executeS(sprintf(
            "SELECT * FROM `%ssofinco_attempt` WHERE status = '%s' ORDER BY created_at ASC LIMIT %d",
            _DB_PREFIX_,
            self::OPEN,
            (int) $limit
        )) ?: [];
    }

    /** The cart's other attempts than $reference, newest first (the order panel lists them). */
    public static function othersOfCart($idCart, $reference)
    {
        return Db::getInstance()->executeS(sprintf(
            "SELECT order_reference, status, reason, created_at FROM `%ssofinco_attempt`
             WHERE id_cart = %d AND order_reference <> '%s' ORDER BY created_at DESC LIMIT 20",
            _DB_PREFIX_,
            (int) $idCart,
            pSQL((string) $reference)
        )) ?: [];
    }

    /**
     * Closes an open attempt; an attempt closes once (a notification racing the return page
     * that cancelled its dossier must not rewrite "cancelled" as "abandoned").
     */
    public static function close($reference, $status, $idOrder, $reason)
    {
        return Db::getInstance()->update('sofinco_attempt', [
            'status' => pSQL($status),
            'id_order' => $idOrder ? (int) $idOrder : null,
            'reason' => pSQL(Tools::substr((string) $reason, 0, 255)),
            'updated_at' => time(),
        ], "order_reference = '" . pSQL($reference) . "' AND status = '" . self::OPEN . "'", 0, true);
    }
}
