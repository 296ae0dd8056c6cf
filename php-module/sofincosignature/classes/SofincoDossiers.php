<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

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
        // Never from PrestaShop's query cache: callers re-check under the order's lock.
        $row = Db::getInstance()->getRow(sprintf('SELECT * FROM `%ssofinco_order` WHERE id_order = %d', _DB_PREFIX_, (int) $idOrder), false);
        return $row ?: null;
    }

    /** Records the dossier of a new order; the unique id_cart refuses a second one. */
    public static function record($idOrder, array $attempt, \Sofinco\OrderDecision $decision)
    {
        $now = date('Y-m-d H:i:s');
        return Db::getInstance()->insert('sofinco_order', [
            'id_order' => (int) $idOrder,
            'id_cart' => (int) $attempt['id_cart'],
            'id_shop' => (int) $attempt['id_shop'],
            'order_reference' => pSQL($attempt['order_reference']),
            'contract_id' => pSQL((string) $decision->contractId),
            'sofinco_status' => pSQL((string) $decision->sofincoStatus),
            // The state validateOrder creates it in; the move to the decided one records that.
            'id_sofinco_state' => $decision->createIn === null ? 0 : SofincoStates::id($decision->createIn),
            'amount_cents' => (int) $attempt['amount_cents'],
            'sofinco_amount_cents' => $decision->sofincoAmountCents,
            'held' => $decision->heldBecause === null ? null : pSQL($decision->heldBecause),
            'signature_date' => self::date($decision->signatureDate),
            'mode' => pSQL($attempt['mode']),
            'date_add' => $now,
            'date_upd' => $now,
            // null_values: an absent signature date is NULL, never "0000-00-00".
        ], true, true, Db::INSERT_IGNORE);
    }

    /**
     * What a decision learnt from Sofinco: its code, the signature date when new, and when
     * Sofinco answered, the amount it lends and whether that pays for the order as it is.
     */
    public static function refresh($idOrder, $sofincoStatus, $signatureDate, $sofincoAmountCents = null, $held = null)
    {
        $values = ['date_upd' => date('Y-m-d H:i:s')];
        if ($sofincoStatus !== null && $sofincoStatus !== '') {
            $values['sofinco_status'] = pSQL($sofincoStatus);
        }
        $date = self::date($signatureDate);
        if ($date !== null) {
            $values['signature_date'] = $date;
        }
        if ($sofincoAmountCents !== null) {
            $values['sofinco_amount_cents'] = (int) $sofincoAmountCents;
            $values['held'] = $held === null ? null : pSQL($held);
        }
        return Db::getInstance()->update('sofinco_order', $values, 'id_order = ' . (int) $idOrder, 0, true);
    }

    /** Marks the order held (the extension said why: "amount" or "currency"). */
    public static function hold($idOrder, $why)
    {
        return Db::getInstance()->update('sofinco_order', ['held' => pSQL($why), 'date_upd' => date('Y-m-d H:i:s')], 'id_order = ' . (int) $idOrder);
    }

    /**
     * The order's own total (cents, by the extension) and currency, as they are now: what
     * every decision checks Sofinco's dossier against.
     */
    public static function orderFacts($idOrder)
    {
        $row = Db::getInstance()->getRow(sprintf(
            'SELECT o.total_paid_tax_incl, c.iso_code FROM `%sorders` o LEFT JOIN `%scurrency` c ON c.id_currency = o.id_currency WHERE o.id_order = %d',
            _DB_PREFIX_,
            _DB_PREFIX_,
            (int) $idOrder
        ), false);
        return self::facts($row ?: []);
    }

    /** order_total_cents and currency from a row holding total_paid_tax_incl and iso_code. */
    private static function facts(array $row)
    {
        return [
            'order_total_cents' => isset($row['total_paid_tax_incl']) ? \Sofinco\StatusMapper::cents((float) $row['total_paid_tax_incl']) : 0,
            'currency' => isset($row['iso_code']) ? (string) $row['iso_code'] : '',
        ];
    }

    /**
     * The module state the order was just moved to: the Dossiers tab's "État Sofinco", kept
     * when the order goes on to PrestaShop's "Annulé" (stock back) or is set by hand to
     * another state.
     */
    public static function recordState($idOrder, $idState)
    {
        return Db::getInstance()->update('sofinco_order', ['id_sofinco_state' => (int) $idState, 'date_upd' => date('Y-m-d H:i:s')], 'id_order = ' . (int) $idOrder);
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

    /** A request the extension refused to send (the order is held): off the funding cron's queue. */
    public static function withdrawFunding($idOrder, $held)
    {
        return Db::getInstance()->update('sofinco_order', [
            'funding_requested_at' => null,
            'funding_sent' => 0,
            'held' => pSQL($held),
            'date_upd' => date('Y-m-d H:i:s'),
        ], 'id_order = ' . (int) $idOrder, 0, true);
    }

    public static function markFundingSent($idOrder)
    {
        return Db::getInstance()->update('sofinco_order', ['funding_sent' => 1, 'date_upd' => date('Y-m-d H:i:s')], 'id_order = ' . (int) $idOrder);
    }

    /** Sofinco funded the dossier: the funding cron no longer looks at the request. */
    public static function closeFunding($idOrder)
    {
        return Db::getInstance()->update('sofinco_order', ['funding_closed' => 1, 'date_upd' => date('Y-m-d H:i:s')], 'id_order = ' . (int) $idOrder);
    }

    /** A queued request as DossierSync::fundings() reads it, with its order as it is now. */
    public static function fundingRow(array $row)
    {
        $facts = self::orderFacts((int) $row['id_order']);
        $request = new \Sofinco\FundingRequest();
        $request->idOrder = (int) $row['id_order'];
        $request->contractId = (string) $row['contract_id'];
        $request->orderReference = (string) $row['order_reference'];
        $request->requestedAt = (int) $row['funding_requested_at'];
        $request->sent = (bool) $row['funding_sent'];
        $request->orderTotalCents = $facts['order_total_cents'];
        $request->currency = $facts['currency'];
        return $request;
    }

    /** A followed order as DossierSync::statuses() reads it (a row of followed()/trackedOrder()). */
    public static function statusRow(array $o)
    {
        $facts = self::facts($o);
        $order = new \Sofinco\TrackedOrder();
        $order->idOrder = (int) $o['id_order'];
        $order->contractId = (string) $o['contract_id'];
        $order->orderReference = (string) $o['order_reference'];
        $order->state = SofincoStates::of((int) $o['current_state']);
        $order->since = (int) $o['since'];
        $order->orderTotalCents = $facts['order_total_cents'];
        $order->currency = $facts['currency'];
        return $order;
    }

    /** Requests queued and not yet closed by a funded dossier, for the funding cron. */
    public static function pendingFundings($limit = 5000)
    {
        return Db::getInstance()->executeS(sprintf(
            "SELECT so.*, o.current_state FROM `%ssofinco_order` so JOIN `%sorders` o ON o.id_order = so.id_order
             WHERE so.funding_requested_at IS NOT NULL AND so.funding_closed = 0 ORDER BY so.funding_requested_at ASC LIMIT %d",
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
        return self::tracked('o.current_state IN (' . implode(',', array_map('intval', $stateIds)) . ')', $limit);
    }

    /** One order's row as the statuses task reads it (the return page's fresh look), or null. */
    public static function trackedOrder($idOrder)
    {
        $rows = self::tracked('o.id_order = ' . (int) $idOrder, 1);
        return $rows ? $rows[0] : null;
    }

    /** Dossier rows joined with their order's state and since when it holds. */
    private static function tracked($where, $limit)
    {
        return Db::getInstance()->executeS(sprintf(
            'SELECT so.*, o.current_state, o.total_paid_tax_incl, c.iso_code,
                (SELECT UNIX_TIMESTAMP(MAX(oh.date_add)) FROM `%sorder_history` oh WHERE oh.id_order = o.id_order) AS since
             FROM `%ssofinco_order` so JOIN `%sorders` o ON o.id_order = so.id_order
             LEFT JOIN `%scurrency` c ON c.id_currency = o.id_currency
             WHERE %s ORDER BY so.date_upd ASC LIMIT %d',
            _DB_PREFIX_,
            _DB_PREFIX_,
            _DB_PREFIX_,
            _DB_PREFIX_,
            $where,
            (int) $limit
        )) ?: [];
    }

    /** A signature date to store: only a real one (the extension's reading), else NULL. */
    private static function date($value)
    {
        return \Sofinco\StatusMapper::withdrawalEnd($value) !== null ? $value : null;
    }

    /** Rows grouped by their shop: every shop's rows go to a client with its own settings. */
    public static function byShop(array $rows)
    {
        $groups = [];
        foreach ($rows as $row) {
            $groups[(int) $row['id_shop']][] = $row;
        }
        return $groups;
    }
}
