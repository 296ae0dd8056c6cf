<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The simulator block as rendered HTML, per shop, amount, language, place and settings, so a
 * warm product or cart page costs one file read instead of a client, sixty price formats
 * and a Smarty render. An hour at most: the offers behind it are cached a day. Swept at most
 * once a minute to its age and MAX_FILES, emptied by the configuration page's purge
 * (SofincoPrivateStore::purgeCaches).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoFragmentCache
{
    public const TTL = 3600;
    /** Blocks kept at most per shop: the oldest go first past this. */
    public const MAX_FILES = 2000;

    public static function key(SofincoSignature $module, Context $context, $amountCents, $where)
    {
        $idShop = (int) $context->shop->id;
        return hash('sha256', implode('|', [
            $module->version, $idShop, (int) $context->language->id, $where, (int) $amountCents,
            SofincoConfig::get(SofincoConfig::TEST_MODE, $idShop), SofincoConfig::get(SofincoConfig::MERCHANT_ID, $idShop),
            SofincoConfig::get(SofincoConfig::NATURE_BIEN, $idShop), SofincoConfig::get(SofincoConfig::API_URL, $idShop),
            self::textsVersion(),
        ]));
    }

    /**
     * When the translation catalogues were last rebuilt: PrestaShop empties its translations
     * cache when a merchant edits a text, so a block rendered with the old text is not served
     * again (one stat, no query).
     */
    private static function textsVersion()
    {
        return defined('_PS_CACHE_DIR_') ? (string) @filemtime(_PS_CACHE_DIR_ . 'translations') : '';
    }

    /** @return string|null */
    public static function get($idShop, $key)
    {
        $file = self::file($idShop, $key);
        $mtime = @filemtime($file);
        if ($mtime === false || time() - $mtime > self::TTL) {
            return null;
        }
        $html = @file_get_contents($file);
        return $html === false ? null : $html;
    }

    /** Best effort, atomic: a block that cannot be stored is only rendered again. */
    public static function put($idShop, $key, $html)
    {
        $dir = SofincoPrivateStore::fragmentsDirectory($idShop);
        if (!is_dir($dir) && !@mkdir($dir, 0700, true)) {
            return;
        }
        $tmp = $dir . '/.tmp-' . getmypid() . '-' . bin2hex(random_bytes(4));
        if (@file_put_contents($tmp, $html) !== false && !@rename($tmp, self::file($idShop, $key))) {
            @unlink($tmp);
        }
        self::sweepAtMostEveryMinute($dir);
    }

    /**
     * Keeps the folder within its age and size: blocks past the TTL go, then the oldest past
     * MAX_FILES. One worker a minute does it (whoever renews the folder's marker first).
     */
    private static function sweepAtMostEveryMinute($dir)
    {
        $marker = $dir . '/.swept';
        $last = @filemtime($marker);
        if ($last !== false && time() - $last < 60) {
            return;
        }
        @touch($marker);
        self::sweep($dir, time());
    }

    /** @param int $now */
    public static function sweep($dir, $now)
    {
        $kept = [];
        foreach (glob($dir . '/*.html') ?: [] as $file) {
            $mtime = @filemtime($file);
            if ($mtime === false || $now - $mtime > self::TTL) {
                @unlink($file);
            } else {
                $kept[$file] = $mtime;
            }
        }
        foreach (glob($dir . '/.tmp-*') ?: [] as $file) {
            if ($now - (int) @filemtime($file) > 60) {
                @unlink($file);
            }
        }
        if (count($kept) > self::MAX_FILES) {
            asort($kept);
            foreach (array_slice(array_keys($kept), 0, count($kept) - self::MAX_FILES) as $file) {
                @unlink($file);
            }
        }
    }


    private static function file($idShop, $key)
    {
        return SofincoPrivateStore::root() . '/shop-' . (int) $idShop . '/fragments/' . $key . '.html';
    }
}
