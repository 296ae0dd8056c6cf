<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * Applies the orders decisions of the extension, and makes a second order for one cart
 * impossible: the return page, the notification and the orders cron may race for the same
 * reference (PrestaShop issues 16490, 11487, 17266). Under a database lock per cart, the
 * first one creates the order through validateOrder (every PrestaShop hook fires); the
 * others find it. sofinco_order's unique id_cart is the last guard.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoOrderCreator
{
    /** Seconds a racer waits for the one creating the order. */
    public const LOCK_WAIT = 20;

    /** @var PaymentModule */
    private $module;

    public function __construct(PaymentModule $module)
    {
        $this->module = $module;
    }

    /**
     * Applies one decision of DossierSync::orders() (or ::notification()) for an attempt.
     *
     * @return int the order's id when an order exists for the cart after this call, else 0
     */
    public function apply(array $attempt, \Sofinco\OrderDecision $decision)
    {
        switch ($decision->action) {
            case \Sofinco\OrderAction::CreateOrder:
                return $this->createOnce($attempt, $decision);
            case \Sofinco\OrderAction::Abandon:
                SofincoAttempts::close($attempt['order_reference'], SofincoAttempts::ABANDONED, 0, $decision->reason);
                SofincoLogger::info(sprintf('attempt %s closed without an order: %s', $attempt['order_reference'], $decision->reason));
                return 0;
            case \Sofinco\OrderAction::Cancelled:
                // A second credit for one cart: cancelled at Sofinco, shown on the cart's order.
                SofincoAttempts::close($attempt['order_reference'], SofincoAttempts::CANCELLED, 0, $decision->reason);
                SofincoLogger::info(sprintf('attempt %s: %s', $attempt['order_reference'], $decision->reason));
                return (int) Order::getIdByCartId((int) $attempt['id_cart']);
            case \Sofinco\OrderAction::Error:
                SofincoLogger::error(sprintf('attempt %s: %s', $attempt['order_reference'], $decision->reason));
                return (int) Order::getIdByCartId((int) $attempt['id_cart']);
            default:
                return (int) Order::getIdByCartId((int) $attempt['id_cart']);
        }
    }

    private function createOnce(array $attempt, \Sofinco\OrderDecision $decision)
    {
        $idCart = (int) $attempt['id_cart'];
        $lock = 'sofinco_cart_' . $idCart;
        if (!SofincoLock::acquire($lock, self::LOCK_WAIT)) {
            SofincoLogger::error(sprintf('cart %d is locked by another process for more than %d s', $idCart, self::LOCK_WAIT));
            return (int) Order::getIdByCartId($idCart);
        }
        try {
            $existing = (int) Order::getIdByCartId($idCart);
            if ($existing) {
                if (self::orderedAs($idCart) !== strtoupper((string) $attempt['order_reference'])) {
                    // Another dossier (another tab) became the cart's order first: this one
                    // stays open for the orders cron, which cancels it at Sofinco.
                    SofincoLogger::info(sprintf('cart %d is already ordered under another reference: dossier %s is left for the orders cron to cancel', $idCart, $attempt['order_reference']));
                    return $existing;
                }
                // Someone else won the race for this very dossier: only make sure the bookkeeping is done.
                SofincoDossiers::record($existing, $attempt, $decision);
                SofincoAttempts::close($attempt['order_reference'], SofincoAttempts::ORDERED, $existing, 'order already created');
                return $existing;
            }
            $idOrder = $this->validate($attempt, $decision);
            if ($idOrder) {
                SofincoDossiers::record($idOrder, $attempt, $decision);
                SofincoAttempts::close($attempt['order_reference'], SofincoAttempts::ORDERED, $idOrder, $decision->reason);
                SofincoLogger::info(sprintf('order %d created for cart %d in %s (%s)', $idOrder, $idCart, SofincoStates::key($decision->createIn), $attempt['order_reference']));
                $this->moveToDecidedState($idOrder, $decision);
            }
            return $idOrder;
        } finally {
            SofincoLock::release($lock);
        }
    }

    /**
     * An approved dossier's order is created in study (validateOrder would book the full
     * amount as paid in an approved state) and moved to its state at once: money is
     * booked once, by PrestaShop, when the order reaches "Dossier financé". The state is
     * the extension's, checked against the order validateOrder made (its total and
     * currency): a cart that changed since it was read is held.
     */
    private function moveToDecidedState($idOrder, \Sofinco\OrderDecision $decision)
    {
        $order = SofincoOrderStates::fresh($idOrder);
        $facts = SofincoDossiers::orderFacts($idOrder);
        $state = $decision->stateForOrder($facts['order_total_cents'], $facts['currency']);
        if ($state === null || $state === SofincoStates::of((int) $order->current_state)) {
            return;
        }
        $held = $decision->heldForOrder($facts['order_total_cents'], $facts['currency']);
        if ($held !== null) {
            SofincoDossiers::hold($idOrder, $held);
            SofincoLogger::error(sprintf('order %d is held: its total is not what Sofinco lends for %s', $idOrder, $decision->orderReference));
        }
        SofincoOrderStates::move((int) $idOrder, (int) $order->current_state, $state);
    }

    /** The reference of the order cart $idCart already has ("" when none). */
    public static function orderedAs($idCart)
    {
        $idCart = (int) $idCart;
        // The dossier the order was made from; else the order's own reference (another payment).
        $reference = Db::getInstance()->getValue('SELECT order_reference FROM `' . _DB_PREFIX_ . 'sofinco_order` WHERE id_cart = ' . $idCart, false);
        if (!$reference) {
            $reference = Db::getInstance()->getValue('SELECT reference FROM `' . _DB_PREFIX_ . 'orders` WHERE id_cart = ' . $idCart . ' ORDER BY id_order ASC', false);
        }
        return strtoupper((string) $reference);
    }

    private function validate(array $attempt, \Sofinco\OrderDecision $decision)
    {
        $cart = new Cart((int) $attempt['id_cart']);
        $idState = $decision->createIn === null ? 0 : SofincoStates::id($decision->createIn);
        if (!Validate::isLoadedObject($cart) || !$idState) {
            SofincoLogger::error(sprintf('attempt %s: cart %d or state %s is missing', $attempt['order_reference'], $attempt['id_cart'], SofincoStates::key($decision->createIn)));
            return 0;
        }
        SofincoCartContext::enter($cart);
        $customer = Context::getContext()->customer;
        $module = $this->module;
        // The order takes the reference the customer saw at Sofinco (SofincoOrderReference).
        SofincoOrderReference::around($attempt['order_reference'], function () use ($module, $cart, $idState, $decision, $customer, $attempt) {
            $module->validateOrder(
                (int) $cart->id,
                $idState,
                // The extension's figure: the dossier's amount when funded, else nothing paid.
                $decision->paymentEuros,
                self::paymentLabel($module, (string) $attempt['mode']),
                null,
                [],
                (int) $cart->id_currency,
                false,
                $customer->secure_key
            );
        });
        return (int) $this->module->currentOrder;
    }

    /**
     * The payment's name on the order: a dossier of Sofinco's recette says so, so a test
     * order never passes for a real one in the Orders list, its payments or its invoice.
     */
    public static function paymentLabel(Module $module, $mode)
    {
        return $mode === 'TEST' ? '[TEST] ' . $module->displayName : $module->displayName;
    }

    /**
     * The attempt row as DossierSync reads it: the cart as it is now (total and currency),
     * never the amount stored at checkout, and the order the cart already has, if any.
     */
    public static function syncRow(array $attempt)
    {
        $cart = new Cart((int) $attempt['id_cart']);
        $loaded = Validate::isLoadedObject($cart);
        $row = new \Sofinco\Attempt();
        $row->idCart = (int) $attempt['id_cart'];
        $row->orderReference = (string) $attempt['order_reference'];
        // A customer who changed the cart after leaving for Sofinco gets no validated
        // order: the extension compares these with the dossier.
        $row->cartTotalCents = $loaded ? SofincoCartContext::totalCents($cart) : 0;
        $row->currency = $loaded ? (string) Currency::getIsoCodeById((int) $cart->id_currency) : '';
        $row->orderedAs = self::orderedAs((int) $attempt['id_cart']);
        $row->createdAt = (int) $attempt['created_at'];
        return $row;
    }
}
