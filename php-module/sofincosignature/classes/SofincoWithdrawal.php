<?php
/** The customer's 14-day withdrawal period after signing (Code de la consommation). */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoWithdrawal
{
    const DAYS = 14;

    /** Y-m-d of the last day of the period, or null without a signature date. */
    public static function endDate($signatureDate)
    {
        if (!is_string($signatureDate) || !preg_match('/^\d{4}-\d{2}-\d{2}$/', $signatureDate)) {
            return null;
        }
        return date('Y-m-d', strtotime($signatureDate . ' +' . self::DAYS . ' days'));
    }

    public static function running($signatureDate)
    {
        $end = self::endDate($signatureDate);
        return $end !== null && $end >= date('Y-m-d');
    }
}
