<?php
/**
 * The simulator block's data for an amount: "à partir de X €/mois", the offers with TAEG,
 * total due and cost, and the legal notice. From the disk cache when warm; nothing at all
 * (never an error) when Sofinco cannot answer.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoSimulatorView
{
    /** @return array|null */
    public static function forAmount(Module $module, Context $context, $amountCents)
    {
        try {
            // A product page never waits long on a cold cache.
            $client = SofincoClientFactory::client($module, (int) $context->shop->id, ['timeout_ms' => 2500, 'max_retries' => 0]);
            $simulation = $client->simulate((int) $amountCents);
        } catch (\Throwable $e) {
            SofincoLogger::error('simulator hidden: ' . SofincoLogger::describe($e));
            return null;
        }
        if ($simulation->lowestMonthlyCents === null) {
            return null;
        }
        $offers = [];
        foreach ($simulation->offers as $offer) {
            $offers[] = [
                'months' => $offer->durationMonths,
                'monthly' => SofincoPrices::format($offer->monthlyPaymentCents, $context),
                'first' => SofincoPrices::format($offer->firstPaymentCents, $context),
                'last' => SofincoPrices::format($offer->lastPaymentCents, $context),
                'uneven' => $offer->uneven,
                'total' => SofincoPrices::format($offer->totalDueCents, $context),
                'cost' => SofincoPrices::format($offer->creditCostCents, $context),
                'fees' => SofincoPrices::format($offer->feesCents, $context),
                'debit_rate' => SofincoPrices::rate($offer->debitRate),
                'taeg' => SofincoPrices::rate($offer->taeg),
            ];
        }
        return [
            'amount' => SofincoPrices::format($amountCents, $context),
            'from_monthly' => SofincoPrices::format($simulation->lowestMonthlyCents, $context),
            'offers' => $offers,
            'legal_notice' => $simulation->legalNotice,
        ];
    }
}
