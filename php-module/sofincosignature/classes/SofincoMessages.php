<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/** The customer's wording for each outcome of the journey. */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoMessages
{
    /** @param \Sofinco\OrderState|null $state the order's state (SofincoStates::of) */
    public static function forState($state, Module $module)
    {
        // Another state (or no extension): the OrderState cases are never read.
        if ($state === null) {
            return self::studying($module);
        }
        switch ($state) {
            case \Sofinco\OrderState::AwaitingCustomer:
                return $module->getTranslator()->trans('Your order is registered. Sofinco is waiting for documents from you: follow the instructions Sofinco sent you by e-mail.', [], 'Modules.Sofincosignature.Shop');
            case \Sofinco\OrderState::AwaitingFunding:
            case \Sofinco\OrderState::FundingRequested:
            case \Sofinco\OrderState::Funded:
                return $module->getTranslator()->trans('Your order is registered and your Sofinco credit is approved.', [], 'Modules.Sofincosignature.Shop');
            case \Sofinco\OrderState::TechError:
                return $module->getTranslator()->trans('Your order is registered; the shop will check your Sofinco application with Sofinco and come back to you.', [], 'Modules.Sofincosignature.Shop');
            default:
                return self::studying($module);
        }
    }

    private static function studying(Module $module)
    {
        return $module->getTranslator()->trans('Your order is registered. Sofinco is studying your credit application: you will be told of its decision by e-mail.', [], 'Modules.Sofincosignature.Shop');
    }

    /** For a journey that ended without an order, by Sofinco's status code. */
    public static function closed($sofincoStatus, Module $module)
    {
        if (\Sofinco\StatusMapper::closedReason((string) $sofincoStatus) === 'refused') {
            return $module->getTranslator()->trans('Sofinco did not accept your credit application. No order was placed: your cart is kept, you can choose another payment method.', [], 'Modules.Sofincosignature.Shop');
        }
        return $module->getTranslator()->trans('Your Sofinco application was not completed. No order was placed: your cart is kept, you can try again or choose another payment method.', [], 'Modules.Sofincosignature.Shop');
    }

    public static function pending(Module $module)
    {
        return $module->getTranslator()->trans('Sofinco has not registered your application yet. If you signed it, your order will appear in your account within the hour; otherwise you can try again.', [], 'Modules.Sofincosignature.Shop');
    }

    /** The customer switched the cart to another currency after leaving for Sofinco. */
    public static function notInEuros(Module $module)
    {
        return $module->getTranslator()->trans('Your cart is no longer in euros, and Sofinco lends in euros only: no order was placed. Switch the shop back to euros, then reload this page to complete your order.', [], 'Modules.Sofincosignature.Shop');
    }

    public static function unavailable(Module $module)
    {
        return $module->getTranslator()->trans('Payment with Sofinco is unavailable for the moment. Your cart is kept: please try again in a few minutes or choose another payment method.', [], 'Modules.Sofincosignature.Shop');
    }

    /**
     * Why Sofinco cannot finance this cart (a \Sofinco\Availability other than Offered and
     * Unknown): the merchant's maximum or minimum price, or Sofinco's own range. Never "try
     * again": no retry changes the answer.
     */
    public static function amountRefused($availability, $amountCents, Module $module, Context $context)
    {
        $amount = SofincoPrices::format($amountCents, $context);
        $idShop = (int) $context->shop->id;
        if ($availability === \Sofinco\Availability::AboveMaximum) {
            return sprintf(
                $module->getTranslator()->trans('The total of your cart (%s) is above the highest amount this shop accepts for a payment with Sofinco (%s). Your cart is kept: please choose another payment method.', [], 'Modules.Sofincosignature.Shop'),
                $amount,
                SofincoPrices::format(SofincoConfig::maxPriceCents($idShop), $context)
            );
        }
        if ($availability === \Sofinco\Availability::BelowMinimum) {
            return sprintf(
                $module->getTranslator()->trans('The total of your cart (%s) is below the lowest amount this shop accepts for a payment with Sofinco (%s). Your cart is kept: please choose another payment method.', [], 'Modules.Sofincosignature.Shop'),
                $amount,
                SofincoPrices::format(SofincoConfig::minPriceCents($idShop), $context)
            );
        }
        return sprintf(
            $module->getTranslator()->trans('The total of your cart (%s) is outside the amounts Sofinco finances for this shop. Your cart is kept: please choose another payment method.', [], 'Modules.Sofincosignature.Shop'),
            $amount
        );
    }
}
