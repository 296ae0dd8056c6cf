<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * "Annuler le dossier chez Sofinco", for a dossier not yet funded. The extension decides
 * (DossierSync::cancel, the order panel's own rule) under the order's lock, from the row
 * read again under it: a crafted POST for an order that left the workflow sends nothing.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoCancel
{
    /** @return array ['ok' => bool, 'message' => string, 'warning' => null] */
    public static function request(SofincoSignature $module, $idOrder)
    {
        return SofincoOrderStates::locked($idOrder, SofincoFunding::CLICK_WAIT, function () use ($module, $idOrder) {
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
            return self::result(false, $module->getTranslator()->trans('Only a Sofinco dossier not yet funded can be cancelled.', [], 'Modules.Sofincosignature.Admin'));
        }
        try {
            $decision = SofincoClientFactory::sync($module, (int) $order->id_shop)->cancel(self::row($dossier, $order));
        } catch (\Throwable $e) {
            SofincoLogger::error(sprintf('cancel of order %d: %s', $idOrder, SofincoLogger::describe($e)));
            return self::result(false, $module->getTranslator()->trans('Sofinco did not cancel the dossier:', [], 'Modules.Sofincosignature.Admin') . ' ' . SofincoErrorText::of($e, $module));
        }
        switch ($decision->action) {
            case \Sofinco\CancelAction::Cancelled:
                SofincoDossiers::refresh($idOrder, $decision->sofincoStatus, null);
                if (SofincoOrderStates::move($idOrder, (int) $order->current_state, $decision->state) && $decision->releaseStock) {
                    SofincoOrderStates::releaseStock($idOrder, $decision->state);
                }
                return self::result(true, $module->getTranslator()->trans('The dossier is cancelled at Sofinco.', [], 'Modules.Sofincosignature.Admin'));
            case \Sofinco\CancelAction::NotAllowed:
                return self::result(false, $module->getTranslator()->trans('Only a Sofinco dossier not yet funded can be cancelled.', [], 'Modules.Sofincosignature.Admin'));
            case \Sofinco\CancelAction::NotAccepted:
                return self::result(false, $module->getTranslator()->trans('Sofinco did not accept the cancellation.', [], 'Modules.Sofincosignature.Admin'));
            default:
                SofincoLogger::error(sprintf('cancel of order %d: %s', $idOrder, $decision->reason));
                // The extension's reason is English detail for the logs, written above.
                return self::result(false, $module->getTranslator()->trans('Sofinco did not cancel the dossier: try again in a few minutes, or see the logs.', [], 'Modules.Sofincosignature.Admin'));
        }
    }

    /** The request DossierSync::cancel() reads. */
    public static function row(array $dossier, Order $order)
    {
        $request = new \Sofinco\CancelRequest();
        $request->idOrder = (int) $order->id;
        $request->contractId = (string) $dossier['contract_id'];
        $request->orderReference = (string) $dossier['order_reference'];
        $request->state = SofincoStates::of((int) $order->current_state);
        $request->sofincoStatus = (string) $dossier['sofinco_status'];
        return $request;
    }

    private static function result($ok, $message)
    {
        return ['ok' => (bool) $ok, 'message' => $message, 'warning' => null];
    }
}
