<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The module's settings (Configuration, multishop-aware) and the extension's client
 * configuration built from them.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoConfig
{
    public const MERCHANT_ID = 'SOFINCO_MERCHANT_ID';
    public const NATURE_BIEN = 'SOFINCO_NATURE_BIEN';
    public const Q6 = 'SOFINCO_Q6';
    public const X1 = 'SOFINCO_X1';
    public const CLIENT_ID_TEST = 'SOFINCO_CLIENT_ID_TEST';
    public const SECRET_TEST = 'SOFINCO_SECRET_TEST';
    public const CLIENT_ID_PROD = 'SOFINCO_CLIENT_ID_PROD';
    public const SECRET_PROD = 'SOFINCO_SECRET_PROD';
    public const TEST_MODE = 'SOFINCO_TEST_MODE';
    public const MIN_PRICE = 'SOFINCO_MIN_PRICE';
    /** Empty: no maximum of the merchant's own (Sofinco's range applies in any case). */
    public const MAX_PRICE = 'SOFINCO_MAX_PRICE';
    public const DEBUG = 'SOFINCO_DEBUG';
    /** Advanced: another gateway than Sofinco's (the sandbox, a proxy). Empty: by mode. */
    public const API_URL = 'SOFINCO_API_URL';
    /** Advanced, off by default: production may call an API URL that is not Sofinco's. */
    public const ALLOW_OTHER_URL = 'SOFINCO_ALLOW_OTHER_URL';
    /**
     * The API URL each secret was saved with (as the extension writes it, written by the
     * configuration page when the secret is typed): the secret is sent nowhere else.
     */
    public const SECRET_URLS = ['SOFINCO_SECRET_TEST' => 'SOFINCO_SECRET_URL_TEST', 'SOFINCO_SECRET_PROD' => 'SOFINCO_SECRET_URL_PROD'];
    /** Advanced, not on the form: per-call timeout in ms for slow networks (default 10000). */
    public const TIMEOUT_MS = 'SOFINCO_TIMEOUT_MS';
    /**
     * Advanced, not on the form: simulations this shop may send Sofinco a minute, all visitors
     * together (default: the extension's, 30). A shop with a large catalogue of prices may
     * raise it.
     */
    public const SIMULATIONS_PER_MINUTE = 'SOFINCO_SIMULATIONS_PER_MINUTE';
    /** Advanced: calls to Sofinco at once in a cron run, and how long a run may last. */
    public const CRON_CONCURRENCY = 'SOFINCO_CRON_CONCURRENCY';
    public const CRON_DEADLINE_S = 'SOFINCO_CRON_DEADLINE_S';
    /** Their bounds: Sofinco's gateway throttles beyond 32 calls at once, and a run must
     * fit between two crontab slots. */
    public const CRON_LIMITS = [self::CRON_CONCURRENCY => [1, 32], self::CRON_DEADLINE_S => [5, 300]];
    public const CRON_TOKEN = 'SOFINCO_CRON_TOKEN';
    public const RETURN_SECRET = 'SOFINCO_RETURN_SECRET';

    /** Keys of the configuration form, with their defaults. */
    public const FORM_DEFAULTS = [
        self::MERCHANT_ID => '',
        self::NATURE_BIEN => '',
        self::Q6 => '',
        self::X1 => '',
        self::CLIENT_ID_TEST => '',
        self::SECRET_TEST => '',
        self::CLIENT_ID_PROD => '',
        self::SECRET_PROD => '',
        self::TEST_MODE => '1',
        self::MIN_PRICE => '100',
        self::MAX_PRICE => '',
        self::DEBUG => '0',
        self::API_URL => '',
        self::ALLOW_OTHER_URL => '0',
        self::CRON_CONCURRENCY => '8',
        self::CRON_DEADLINE_S => '50',
    ];

    public const SECRETS = [self::SECRET_TEST, self::SECRET_PROD];

    public static function get($key, $idShop = null)
    {
        $value = Configuration::get($key, null, null, $idShop);
        return $value === false ? (isset(self::FORM_DEFAULTS[$key]) ? self::FORM_DEFAULTS[$key] : '') : (string) $value;
    }

    public static function testMode($idShop = null)
    {
        return self::get(self::TEST_MODE, $idShop) === '1';
    }

    /** "TEST" or "PRODUCTION", as the Dossiers tab shows it. */
    public static function modeLabel($idShop = null)
    {
        return self::testMode($idShop) ? 'TEST' : 'PRODUCTION';
    }

    public static function minPriceCents($idShop = null)
    {
        return self::priceCents(self::get(self::MIN_PRICE, $idShop));
    }

    /** 0 when no maximum is set. */
    public static function maxPriceCents($idShop = null)
    {
        return self::priceCents(self::get(self::MAX_PRICE, $idShop));
    }

    /** A price setting ("150", "150,00") in cents; 0 when empty or unreadable. */
    public static function priceCents($text)
    {
        $text = trim(str_replace(',', '.', (string) $text));
        if (!SofincoRuntime::ready() || $text === '') {
            return 0;
        }
        try {
            return \Sofinco\StatusMapper::cents($text);
        } catch (\Sofinco\SofincoException $e) {
            // The form refuses such a value; an old one stored by hand sets no limit.
            return 0;
        }
    }

    public static function cronConcurrency($idShop = null)
    {
        return self::bounded(self::CRON_CONCURRENCY, $idShop);
    }

    public static function cronDeadlineMs($idShop = null)
    {
        return self::bounded(self::CRON_DEADLINE_S, $idShop) * 1000;
    }

    /** An advanced setting within its bounds (a value stored by hand is clamped). */
    private static function bounded($key, $idShop)
    {
        list($min, $max) = self::CRON_LIMITS[$key];
        $value = self::get($key, $idShop);
        if (!ctype_digit($value)) {
            $value = self::FORM_DEFAULTS[$key];
        }
        return max($min, min($max, (int) $value));
    }

    /** Every field needed to call Sofinco is filled for the current mode. */
    public static function isConfigured($idShop = null)
    {
        $test = self::testMode($idShop);
        foreach (
            [self::MERCHANT_ID, self::NATURE_BIEN, self::Q6, self::X1,
            $test ? self::CLIENT_ID_TEST : self::CLIENT_ID_PROD,
            $test ? self::SECRET_TEST : self::SECRET_PROD] as $key
        ) {
            if (trim(self::get($key, $idShop)) === '') {
                return false;
            }
        }
        return true;
    }

    /** The \Sofinco\ClientConfig of this shop. */
    public static function clientConfig(Module $module, $idShop = null)
    {
        $values = [];
        foreach (self::FORM_DEFAULTS as $key => $default) {
            $values[$key] = self::get($key, $idShop);
        }
        $secretKey = $values[self::TEST_MODE] === '1' ? self::SECRET_TEST : self::SECRET_PROD;
        return self::clientConfigFrom($module, $values, $idShop, self::secretUrl($secretKey, $idShop));
    }

    /**
     * The API URL a stored secret was saved with: the one the configuration page stored when
     * it was typed; for a secret stored before 2.4.0 (or by hand), the API URL stored with
     * it. The extension sends the secret nowhere else.
     */
    public static function secretUrl($secretKey, $idShop = null)
    {
        $saved = self::get(self::SECRET_URLS[$secretKey], $idShop);
        if ($saved !== '') {
            return $saved;
        }
        $class = 'Sofinco\\SofincoClient';
        try {
            return $class::apiUrlFor($secretKey === self::SECRET_TEST ? 'test' : 'production', self::get(self::API_URL, $idShop));
        } catch (\Throwable $e) {
            // An API URL the extension refuses: the secret goes nowhere.
            return '';
        }
    }

    /**
     * The same from form values (field key => value): "Tester la connexion" tests what the
     * merchant typed before anything is saved. $secretUrl: where the secret in $values was
     * saved (null: it was typed for these values).
     */
    public static function clientConfigFrom(Module $module, array $values, $idShop = null, $secretUrl = null)
    {
        $value = function ($key) use ($values) {
            return isset($values[$key]) ? trim((string) $values[$key]) : '';
        };
        $test = $value(self::TEST_MODE) === '1';
        $config = new \Sofinco\ClientConfig();
        $config->merchantId = $value(self::MERCHANT_ID);
        $config->natureBien = $value(self::NATURE_BIEN);
        $config->q6 = $value(self::Q6);
        $config->x1 = $value(self::X1);
        $config->clientId = $value($test ? self::CLIENT_ID_TEST : self::CLIENT_ID_PROD);
        $config->clientSecret = $value($test ? self::SECRET_TEST : self::SECRET_PROD);
        $config->mode = $test ? 'test' : 'production';
        $config->logDir = SofincoLogger::directory();
        $config->logUtcOffsetS = SofincoTime::utcOffsetSeconds();
        $config->debug = $value(self::DEBUG) === '1';
        $config->cacheDir = self::cacheDirectory($idShop);
        $config->tokenFile = SofincoPrivateStore::tokenFile(self::shopId($idShop));
        $config->userAgent = sprintf('sofincosignature/%s PrestaShop/%s PHP/%s', $module->version, _PS_VERSION_, PHP_VERSION);
        // The extension compares amounts with them (SofincoClient::availability).
        $config->minPriceCents = self::priceCents($value(self::MIN_PRICE));
        $config->maxPriceCents = self::priceCents($value(self::MAX_PRICE));
        $timeout = (int) Configuration::get(self::TIMEOUT_MS, null, null, $idShop);
        if ($timeout > 0) {
            $config->timeoutMs = $timeout;
        }
        $budget = (int) Configuration::get(self::SIMULATIONS_PER_MINUTE, null, null, $idShop);
        if ($budget > 0) {
            $config->simulationsPerMinute = $budget;
        }
        // As typed, never trimmed: the extension refuses a space anywhere in it.
        $apiUrl = isset($values[self::API_URL]) ? (string) $values[self::API_URL] : '';
        if ($apiUrl !== '') {
            $config->baseUrl = $apiUrl;
        }
        $config->allowOtherUrl = $value(self::ALLOW_OTHER_URL) === '1';
        if ($secretUrl !== null) {
            $config->clientSecretUrl = (string) $secretUrl;
        }
        return $config;
    }

    /** The stored secrets (client secrets, cron token, return-link key), for redaction. */
    public static function secretValues()
    {
        $values = [];
        foreach (array_merge(self::SECRETS, [self::CRON_TOKEN, self::RETURN_SECRET]) as $key) {
            $values[] = (string) Configuration::get($key);
        }
        return $values;
    }

    /**
     * Stores a value exactly as given, in the current shop context (as Configuration::updateValue
     * would choose its row), without PrestaShop's cleaning: updateValue strips tags (or
     * runs HTMLPurifier with $html), so "ab<cd>ef" would become "abef".
     */
    public static function storeRaw($key, $value)
    {
        list($group, $shop) = self::context();
        $db = Db::getInstance();
        $id = self::storedId($key, $group, $shop);
        if ($id) {
            return (bool) $db->execute('UPDATE `' . _DB_PREFIX_ . 'configuration` SET `value` = \'' . pSQL((string) $value, true)
                . '\', `date_upd` = NOW() WHERE `id_configuration` = ' . $id);
        }
        return (bool) $db->execute('INSERT INTO `' . _DB_PREFIX_ . 'configuration` (`id_shop_group`, `id_shop`, `name`, `value`, `date_add`, `date_upd`) VALUES ('
            . ($group ? $group : 'NULL') . ', ' . ($shop ? $shop : 'NULL') . ', \'' . pSQL($key) . '\', \'' . pSQL((string) $value, true) . '\', NOW(), NOW())');
    }

    /** The value stored in the database for the current shop context (not Configuration's cache); null when there is none. */
    public static function readStored($key)
    {
        list($group, $shop) = self::context();
        $id = self::storedId($key, $group, $shop);
        if (!$id) {
            return null;
        }
        $value = Db::getInstance()->getValue('SELECT `value` FROM `' . _DB_PREFIX_ . 'configuration` WHERE `id_configuration` = ' . $id, false);
        return $value === false || $value === null ? '' : (string) $value;
    }

    /** Removes the row of the current shop context (a value that was not there before a refused save). */
    public static function deleteStored($key)
    {
        list($group, $shop) = self::context();
        $id = self::storedId($key, $group, $shop);
        return !$id || Db::getInstance()->execute('DELETE FROM `' . _DB_PREFIX_ . 'configuration` WHERE `id_configuration` = ' . $id);
    }

    /** [shop group, shop] of the context, as Configuration::updateValue takes them (0: none). */
    private static function context()
    {
        return [(int) Shop::getContextShopGroupID(true), (int) Shop::getContextShopID(true)];
    }

    /** The row's id for that context: Configuration's own restriction, read without any cache. */
    private static function storedId($key, $group, $shop)
    {
        if ($shop) {
            $where = ' AND `id_shop` = ' . (int) $shop;
        } elseif ($group) {
            $where = ' AND `id_shop_group` = ' . (int) $group . ' AND (`id_shop` IS NULL OR `id_shop` = 0)';
        } else {
            $where = ' AND (`id_shop_group` IS NULL OR `id_shop_group` = 0) AND (`id_shop` IS NULL OR `id_shop` = 0)';
        }
        return (int) Db::getInstance()->getValue('SELECT `id_configuration` FROM `' . _DB_PREFIX_ . 'configuration` WHERE `name` = \''
            . pSQL($key) . '\'' . $where . ' ORDER BY `id_configuration`', false);
    }

    /** Offers cached for all PHP workers of the shop, kept when the module is disabled. */
    public static function cacheDirectory($idShop = null)
    {
        return SofincoPrivateStore::offersDirectory(self::shopId($idShop));
    }

    private static function shopId($idShop)
    {
        if ($idShop !== null) {
            return (int) $idShop;
        }
        $context = Context::getContext();
        return $context && $context->shop ? (int) $context->shop->id : 1;
    }

    /** A random secret for tokens and signatures, made at install. */
    public static function newSecret()
    {
        return bin2hex(random_bytes(24));
    }
}
