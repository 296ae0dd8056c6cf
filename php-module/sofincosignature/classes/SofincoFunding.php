<?php
/**
 * "Valider la demande de financement" (spec-fr.md §7): the click queues the request and
 * moves the order to "Financement demandé Sofinco" before anything is sent; the request is
 * then sent at once, and if Sofinco cannot be reached the funding cron sends it. A request
 * Sofinco accepted is never sent again.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoFunding
{
    /**
     * The merchant's click.
     *
     * @return array ['ok' => bool, 'message' => string, 'warning' => string|null]
     */
    public static function request(SofincoSignature $module, $idOrder)
    {
        $order = new Order((int) $idOrder);
        $dossier = SofincoDossiers::byOrder((int) $idOrder);
        if (!Validate::isLoadedObject($order) || $dossier === null) {
            return ['ok' => false, 'message' => $module->l('This order has no Sofinco dossier.', 'sofincofunding'), 'warning' => null];
        }
        $stateKey = SofincoStates::keyOf((int) $order->current_state);
        if (!\Sofinco\StatusMapper::canRequestFunding($stateKey)) {
            return ['ok' => false, 'message' => $module->l('Funding can be requested only for an order in "Dossier en attente de financement Sofinco".', 'sofincofunding'), 'warning' => null];
        }
        $warning = null;
        $end = SofincoWithdrawal::endDate($dossier['signature_date']);
        if ($end !== null && $end >= date('Y-m-d')) {
            $warning = sprintf($module->l('The customer\'s 14-day withdrawal period runs until %s.', 'sofincofunding'), $end);
        }
        SofincoDossiers::queueFunding((int) $idOrder);
        SofincoOrderStates::move((int) $idOrder, (int) $order->current_state, 'SOFINCO_OS_FUNDING_REQUESTED');
        try {
            $sync = SofincoClientFactory::sync($module, ['concurrency' => 1, 'deadline_ms' => 15000], (int) $order->id_shop);
            $batch = $sync->fundings([SofincoDossiers::fundingRow(SofincoDossiers::byOrder((int) $idOrder))]);
            $decision = $batch['decisions'] ? $batch['decisions'][0] : null;
        } catch (\Throwable $e) {
            SofincoLogger::error(sprintf('funding of order %d kept for the cron: %s', $idOrder, $e->getMessage()));
            $decision = null;
        }
        if ($decision !== null) {
            self::apply(SofincoDossiers::byOrder((int) $idOrder), $decision);
        }
        if ($decision !== null && in_array($decision['action'], ['sent', 'funded'], true)) {
            return ['ok' => true, 'message' => $module->l('Funding requested: Sofinco accepted the request.', 'sofincofunding'), 'warning' => $warning];
        }
        if ($decision !== null && $decision['action'] === 'error') {
            return ['ok' => false, 'message' => $module->l('Sofinco refused the funding request:', 'sofincofunding') . ' ' . $decision['reason'], 'warning' => $warning];
        }
        return ['ok' => true, 'message' => $module->l('Sofinco cannot be reached right now: the request is queued and the funding cron will send it.', 'sofincofunding'), 'warning' => $warning];
    }

    /** Applies one decision of DossierSync::fundings() to its queued request. */
    public static function apply(array $row, array $d)
    {
        $idOrder = (int) $row['id_order'];
        switch ($d['action']) {
            case 'sent':
                SofincoDossiers::markFundingSent($idOrder);
                break;
            case 'funded':
                SofincoDossiers::markFundingSent($idOrder);
                SofincoDossiers::refresh($idOrder, 'FIN', null);
                $order = new Order($idOrder);
                if (\Sofinco\StatusMapper::isSynced(SofincoStates::keyOf((int) $order->current_state))) {
                    SofincoOrderStates::move($idOrder, (int) $order->current_state, 'SOFINCO_OS_FUNDED');
                }
                break;
            case 'error':
                SofincoLogger::error(sprintf('funding of order %d: %s', $idOrder, $d['reason']));
                break;
        }
    }
}
