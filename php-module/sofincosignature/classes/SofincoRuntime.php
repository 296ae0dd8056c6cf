<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * Whether this PHP can run Sofinco, and if not, exactly what is missing and how to get it.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoRuntime
{
    /** The oldest PHP PrestaShop 1.7.7 runs on; the extension is built for 7.1 to 8.5. */
    public const MIN_PHP = '7.1.0';
    /** The oldest extension with the typed API this module calls (docs/php-api.md). */
    public const MIN_EXTENSION = '0.2.0';

    public static function ready()
    {
        return self::missingReason() === null;
    }

    /**
     * Null when the extension is loaded, else one sentence a merchant can act on: worded
     * through $module's translations (French on a French back office) when given, in English
     * for the logs and the cron's JSON.
     */
    public static function missingReason($module = null)
    {
        // The merchant's language with a module, else English (the logs, the cron's JSON).
        $translator = Context::getContext()->getTranslator();
        $locale = $module ? null : 'en-US';
        if (!extension_loaded('sofinco') || !class_exists('Sofinco\\SofincoClient')) {
            return sprintf(
                $translator->trans('The sofinco PHP extension is not loaded in this PHP (%s, %s). %s', [], 'Modules.Sofincosignature.Admin', $locale),
                PHP_VERSION,
                self::threadSafety(),
                self::installHint($module)
            );
        }
        $version = self::loadedVersion();
        if (self::tooOld($version)) {
            // An older extension lacks classes this module calls: say so, never a fatal error.
            return sprintf(
                $translator->trans('The sofinco PHP extension loaded in this PHP is version %s; this module needs version %s or newer. %s', [], 'Modules.Sofincosignature.Admin', $locale),
                $version,
                self::MIN_EXTENSION,
                self::installHint($module)
            );
        }
        return null;
    }

    /** The loaded extension's version ('' when it does not say). */
    public static function loadedVersion()
    {
        return defined('Sofinco\\VERSION') ? (string) constant('Sofinco\\VERSION') : (string) phpversion('sofinco');
    }

    /** Whether an extension of this version predates the API this module calls. */
    public static function tooOld($version)
    {
        return !is_string($version) || $version === '' || version_compare($version, self::MIN_EXTENSION, '<');
    }

    public static function threadSafety()
    {
        return PHP_ZTS ? 'thread-safe (ZTS)' : 'non-thread-safe (NTS)';
    }

    /** The PIE package of the extension (composer.json at the root of the sources). */
    public const PIE_PACKAGE = 'sofincosignature/sofinco';

    /** "8.2 NTS": the PHP minor version and thread-safety mode a .so must be built for. */
    public static function phpTarget()
    {
        return PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION . ' ' . (PHP_ZTS ? 'ZTS' : 'NTS');
    }

    /**
     * The php-config of this very PHP: beside PHP_BINARY with the same version suffix
     * (Debian/Ubuntu /usr/bin/php8.2 -> php-config8.2; FPM /usr/sbin/php-fpm8.2 -> /usr/bin),
     * or in the bin/ of its prefix (Plesk /opt/plesk/php/8.2/, cPanel /opt/cpanel/ea-php82/root/usr/,
     * RHEL/remi, a PHP built from source). The first that exists, else the Debian name.
     */
    public static function phpConfigPath()
    {
        $minor = PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION;
        $binary = (string) PHP_BINARY;
        $dir = $binary === '' ? '' : dirname($binary);
        $suffix = '';
        if (preg_match('/(\d+\.?\d+)$/', basename($binary), $m)) {
            $suffix = $m[1];
        }
        $candidates = [];
        foreach (array_unique([$dir, dirname($dir) . '/bin', '/usr/bin', '/usr/local/bin']) as $bin) {
            if ($bin === '' || $bin === '.' || $bin === '/bin') {
                continue;
            }
            if ($suffix !== '') {
                $candidates[] = $bin . '/php-config' . $suffix;
            }
            $candidates[] = $bin . '/php-config' . $minor;
            if ($bin === $dir || $bin === dirname($dir) . '/bin') {
                $candidates[] = $bin . '/php-config';
            }
        }
        foreach (array_unique($candidates) as $candidate) {
            // open_basedir may forbid looking: then the Debian name is the best guess.
            if (@is_file($candidate) && @is_executable($candidate)) {
                return $candidate;
            }
        }
        return '/usr/bin/php-config' . $minor;
    }

    /** What to run on this server to build and enable the extension for this very PHP. */
    public static function installHint($module = null)
    {
        // The merchant's language with a module, else English (the logs, the cron's JSON).
        $translator = Context::getContext()->getTranslator();
        $locale = $module ? null : 'en-US';
        $phpConfig = self::phpConfigPath();
        if (PHP_VERSION_ID < 80100) {
            // PHP 7.1-8.0: the release's archive for this PHP (the phper build), not PIE.
            return sprintf(
                $translator->trans('Install the archive of this release built for PHP %s (php_sofinco-…_php%s-…zip, checked against SHA256SUMS): copy its sofinco.so to %s, add "extension=sofinco" to php.ini and restart PHP-FPM (README, section "PHP 7.x"); or build it from the sources with this PHP\'s php-config (cargo build --release -p sofinco-php7).', [], 'Modules.Sofincosignature.Admin', $locale),
                self::phpTarget(),
                PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION,
                rtrim((string) ini_get('extension_dir'), '/')
            );
        }
        return sprintf(
            $translator->trans('Build it for this PHP (%s) with PIE: pie install %s --with-php-config=%s, or from the sources: make build PHP_CONFIG=%s, then copy target/release/libsofinco.so to %s/sofinco.so; add "extension=sofinco" to php.ini and restart PHP-FPM (README, section "Installing the extension into a PHP"). Needs Rust (rustup), clang/libclang and the PHP headers (php%s-dev or php-devel).', [], 'Modules.Sofincosignature.Admin', $locale),
            self::phpTarget(),
            self::PIE_PACKAGE,
            $phpConfig,
            $phpConfig,
            rtrim((string) ini_get('extension_dir'), '/'),
            PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION
        );
    }

    /** What the loaded extension says of its build, or [] (an older build has no buildInfo()). */
    public static function buildInfo()
    {
        if (!extension_loaded('sofinco') || !method_exists('Sofinco\\Internal', 'buildInfo')) {
            return [];
        }
        try {
            $info = call_user_func(['Sofinco\\Internal', 'buildInfo']);
        } catch (\Throwable $e) {
            return [];
        }
        return is_array($info) ? $info : [];
    }

    /** "sofinco 0.1.0 (built for PHP 8.2.29 NTS x86_64, release build of 2026-11-26)" or null. */
    public static function extensionVersion()
    {
        if (!self::ready()) {
            return null;
        }
        $info = self::buildInfo();
        if ($info === []) {
            return 'sofinco ' . phpversion('sofinco');
        }
        return sprintf(
            'sofinco %s (built for PHP %s %s %s, %s build of %s)',
            isset($info['version']) ? $info['version'] : phpversion('sofinco'),
            isset($info['php']) ? $info['php'] : '?',
            !empty($info['zts']) ? 'ZTS' : 'NTS',
            isset($info['arch']) ? $info['arch'] : '?',
            isset($info['profile']) ? $info['profile'] : '?',
            isset($info['date']) ? $info['date'] : '?'
        );
    }
}
