<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * Applies one decision of DossierSync::statuses() to its order: the statuses cron and the
 * return page (which asks Sofinco again for an order that already exists) share it.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoStatusApplier
{
    /** @param int $currentState the order's state when its row was read */
    public static function apply(\Sofinco\StatusDecision $d, $currentState)
    {
        if ($d->action === \Sofinco\StatusAction::Leave) {
            return;
        }
        SofincoDossiers::refresh($d->idOrder, $d->sofincoStatus, $d->signatureDate);
        if ($d->action === \Sofinco\StatusAction::SetState) {
            $moved = SofincoOrderStates::move($d->idOrder, (int) $currentState, (string) $d->state);
            if ($moved && $d->releaseStock) {
                SofincoOrderStates::releaseStock($d->idOrder, (string) $d->state);
            }
        } elseif ($d->action === \Sofinco\StatusAction::Error) {
            SofincoLogger::error(sprintf('order %d: %s', $d->idOrder, $d->reason));
        }
    }

    /** The row DossierSync::statuses() reads for a sofinco_order row joined with its order. */
    public static function row(array $o)
    {
        return [
            'id_order' => (int) $o['id_order'],
            'contract_id' => (string) $o['contract_id'],
            'order_reference' => (string) $o['order_reference'],
            'state' => SofincoStates::keyOf((int) $o['current_state']),
            'amount_cents' => (int) $o['amount_cents'],
            'since' => (int) $o['since'],
        ];
    }
}
