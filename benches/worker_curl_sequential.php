<?php
declare(strict_types=1);
require __DIR__ . '/common.php';

$input = bench_input($argv[1]);
$started = microtime(true);
$token = php_token($input['config']);
$checked = 0;
foreach ($input['orders'] as $order) {
    $ch = dossier_handle($input['config'], $token, $order);
    $dossier = json_decode((string) curl_exec($ch), true);
    curl_close($ch);
    $checked += isset($dossier['status']) ? 1 : 0;
}
bench_report($started, $checked);
