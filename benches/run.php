<?php
// make bench: DossierSync::statuses against the sandbox with injected latency, compared
// with the usual PHP ways (sequential ext-curl, curl_multi) and with the lower bound
// N × latency ÷ concurrency; then warm against cold simulate(). Loopback only.
declare(strict_types=1);

require __DIR__ . '/../tools/php/Sandbox.php';

use Sofinco\Tests\Support\Sandbox;

$sizes = array_map('intval', explode(',', getenv('BENCH_N') ?: '2000,10000'));
$latencyMs = (int) (getenv('BENCH_LATENCY_MS') ?: 50);
$concurrencies = array_map('intval', explode(',', getenv('BENCH_CONCURRENCY') ?: '8,16,32'));
$ext = getenv('SOFINCO_EXT');

$sandbox = new Sandbox();
$config = $sandbox->config(['timeout_ms' => 30000]);

/** Runs one variant in its own PHP process; returns [wall seconds, peak RSS MiB, checked]. */
function variant(string $worker, array $args): array
{
    global $ext;
    $cmd = [PHP_BINARY, '-d', 'extension=' . $ext, '-d', 'memory_limit=1G', __DIR__ . '/' . $worker];
    foreach ($args as $a) {
        $cmd[] = (string) $a;
    }
    $proc = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    if (proc_close($proc) !== 0) {
        fwrite(STDERR, "$worker failed: $err\n");
        exit(1);
    }
    return json_decode($out, true);
}

$rows = [];
foreach ($sizes as $n) {
    // N dossiers in ETU, each followed by an order in Sofinco\OrderState::InStudy.
    $sandbox->faults([]);
    $sandbox->reset();
    $orders = [];
    for ($i = 0; $i < $n; $i++) {
        $ref = sprintf('BENCH%07d', $i);
        $d = $sandbox->setStatus($ref, 'ETU', ['amountCents' => 100000]);
        $orders[] = ['id_order' => $i + 1, 'contract_id' => $d['contractId'] ?? $d['contract_id'], 'order_reference' => $ref,
            'state' => 'in_study', 'order_total_cents' => 100000, 'currency' => 'EUR', 'since' => time()];
    }
    $file = tempnam(sys_get_temp_dir(), 'bench-orders-');
    file_put_contents($file, json_encode(['config' => $config, 'orders' => $orders]));
    $sandbox->faults(['latency_ms' => $latencyMs]);

    $seq = variant('worker_curl_sequential.php', [$file]);
    $rows[] = [$n, 'PHP ext-curl, sequential', 1, $seq];
    foreach ($concurrencies as $c) {
        $multi = variant('worker_curl_multi.php', [$file, $c]);
        $sync = variant('worker_dossier_sync.php', [$file, $c]);
        $bound = $n * $latencyMs / 1000 / $c;
        $rows[] = [$n, 'PHP curl_multi', $c, $multi];
        $rows[] = [$n, 'DossierSync::statuses', $c, $sync + ['bound' => $bound, 'seq' => $seq['wall_s'], 'multi' => $multi['wall_s']]];
    }
    unlink($file);
}

printf("\nStatus sync, %d ms injected latency per call (loopback sandbox)\n\n", $latencyMs);
printf("| N | variant | concurrency | wall (s) | vs sequential | vs curl_multi | vs bound N×lat÷c | peak RSS (MiB) |\n");
printf("|---|---|---|---|---|---|---|---|\n");
foreach ($rows as [$n, $name, $c, $r]) {
    $vsSeq = isset($r['seq']) ? sprintf('%.1f× faster', $r['seq'] / $r['wall_s']) : '';
    $vsMulti = isset($r['multi']) ? sprintf('%.2f×', $r['wall_s'] / $r['multi']) : '';
    $vsBound = isset($r['bound']) ? sprintf('%.2f× (bound %.2f s)', $r['wall_s'] / $r['bound'], $r['bound']) : '';
    printf("| %d | %s | %d | %.2f | %s | %s | %s | %.1f |\n", $n, $name, $c, $r['wall_s'], $vsSeq, $vsMulti, $vsBound, $r['peak_rss_mib']);
}

// The product page path: warm (disk cache) against cold (network) simulate().
$sandbox->faults([]);
$sim = variant('worker_simulate.php', [json_encode($config)]);
printf("\nsimulate(): cold median %.0f µs (network, no latency injected), warm median %.0f µs (disk cache), %d runs each\n",
    $sim['cold_median_us'], $sim['warm_median_us'], $sim['runs']);
