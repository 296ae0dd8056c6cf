<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The module's own catalogue for a given language, read from its XLF file
 * (translations/<locale>/ModulesSofincosignatureAdmin.<locale>.xlf) with Symfony's loader.
 * For texts stored per language at install (the order states' names): PrestaShop's
 * translator may still hold a catalogue built before the module was installed (its cache
 * is cleared only at the end of the install request), and it loads only the current
 * language. Pages and messages use the translator, where the merchant's edits apply.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoCatalogue
{
    public const ADMIN_DOMAIN = 'ModulesSofincosignatureAdmin';

    /** @var array<string, \Symfony\Component\Translation\MessageCatalogue|null> by locale */
    private static $loaded = [];

    /** $source (English) in $locale ("fr-FR"); $source itself when that language has no catalogue. */
    public static function admin($source, $locale)
    {
        $catalogue = self::load((string) $locale);
        if ($catalogue === null || !$catalogue->has($source, self::ADMIN_DOMAIN)) {
            return $source;
        }
        return $catalogue->get($source, self::ADMIN_DOMAIN);
    }

    private static function load($locale)
    {
        if (!array_key_exists($locale, self::$loaded)) {
            $file = _PS_MODULE_DIR_ . 'sofincosignature/translations/' . $locale . '/' . self::ADMIN_DOMAIN . '.' . $locale . '.xlf';
            $loader = new \Symfony\Component\Translation\Loader\XliffFileLoader();
            self::$loaded[$locale] = preg_match('/^[a-z]{2}-[A-Z]{2}$/', $locale) && is_file($file)
                ? $loader->load($file, $locale, self::ADMIN_DOMAIN)
                : null;
        }
        return self::$loaded[$locale];
    }
}
