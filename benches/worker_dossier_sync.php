<?php
declare(strict_types=1);
require __DIR__ . '/common.php';

$input = bench_input($argv[1]);
$started = microtime(true);
$sync = new Sofinco\DossierSync(new Sofinco\SofincoClient($input['config']), ['concurrency' => (int) $argv[2], 'deadline_ms' => 3600000]);
$result = $sync->statuses($input['orders']);
if ($result->errors > 0) {
    $failed = array_filter($result->decisions, fn ($d) => $d->action === Sofinco\StatusAction::Error);
    fwrite(STDERR, json_encode(array_map(fn ($d) => ['id_order' => $d->idOrder, 'reason' => $d->reason], array_slice($failed, 0, 3))) . "\n");
    exit(1);
}
bench_report($started, $result->checked);
