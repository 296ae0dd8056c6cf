<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * Moves an order to a module state through OrderHistory (mails, hooks, payments, stock all
 * follow PrestaShop's own rules), only if nobody moved it meanwhile: a state the merchant
 * set by hand takes the order out of the workflow (spec-fr.md §8).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoOrderStates
{
    /** The per-order lock every money action and state change of the module takes. */
    public static function lockName($idOrder)
    {
        return 'sofinco_order_' . (int) $idOrder;
    }

    /**
     * Runs $work under the order's lock (a merchant's click waits for a cron run holding
     * it); $busy's answer when the lock stays taken longer than $waitSeconds.
     */
    public static function locked($idOrder, $waitSeconds, callable $work, callable $busy)
    {
        $lock = self::lockName($idOrder);
        if (!SofincoLock::acquire($lock, $waitSeconds)) {
            return $busy();
        }
        try {
            return $work();
        } finally {
            SofincoLock::release($lock);
        }
    }

    /**
     * The order as the database has it now: PrestaShop keeps loaded objects for the whole
     * process (a cron run), and under the lock another process's change must be seen.
     */
    public static function fresh($idOrder)
    {
        Cache::clean('objectmodel_Order_' . (int) $idOrder . '_*');
        return new Order((int) $idOrder);
    }

    /** @return bool whether the order moved */
    /** @param \Sofinco\OrderState $state */
    public static function move($idOrder, $expectedCurrentState, $state)
    {
        $idState = $state !== null ? SofincoStates::id($state) : 0;
        return $idState && self::moveToId($idOrder, $expectedCurrentState, $idState, SofincoStates::key($state), true, true);
    }

    /**
     * After a refusal or a cancellation (decision->releaseStock): PrestaShop's own
     * "Annulé", the one state for which PrestaShop gives the products back to stock. Without
     * its e-mail: the customer already heard it from the module's state (the merchant's
     * choice in Orders > Statuses), once.
     */
    public static function releaseStock($idOrder, $state)
    {
        $cancelled = \Sofinco\OrderState::PrestashopCancelled;
        $idCancelled = SofincoStates::id($cancelled);
        $order = self::fresh($idOrder);
        if (!$idCancelled || !Validate::isLoadedObject($order) || SofincoStates::of((int) $order->current_state) !== $state) {
            return false;
        }
        return self::moveToId($idOrder, (int) $order->current_state, $idCancelled, SofincoStates::key($cancelled), false, false);
    }

    /** @param bool $moduleState $idState is one of the module's: the order's Sofinco state (SofincoDossiers::recordState) */
    private static function moveToId($idOrder, $expectedCurrentState, $idState, $label, $withEmail, $moduleState)
    {
        return self::locked($idOrder, 10, function () use ($idOrder, $expectedCurrentState, $idState, $label, $withEmail, $moduleState) {
            $order = self::fresh($idOrder);
            if (
                !Validate::isLoadedObject($order) || (int) $order->current_state !== (int) $expectedCurrentState
                || (int) $order->current_state === (int) $idState
            ) {
                return false;
            }
            // Invoices and payments of a paid state need the order's cart context.
            SofincoCartContext::enter(new Cart((int) $order->id_cart));
            $history = new OrderHistory();
            $history->id_order = (int) $order->id;
            $history->id_employee = 0;
            $history->changeIdOrderState((int) $idState, $order, true);
            if ($withEmail) {
                $history->addWithemail(true);
            } else {
                $history->add(true);
            }
            if ($moduleState) {
                SofincoDossiers::recordState($idOrder, $idState);
            }
            SofincoLogger::info(sprintf('order %d moved to %s', $idOrder, $label));
            return true;
        }, function () {
            return false;
        });
    }
}
