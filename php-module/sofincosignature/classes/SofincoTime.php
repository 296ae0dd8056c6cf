<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * Times in the shop's own timezone (PS_TIMEZONE, Europe/Paris for a French shop), as the
 * back office shows them: the crons' last runs and the log lines. Never the PHP default,
 * which a CLI run or a server may leave at UTC.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoTime
{
    public static function zone()
    {
        $name = (string) Configuration::get('PS_TIMEZONE');
        try {
            return new DateTimeZone($name !== '' ? $name : date_default_timezone_get());
        } catch (\Exception $e) {
            return new DateTimeZone('UTC');
        }
    }

    /** A unix time as a DateTime in the shop's timezone. */
    public static function at($unix)
    {
        $date = new DateTime('@' . (int) $unix);
        $date->setTimezone(self::zone());
        return $date;
    }

    /** The shop's offset from UTC now, in seconds (for the extension's log lines). */
    public static function utcOffsetSeconds()
    {
        return self::at(time())->getOffset();
    }

    /** A unix time as the back office writes dates (the employee's language format). */
    public static function display($unix)
    {
        $date = self::at($unix)->format('Y-m-d H:i:s');
        // PrestaShop 1.7's displayDate($date, $id_lang, $full): the date alone without the third.
        return version_compare(_PS_VERSION_, '8.0.0', '<') ? Tools::displayDate($date, null, true) : Tools::displayDate($date, true);
    }
}
