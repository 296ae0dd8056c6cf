<?php
declare(strict_types=1);
require __DIR__ . '/../tools/php/Typed.php';

use Sofinco\Tests\Support\Typed;

$config = json_decode($argv[1], true);
$runs = 200;
$median = function (array $xs): float {
    sort($xs);
    return $xs[intdiv(count($xs), 2)];
};
$cold = [];
$client = new Sofinco\SofincoClient(Typed::config($config));
$client->simulate(100000); // the token, once
for ($i = 0; $i < $runs; $i++) {
    $t = hrtime(true);
    $client->simulate(100000 + $i);
    $cold[] = (hrtime(true) - $t) / 1000;
}
$dir = sys_get_temp_dir() . '/sofinco-bench-cache-' . getmypid();
$cached = new Sofinco\SofincoClient(Typed::config($config + ['cache_dir' => $dir]));
$cached->simulate(129000);
$warm = [];
for ($i = 0; $i < $runs; $i++) {
    $t = hrtime(true);
    $r = $cached->simulate(129000);
    $warm[] = (hrtime(true) - $t) / 1000;
    if (!$r->cached) {
        fwrite(STDERR, "cache miss\n");
        exit(1);
    }
}
array_map('unlink', glob($dir . '/*'));
rmdir($dir);
echo json_encode(['cold_median_us' => $median($cold), 'warm_median_us' => $median($warm), 'runs' => $runs]);
