<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * On PrestaShop's order confirmation page, in displayOrderConfirmation (the first card, under
 * its heading, above the order table): the credit is only under study, worded for the state.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoOrderConfirmationHook extends SofincoHook
{
    public function run(array $params)
    {
        $order = isset($params['order']) ? $params['order'] : null;
        if (!$order instanceof Order || $order->module !== $this->module->name || !SofincoRuntime::ready()) {
            return '';
        }
        Context::getContext()->smarty->assign([
            'sofinco_message' => SofincoMessages::forState(SofincoStates::of((int) $order->current_state), $this->module),
            'sofinco_reference' => $order->reference,
        ]);
        return $this->module->fetch('module:sofincosignature/views/templates/hook/order_confirmation.tpl');
    }
}
