<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/** What the configuration page says of each cron task: command, URL, last run, lateness. */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoCronInfo
{
    /** A task is late when its last run is older than this. */
    public const LATE_AFTER_S = [
        'orders' => 3600,
        'statuses' => 4 * 3600,
        'funding' => 3600,
    ];
    /** Suggested schedules. */
    public const SCHEDULES = [
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
            $errors = $last && isset($last['summary']['errors']) ? (int) $last['summary']['errors'] : 0;
            $rows[] = [
                'task' => $task,
                'crontab' => sprintf('%s %s %s %s %s --env=prod > /dev/null 2>&1', self::SCHEDULES[$task], PHP_BINDIR . '/php', $console, SofincoCronCommand::NAME, $task),
                'url' => Context::getContext()->link->getModuleLink($module->name, 'cron', [
                    'task' => $task,
                    'token' => Configuration::getGlobalValue(SofincoConfig::CRON_TOKEN),
                ], true),
                // The shop's time, as the rest of the back office shows it (not the server's UTC).
                'last_run' => $last ? SofincoTime::display((int) $last['at']) : null,
                'last_ok' => $last ? (bool) $last['ok'] : null,
                // A run that failed, or that met errors, is shown as a failure.
                'failed' => $last && (!$last['ok'] || $errors > 0),
                'last_summary' => $last ? self::describe($last, $module) : '',
                'late' => !$last || time() - (int) $last['at'] > self::LATE_AFTER_S[$task],
            ];
        }
        return $rows;
    }

    /** One sentence for a run (the console command's --human), in the module's words. */
    public static function sentence(array $result, Module $module)
    {
        if (!empty($result['locked'])) {
            return sprintf($module->getTranslator()->trans('%s: another run is under way, nothing done', [], 'Modules.Sofincosignature.Admin'), $result['task']);
        }
        return sprintf('%s: %s', $result['task'], self::describe($result, $module));
    }

    /** The run in the merchant's words: what failed, or its counts with French plurals. */
    public static function describe(array $last, Module $module)
    {
        if (!$last['ok']) {
            $code = isset($last['error_code']) ? $last['error_code'] : 'other';
            switch ($code) {
                case 'database':
                    return $module->getTranslator()->trans('Failed: the database did not answer.', [], 'Modules.Sofincosignature.Admin');
                case 'auth':
                    return $module->getTranslator()->trans('Failed: Sofinco refused the credentials (ClientId, SecretId).', [], 'Modules.Sofincosignature.Admin');
                case 'unreachable':
                    return $module->getTranslator()->trans('Failed: Sofinco could not be reached.', [], 'Modules.Sofincosignature.Admin');
                case 'config':
                    return $module->getTranslator()->trans('Failed: the module\'s configuration is incomplete or invalid.', [], 'Modules.Sofincosignature.Admin');
                case 'extension_missing':
                    return $module->getTranslator()->trans('Failed: the sofinco PHP extension is not loaded for the command line.', [], 'Modules.Sofincosignature.Admin');
                case 'api':
                    return $module->getTranslator()->trans('Failed: Sofinco answered with an error (see the logs).', [], 'Modules.Sofincosignature.Admin');
                default:
                    return $module->getTranslator()->trans('Failed: see the logs.', [], 'Modules.Sofincosignature.Admin');
            }
        }
        $s = isset($last['summary']) ? $last['summary'] : [];
        $count = function ($key) use ($s) {
            return isset($s[$key]) ? (int) $s[$key] : 0;
        };
        // French: 0 and 1 take the singular.
        $n = function ($value, $one, $many) {
            return sprintf($value > 1 ? $many : $one, $value);
        };
        return implode(', ', [
            $n($count('checked'), $module->getTranslator()->trans('%d dossier checked', [], 'Modules.Sofincosignature.Admin'), $module->getTranslator()->trans('%d dossiers checked', [], 'Modules.Sofincosignature.Admin')),
            $n($count('changed'), $module->getTranslator()->trans('%d changed', [], 'Modules.Sofincosignature.Admin'), $module->getTranslator()->trans('%d changed (several)', [], 'Modules.Sofincosignature.Admin')),
            $n($count('errors'), $module->getTranslator()->trans('%d error', [], 'Modules.Sofincosignature.Admin'), $module->getTranslator()->trans('%d errors', [], 'Modules.Sofincosignature.Admin')),
            $n($count('remaining'), $module->getTranslator()->trans('%d left for the next run', [], 'Modules.Sofincosignature.Admin'), $module->getTranslator()->trans('%d left for the next run (several)', [], 'Modules.Sofincosignature.Admin')),
        ]);
    }
}
