<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The Sofinco panel of the back-office order page (displayAdminOrderMain on 1.7.7+ and 8,
 * displayAdminOrder before): references, signature date, end of the withdrawal period,
 * Sofinco's code, and the two actions, posted to the Dossiers tab behind its admin token.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoAdminOrderHook extends SofincoHook
{
    public function run(array $params)
    {
        $idOrder = isset($params['id_order']) ? (int) $params['id_order'] : 0;
        $dossier = $idOrder ? SofincoDossiers::byOrder($idOrder) : null;
        if ($dossier === null) {
            return '';
        }
        $context = Context::getContext();
        $order = new Order($idOrder);
        // PrestaShop's order page decides who opens an order; the panel and its actions are
        // still only for an employee who manages the order's shop (the tab refuses the rest).
        if (!SofincoShopScope::manages((int) $order->id_shop, $context)) {
            return '';
        }
        $ready = SofincoRuntime::ready();
        $state = $ready ? SofincoStates::of((int) $order->current_state) : null;
        $end = $ready ? \Sofinco\StatusMapper::withdrawalEnd($dossier['signature_date']) : null;
        $flash = isset($context->cookie->sofinco_flash) ? json_decode((string) $context->cookie->sofinco_flash, true) : null;
        unset($context->cookie->sofinco_flash);
        // Moved by hand out of the workflow: say so, and what Sofinco says now (read-only).
        $left = $ready && SofincoLiveStatus::leftWorkflow($order);
        $context->smarty->assign([
            'sofinco_dossier' => $dossier,
            'sofinco_withdrawal_end' => $end,
            // Only a real date: an absent one is never shown as "0000-00-00".
            'sofinco_signature_date' => $end !== null ? $dossier['signature_date'] : null,
            'sofinco_withdrawal_running' => $ready && \Sofinco\StatusMapper::withdrawalRunning($dossier['signature_date'], date('Y-m-d')),
            'sofinco_can_fund' => $ready && !$left && \Sofinco\StatusMapper::canRequestFunding($state),
            'sofinco_can_cancel' => $ready && \Sofinco\StatusMapper::canCancel($state, (string) $dossier['sofinco_status'], (string) $dossier['contract_id']),
            'sofinco_action' => $context->link->getAdminLink('AdminSofincoDossiers', true, [], ['id_order' => $idOrder, 'back' => 'order']),
            'sofinco_flash' => is_array($flash) && (int) $flash['id_order'] === $idOrder ? $flash : null,
            'sofinco_missing' => SofincoRuntime::missingReason($this->module),
            'sofinco_left' => $left,
            'sofinco_live' => $left ? SofincoLiveStatus::of($this->module, $order, $dossier) : null,
            'sofinco_fund_confirm_js' => json_encode($ready ? SofincoFundingText::confirmation($this->module, $dossier['signature_date']) : '', JSON_UNESCAPED_UNICODE),
            'sofinco_withdrawal_end_text' => $end !== null ? Tools::displayDate($end) : null,
            'sofinco_signature_date_text' => $end !== null ? Tools::displayDate($dossier['signature_date']) : null,
            // What Sofinco lends beside the order's own total; held: why they differ.
            'sofinco_lent' => $dossier['sofinco_amount_cents'] !== null ? SofincoPrices::format((int) $dossier['sofinco_amount_cents']) : null,
            'sofinco_order_total' => SofincoPrices::ofOrder($order),
            'sofinco_held' => (string) $dossier['held'],
            'sofinco_other_dossiers' => $this->otherDossiers($order, (string) $dossier['order_reference']),
        ]);
        return $this->module->display($this->module->getLocalPath() . 'sofincosignature.php', 'views/templates/admin/order_panel.tpl');
    }

    /** The cart's other Sofinco journeys (a second tab), each with what became of it. */
    private function otherDossiers(Order $order, $reference)
    {
        $t = $this->module->getTranslator();
        $words = [
            SofincoAttempts::OPEN => $t->trans('open: cancelled at Sofinco by the orders cron if the customer signs it', [], 'Modules.Sofincosignature.Admin'),
            SofincoAttempts::CANCELLED => $t->trans('signed, then cancelled at Sofinco (one credit per order)', [], 'Modules.Sofincosignature.Admin'),
            SofincoAttempts::ABANDONED => $t->trans('not signed, closed', [], 'Modules.Sofincosignature.Admin'),
            SofincoAttempts::ORDERED => $t->trans('became this order', [], 'Modules.Sofincosignature.Admin'),
        ];
        $rows = [];
        foreach (SofincoAttempts::othersOfCart((int) $order->id_cart, $reference) as $attempt) {
            $rows[] = [
                'reference' => $attempt['order_reference'],
                'status' => isset($words[$attempt['status']]) ? $words[$attempt['status']] : $attempt['status'],
                'cancelled' => $attempt['status'] === SofincoAttempts::CANCELLED,
            ];
        }
        return $rows;
    }
}
