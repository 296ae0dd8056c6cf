<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The module's private files, per shop: the offers cache, the rendered simulator blocks and
 * the Sofinco token shared by every PHP worker. Under PrestaShop's var/ (denied to the web on
 * Apache) in a folder whose name derives from the shop's secret _COOKIE_KEY_ (so no URL can
 * be guessed on a server that ignores .htaccess), only the shop's PHP user can read it.
 * Outside var/cache on purpose: PrestaShop empties that on every module enable/disable and
 * cache clear, which made every page ask Sofinco again.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoPrivateStore
{
    public static function root()
    {
        $root = defined('_PS_ROOT_DIR_') ? _PS_ROOT_DIR_ : dirname(__DIR__, 3);
        $key = defined('_COOKIE_KEY_') ? _COOKIE_KEY_ : __DIR__;
        return $root . '/var/sofincosignature-' . substr(hash_hmac('sha256', 'sofinco-store', $key), 0, 16);
    }

    /** The shop's folder (made 0700 with the guards on first use). */
    public static function shopDirectory($idShop)
    {
        $dir = self::root() . '/shop-' . (int) $idShop;
        if (!is_dir($dir)) {
            self::guard();
            @mkdir($dir, 0700, true);
        }
        return $dir;
    }

    /** The extension's offers cache (and its short memory of failures). */
    public static function offersDirectory($idShop)
    {
        return self::shopDirectory($idShop) . '/offers';
    }

    /** The rendered simulator blocks, by amount and language. */
    public static function fragmentsDirectory($idShop)
    {
        return self::shopDirectory($idShop) . '/fragments';
    }

    /**
     * The token every worker of the shop shares (written 0600 by the extension, sealed with a
     * key only the SecretId gives: the file is no bearer token to whoever reads it).
     */
    public static function tokenFile($idShop)
    {
        return self::shopDirectory($idShop) . '/token.json';
    }

    /**
     * Empties every shop's offers cache (with the extension's call slots and markers) and
     * rendered blocks: the configuration page's purge. The shared token stays.
     */
    public static function purgeCaches()
    {
        foreach (glob(self::root() . '/shop-*', GLOB_ONLYDIR) ?: [] as $shop) {
            self::removeTree($shop . '/offers');
            self::removeTree($shop . '/fragments');
        }
    }

    private static function removeTree($dir)
    {
        if (!is_dir($dir) || is_link($dir)) {
            return;
        }
        foreach (scandir($dir) ?: [] as $name) {
            if ($name === '.' || $name === '..') {
                continue;
            }
            $path = $dir . '/' . $name;
            if (is_dir($path) && !is_link($path)) {
                self::removeTree($path);
            } else {
                @unlink($path);
            }
        }
        @rmdir($dir);
    }

    /** Apache guards; the unguessable name guards the other servers. */
    private static function guard()
    {
        $root = self::root();
        if (!is_dir($root)) {
            @mkdir($root, 0700, true);
        }
        if (is_dir($root) && !is_file($root . '/index.php')) {
            @file_put_contents($root . '/.htaccess', "<IfModule mod_authz_core.c>\n    Require all denied\n</IfModule>\n<IfModule !mod_authz_core.c>\n    Order deny,allow\n    Deny from all\n</IfModule>\n");
            @file_put_contents($root . '/index.php', "<?php\nhttp_response_code(403);\nexit;\n");
        }
    }
}
