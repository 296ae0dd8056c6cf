<?php
/** "Annuler le dossier chez Sofinco", for a dossier not yet funded. */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoCancel
{
    /** @return array ['ok' => bool, 'message' => string, 'warning' => null] */
    public static function request(SofincoSignature $module, $idOrder)
    {
        $order = new Order((int) $idOrder);
        $dossier = SofincoDossiers::byOrder((int) $idOrder);
        if (!Validate::isLoadedObject($order) || $dossier === null || $dossier['contract_id'] === '' || $dossier['sofinco_status'] === 'FIN') {
            return ['ok' => false, 'message' => $module->l('Only a Sofinco dossier not yet funded can be cancelled.', 'sofincocancel'), 'warning' => null];
        }
        try {
            $ack = SofincoClientFactory::client($module, (int) $order->id_shop)->cancelDossier($dossier['contract_id'], $dossier['order_reference']);
        } catch (\Throwable $e) {
            SofincoLogger::error(sprintf('cancel of order %d: %s', $idOrder, $e->getMessage()));
            return ['ok' => false, 'message' => $module->l('Sofinco did not cancel the dossier:', 'sofincocancel') . ' ' . $e->getMessage(), 'warning' => null];
        }
        if (!$ack['accepted']) {
            return ['ok' => false, 'message' => $module->l('Sofinco did not accept the cancellation.', 'sofincocancel'), 'warning' => null];
        }
        SofincoDossiers::refresh((int) $idOrder, 'ANN', null);
        SofincoOrderStates::move((int) $idOrder, (int) $order->current_state, 'SOFINCO_OS_CANCELLED');
        return ['ok' => true, 'message' => $module->l('The dossier is cancelled at Sofinco.', 'sofincocancel'), 'warning' => null];
    }
}
