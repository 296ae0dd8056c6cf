<?php
/**
 * The module's own log lines (cron results, order creation), in modules/sofincosignature/logs
 * beside the extension's: one file a day, errors always, details in debug mode. The folder
 * is closed to the web (.htaccess and index.php).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoLogger
{
    public static function directory()
    {
        return dirname(__DIR__) . '/logs';
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
        $line = sprintf("%s %s [module] %s\n", gmdate('Y-m-d\TH:i:s\Z'), $level, str_replace(["\r", "\n"], ' ', (string) $message));
        @file_put_contents(self::directory() . '/sofinco-' . gmdate('Y-m-d') . '.log', $line, FILE_APPEND | LOCK_EX);
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
