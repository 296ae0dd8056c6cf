<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * One cron run's time for one shop: the calls to Sofinco and the applying of their decisions
 * both end by the run's deadline (advanced settings). Rows go to the extension in chunks;
 * each chunk's calls get what is left minus the time applying them is expected to take, and
 * applying stops at the deadline. Every row not checked or not applied counts in
 * `remaining`: the next run reads the least recently checked rows first.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoCronBudget
{
    /** What applying one decision is assumed to take before any is measured (seconds). */
    public const FIRST_APPLY_GUESS_S = 0.02;
    /** Below this, a chunk's calls would end before most of them could answer. */
    public const MIN_CALL_MS = 200;

    private $endsAt;
    private $applySeconds = 0.0;
    private $applied = 0;

    /**
     * @param float $startedAt microtime(true) when the run started
     * @param int $deadlineMs the run's length
     */
    public function __construct($startedAt, $deadlineMs)
    {
        $this->endsAt = (float) $startedAt + $deadlineMs / 1000;
    }

    public function expired()
    {
        return microtime(true) >= $this->endsAt;
    }

    /**
     * Decides and applies $rows chunk by chunk within the budget.
     *
     * @param callable $decide function (array $chunk, int $deadlineMs): \Sofinco\Batch
     * @param callable $apply function ($decision): void
     * @return array summary: checked (decided and applied), changed, errors, remaining,
     *     apply_ms (the time spent in PrestaShop applying decisions)
     */
    public function run(array $rows, $chunkSize, callable $decide, callable $apply)
    {
        $summary = ['checked' => 0, 'changed' => 0, 'errors' => 0, 'remaining' => 0];
        $applyBefore = $this->applySeconds;
        $stopped = false;
        foreach (array_chunk($rows, max(1, (int) $chunkSize)) as $chunk) {
            $callMs = $stopped ? 0 : $this->callDeadlineMs(count($chunk));
            if ($callMs < self::MIN_CALL_MS) {
                // Out of time: this chunk and the next ones are for the next run.
                $stopped = true;
                $summary['remaining'] += count($chunk);
                continue;
            }
            $batch = $decide($chunk, $callMs);
            $applied = 0;
            foreach ($batch->decisions as $decision) {
                if ($this->expired()) {
                    break;
                }
                $started = microtime(true);
                $apply($decision);
                $this->applySeconds += microtime(true) - $started;
                ++$this->applied;
                ++$applied;
            }
            foreach ($batch->summaryOfFirst($applied) as $key => $value) {
                if (isset($summary[$key])) {
                    $summary[$key] += (int) $value;
                }
            }
            // The deadline cut this chunk's calls or its applying: the rest waits too.
            $stopped = $batch->remaining > 0 || $applied < count($batch->decisions);
        }
        $summary['apply_ms'] = (int) round(($this->applySeconds - $applyBefore) * 1000);
        return $summary;
    }

    /** What a chunk of $rows rows may spend calling Sofinco, in ms. */
    private function callDeadlineMs($rows)
    {
        $left = $this->endsAt - microtime(true);
        $perDecision = $this->applied > 0 ? $this->applySeconds / $this->applied : self::FIRST_APPLY_GUESS_S;
        // Keep time to apply the answers (with a margin), but never more than half of
        // what is left: a slow PrestaShop must not stop the calls altogether.
        $reserve = min($rows * $perDecision * 1.5, $left / 2);
        return (int) floor(($left - $reserve) * 1000);
    }
}
