<?php
// make bench-shop (part of make bench): the storefront's cost inside the real test shop
// (make shop-up), against a sandbox on loopback. Measurements, not tests. Three parts:
//   1. the product page with a cold offers cache and Sofinco at 0 ms, 200 ms, 5 s and down:
//      median and p99 server time, as ratios to the module disabled; the offers endpoint's too;
//   2. the simulator's on-CPU cost on warm product and cart pages: the PHP workers' own
//      schedstat (/proc/<pid>/schedstat, time on CPU), blocks with the module on and off
//      alternated (off: its shop row removed, which PrestaShop reads per request, so nothing
//      is recompiled or cleared between blocks);
//   3. Sofinco calls per cold checkout (Sofinco restarted, no offers, no token) and warm one.
// Env: BENCH_PAGES (requests per scenario, 40), BENCH_BLOCKS (on/off block pairs, 8),
// BENCH_BLOCK_N (requests per block, 25). Prints Markdown tables.
declare(strict_types=1);

require __DIR__ . '/../tests/shop/bootstrap.php';

use Sofinco\Tests\Shop\Support\ShopEnv;
use Sofinco\Tests\Shop\Support\ShopHttp;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

$pages = (int) (getenv('BENCH_PAGES') ?: 40);
$blocks = (int) (getenv('BENCH_BLOCKS') ?: 8);
$blockN = (int) (getenv('BENCH_BLOCK_N') ?: 25);
$opcache = getenv('BENCH_OPCACHE') ?: '?';

S::configure(['SOFINCO_DEBUG' => '0']);
$sofa = S::sofa();
$store = (string) S::cli()->json('require_once _PS_MODULE_DIR_ . "sofincosignature/classes/autoload.php"; echo json_encode(SofincoPrivateStore::shopDirectory(1));');
$idModule = (int) S::row("SELECT id_module FROM ps_module WHERE name = 'sofincosignature'")['id_module'];

function cold(string $store): void
{
    foreach (['offers', 'fragments'] as $d) {
        foreach (glob("$store/$d/*") ?: [] as $f) {
            @unlink($f);
        }
    }
}

/** Module on or off for the storefront without touching PrestaShop's caches. */
function module(bool $on, int $idModule): void
{
    $db = 'ps_module_shop';
    if ($on) {
        S::cli()->json("Db::getInstance()->execute('INSERT IGNORE INTO $db (id_module, id_shop, enable_device) VALUES ($idModule, 1, 7)'); echo json_encode(true);");
    } else {
        S::cli()->json("Db::getInstance()->execute('DELETE FROM $db WHERE id_module = $idModule'); echo json_encode(true);");
    }
}

/** Server time of one GET, in ms (loopback: the time to the last byte). */
function timed(ShopHttp $http, string $url): array
{
    $t = microtime(true);
    $r = $http->get($url);
    return [(microtime(true) - $t) * 1000, $r];
}

function pct(array $values, float $p): float
{
    sort($values);
    return $values[(int) min(count($values) - 1, max(0, ceil($p * count($values)) - 1))];
}

function median(array $values): float
{
    return pct($values, 0.5);
}

// Whatever happens, the module is left enabled.
register_shutdown_function(function () use ($idModule) {
    module(true, $idModule);
});

$product = 'index.php?controller=product&id_product=' . $sofa;
$endpoint = S::offersUrl(['where' => 'product', 'product' => $sofa, 'attribute' => 0]);

// ---- 1. product page, cold offers cache, Sofinco at several latencies ----
echo "\n## Product page, cold offers cache (OPcache $opcache, $pages requests each)\n\n";
$http = new ShopHttp();
module(false, $idModule);
$http->get($product);
$base = [];
for ($i = 0; $i < $pages; $i++) {
    $base[] = timed($http, $product)[0];
}
module(true, $idModule);
$bm = median($base);
$bp = pct($base, 0.99);
printf("| Sofinco | page median (ms) | page p99 (ms) | median vs disabled | p99 vs disabled | endpoint median (ms) | endpoint p99 (ms) | endpoint calls to Sofinco |\n|---|---|---|---|---|---|---|---|\n");
printf("| module disabled | %.1f | %.1f | 1.00× | 1.00× | | | |\n", $bm, $bp);
foreach ([['0 ms', ['latency_ms' => 0]], ['200 ms', ['latency_ms' => 200]], ['5 s', ['latency_ms' => 5000]], ['down (every call a 5xx)', ['fail_rate' => 1.0]]] as [$label, $faults]) {
    S::sandbox()->faults($faults);
    $times = [];
    $ends = [];
    $before = count(S::sandbox()->requests());
    for ($i = 0; $i < $pages; $i++) {
        // Cold every time for the page; the endpoint keeps its cache and failure window, as in life.
        cold($store);
        $times[] = timed($http, $product)[0];
    }
    $pageCalls = count(S::sandbox()->requests()) - $before;
    cold($store);
    $before = count(S::sandbox()->requests());
    for ($i = 0; $i < min($pages, 10); $i++) {
        $ends[] = timed($http, $endpoint)[0];
    }
    $endCalls = count(S::sandbox()->requests()) - $before;
    S::sandbox()->faults([]);
    printf("| %s | %.1f | %.1f | %.2f× | %.2f× | %.1f | %.1f | %d in %d requests (pages: %d) |\n", $label, median($times), pct($times, 0.99),
        median($times) / $bm, pct($times, 0.99) / $bp, median($ends), pct($ends, 0.99), $endCalls, count($ends), $pageCalls);
}

// ---- 2. warm pages, on-CPU time of the PHP workers, module on/off alternated ----
$webPid = (int) ShopEnv::get('WEB_PID');
function cpuNs(int $master): int
{
    $total = 0;
    $children = trim((string) @file_get_contents("/proc/$master/task/$master/children"));
    foreach (array_filter(array_merge([$master], preg_split('/\s+/', $children) ?: [])) as $pid) {
        $stat = @file_get_contents("/proc/$pid/schedstat");
        if ($stat !== false) {
            $total += (int) explode(' ', $stat)[0];
        }
    }
    return $total;
}

[$shopper] = S::shopper(5);
$shopper->addToCart($sofa, 1);
cold($store);
S::simulatorOf($shopper, $shopper->productPage($sofa));
S::simulatorOf($shopper, $shopper->cartPage());
echo "\n## Simulator on/off, warm pages, on-CPU time of the PHP workers (OPcache $opcache, $blocks block pairs of $blockN requests)\n\n";
echo "| page | off (ms CPU/request, median of blocks) | on | on/off | extra |\n|---|---|---|---|---|\n";
foreach (['product' => $product, 'cart' => 'index.php?controller=cart&action=show'] as $name => $url) {
    $per = ['on' => [], 'off' => []];
    for ($b = 0; $b < $blocks; $b++) {
        foreach (($b % 2 ? ['off', 'on'] : ['on', 'off']) as $state) {
            module($state === 'on', $idModule);
            $shopper->get($url); // the first request after a switch is not counted
            $t0 = cpuNs($webPid);
            for ($i = 0; $i < $blockN; $i++) {
                $r = $shopper->get($url);
                if ($state === 'on' && !str_contains($r->body, 'sofinco-simulator')) {
                    fwrite(STDERR, "the $name page has no simulator with the module on\n");
                    exit(1);
                }
            }
            $per[$state][] = (cpuNs($webPid) - $t0) / $blockN / 1e6;
        }
    }
    module(true, $idModule);
    $on = median($per['on']);
    $off = median($per['off']);
    printf("| %s | %.2f | %.2f | %.3f | %+.1f %% (%+.2f ms) |\n", $name, $off, $on, $on / $off, ($on / $off - 1) * 100, $on - $off);
}

// ---- 3. Sofinco calls per checkout ----
echo "\n## Sofinco calls per checkout (product page, its offers, cart page, payment step, redirect)\n\n";
echo "| checkout | token | simulation | journey link | all API calls |\n|---|---|---|---|---|\n";
S::sandbox()->reset();
S::cli()->json('require_once _PS_MODULE_DIR_ . "sofincosignature/classes/autoload.php"; @unlink(SofincoPrivateStore::tokenFile(1)); echo json_encode(true);');
cold($store);
foreach (['cold (no offers, no token; Sofinco restarted)', 'warm'] as $run) {
    $before = count(S::sandbox()->requests());
    [$http, , $idCart] = S::shopper(5);
    S::simulatorOf($http, $http->productPage(S::PRODUCT));
    S::simulatorOf($http, $http->cartPage());
    S::paymentStep($http);
    S::checkout($http, $idCart);
    $calls = array_slice(S::sandbox()->requests(), $before);
    $count = fn (string $p) => count(array_filter($calls, fn ($r) => str_starts_with($r['path'], $p)));
    printf("| %s | %d | %d | %d | %d |\n", $run, $count('/token'), $count('/loanSimulation'), $count('/partnerDataExchange'), count($calls));
}
echo "\n(cold: a worker still holding a token from before Sofinco's restart sends it once, gets a 401 and reads the shared one: counted in \"all API calls\" and, for the simulation, in its column)\n";
