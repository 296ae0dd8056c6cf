<?php
// make bench-cron: the statuses cron end to end in the real test shop (scripts/shop/), as
// crontab runs it, with the merchant's default settings (8 calls at once, 50 s): N orders in
// "Dossier en étude Sofinco" whose dossiers moved to CLI, the sandbox answering after
// BENCH_LATENCY_MS. Reports the run's wall time, its share in PrestaShop (applying the
// decisions), orders/s, whether the deadline held, remaining, and the next run's remaining.
// The shop's other followed orders are parked in "Annulé" during the bench and put back;
// the bench's own orders are deleted after each measure.
// References: at most 20 characters (B + 4 + N + L + latency + 6).
declare(strict_types=1);

require __DIR__ . '/../tests/shop/bootstrap.php';

use Sofinco\Tests\Shop\Support\SofincoShop as S;

$sizes = array_map('intval', explode(',', getenv('BENCH_CRON_N') ?: '500,2000'));
$latencies = array_map('intval', explode(',', getenv('BENCH_CRON_LATENCY_MS') ?: '50,300'));
$deadlineS = 50;

/** Moves every followed order to $state (or back to its own), returns [id => state] moved. */
function park(array $restore = []): array
{
    return S::cli()->json('require_once _PS_MODULE_DIR_ . "sofincosignature/classes/autoload.php";
        $db = Db::getInstance(); $p = _DB_PREFIX_; $moved = [];
        $restore = ' . var_export($restore, true) . ';
        foreach ($restore as $id => $state) { $db->execute("UPDATE {$p}orders SET current_state = " . (int) $state . " WHERE id_order = " . (int) $id); }
        if (!$restore) {
            $ids = [];
            foreach (SofincoStates::all() as $s) { if (\Sofinco\StatusMapper::isSynced($s)) { $ids[] = SofincoStates::id($s); } }
            foreach (SofincoDossiers::followed($ids) as $row) { $moved[(int) $row["id_order"]] = (int) $row["current_state"]; }
            if ($moved) { $db->execute("UPDATE {$p}orders SET current_state = " . (int) Configuration::get("PS_OS_CANCELED") . " WHERE id_order IN (" . implode(",", array_keys($moved)) . ")"); }
        }
        echo json_encode($moved, JSON_FORCE_OBJECT);');
}

S::configure(['SOFINCO_DEBUG' => '0']);
S::cli()->json('Configuration::deleteByName("SOFINCO_CRON_CONCURRENCY"); Configuration::deleteByName("SOFINCO_CRON_DEADLINE_S"); echo json_encode(true);');
$lines = [];
foreach ($sizes as $n) {
    foreach ($latencies as $latency) {
        $parked = park();
        S::sandbox()->faults([]);
        fwrite(STDERR, "bench-cron: $n orders, $latency ms...\n");
        $ids = S::followedOrders($n, 'CLI', sprintf('B%04d%dL%d', time() % 10000, $n, $latency));
        S::sandbox()->faults(['latency_ms' => $latency]);
        $started = microtime(true);
        $run = S::cron('statuses');
        $wall = microtime(true) - $started;
        $next = S::cron('statuses');
        S::sandbox()->faults([]);
        S::forgetOrders($ids);
        park($parked);
        if ($run['result'] === null || !$run['result']['ok'] || $next['result'] === null) {
            fwrite(STDERR, "bench-cron: the cron failed: {$run['stdout']} {$run['stderr']}\n");
            exit(1);
        }
        $s = $run['result']['summary'];
        $lines[] = sprintf('| %d | %d | %.2f | %.2f | %d %% | %.0f | %s | %d | %d | %d | %d |', $n, $latency, $wall, $run['result']['seconds'],
            round(100 * $s['apply_ms'] / max(1, $s['elapsed_ms'])), $s['checked'] / $wall,
            sprintf('%+.2f s', $run['result']['seconds'] - $deadlineS), $s['checked'], $s['changed'], $s['remaining'], $next['result']['summary']['remaining']);
    }
}
echo "Statuses cron end to end in the shop (concurrency 8, deadline 50 s, orders moving ETU → CLI)\n\n";
echo "| N | latency (ms) | wall (s) | run (s) | in PrestaShop | orders/s | run − deadline | checked | changed | remaining | next run's remaining |\n";
echo "|---|---|---|---|---|---|---|---|---|---|---|\n";
echo implode("\n", $lines), "\n";
