<?php
/**
 * Whether this PHP can run Sofinco, and if not, exactly what is missing and how to get it.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoRuntime
{
    const MIN_PHP = '8.1.0';

    public static function ready()
    {
        return self::missingReason() === null;
    }

    /** Null when the extension is loaded, else one sentence a merchant can act on. */
    public static function missingReason()
    {
        if (version_compare(PHP_VERSION, self::MIN_PHP, '<')) {
            return sprintf(
                'Sofinco needs PHP 8.1 or newer and the sofinco PHP extension; this shop runs PHP %s. Ask your host for PHP 8.1+ (PrestaShop 8), then install the extension.',
                PHP_VERSION
            );
        }
        if (!extension_loaded('sofinco') || !class_exists('Sofinco\\SofincoClient')) {
            return sprintf(
                'The sofinco PHP extension is not loaded in this PHP (%s, %s). %s',
                PHP_VERSION,
                self::threadSafety(),
                self::installHint()
            );
        }
        return null;
    }

    public static function threadSafety()
    {
        return PHP_ZTS ? 'thread-safe (ZTS)' : 'non-thread-safe (NTS)';
    }

    /** What to run on this server to build and enable the extension for this very PHP. */
    public static function installHint()
    {
        $phpConfig = 'php-config' . PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION;
        return sprintf(
            'Build it for this PHP with: make build PHP_CONFIG=$(command -v %s || command -v php-config), copy target/release/libsofinco.so to %s/sofinco.so, add "extension=sofinco" to php.ini and restart PHP-FPM (README, section "Installing the extension").',
            $phpConfig,
            rtrim((string) ini_get('extension_dir'), '/')
        );
    }

    /** "sofinco 0.1.0 (built for PHP 8.2.x)" or null. */
    public static function extensionVersion()
    {
        if (!self::ready()) {
            return null;
        }
        return 'sofinco ' . phpversion('sofinco');
    }
}
