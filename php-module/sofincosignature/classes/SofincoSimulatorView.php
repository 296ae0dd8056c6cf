<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The simulator block's data for an amount: "à partir de X €/mois" with its representative
 * example (TAEG fixe, duration, total due, cost: Code de la consommation L312-6), the offers
 * with TAEG, total due and cost, free offers said free, and the legal notice. Nothing at all
 * (never an error) when there are no offers.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoSimulatorView
{
    /**
     * From the disk cache only (a page never waits on Sofinco), or, with $ask, from Sofinco
     * within a short budget (the offers endpoint, fetched by the browser).
     *
     * @return array|null
     */
    public static function forAmount(Module $module, Context $context, $amountCents, $ask = false)
    {
        try {
            $client = SofincoClientFactory::quickClient($module, (int) $context->shop->id);
            $simulation = $ask ? $client->simulate((int) $amountCents) : $client->cachedSimulation((int) $amountCents);
        } catch (\Throwable $e) {
            SofincoLogger::error('simulator hidden: ' . SofincoLogger::describe($e));
            return null;
        }
        if ($simulation === null || $simulation->representative === null) {
            return null;
        }
        $offers = [];
        foreach ($simulation->offers as $offer) {
            $offers[] = self::offer($offer, $context);
        }
        return [
            'amount' => SofincoPrices::format($amountCents, $context),
            'from_monthly' => SofincoPrices::format($simulation->lowestMonthlyCents, $context),
            'example' => self::offer($simulation->representative, $context),
            'offers' => $offers,
            'legal_notice' => $simulation->legalNotice,
        ];
    }

    private static function offer(\Sofinco\Offer $offer, Context $context)
    {
        return [
            'months' => $offer->durationMonths,
            'monthly' => SofincoPrices::format($offer->monthlyPaymentCents, $context),
            'first' => SofincoPrices::format($offer->firstPaymentCents, $context),
            'last' => SofincoPrices::format($offer->lastPaymentCents, $context),
            'uneven' => $offer->uneven,
            'free' => $offer->free,
            'total' => SofincoPrices::format($offer->totalDueCents, $context),
            'cost' => SofincoPrices::format($offer->creditCostCents, $context),
            'fees' => SofincoPrices::format($offer->feesCents, $context),
            'debit_rate' => SofincoPrices::rate($offer->debitRate),
            'taeg' => SofincoPrices::rate($offer->taeg),
        ];
    }
}
