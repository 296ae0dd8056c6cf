<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * At most one Sofinco lookup per reference per window, whatever the number of notifications
 * and of web servers: the notification endpoint is unauthenticated, so forged POSTs naming an
 * open attempt must not each cost a call to Sofinco. The claim is one atomic statement on a
 * row of the database all web servers share.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoNotifyGate
{
    /** Seconds between two lookups for one reference (Sofinco notifies once per change). */
    public const WINDOW_S = 5;

    /** True for the one caller that may look the reference up now. */
    public static function claim($reference, $now = null)
    {
        $now = $now === null ? time() : (int) $now;
        $ref = pSQL(Tools::strtoupper((string) $reference));
        $before = $now - self::WINDOW_S;
        $table = _DB_PREFIX_ . 'sofinco_notify_claim';
        $db = Db::getInstance();
        // Inserted: 1 row; an expired claim taken over: 2; a live claim left alone: 0.
        $ok = $db->execute("INSERT INTO `{$table}` (`order_reference`, `claimed_at`) VALUES ('{$ref}', {$now})
            ON DUPLICATE KEY UPDATE `claimed_at` = IF(`claimed_at` <= {$before}, VALUES(`claimed_at`), `claimed_at`)", false);
        return $ok && $db->Affected_Rows() > 0;
    }

    /**
     * The return page's own key for a reference (20 characters, as the column holds): its
     * reloads are bounded by their own window, and a notification just handled never keeps a
     * returning customer from Sofinco's latest answer.
     */
    public static function returnKey($reference)
    {
        return 'R' . substr(hash('sha256', Tools::strtoupper((string) $reference)), 0, 19);
    }

    /** The window runs again from the end of a lookup, however long Sofinco took. */
    public static function renew($reference)
    {
        Db::getInstance()->execute('UPDATE `' . _DB_PREFIX_ . 'sofinco_notify_claim` SET `claimed_at` = ' . time()
            . " WHERE `order_reference` = '" . pSQL(Tools::strtoupper((string) $reference)) . "'", false);
    }

    /** Claims older than a day are of no use. */
    public static function prune($now = null)
    {
        $now = $now === null ? time() : (int) $now;
        Db::getInstance()->execute('DELETE FROM `' . _DB_PREFIX_ . 'sofinco_notify_claim` WHERE `claimed_at` < ' . ($now - 86400), false);
    }
}
