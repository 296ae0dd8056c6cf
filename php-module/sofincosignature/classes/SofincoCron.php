<?php
/**
 * The three cron tasks (spec-fr.md §9): the extension decides (DossierSync), this class
 * applies the decisions through PrestaShop's own APIs so every hook fires. One run of a
 * task at a time (a database lock, so across machines too); what a run does not reach
 * within its time budget is left for the next.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoCron
{
    const TASKS = ['orders', 'statuses', 'funding'];
    /** Stop starting calls after this: a run fits in a one-minute crontab slot. */
    const DEADLINE_MS = 50000;

    /** @var SofincoSignature */
    private $module;

    public function __construct(SofincoSignature $module)
    {
        $this->module = $module;
    }

    /** @return array the run's result, also stored as the task's last run */
    public function run($task)
    {
        if (!in_array($task, self::TASKS, true)) {
            return ['task' => (string) $task, 'ok' => false, 'error' => 'unknown task: use orders, statuses or funding'];
        }
        if (!SofincoRuntime::ready()) {
            return $this->finish($task, ['ok' => false, 'error' => SofincoRuntime::missingReason()]);
        }
        $lock = 'sofinco_cron_' . $task;
        if (!SofincoLock::acquire($lock, 0)) {
            // Another run of this task is under way: leave at once, record nothing.
            return ['task' => $task, 'ok' => true, 'locked' => true];
        }
        try {
            $started = microtime(true);
            $summary = $this->{'run' . ucfirst($task)}();
            $result = ['ok' => true, 'summary' => $summary, 'seconds' => round(microtime(true) - $started, 2)];
        } catch (\Throwable $e) {
            SofincoLogger::error(sprintf('cron %s failed: %s', $task, $e->getMessage()));
            $result = ['ok' => false, 'error' => $e->getMessage()];
        } finally {
            SofincoLock::release($lock);
        }
        return $this->finish($task, $result);
    }

    private function finish($task, array $result)
    {
        $result = ['task' => $task, 'at' => time()] + $result;
        Configuration::updateGlobalValue(SofincoCronInfo::lastRunKey($task), json_encode($result));
        SofincoLogger::info('cron ' . json_encode($result));
        return $result;
    }

    private function sync()
    {
        return SofincoClientFactory::sync($this->module, ['deadline_ms' => self::DEADLINE_MS]);
    }

    /** Customers who never came back. */
    private function runOrders()
    {
        $attempts = SofincoAttempts::open();
        $rows = array_map(['SofincoOrderCreator', 'syncRow'], $attempts);
        $batch = $this->sync()->orders($rows);
        $creator = new SofincoOrderCreator($this->module);
        foreach ($batch['decisions'] as $i => $decision) {
            $creator->apply($attempts[$i], $decision);
        }
        return $batch['summary'];
    }

    /** Orders in the module's followed states. */
    private function runStatuses()
    {
        $followed = [];
        foreach (SofincoStates::keys() as $key) {
            if (\Sofinco\StatusMapper::isSynced($key)) {
                $followed[] = SofincoStates::id($key);
            }
        }
        $orders = SofincoDossiers::followed($followed);
        $rows = [];
        foreach ($orders as $o) {
            $rows[] = [
                'id_order' => (int) $o['id_order'],
                'contract_id' => (string) $o['contract_id'],
                'order_reference' => (string) $o['order_reference'],
                'state' => SofincoStates::keyOf((int) $o['current_state']),
                'amount_cents' => (int) $o['amount_cents'],
                'since' => (int) $o['since'],
            ];
        }
        $batch = $this->sync()->statuses($rows);
        foreach ($batch['decisions'] as $i => $d) {
            if ($d['action'] === 'leave') {
                continue;
            }
            SofincoDossiers::refresh($d['id_order'], $d['sofinco_status'], $d['signature_date']);
            if ($d['action'] === 'set_state') {
                SofincoOrderStates::move((int) $d['id_order'], (int) $orders[$i]['current_state'], (string) $d['state']);
            } elseif ($d['action'] === 'error') {
                SofincoLogger::error(sprintf('order %d: %s', $d['id_order'], $d['reason']));
            }
        }
        return $batch['summary'];
    }

    /** Funding requests the merchant queued. */
    private function runFunding()
    {
        $pending = SofincoDossiers::pendingFundings();
        $rows = array_map(['SofincoDossiers', 'fundingRow'], $pending);
        $batch = $this->sync()->fundings($rows);
        foreach ($batch['decisions'] as $i => $d) {
            SofincoFunding::apply($pending[$i], $d);
        }
        return $batch['summary'];
    }
}
