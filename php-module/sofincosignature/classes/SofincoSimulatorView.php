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
        if (!$simulation['offers']) {
            return null;
        }
        $offers = [];
        $lowest = null;
        foreach ($simulation['offers'] as $offer) {
            $lowest = $lowest === null ? $offer['monthly_payment_cents'] : min($lowest, $offer['monthly_payment_cents']);
            $offers[] = [
                'months' => (int) $offer['duration_months'],
                'monthly' => SofincoPrices::format($offer['monthly_payment_cents'], $context),
                'first' => SofincoPrices::format($offer['first_payment_cents'], $context),
                'last' => SofincoPrices::format($offer['last_payment_cents'], $context),
                'uneven' => $offer['first_payment_cents'] !== $offer['monthly_payment_cents'] || $offer['last_payment_cents'] !== $offer['monthly_payment_cents'],
                'total' => SofincoPrices::format($offer['total_due_cents'], $context),
                'cost' => SofincoPrices::format($offer['credit_cost_cents'], $context),
                'fees' => SofincoPrices::format($offer['fees_cents'], $context),
                'debit_rate' => SofincoPrices::rate($offer['debit_rate']),
                'taeg' => SofincoPrices::rate($offer['taeg']),
            ];
        }
        return [
            'amount' => SofincoPrices::format($amountCents, $context),
            'from_monthly' => SofincoPrices::format($lowest, $context),
            'offers' => $offers,
            'legal_notice' => $simulation['legal_notice'],
        ];
    }
}
