<?php
declare(strict_types=1);
require __DIR__ . '/common.php';

$input = bench_input($argv[1]);
$window = (int) $argv[2];
$started = microtime(true);
$token = php_token($input['config']);
$multi = curl_multi_init();
$pending = $input['orders'];
$running = 0;
$checked = 0;
$add = function () use (&$pending, &$running, $multi, $input, $token) {
    $order = array_shift($pending);
    curl_multi_add_handle($multi, dossier_handle($input['config'], $token, $order));
    $running++;
};
while ($running < $window && $pending) {
    $add();
}
do {
    curl_multi_exec($multi, $active);
    while ($info = curl_multi_info_read($multi)) {
        $dossier = json_decode((string) curl_multi_getcontent($info['handle']), true);
        $checked += isset($dossier['status']) ? 1 : 0;
        curl_multi_remove_handle($multi, $info['handle']);
        curl_close($info['handle']);
        $running--;
        if ($pending) {
            $add();
        }
    }
    if ($running > 0) {
        curl_multi_select($multi, 0.01);
    }
} while ($running > 0);
curl_multi_close($multi);
bench_report($started, $checked);
