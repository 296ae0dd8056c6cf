<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The return URL carries the reference and our HMAC of it, so a forged "Retour à la
 * boutique" link cannot make the shop look anything up for another reference.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoReturnSignature
{
    public static function sign($reference)
    {
        return hash_hmac('sha256', 'return|' . $reference, (string) Configuration::getGlobalValue(SofincoConfig::RETURN_SECRET));
    }

    /** Constant-time comparison. */
    public static function verify($reference, $signature)
    {
        return is_string($signature) && $signature !== '' && hash_equals(self::sign($reference), $signature);
    }
}
