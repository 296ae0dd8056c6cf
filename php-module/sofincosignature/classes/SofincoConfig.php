<?php
/**
 * The module's settings (Configuration, multishop-aware) and the extension's client
 * configuration built from them.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoConfig
{
    const MERCHANT_ID = 'SOFINCO_MERCHANT_ID';
    const NATURE_BIEN = 'SOFINCO_NATURE_BIEN';
    const Q6 = 'SOFINCO_Q6';
    const X1 = 'SOFINCO_X1';
    const CLIENT_ID_TEST = 'SOFINCO_CLIENT_ID_TEST';
    const SECRET_TEST = 'SOFINCO_SECRET_TEST';
    const CLIENT_ID_PROD = 'SOFINCO_CLIENT_ID_PROD';
    const SECRET_PROD = 'SOFINCO_SECRET_PROD';
    const TEST_MODE = 'SOFINCO_TEST_MODE';
    const MIN_PRICE = 'SOFINCO_MIN_PRICE';
    const DEBUG = 'SOFINCO_DEBUG';
    /** Advanced: another gateway than Sofinco's (the sandbox, a proxy). Empty: by mode. */
    const API_URL = 'SOFINCO_API_URL';
    /** Advanced, not on the form: per-call timeout in ms for slow networks (default 10000). */
    const TIMEOUT_MS = 'SOFINCO_TIMEOUT_MS';
    const CRON_TOKEN = 'SOFINCO_CRON_TOKEN';
    const RETURN_SECRET = 'SOFINCO_RETURN_SECRET';

    /** Keys of the configuration form, with their defaults. */
    const FORM_DEFAULTS = [
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
        self::DEBUG => '0',
        self::API_URL => '',
    ];

    const SECRETS = [self::SECRET_TEST, self::SECRET_PROD];

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
        $text = trim(str_replace(',', '.', (string) self::get(self::MIN_PRICE, $idShop)));
        if (!SofincoRuntime::ready() || $text === '') {
            return 0;
        }
        try {
            return \Sofinco\StatusMapper::cents($text);
        } catch (\Sofinco\SofincoException $e) {
            // The form refuses such a value; an old one stored by hand sets no minimum.
            return 0;
        }
    }

    /** Every field needed to call Sofinco is filled for the current mode. */
    public static function isConfigured($idShop = null)
    {
        $test = self::testMode($idShop);
        foreach ([self::MERCHANT_ID, self::NATURE_BIEN, self::Q6, self::X1,
            $test ? self::CLIENT_ID_TEST : self::CLIENT_ID_PROD,
            $test ? self::SECRET_TEST : self::SECRET_PROD] as $key) {
            if (trim(self::get($key, $idShop)) === '') {
                return false;
            }
        }
        return true;
    }

    /** The configuration array of Sofinco\SofincoClient for this shop. */
    public static function clientConfig(Module $module, $idShop = null)
    {
        $test = self::testMode($idShop);
        $config = [
            'merchant_id' => self::get(self::MERCHANT_ID, $idShop),
            'nature_bien' => self::get(self::NATURE_BIEN, $idShop),
            'q6' => self::get(self::Q6, $idShop),
            'x1' => self::get(self::X1, $idShop),
            'client_id' => self::get($test ? self::CLIENT_ID_TEST : self::CLIENT_ID_PROD, $idShop),
            'client_secret' => self::get($test ? self::SECRET_TEST : self::SECRET_PROD, $idShop),
            'mode' => $test ? 'test' : 'production',
            'log_dir' => SofincoLogger::directory(),
            'debug' => self::get(self::DEBUG, $idShop) === '1',
            'cache_dir' => self::cacheDirectory($idShop),
            'token_file' => SofincoPrivateStore::tokenFile(self::shopId($idShop)),
            'user_agent' => sprintf('sofincosignature/%s PrestaShop/%s PHP/%s', $module->version, _PS_VERSION_, PHP_VERSION),
        ];
        $timeout = (int) Configuration::get(self::TIMEOUT_MS, null, null, $idShop);
        if ($timeout > 0) {
            $config['timeout_ms'] = $timeout;
        }
        $url = trim(self::get(self::API_URL, $idShop));
        if ($url !== '') {
            $config['base_url'] = $url;
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
