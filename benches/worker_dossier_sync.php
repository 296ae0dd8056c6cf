<?php
declare(strict_types=1);
require __DIR__ . '/common.php';
require __DIR__ . '/../tools/php/Typed.php';

use Sofinco\Tests\Support\Typed;

$input = bench_input($argv[1]);
$started = microtime(true);
$sync = new Sofinco\DossierSync(new Sofinco\SofincoClient(Typed::config($input['config'])), Typed::options(['concurrency' => (int) $argv[2], 'deadline_ms' => 3600000]));
// Every bench order is in study (JSON carries the state's value).
$orders = array_map(fn ($o) => ['state' => Sofinco\OrderState::from($o['state'])] + $o, $input['orders']);
$result = $sync->statuses(null, ...Typed::tracked($orders));
if ($result->errors > 0) {
    $failed = array_filter($result->decisions, fn ($d) => $d->action === Sofinco\StatusAction::Error);
    fwrite(STDERR, json_encode(array_map(fn ($d) => ['id_order' => $d->idOrder, 'reason' => $d->reason], array_slice($failed, 0, 3))) . "\n");
    exit(1);
}
bench_report($started, $result->checked);
