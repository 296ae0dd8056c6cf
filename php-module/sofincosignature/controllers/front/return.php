<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * "Retour à la boutique": checks our signature on the reference, asks Sofinco for the
 * dossier and creates the order at once when it is alive and its amount matches. Reloads,
 * the notification and the orders cron racing this page never make a second order.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoSignatureReturnModuleFrontController extends ModuleFrontController
{
    public $ssl = true;

    public function initContent()
    {
        parent::initContent();
        $reference = strtoupper((string) Tools::getValue('ref'));
        $attempt = SofincoReturnSignature::verify($reference, Tools::getValue('sig')) ? SofincoAttempts::byReference($reference) : null;
        if ($attempt === null) {
            // Forged or mangled link: say nothing about any reference.
            header('HTTP/1.1 403 Forbidden');
            return $this->show($this->module->getTranslator()->trans('This return link is not valid.', [], 'Modules.Sofincosignature.Shop'), null);
        }
        $idOrder = (int) Order::getIdByCartId((int) $attempt['id_cart']);
        $decision = null;
        // A journey from a second tab, for a cart already ordered: decided too (its dossier
        // is cancelled at Sofinco at once), and the customer sees the cart's one order.
        $secondJourney = $idOrder && SofincoOrderCreator::orderedAs((int) $attempt['id_cart']) !== $reference;
        // One lookup per reference per SofincoNotifyGate window (the return link's own):
        // reloading a valid return link does not make a Sofinco call each time. When the
        // window is taken (a reload), an order another request is making is waited for.
        $gate = SofincoNotifyGate::returnKey($reference);
        $mayAsk = ($idOrder === 0 || $secondJourney) && $attempt['status'] === SofincoAttempts::OPEN;
        if ($mayAsk && !SofincoNotifyGate::claim($gate)) {
            $mayAsk = false;
            $idOrder = $idOrder ?: $this->orderMadeMeanwhile((int) $attempt['id_cart']);
        }
        if ($mayAsk) {
            try {
                $sync = SofincoClientFactory::sync($this->module, (int) $attempt['id_shop'], 1, 20000);
                $decisions = $sync->orders(null, SofincoOrderCreator::syncRow($attempt))->decisions;
                $decision = $decisions ? $decisions[0] : null;
            } catch (\Throwable $e) {
                SofincoLogger::error('return page for ' . $reference . ': ' . SofincoLogger::describe($e));
            }
            if ($decision !== null) {
                $idOrder = (new SofincoOrderCreator($this->module))->apply($attempt, $decision);
            }
        }
        if ($idOrder && $decision === null && SofincoNotifyGate::claim($gate)) {
            // Made earlier by the notification or the cron: Sofinco may have moved on since
            // (ETU then AFI); the customer is told what Sofinco says now (once per window).
            $this->refreshState($idOrder);
        }
        if ($idOrder) {
            return $this->confirm(new Order($idOrder));
        }
        if ($decision !== null && $decision->heldBecause === 'currency') {
            return $this->show(SofincoMessages::notInEuros($this->module), null);
        }
        if ($decision !== null && $decision->action === \Sofinco\OrderAction::Abandon) {
            return $this->show(SofincoMessages::closed((string) $decision->sofincoStatus, $this->module), null);
        }
        if ($attempt['status'] === SofincoAttempts::ABANDONED) {
            // The notification closed it first: ask Sofinco why, to word the page right.
            return $this->show(SofincoMessages::closed($this->sofincoStatus($attempt), $this->module), null);
        }
        return $this->show(SofincoMessages::pending($this->module), null);
    }

    /** The cart's order, waited for up to three seconds (another request is making it), or 0. */
    private function orderMadeMeanwhile($idCart)
    {
        $until = microtime(true) + 3;
        do {
            $idOrder = (int) Db::getInstance()->getValue('SELECT id_order FROM `' . _DB_PREFIX_ . 'sofinco_order` WHERE id_cart = ' . (int) $idCart, false);
            if ($idOrder) {
                return $idOrder;
            }
            usleep(250000);
        } while (microtime(true) < $until);
        return 0;
    }

    /** One statuses decision for this order, applied as the statuses cron would. */
    private function refreshState($idOrder)
    {
        $row = SofincoDossiers::trackedOrder($idOrder);
        if ($row === null) {
            return;
        }
        try {
            // An order that left the workflow gets a Leave decision, without any call.
            $sync = SofincoClientFactory::sync($this->module, (int) $row['id_shop'], 1, 10000);
            foreach ($sync->statuses(null, SofincoDossiers::statusRow($row))->decisions as $decision) {
                SofincoStatusApplier::apply($decision, (int) $row['current_state']);
            }
        } catch (\Throwable $e) {
            SofincoLogger::error('return page for order ' . (int) $idOrder . ': ' . SofincoLogger::describe($e));
        }
    }

    /** Sofinco's code for a closed attempt's dossier ("" when Sofinco cannot say). */
    private function sofincoStatus(array $attempt)
    {
        try {
            $dossier = SofincoClientFactory::client($this->module, (int) $attempt['id_shop'])->findDossier($attempt['order_reference']);
            return $dossier === null ? '' : $dossier->status;
        } catch (\Throwable $e) {
            return '';
        }
    }

    private function confirm(Order $order)
    {
        $customer = $this->context->customer;
        if ($customer && (int) $customer->id === (int) $order->id_customer) {
            // PrestaShop's own confirmation page: its hooks (analytics, displayOrderConfirmation) fire.
            Tools::redirect($this->context->link->getPageLink('order-confirmation', true, null, [
                'id_cart' => (int) $order->id_cart,
                'id_module' => (int) $this->module->id,
                'id_order' => (int) $order->id,
                'key' => $order->secure_key,
            ]));
        }
        // Another browser or an expired session: confirm without showing the order's details.
        return $this->show(SofincoMessages::forState(SofincoStates::of((int) $order->current_state), $this->module), $order->reference);
    }

    private function show($message, $orderReference)
    {
        $this->context->smarty->assign([
            'sofinco_title' => $this->module->getTranslator()->trans('Payment with Sofinco', [], 'Modules.Sofincosignature.Shop'),
            'sofinco_message' => $message,
            'sofinco_order' => $orderReference,
            'sofinco_order_label' => $this->module->getTranslator()->trans('Order reference:', [], 'Modules.Sofincosignature.Shop'),
            'sofinco_cart_label' => $this->module->getTranslator()->trans('Back to my cart', [], 'Modules.Sofincosignature.Shop'),
            'sofinco_cart_url' => $this->context->link->getPageLink('cart', true, null, ['action' => 'show']),
        ]);
        $this->setTemplate('module:sofincosignature/views/templates/front/outcome.tpl');
    }
}
