<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The three cron tasks (spec-fr.md §9): the extension decides (DossierSync), this class
 * applies the decisions through PrestaShop's own APIs so every hook fires. One run of a
 * task at a time (a database lock, so across machines too); a run ends by its deadline
 * (advanced settings), its calls and its applying both (SofincoCronBudget), and what it
 * does not reach is left for the next.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoCron
{
    public const TASKS = ['orders', 'statuses', 'funding'];
    /** Rows given to the extension at once, per concurrent call: small enough that a chunk
     * cut by the deadline wastes little, large enough to keep every call slot busy. */
    public const ROWS_PER_SLOT = 16;

    /** @var SofincoSignature */
    private $module;
    /** @var float when this run started (microtime) */
    private $started;

    public function __construct(SofincoSignature $module)
    {
        $this->module = $module;
    }

    /**
     * @return array the run's result, also stored as the task's last run; its `outcome` says
     *     how it ended (self::verdict)
     */
    public function run($task)
    {
        if (!in_array($task, self::TASKS, true)) {
            return self::withOutcome(['task' => (string) $task, 'ok' => false, 'error' => 'unknown task: use orders, statuses or funding', 'error_code' => 'unknown_task']);
        }
        if (!SofincoRuntime::ready()) {
            return $this->finish($task, ['ok' => false, 'error' => SofincoRuntime::missingReason(), 'error_code' => 'extension_missing']);
        }
        $lock = 'sofinco_cron_' . $task;
        if (!SofincoLock::acquire($lock, 0)) {
            // Another run of this task is under way: leave at once, record nothing.
            return self::withOutcome(['task' => $task, 'ok' => true, 'locked' => true]);
        }
        try {
            $this->started = microtime(true);
            $summary = $this->{'run' . ucfirst($task)}();
            $result = ['ok' => true, 'summary' => $summary, 'seconds' => round(microtime(true) - $this->started, 2)];
        } catch (\Throwable $e) {
            SofincoLogger::error(sprintf('cron %s failed: %s', $task, SofincoLogger::describe($e)));
            $result = ['ok' => false, 'error' => self::describeFailure($e), 'error_code' => self::failureCode($e)];
        } finally {
            SofincoLock::release($lock);
        }
        return $this->finish($task, $result);
    }

    private function finish($task, array $result)
    {
        $result = self::withOutcome(['task' => $task, 'at' => time()] + $result);
        SofincoCronInfo::record($task, $result);
        SofincoLogger::info('cron ' . json_encode($result));
        return $result;
    }

    /**
     * How a run ended, for the crontab's exit code and the cron URL's HTTP status: the
     * extension decides from the run's facts (ok, locked, error_code, the summary's errors),
     * \Sofinco\CronRun::verdict(). Without the extension no run can start, so that is all the
     * module says then.
     *
     * @return array outcome (done, locked, dossiers_failed, not_run, unknown_task), exit_code, http_status
     */
    public static function verdict(array $result)
    {
        if (class_exists('Sofinco\\CronRun')) {
            try {
                return \Sofinco\CronRun::verdict(self::cronResult($result));
            } catch (\Throwable $e) {
                // Facts the extension refuses are the module's bug: never a success.
                SofincoLogger::error('cron verdict: ' . SofincoLogger::describe($e));
            }
        }
        $unknown = isset($result['error_code']) && $result['error_code'] === 'unknown_task';
        return $unknown ? ['outcome' => 'unknown_task', 'exit_code' => 2, 'http_status' => 400]
            : ['outcome' => 'not_run', 'exit_code' => 1, 'http_status' => 500];
    }

    /** The facts of a run's result the extension judges it by. */
    private static function cronResult(array $result)
    {
        $facts = new \Sofinco\CronResult();
        $facts->ok = !empty($result['ok']);
        $facts->locked = !empty($result['locked']);
        $facts->errorCode = isset($result['error_code']) ? (string) $result['error_code'] : '';
        $facts->errors = isset($result['summary']['errors']) ? (int) $result['summary']['errors'] : 0;
        return $facts;
    }

    /** The result with its outcome (the JSON line's `outcome`). */
    public static function withOutcome(array $result)
    {
        $verdict = self::verdict($result);
        $result['outcome'] = $verdict['outcome'];
        return $result;
    }

    /** What a failed run says: the exception's class, and its message for the module's own. */
    public static function describeFailure(\Throwable $e)
    {
        // A database failure's text can carry SQL: say what failed, not the query.
        for ($cause = $e; $cause !== null; $cause = $cause->getPrevious()) {
            if (self::isDatabaseFailure($cause)) {
                return 'database error (' . get_class($cause) . ')';
            }
        }
        return $e->getMessage();
    }

    /**
     * Whether $e is the database failing. PrestaShop's DbPDO::connect() (1.7 and 8) throws a
     * plain PrestaShopException when it cannot reconnect, its text naming the server's answer.
     */
    private static function isDatabaseFailure(\Throwable $e)
    {
        return $e instanceof PrestaShopDatabaseException || $e instanceof PDOException || $e instanceof mysqli_sql_exception
            || ($e instanceof PrestaShopException && strpos($e->getMessage(), 'Link to database cannot be established') === 0);
    }

    /** What failed, as a code the configuration page words (SofincoCronInfo). */
    public static function failureCode(\Throwable $e)
    {
        for ($cause = $e; $cause !== null; $cause = $cause->getPrevious()) {
            if (self::isDatabaseFailure($cause)) {
                return 'database';
            }
        }
        if ($e instanceof \Sofinco\AuthException) {
            return 'auth';
        }
        if ($e instanceof \Sofinco\TransportException) {
            return 'unreachable';
        }
        if ($e instanceof \Sofinco\ConfigException) {
            return 'config';
        }
        if ($e instanceof \Sofinco\SofincoException) {
            return 'api';
        }
        return 'other';
    }

    /** One DossierSync per shop: each shop's rows are handled with its own settings. */
    private function sync($idShop)
    {
        return SofincoClientFactory::sync($this->module, (int) $idShop, SofincoConfig::cronConcurrency($idShop), $this->budgetMs($idShop));
    }

    /** What is left of the shop's deadline since the run started, in ms. */
    private function budgetMs($idShop)
    {
        return max(0, (int) (SofincoConfig::cronDeadlineMs($idShop) - (microtime(true) - $this->started) * 1000));
    }

    /**
     * Runs $task over $rows shop by shop, and adds up the summaries.
     *
     * @param callable $task function (DossierSync $sync, array $rowsOfOneShop, SofincoCronBudget $budget, int $chunk): array summary
     */
    private function perShop(array $rows, callable $task)
    {
        $total = ['checked' => 0, 'changed' => 0, 'errors' => 0, 'remaining' => 0, 'elapsed_ms' => 0, 'apply_ms' => 0, 'shops' => 0];
        foreach (SofincoDossiers::byShop($rows) as $idShop => $shopRows) {
            $budget = new SofincoCronBudget($this->started, SofincoConfig::cronDeadlineMs($idShop));
            $chunk = SofincoConfig::cronConcurrency($idShop) * self::ROWS_PER_SLOT;
            foreach ($task($this->sync($idShop), $shopRows, $budget, $chunk) as $key => $value) {
                $total[$key] += (int) $value;
            }
            ++$total['shops'];
        }
        $total['elapsed_ms'] = (int) round((microtime(true) - $this->started) * 1000);
        return $total;
    }

    /** Customers who never came back. */
    private function runOrders()
    {
        $creator = new SofincoOrderCreator($this->module);
        return $this->perShop(SofincoAttempts::open(), function ($sync, array $attempts, $budget, $chunk) use ($creator) {
            $byCart = [];
            foreach ($attempts as $attempt) {
                $byCart[(int) $attempt['id_cart']] = $attempt;
            }
            return $budget->run($attempts, $chunk, function (array $rows, $deadlineMs) use ($sync) {
                return $sync->orders($deadlineMs, ...array_map(['SofincoOrderCreator', 'syncRow'], $rows));
            }, function ($decision) use ($creator, $byCart) {
                $creator->apply($byCart[$decision->idCart], $decision);
            });
        });
    }

    /** Orders in the module's followed states. */
    private function runStatuses()
    {
        $followed = [];
        foreach (SofincoStates::all() as $state) {
            if (\Sofinco\StatusMapper::isSynced($state)) {
                $followed[] = SofincoStates::id($state);
            }
        }
        return $this->perShop(SofincoDossiers::followed($followed), function ($sync, array $orders, $budget, $chunk) {
            $stateOf = [];
            foreach ($orders as $o) {
                $stateOf[(int) $o['id_order']] = (int) $o['current_state'];
            }
            return $budget->run($orders, $chunk, function (array $rows, $deadlineMs) use ($sync) {
                return $sync->statuses($deadlineMs, ...array_map(['SofincoDossiers', 'statusRow'], $rows));
            }, function ($decision) use ($stateOf) {
                SofincoStatusApplier::apply($decision, $stateOf[$decision->idOrder]);
            });
        });
    }

    /** Funding requests the merchant queued. */
    private function runFunding()
    {
        return $this->perShop(SofincoDossiers::pendingFundings(), ['SofincoFunding', 'sendQueued']);
    }
}
