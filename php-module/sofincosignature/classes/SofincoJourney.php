<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * What SofincoClient::createJourney() asks Sofinco a journey for: the attempt, its amount,
 * and the customer with the cart's invoice address.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoJourney
{
    /** @return \Sofinco\JourneyOrder */
    public static function order(Context $context, $reference, $amountCents, Customer $customer, Address $address)
    {
        $module = 'sofincosignature';
        $order = new \Sofinco\JourneyOrder();
        $order->orderReference = (string) $reference;
        $order->amountCents = (int) $amountCents;
        $order->customer = self::customer($customer, $address);
        $order->returnUrl = $context->link->getModuleLink($module, 'return', [
            'ref' => $reference,
            'sig' => SofincoReturnSignature::sign($reference),
        ], true);
        $order->notificationUrl = $context->link->getModuleLink($module, 'notification', [], true);
        return $order;
    }

    /** @return \Sofinco\Customer */
    private static function customer(Customer $customer, Address $address)
    {
        $buyer = new \Sofinco\Customer();
        $buyer->civility = (int) $customer->id_gender === 2 ? 'mrs' : 'mr';
        $buyer->firstName = (string) $customer->firstname;
        $buyer->lastName = (string) $customer->lastname;
        $buyer->email = (string) $customer->email;
        $buyer->phone = (string) ($address->phone_mobile ?: $address->phone);
        $where = new \Sofinco\Address();
        $where->line1 = (string) $address->address1;
        $where->line2 = (string) $address->address2;
        $where->postcode = (string) $address->postcode;
        $where->city = (string) $address->city;
        $where->country = (string) Country::getIsoById((int) $address->id_country);
        $buyer->address = $where;
        return $buyer;
    }
}
