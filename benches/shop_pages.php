<?php
// make bench-shop (part of make bench): the storefront's cost inside the real test shop
// (make shop-up), against a sandbox on loopback. Measurements, not tests. Three parts:
//   1. the product page with a cold offers cache and Sofinco at 0 ms, 200 ms, 5 s and down:
//      median and p99 server time, as ratios to the module disabled; the offers endpoint's too;
//   2. the simulator's on-CPU cost on warm product and cart pages: the PHP workers' own
//      schedstat (/proc/<pid>/schedstat, time on CPU), blocks with the module on and off
//      alternated (off: its shop row removed, which PrestaShop reads per request, so nothing
//      is recompiled or cleared between blocks);
//   3. Sofinco calls per cold checkout (new PHP workers, no offers, no token) and warm one.
// Env: BENCH_PAGES (requests per scenario and state, 60), BENCH_BLOCKS (on/off block pairs, 16),
// BENCH_BLOCK_N (requests per block, 15), BENCH_ONLY (pages, cpu or calls: one part). Prints Markdown tables.
declare(strict_types=1);

require __DIR__ . '/../tests/shop/bootstrap.php';

use Sofinco\Tests\Shop\Support\ShopEnv;
use Sofinco\Tests\Shop\Support\ShopHttp;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

$pages = (int) (getenv('BENCH_PAGES') ?: 60);
$blocks = (int) (getenv('BENCH_BLOCKS') ?: 16);
$blockN = (int) (getenv('BENCH_BLOCK_N') ?: 15);
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

/** Module on or off for the storefront without touching PrestaShop's caches (its shop row). */
function module(bool $on, int $idModule): void
{
    static $db = null;
    $db = $db ?? new PDO(sprintf('mysql:host=%s;port=%s;dbname=%s', ShopEnv::get('DB_HOST'), ShopEnv::get('DB_PORT'), ShopEnv::get('DB_NAME')), ShopEnv::get('DB_USER'), ShopEnv::get('DB_PASS'));
    $db->exec($on ? "INSERT IGNORE INTO ps_module_shop (id_module, id_shop, enable_device) VALUES ($idModule, 1, 7)" : "DELETE FROM ps_module_shop WHERE id_module = $idModule");
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

$only = getenv('BENCH_ONLY') ?: ''; // "pages", "cpu" or "calls": one part only
// ---- 1. product page, cold offers cache, Sofinco at several latencies ----
// Each scenario alternates requests with the module off and on (cold offers every time), so
// the ratio compares requests made under the same load of the machine.
echo "\n## Product page, cold offers cache (OPcache $opcache, $pages requests each, off/on interleaved)\n\n";
$http = new ShopHttp();
$http->get($product);
printf("| Sofinco | disabled: median / p99 (ms) | enabled: median / p99 (ms) | median vs disabled | p99 vs disabled | calls from the pages | endpoint median / p99 (ms) | endpoint calls to Sofinco |\n|---|---|---|---|---|---|---|---|\n");
foreach (in_array($only, ['', 'pages'], true) ? [['0 ms', ['latency_ms' => 0]], ['200 ms', ['latency_ms' => 200]], ['5 s', ['latency_ms' => 5000]], ['down (every call a 5xx)', ['fail_rate' => 1.0]]] : [] as [$label, $faults]) {
    S::sandbox()->faults($faults);
    $times = ['off' => [], 'on' => []];
    $before = count(S::sandbox()->requests());
    for ($i = 0; $i < 2 * $pages; $i++) {
        $state = ($i % 4 === 0 || $i % 4 === 3) ? 'off' : 'on';
        module($state === 'on', $idModule);
        cold($store);
        $times[$state][] = timed($http, $product)[0];
    }
    module(true, $idModule);
    $pageCalls = count(S::sandbox()->requests()) - $before;
    // The endpoint keeps its cache and its failure window between requests, as in life.
    cold($store);
    $ends = [];
    $before = count(S::sandbox()->requests());
    for ($i = 0; $i < 10; $i++) {
        $ends[] = timed($http, $endpoint)[0];
    }
    $endCalls = count(S::sandbox()->requests()) - $before;
    S::sandbox()->faults([]);
    [$off, $on] = [$times['off'], $times['on']];
    printf("| %s | %.1f / %.1f | %.1f / %.1f | %.2f× | %.2f× | %d | %.1f / %.1f | %d in 10 requests |\n", $label, median($off), pct($off, 0.99), median($on), pct($on, 0.99),
        median($on) / median($off), pct($on, 0.99) / pct($off, 0.99), $pageCalls, median($ends), pct($ends, 0.99), $endCalls);
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
foreach (in_array($only, ['', 'cpu'], true) ? ['product' => $product, 'cart' => 'index.php?controller=cart&action=show'] : [] as $name => $url) {
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

if (!in_array($only, ['', 'calls'], true)) {
    exit(0);
}
// ---- 3. Sofinco calls per checkout ----
// Cold: new PHP workers (the web server restarted: no token in memory), no token file, no
// offers. Warm: the same again.
echo "\n## Sofinco calls per checkout (product page, cart page and their offers, payment step, redirect)\n\n";
echo "| checkout | token | simulation | journey link | all API calls |\n|---|---|---|---|---|\n";
$pid = (int) ShopEnv::get('WEB_PID');
posix_kill($pid, SIGTERM);
for ($i = 0; $i < 50 && file_exists("/proc/$pid"); $i++) {
    usleep(100000);
}
exec(escapeshellarg(dirname(__DIR__) . '/scripts/shop/shop-serve.sh') . ' >/dev/null 2>&1', $ignored, $rc);
if ($rc !== 0) {
    fwrite(STDERR, "could not restart the shop's web server\n");
    exit(1);
}
S::cli()->json('require_once _PS_MODULE_DIR_ . "sofincosignature/classes/autoload.php"; @unlink(SofincoPrivateStore::tokenFile(1)); echo json_encode(true);');
cold($store);
foreach (['cold (new workers, no token, no offers)', 'warm'] as $run) {
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
