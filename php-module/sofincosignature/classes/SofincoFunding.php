<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * "Valider la demande de financement" (spec-fr.md §7): the click queues the request and
 * moves the order to "Financement demandé Sofinco" before anything is sent; the request is
 * then sent at once, and if Sofinco cannot be reached the funding cron sends it.
 * The click and the cron take the order's lock and read the request again under it, so a
 * request Sofinco accepted is never sent again, whatever the interleaving.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoFunding
{
    /** Seconds the click waits for a cron run that holds the order. */
    public const CLICK_WAIT = 20;

    /**
     * The merchant's click.
     *
     * @return array ['ok' => bool, 'message' => string, 'warning' => string|null]
     */
    public static function request(SofincoSignature $module, $idOrder)
    {
        return SofincoOrderStates::locked($idOrder, self::CLICK_WAIT, function () use ($module, $idOrder) {
            return self::requestLocked($module, (int) $idOrder);
        }, function () use ($module) {
            return self::result(false, $module->getTranslator()->trans('Another process (a cron run or another click) is updating this order right now: nothing was sent. Try again in a moment.', [], 'Modules.Sofincosignature.Admin'));
        });
    }

    private static function requestLocked(SofincoSignature $module, $idOrder)
    {
        $order = SofincoOrderStates::fresh($idOrder);
        $dossier = SofincoDossiers::byOrder($idOrder);
        if (!Validate::isLoadedObject($order) || $dossier === null) {
            return self::result(false, $module->getTranslator()->trans('This order has no Sofinco dossier.', [], 'Modules.Sofincosignature.Admin'));
        }
        if ($dossier['funding_requested_at'] !== null) {
            return self::result(true, $module->getTranslator()->trans('Funding was already requested for this order.', [], 'Modules.Sofincosignature.Admin'));
        }
        if (!\Sofinco\StatusMapper::canRequestFunding(SofincoStates::of((int) $order->current_state))) {
            return self::result(false, $module->getTranslator()->trans('Funding can be requested only for an order in "Dossier en attente de financement Sofinco".', [], 'Modules.Sofincosignature.Admin'));
        }
        $warning = null;
        if (\Sofinco\StatusMapper::withdrawalRunning($dossier['signature_date'], date('Y-m-d'))) {
            $warning = sprintf($module->getTranslator()->trans('The customer\'s 14-day withdrawal period runs until %s.', [], 'Modules.Sofincosignature.Admin'), Tools::displayDate(\Sofinco\StatusMapper::withdrawalEnd($dossier['signature_date'])));
        }
        SofincoDossiers::queueFunding($idOrder);
        SofincoOrderStates::move($idOrder, (int) $order->current_state, \Sofinco\OrderState::FundingRequested);
        $decision = null;
        try {
            $sync = SofincoClientFactory::sync($module, (int) $order->id_shop, 1, 15000);
            $decisions = $sync->fundings(null, SofincoDossiers::fundingRow(SofincoDossiers::byOrder($idOrder)))->decisions;
            $decision = $decisions ? $decisions[0] : null;
        } catch (\Throwable $e) {
            SofincoLogger::error(sprintf('funding of order %d kept for the cron: %s', $idOrder, SofincoLogger::describe($e)));
        }
        if ($decision === null) {
            return self::result(true, $module->getTranslator()->trans('Sofinco cannot be reached right now: the request is queued and the funding cron will send it.', [], 'Modules.Sofincosignature.Admin'), $warning);
        }
        self::apply($decision);
        switch ($decision->action) {
            case \Sofinco\FundingAction::Sent:
            case \Sofinco\FundingAction::Funded:
                return self::result(true, $module->getTranslator()->trans('Funding requested: Sofinco accepted the request.', [], 'Modules.Sofincosignature.Admin'), $warning);
            case \Sofinco\FundingAction::Closed:
                return self::result(false, $module->getTranslator()->trans('Nothing was sent: Sofinco\'s dossier ended without funding (refused or cancelled). The order follows at the next statuses run.', [], 'Modules.Sofincosignature.Admin'));
            case \Sofinco\FundingAction::Error:
                if ($decision->heldBecause !== null) {
                    return self::result(false, $module->getTranslator()->trans('Nothing was sent: Sofinco\'s dossier does not pay for this order as it is now (its total or currency changed). The order is held; see both amounts on the order page.', [], 'Modules.Sofincosignature.Admin'));
                }
                // The extension's reason is English detail: apply() wrote it to the logs.
                return self::result(false, $module->getTranslator()->trans('Sofinco refused the funding request: the reason is in the logs (with the call\'s Correlationid, for Sofinco\'s support).', [], 'Modules.Sofincosignature.Admin'), $warning);
            default:
                return self::result(true, $module->getTranslator()->trans('Sofinco cannot be reached right now: the request is queued and the funding cron will send it.', [], 'Modules.Sofincosignature.Admin'), $warning);
        }
    }

    /**
     * The funding cron's run for one shop's queued requests: each order is locked (a
     * request the merchant is clicking right now is left for the next run) and its row read
     * again under the lock before anything is sent.
     *
     * @return array the batch's summary
     */
    public static function sendQueued(\Sofinco\DossierSync $sync, array $pending)
    {
        $locked = [];
        $rows = [];
        foreach ($pending as $row) {
            $idOrder = (int) $row['id_order'];
            if (!SofincoLock::acquire(SofincoOrderStates::lockName($idOrder), 0)) {
                continue;
            }
            $locked[] = $idOrder;
            $fresh = SofincoDossiers::byOrder($idOrder);
            if ($fresh !== null && $fresh['funding_requested_at'] !== null && !(int) $fresh['funding_closed']) {
                $rows[] = SofincoDossiers::fundingRow($fresh);
            }
        }
        try {
            $batch = $sync->fundings(null, ...$rows);
            foreach ($batch->decisions as $decision) {
                self::apply($decision);
            }
            $summary = $batch->summary();
            $summary['remaining'] += count($pending) - count($locked);
            return $summary;
        } finally {
            foreach ($locked as $idOrder) {
                SofincoLock::release(SofincoOrderStates::lockName($idOrder));
            }
        }
    }

    /** Applies one decision of DossierSync::fundings() to its queued request (under its lock). */
    public static function apply(\Sofinco\FundingDecision $d)
    {
        $idOrder = $d->idOrder;
        switch ($d->action) {
            case \Sofinco\FundingAction::Sent:
                SofincoDossiers::markFundingSent($idOrder);
                break;
            case \Sofinco\FundingAction::Funded:
                SofincoDossiers::markFundingSent($idOrder);
                SofincoDossiers::closeFunding($idOrder);
                SofincoDossiers::refresh($idOrder, $d->sofincoStatus, null);
                $order = SofincoOrderStates::fresh($idOrder);
                if (\Sofinco\StatusMapper::isSynced(SofincoStates::of((int) $order->current_state))) {
                    SofincoOrderStates::move($idOrder, (int) $order->current_state, $d->state);
                }
                break;
            case \Sofinco\FundingAction::Closed:
                // Refused, cancelled or abandoned after the click: nothing to send any more.
                SofincoDossiers::closeFunding($idOrder);
                SofincoDossiers::refresh($idOrder, $d->sofincoStatus, null);
                SofincoLogger::info(sprintf('funding of order %d: %s', $idOrder, $d->reason));
                break;
            case \Sofinco\FundingAction::Error:
                if ($d->heldBecause !== null) {
                    // Sofinco's dossier does not pay for the order as it is (edited since):
                    // nothing was sent, the request is withdrawn and the order held.
                    SofincoDossiers::withdrawFunding($idOrder, $d->heldBecause);
                    $order = SofincoOrderStates::fresh($idOrder);
                    if (\Sofinco\StatusMapper::isSynced(SofincoStates::of((int) $order->current_state))) {
                        SofincoOrderStates::move($idOrder, (int) $order->current_state, $d->state);
                    }
                }
                SofincoLogger::error(sprintf('funding of order %d: %s', $idOrder, $d->reason));
                break;
        }
    }

    private static function result($ok, $message, $warning = null)
    {
        return ['ok' => (bool) $ok, 'message' => $message, 'warning' => $warning];
    }
}
