<?php
/** The customer's wording for each outcome of the journey. */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoMessages
{
    public static function forState($stateKey, Module $module)
    {
        switch ($stateKey) {
            case 'SOFINCO_OS_AWAITING_CUSTOMER':
                return $module->l('Your order is registered. Sofinco is waiting for documents from you: follow the instructions Sofinco sent you by e-mail.', 'sofincomessages');
            case 'SOFINCO_OS_AWAITING_FUNDING':
            case 'SOFINCO_OS_FUNDING_REQUESTED':
            case 'SOFINCO_OS_FUNDED':
                return $module->l('Your order is registered and your Sofinco credit is approved.', 'sofincomessages');
            case 'SOFINCO_OS_TECH_ERROR':
                return $module->l('Your order is registered; the shop will check your Sofinco application with Sofinco and come back to you.', 'sofincomessages');
            default:
                return $module->l('Your order is registered. Sofinco is studying your credit application: you will be told of its decision by e-mail.', 'sofincomessages');
        }
    }

    /** For a journey that ended without an order, by Sofinco's status code. */
    public static function closed($sofincoStatus, Module $module)
    {
        if (\Sofinco\StatusMapper::closedReason((string) $sofincoStatus) === 'refused') {
            return $module->l('Sofinco did not accept your credit application. No order was placed: your cart is kept, you can choose another payment method.', 'sofincomessages');
        }
        return $module->l('Your Sofinco application was not completed. No order was placed: your cart is kept, you can try again or choose another payment method.', 'sofincomessages');
    }

    public static function pending(Module $module)
    {
        return $module->l('Sofinco has not registered your application yet. If you signed it, your order will appear in your account within the hour; otherwise you can try again.', 'sofincomessages');
    }

    public static function unavailable(Module $module)
    {
        return $module->l('Payment with Sofinco is unavailable for the moment. Your cart is kept: please try again in a few minutes or choose another payment method.', 'sofincomessages');
    }
}
