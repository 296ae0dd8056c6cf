<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * What Sofinco says of a dossier now, for an order that no longer follows Sofinco (the
 * merchant moved it by hand: the crons leave it alone, spec-fr.md §8). Read-only, cached a
 * minute per order so a reloaded order page does not call Sofinco each time; a failure is
 * shown as such, never as a status.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoLiveStatus
{
    public const TTL_S = 60;

    /**
     * The order left the workflow: its state is not one of the module's and the last change
     * was made by an employee (the module's own moves are recorded without one).
     */
    public static function leftWorkflow(Order $order)
    {
        if (SofincoStates::of((int) $order->current_state) !== null) {
            return false;
        }
        $last = Db::getInstance()->getRow('SELECT id_employee FROM `' . _DB_PREFIX_ . 'order_history` WHERE id_order = '
            . (int) $order->id . ' ORDER BY date_add DESC, id_order_history DESC');
        return $last && (int) $last['id_employee'] > 0;
    }

    /** @return array ['ok' => bool, 'code' => Sofinco's code, 'state' => the state's name, 'error' => text] */
    public static function of(SofincoSignature $module, Order $order, array $dossier)
    {
        $file = SofincoConfig::cacheDirectory() . '/live-' . (int) $order->id . '.json';
        $cached = @json_decode((string) @file_get_contents($file), true);
        if (is_array($cached) && isset($cached['at']) && time() - (int) $cached['at'] < self::TTL_S) {
            return $cached;
        }
        try {
            $client = SofincoClientFactory::client($module, (int) $order->id_shop);
            $found = (string) $dossier['contract_id'] !== ''
                ? $client->getDossier((string) $dossier['contract_id'], (string) $dossier['order_reference'])
                : $client->findDossier((string) $dossier['order_reference']);
            $code = $found === null ? 'NFD' : (string) $found->status;
            $sofincoState = \Sofinco\StatusMapper::stateFor($code);
            $state = $sofincoState !== null ? new OrderState(SofincoStates::id($sofincoState), (int) Context::getContext()->language->id) : null;
            $result = ['ok' => true, 'code' => $code, 'state' => $state && Validate::isLoadedObject($state) ? $state->name : '', 'error' => ''];
        } catch (\Throwable $e) {
            SofincoLogger::error(sprintf('live status of order %d: %s', (int) $order->id, SofincoLogger::describe($e)));
            $result = ['ok' => false, 'code' => '', 'state' => '', 'error' => SofincoErrorText::of($e, $module)];
        }
        $result['at'] = time();
        @mkdir(dirname($file), 0770, true);
        @file_put_contents($file, json_encode($result), LOCK_EX);
        return $result;
    }
}
