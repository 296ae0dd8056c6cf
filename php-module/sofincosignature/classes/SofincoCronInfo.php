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

    /**
     * Stores a run's result. When the database is what failed, the result goes to a file of
     * the shop's var/ folder (not served by the web server), read until a later run is stored.
     */
    public static function record($task, array $result)
    {
        $json = json_encode($result);
        $stored = false;
        try {
            $stored = Configuration::updateGlobalValue(self::lastRunKey($task), $json);
        } catch (\Throwable $e) {
            $stored = false;
        }
        if (!$stored) {
            @file_put_contents(self::fallbackFile($task), $json, LOCK_EX);
        }
        return $stored;
    }

    public static function lastRun($task)
    {
        $runs = [];
        foreach ([Configuration::getGlobalValue(self::lastRunKey($task)), @file_get_contents(self::fallbackFile($task))] as $json) {
            $data = $json ? json_decode($json, true) : null;
            if (is_array($data) && isset($data['at'])) {
                $runs[] = $data;
            }
        }
        usort($runs, function ($a, $b) {
            return (int) $b['at'] - (int) $a['at'];
        });
        return $runs ? $runs[0] : null;
    }

    /** Where a run is recorded when the database cannot take it. */
    public static function fallbackFile($task)
    {
        return _PS_ROOT_DIR_ . '/var/sofinco-cron-' . preg_replace('/[^a-z]/', '', (string) $task) . '.json';
    }

    public static function all(Module $module)
    {
        $rows = [];
        $console = _PS_ROOT_DIR_ . '/bin/console';
        foreach (SofincoCron::TASKS as $task) {
            $last = self::lastRun($task);
            $rows[] = [
                'task' => $task,
                'crontab' => sprintf('%s %s %s %s %s --env=prod > /dev/null 2>&1', self::SCHEDULES[$task], PHP_BINDIR . '/php', $console, SofincoCronCommand::NAME, $task),
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

    /** One sentence for a run (the console command's --human). */
    public static function sentence(array $result)
    {
        if (!empty($result['locked'])) {
            return sprintf('%s: another run is under way, nothing done', $result['task']);
        }
        return sprintf('%s: %s', $result['task'], $result['ok'] ? 'ok, ' . self::describe($result) : self::describe($result));
    }

    private static function describe(array $last)
    {
        if (!$last['ok']) {
            return 'error: ' . (isset($last['error']) ? $last['error'] : '');
        }
        $s = isset($last['summary']) ? $last['summary'] : [];
        return sprintf(
            '%d checked, %d changed, %d errors, %d left for the next run',
            isset($s['checked']) ? $s['checked'] : 0,
            isset($s['changed']) ? $s['changed'] : 0,
            isset($s['errors']) ? $s['errors'] : 0,
            isset($s['remaining']) ? $s['remaining'] : 0
        );
    }
}
