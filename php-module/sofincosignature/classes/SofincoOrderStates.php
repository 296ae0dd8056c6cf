<?php
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
    /** @return bool whether the order moved */
    public static function move($idOrder, $expectedCurrentState, $stateKey)
    {
        $idState = SofincoStates::id($stateKey);
        $lock = 'sofinco_order_' . (int) $idOrder;
        if (!$idState || !SofincoLock::acquire($lock, 10)) {
            return false;
        }
        try {
            $order = new Order((int) $idOrder);
            if (!Validate::isLoadedObject($order) || (int) $order->current_state !== (int) $expectedCurrentState
                || (int) $order->current_state === $idState) {
                return false;
            }
            // Invoices and payments of a paid state need the order's cart context.
            SofincoCartContext::enter(new Cart((int) $order->id_cart));
            $history = new OrderHistory();
            $history->id_order = (int) $order->id;
            $history->id_employee = 0;
            $history->changeIdOrderState($idState, $order, true);
            $history->addWithemail(true);
            SofincoLogger::info(sprintf('order %d moved to %s', $idOrder, $stateKey));
            return true;
        } finally {
            SofincoLock::release($lock);
        }
    }
}
