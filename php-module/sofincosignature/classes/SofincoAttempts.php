<?php
/**
 * Checkout attempts: stored before the customer leaves for Sofinco, so no signed dossier
 * is ever without its cart, even if the customer never comes back.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoAttempts
{
    const OPEN = 'open';
    const ORDERED = 'ordered';
    const ABANDONED = 'abandoned';

    /**
     * A fresh reference per attempt: shop, cart and time in upper-case base 36, at most 20
     * characters (Sofinco's orderId rule), unique even after a shop is reinstalled.
     */
    public static function newReference($idShop, $idCart)
    {
        $reference = sprintf(
            'P%sC%sT%s%s',
            strtoupper(base_convert((string) (int) $idShop, 10, 36)),
            strtoupper(base_convert((string) (int) $idCart, 10, 36)),
            strtoupper(base_convert((string) time(), 10, 36)),
            strtoupper(base_convert((string) random_int(0, 1295), 10, 36))
        );
        return substr($reference, 0, 20);
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

    public static function close($reference, $status, $idOrder, $reason)
    {
        return Db::getInstance()->update('sofinco_attempt', [
            'status' => pSQL($status),
            'id_order' => $idOrder ? (int) $idOrder : null,
            'reason' => pSQL(Tools::substr((string) $reason, 0, 255)),
            'updated_at' => time(),
        ], "order_reference = '" . pSQL($reference) . "'", 0, true);
    }
}
