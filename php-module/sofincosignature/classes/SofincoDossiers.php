<?php
/**
 * Orders made from Sofinco dossiers (the "Dossiers Sofinco signature" tab and the crons).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoDossiers
{
    public static function byOrder($idOrder)
    {
        $row = Db::getInstance()->getRow(sprintf('SELECT * FROM `%ssofinco_order` WHERE id_order = %d', _DB_PREFIX_, (int) $idOrder));
        return $row ?: null;
    }

    public static function byCart($idCart)
    {
        $row = Db::getInstance()->getRow(sprintf('SELECT * FROM `%ssofinco_order` WHERE id_cart = %d', _DB_PREFIX_, (int) $idCart));
        return $row ?: null;
    }

    /** Records the dossier of a new order; the unique id_cart refuses a second one. */
    public static function record($idOrder, array $attempt, array $decision)
    {
        $now = date('Y-m-d H:i:s');
        return Db::getInstance()->insert('sofinco_order', [
            'id_order' => (int) $idOrder,
            'id_cart' => (int) $attempt['id_cart'],
            'id_shop' => (int) $attempt['id_shop'],
            'order_reference' => pSQL($attempt['order_reference']),
            'contract_id' => pSQL((string) $decision['contract_id']),
            'sofinco_status' => pSQL((string) $decision['sofinco_status']),
            'amount_cents' => (int) $attempt['amount_cents'],
            'signature_date' => self::date($decision['signature_date']),
            'mode' => pSQL($attempt['mode']),
            'date_add' => $now,
            'date_upd' => $now,
        ], false, true, Db::INSERT_IGNORE);
    }

    /** What the statuses cron learnt: Sofinco's code and the signature date when new. */
    public static function refresh($idOrder, $sofincoStatus, $signatureDate)
    {
        $values = ['date_upd' => date('Y-m-d H:i:s')];
        if ($sofincoStatus !== null && $sofincoStatus !== '') {
            $values['sofinco_status'] = pSQL($sofincoStatus);
        }
        if ($signatureDate !== null && $signatureDate !== '') {
            $values['signature_date'] = self::date($signatureDate);
        }
        return Db::getInstance()->update('sofinco_order', $values, 'id_order = ' . (int) $idOrder, 0, true);
    }

    /** The merchant's click: queued before anything is sent, so nothing clicked is lost. */
    public static function queueFunding($idOrder)
    {
        return Db::getInstance()->update('sofinco_order', [
            'funding_requested_at' => time(),
            'funding_sent' => 0,
            'date_upd' => date('Y-m-d H:i:s'),
        ], 'id_order = ' . (int) $idOrder . ' AND funding_requested_at IS NULL');
    }

    public static function markFundingSent($idOrder)
    {
        return Db::getInstance()->update('sofinco_order', ['funding_sent' => 1, 'date_upd' => date('Y-m-d H:i:s')], 'id_order = ' . (int) $idOrder);
    }

    /** A queued request as DossierSync::fundings() reads it. */
    public static function fundingRow(array $row)
    {
        return [
            'id_order' => (int) $row['id_order'],
            'contract_id' => (string) $row['contract_id'],
            'order_reference' => (string) $row['order_reference'],
            'amount_cents' => (int) $row['amount_cents'],
            'requested_at' => (int) $row['funding_requested_at'],
            'sent' => (bool) $row['funding_sent'],
        ];
    }

    /** Requests queued and not yet closed by a funded dossier, for the funding cron. */
    public static function pendingFundings($limit = 5000)
    {
        return Db::getInstance()->executeS(sprintf(
            "SELECT so.*, o.current_state FROM `%ssofinco_order` so JOIN `%sorders` o ON o.id_order = so.id_order
             WHERE so.funding_requested_at IS NOT NULL AND so.sofinco_status <> 'FIN' ORDER BY so.funding_requested_at ASC LIMIT %d",
            _DB_PREFIX_,
            _DB_PREFIX_,
            (int) $limit
        )) ?: [];
    }

    /** Orders whose current state is one the statuses cron follows. */
    public static function followed(array $stateIds, $limit = 20000)
    {
        if (!$stateIds) {
            return [];
        }
        $ids = implode(',', array_map('intval', $stateIds));
        return Db::getInstance()->executeS(sprintf(
            'SELECT so.*, o.current_state,
                (SELECT UNIX_TIMESTAMP(MAX(oh.date_add)) FROM `%sorder_history` oh WHERE oh.id_order = o.id_order) AS since
             FROM `%ssofinco_order` so JOIN `%sorders` o ON o.id_order = so.id_order
             WHERE o.current_state IN (%s) ORDER BY so.date_upd ASC LIMIT %d',
            _DB_PREFIX_,
            _DB_PREFIX_,
            _DB_PREFIX_,
            $ids,
            (int) $limit
        )) ?: [];
    }

    private static function date($value)
    {
        return is_string($value) && preg_match('/^\d{4}-\d{2}-\d{2}$/', $value) ? $value : null;
    }
}
