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
        SofincoDossiers::refresh($d->idOrder, $d->sofincoStatus, $d->signatureDate, $d->sofincoAmountCents, $d->heldBecause);
        if ($d->action === \Sofinco\StatusAction::SetState) {
            $moved = SofincoOrderStates::move($d->idOrder, (int) $currentState, $d->state);
            if ($moved && $d->releaseStock) {
                SofincoOrderStates::releaseStock($d->idOrder, $d->state);
            }
        } elseif ($d->action === \Sofinco\StatusAction::Error) {
            SofincoLogger::error(sprintf('order %d: %s', $d->idOrder, $d->reason));
        }
    }
}
