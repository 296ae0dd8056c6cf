<?php
/** What the configuration page says of each cron task: command, URL, last run, lateness. */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoCronInfo
{
    /** A task is late when its last run is older than this. */
    const LATE_AFTER_S = [
        'orders' => 3600,
        'statuses' => 4 * 3600,
        'funding' => 3600,
    ];
    /** Suggested schedules. */
    const SCHEDULES = [
        'orders' => '*/15 * * * *',
        'statuses' => '0 * * * *',
        'funding' => '*/15 * * * *',
    ];

    public static function lastRunKey($task)
    {
        return 'SOFINCO_CRON_LAST_' . strtoupper($task);
    }

    public static function lastRun($task)
    {
        $json = Configuration::getGlobalValue(self::lastRunKey($task));
        $data = $json ? json_decode($json, true) : null;
        return is_array($data) ? $data : null;
    }

    public static function all(Module $module)
    {
        $rows = [];
        $cronFile = _PS_MODULE_DIR_ . $module->name . '/cron.php';
        foreach (SofincoCron::TASKS as $task) {
            $last = self::lastRun($task);
            $rows[] = [
                'task' => $task,
                'crontab' => sprintf('%s %s %s %s > /dev/null 2>&1', self::SCHEDULES[$task], PHP_BINDIR . '/php', $cronFile, $task),
                'url' => Context::getContext()->link->getModuleLink($module->name, 'cron', [
                    'task' => $task,
                    'token' => Configuration::getGlobalValue(SofincoConfig::CRON_TOKEN),
                ], true),
                'last_run' => $last ? date('Y-m-d H:i:s', (int) $last['at']) : null,
                'last_ok' => $last ? (bool) $last['ok'] : null,
                'last_summary' => $last ? self::describe($last) : '',
                'late' => !$last || time() - (int) $last['at'] > self::LATE_AFTER_S[$task],
            ];
        }
        return $rows;
    }

    private static function describe(array $last)
    {
        if (!$last['ok']) {
            return 'error: ' . (isset($last['error']) ? $last['error'] : '');
        }
        $s = isset($last['summary']) ? $last['summary'] : [];
        return sprintf('%d checked, %d changed, %d errors, %d left for the next run',
            isset($s['checked']) ? $s['checked'] : 0, isset($s['changed']) ? $s['changed'] : 0,
            isset($s['errors']) ? $s['errors'] : 0, isset($s['remaining']) ? $s['remaining'] : 0);
    }
}
