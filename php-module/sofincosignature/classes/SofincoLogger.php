<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The module's own log lines (cron results, order creation) beside the extension's: one file
 * a day, errors always, details in debug mode. They live under PrestaShop's var/logs/ (where
 * the Addons checklist puts written files), in a folder named from the shop's secret key:
 * a web server that ignores .htaccess (nginx without a rule, php -S) cannot guess the URL.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoLogger
{
    public static function directory()
    {
        $root = defined('_PS_ROOT_DIR_') ? _PS_ROOT_DIR_ : dirname(__DIR__, 3);
        $key = defined('_COOKIE_KEY_') ? _COOKIE_KEY_ : __DIR__;
        return $root . '/var/logs/sofincosignature-' . substr(hash_hmac('sha256', 'sofinco-logs', $key), 0, 16);
    }

    /** The folder the module wrote its logs to before 2.1.1 (served by some web servers). */
    public static function legacyDirectory()
    {
        return dirname(__DIR__) . '/logs';
    }

    /** Creates the folder with Apache guards (the unguessable name guards the others). */
    public static function ensureDirectory()
    {
        $dir = self::directory();
        if (!is_dir($dir)) {
            @mkdir($dir, 0750, true);
        }
        if (is_dir($dir) && !is_file($dir . '/.htaccess')) {
            @file_put_contents($dir . '/.htaccess', "<IfModule mod_authz_core.c>\n    Require all denied\n</IfModule>\n<IfModule !mod_authz_core.c>\n    Order deny,allow\n    Deny from all\n</IfModule>\n");
            @file_put_contents($dir . '/index.php', "<?php\nhttp_response_code(403);\nexit;\n");
        }
        return $dir;
    }

    /**
     * An exception as a log line: its class, code and message. The extension builds its
     * messages from redacted parts; write() still replaces the stored secrets.
     */
    public static function describe($e)
    {
        return get_class($e) . ' (' . $e->getCode() . '): ' . $e->getMessage();
    }

    public static function error($message)
    {
        self::write('ERROR', $message);
    }

    public static function info($message)
    {
        if (SofincoConfig::get(SofincoConfig::DEBUG) === '1') {
            self::write('INFO', $message);
        }
    }

    /** Always written, debug or not: events support needs (install, with what extension). */
    public static function notice($message)
    {
        self::write('NOTICE', $message);
    }

    private static function write($level, $message)
    {
        // The shop's local time with its offset, as the back office shows times.
        $now = SofincoTime::at(time());
        $line = sprintf("%s %s [module] %s\n", $now->format('Y-m-d\TH:i:sP'), $level, str_replace(["\r", "\n"], ' ', self::redact((string) $message)));
        @file_put_contents(self::ensureDirectory() . '/sofinco-' . $now->format('Y-m-d') . '.log', $line, FILE_APPEND | LOCK_EX);
    }

    /** The stored credentials never reach a line, whatever text carried them. */
    private static function redact($message)
    {
        foreach (SofincoConfig::secretValues() as $secret) {
            if (strlen($secret) >= 4) {
                $message = str_replace($secret, '***', $message);
            }
        }
        return $message;
    }

    /** Total size of the log files, in bytes. */
    public static function size()
    {
        $total = 0;
        foreach (glob(self::directory() . '/*.log') ?: [] as $file) {
            $total += (int) filesize($file);
        }
        return $total;
    }

    /** Empties the folder of its log files (the guards stay). */
    public static function purge()
    {
        foreach (glob(self::directory() . '/*.log') ?: [] as $file) {
            @unlink($file);
        }
    }
}
