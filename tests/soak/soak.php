<?php
// make soak: N dossiers through the module and its crons, in the real shop, against the
// sandbox injecting 20 % 5xx, 5 % timeouts and 2 % malformed answers; notifications late,
// twice, never, or lying. Runs the crons until nothing changes, then checks every dossier
// against the truth. Bounded: SOAK_N dossiers (2000), SOAK_ROUNDS rounds at most (40).
declare(strict_types=1);

require __DIR__ . '/../shop/bootstrap.php';

use Sofinco\Tests\Shop\Support\ShopEnv;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

$n = (int) (getenv('SOAK_N') ?: 2000);
$maxRounds = (int) (getenv('SOAK_ROUNDS') ?: 40);
$workers = 4;
mt_srand((int) (getenv('SOAK_SEED') ?: 2026));
$started = microtime(true);
$faults = ['fail_rate' => 0.20, 'timeout_rate' => 0.05, 'malformed_rate' => 0.02, 'hang_ms' => 2500, 'seed' => 2026];

function say(string $line): void
{
    printf("[soak %5.0fs] %s\n", microtime(true) - $GLOBALS['started'], $line);
}

/** Runs PHP code inside the shop in $workers processes at once, each given its share of $items. */
function in_parallel(string $code, array $items, int $workers): array
{
    $procs = [];
    foreach (array_chunk($items, (int) max(1, ceil(count($items) / $workers))) as $i => $chunk) {
        $script = tempnam(sys_get_temp_dir(), 'soak-');
        file_put_contents($script, '<?php chdir(' . var_export(ShopEnv::get('SHOP_DIR'), true) . '); require "config/config.inc.php";
            Context::getContext()->container = PrestaShop\PrestaShop\Adapter\ContainerBuilder::getContainer("front", false);
            require_once _PS_MODULE_DIR_ . "sofincosignature/classes/autoload.php";
            $items = ' . var_export($chunk, true) . '; $out = [];' . $code . ' echo "\n", json_encode($out);');
        $procs[] = [proc_open(array_merge([PHP_BINARY], ShopEnv::phpArgs(), ['-d', 'memory_limit=1G', $script]), [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes), $pipes, $script];
    }
    $results = [];
    foreach ($procs as [$proc, $pipes, $script]) {
        $stdout = (string) stream_get_contents($pipes[1]);
        $stderr = (string) stream_get_contents($pipes[2]);
        $exit = proc_close($proc);
        unlink($script);
        $lines = preg_split('/\R/', trim($stdout)) ?: [''];
        $json = json_decode((string) end($lines), true);
        if ($exit !== 0 || !is_array($json)) {
            throw new RuntimeException("a soak worker died (exit $exit): $stderr " . substr($stdout, -500));
        }
        $results = array_merge($results, $json);
    }
    return $results;
}

S::configure(['SOFINCO_DEBUG' => '0', 'SOFINCO_TIMEOUT_MS' => '1500']);
$sandbox = S::sandbox();
$sandbox->reset();
$sandbox->faults(['fail_rate' => 0.0]);
S::cli()->json('Db::getInstance()->execute("UPDATE " . _DB_PREFIX_ . "sofinco_attempt SET status = \'abandoned\' WHERE status = \'open\'"); echo json_encode(true);');

// 1. N customers at checkout: carts, attempts stored first, journeys asked for (as the
//    redirect controller does), Sofinco failing as it will.
$sandbox->faults($faults);
$checkouts = in_parallel('
    $module = Module::getInstanceByName("sofincosignature");
    $client = SofincoClientFactory::client($module);
    $customer = null;
    foreach ($items as $i) {
        if ($customer === null || $i % 50 === 0) {
            $customer = new Customer(); $customer->firstname = "Zoé"; $customer->lastname = "Soak";
            $customer->email = "soak-" . $i . "-" . bin2hex(random_bytes(3)) . "@example.test"; $customer->passwd = Tools::hash("x" . $i); $customer->add();
            $address = new Address(); $address->id_customer = $customer->id; $address->alias = "A"; $address->firstname = "Zoé"; $address->lastname = "Soak";
            $address->address1 = "1 rue de la Paix"; $address->postcode = "75002"; $address->city = "Paris"; $address->id_country = (int) Country::getByIso("FR"); $address->phone_mobile = "0612345678"; $address->add();
        }
        $cart = new Cart(); $cart->id_customer = $customer->id; $cart->id_address_delivery = $address->id; $cart->id_address_invoice = $address->id;
        $cart->id_lang = (int) Configuration::get("PS_LANG_DEFAULT"); $cart->id_currency = (int) Configuration::get("PS_CURRENCY_DEFAULT");
        $cart->secure_key = $customer->secure_key; $cart->id_shop = 1; $cart->id_shop_group = 1; $cart->add();
        SofincoCartContext::enter($cart);
        $cart->updateQty(5, ' . S::PRODUCT . ', (int) Product::getDefaultAttribute(' . S::PRODUCT . '));
        $amount = SofincoPaymentGate::cartCents($cart);
        $reference = SofincoAttempts::newReference(1, (int) $cart->id);
        SofincoAttempts::create(1, (int) $cart->id, $reference, $amount, "PRODUCTION");
        try {
            $journey = $client->createJourney(SofincoJourney::order(Context::getContext(), $reference, $amount, $customer, $address));
            $out[] = ["i" => $i, "id_cart" => (int) $cart->id, "reference" => $reference, "journey" => $journey["journey_url"]];
        } catch (Throwable $e) {
            SofincoAttempts::close($reference, SofincoAttempts::ABANDONED, 0, "journey not created: " . $e->getMessage());
            $out[] = ["i" => $i, "id_cart" => (int) $cart->id, "reference" => $reference, "journey" => null];
        }
    }', range(1, $n), $workers);
$journeys = array_filter($checkouts, fn ($c) => $c['journey'] !== null);
say(sprintf('%d checkouts, %d journeys created, %d refused by the faults (the customer saw "unavailable")', count($checkouts), count($journeys), count($checkouts) - count($journeys)));

// 2. The customers: sign (some silently: their notification never comes), refuse, leave,
//    or never act. Sofinco's own decision for signed dossiers is drawn too.
$truth = [];
foreach ($checkouts as $c) {
    if ($c['journey'] === null) {
        $truth[$c['reference']] = ['cart' => $c['id_cart'], 'fate' => 'no journey', 'path' => [], 'final' => null];
        continue;
    }
    $r = mt_rand(1, 100);
    $fate = $r <= 55 ? 'sign' : ($r <= 70 ? 'refuse' : ($r <= 80 ? 'leave' : 'never'));
    $path = [];
    if ($fate === 'sign') {
        $d = mt_rand(1, 100);
        $path = $d <= 50 ? ['AFI', 'FUND'] : ($d <= 65 ? ['CLI', 'AFI', 'FUND'] : ($d <= 80 ? ['REF'] : ($d <= 90 ? ['CLI', 'ANN'] : [])));
    }
    $final = ['sign' => ['FUND' => 'SOFINCO_OS_FUNDED', 'REF' => 'SOFINCO_OS_REFUSED', 'ANN' => 'SOFINCO_OS_CANCELLED']];
    $truth[$c['reference']] = ['cart' => $c['id_cart'], 'fate' => $fate, 'path' => $path, 'journey' => $c['journey'],
        'final' => $fate !== 'sign' ? null : ($path === [] ? 'SOFINCO_OS_IN_STUDY' : $final['sign'][end($path)]),
        'silent' => $fate === 'sign' && mt_rand(1, 10) === 1];
}
$acted = 0;
foreach ($truth as $ref => $t) {
    if (!isset($t['journey']) || $t['fate'] === 'never') {
        continue;
    }
    if ($t['silent']) {
        $sandbox->setStatus($ref, 'ETU', ['signatureDate' => date('Y-m-d')]);
    } else {
        $sandbox->journey($t['journey'], $t['fate']);
    }
    $acted++;
}
// The attempts of customers who never acted are two days old: the orders cron closes them.
$never = array_keys(array_filter($truth, fn ($t) => $t['fate'] === 'never'));
if ($never) {
    S::cli()->json('Db::getInstance()->execute("UPDATE " . _DB_PREFIX_ . "sofinco_attempt SET created_at = created_at - 200000 WHERE order_reference IN (\'' . implode("','", $never) . '\')"); echo json_encode(true);');
}
say(sprintf('%d journeys ended by customers (%d signed, %d silently), %d never touched', $acted,
    count(array_filter($truth, fn ($t) => $t['fate'] === 'sign')), count(array_filter($truth, fn ($t) => !empty($t['silent']))), count($never)));

// 3. Notifications that lie, come twice or late.
$lies = $twice = 0;
foreach ($truth as $ref => $t) {
    if (!isset($t['journey']) || $t['fate'] === 'never' || mt_rand(1, 100) > 15) {
        continue;
    }
    if (mt_rand(0, 1) === 0) {
        $sandbox->request('POST', '/_sandbox/notify/' . $ref, ['status' => 'FIN', 'amountCents' => 1]);
        $lies++;
    } else {
        $sandbox->request('POST', '/_sandbox/notify/' . $ref, new stdClass());
        $sandbox->request('POST', '/_sandbox/notify/' . $ref, new stdClass());
        $twice++;
    }
}
say("$lies lying notifications (FIN, 0,01 €), $twice sent twice");

// 4. Rounds: Sofinco moves the dossiers one step, the merchant clicks funding for approved
//    orders, the three crons run. Until three rounds in a row change nothing.
$quiet = 0;
$cronRuns = ['orders' => 0, 'statuses' => 0, 'funding' => 0];
$cronErrors = 0;
$died = 0;
// Exit codes that do not say what the JSON line says (0 done, 3 some dossiers failed, 1 not run).
$badExits = 0;
$failedRuns = 0;
$clicks = 0;
for ($round = 1; $round <= $maxRounds && $quiet < 3; $round++) {
    $changed = 0;
    foreach ($truth as $ref => &$t) {
        if ($t['fate'] !== 'sign' || $t['path'] === [] || $t['path'][0] === 'FUND') {
            continue;
        }
        $sandbox->setStatus($ref, array_shift($t['path']));
        $changed++;
    }
    unset($t);
    // The merchant validates approved orders whose dossier is meant to be funded.
    $toFund = [];
    foreach (S::rows('SELECT so.id_order, so.order_reference FROM PREFIX_sofinco_order so JOIN PREFIX_orders o ON o.id_order = so.id_order
        WHERE o.current_state = ' . S::stateId('SOFINCO_OS_AWAITING_FUNDING')) as $row) {
        if (($truth[$row['order_reference']]['path'] ?? []) === ['FUND']) {
            $toFund[] = (int) $row['id_order'];
        }
    }
    if ($toFund) {
        $clicks += count($toFund);
        in_parallel('$module = Module::getInstanceByName("sofincosignature");
            foreach ($items as $id) { $out[] = SofincoFunding::request($module, $id)["ok"]; }', $toFund, 2);
        $changed += count($toFund);
    }
    foreach (['orders', 'statuses', 'funding'] as $task) {
        $run = S::cron($task);
        $cronRuns[$task]++;
        if (!in_array($run['exit'], [0, 1, 3], true)) {
            $died++;
            say("cron $task died: exit {$run['exit']} {$run['stderr']}");
        }
        $summary = $run['result']['summary'] ?? ['changed' => 0, 'errors' => 1, 'remaining' => 0];
        $ok = (bool) ($run['result']['ok'] ?? false);
        $expectedExit = !$ok ? 1 : (!empty($run['result']['locked']) || $summary['errors'] === 0 ? 0 : 3);
        if ($run['exit'] !== $expectedExit) {
            $badExits++;
            say("cron $task exited {$run['exit']}, its line says exit $expectedExit: " . trim($run['stdout']));
        }
        $failedRuns += $run['exit'] !== 0 ? 1 : 0;
        $changed += $summary['changed'] + $summary['remaining'];
        $cronErrors += $summary['errors'];
    }
    $quiet = $changed === 0 ? $quiet + 1 : 0;
    say(sprintf('round %d: %d changes', $round, $changed));
}
$counts = $sandbox->request('GET', '/_sandbox/faults')['json']['counts'];
$sandbox->faults(['fail_rate' => 0.0, 'timeout_rate' => 0.0, 'malformed_rate' => 0.0]);

// 5. The truth against the shop. The designed end state of each dossier: its Sofinco state
//    (the tab's "État Sofinco", sofinco_order.id_sofinco_state) is the one its last code maps
//    to; the order's PrestaShop state is the same, except where the extension says the state
//    releases the stock (refused, cancelled): then PrestaShop's own "Annulé" follows.
$orders = [];
foreach (S::rows('SELECT o.id_cart, o.id_order, o.current_state, o.valid, so.id_sofinco_state FROM PREFIX_orders o
    LEFT JOIN PREFIX_sofinco_order so ON so.id_order = o.id_order WHERE o.module = \'sofincosignature\'') as $o) {
    $orders[(int) $o['id_cart']][] = $o;
}
$finals = ['SOFINCO_OS_FUNDED', 'SOFINCO_OS_REFUSED', 'SOFINCO_OS_CANCELLED', 'SOFINCO_OS_IN_STUDY'];
$design = S::cli()->json('$out = [];
    foreach (' . var_export($finals, true) . ' as $key) { $out[$key] = \Sofinco\StatusMapper::releasesStock(SofincoStates::of(SofincoStates::idOfKey($key))); }
    $out["cancelled_id"] = (int) Configuration::get("PS_OS_CANCELED"); echo json_encode($out);');
$stateIds = [(int) $design['cancelled_id'] => 'PS_OS_CANCELED'];
foreach ($finals as $key) {
    $stateIds[S::stateId($key)] = $key;
}
$endState = fn (string $final): string => $design[$final] ? 'PS_OS_CANCELED' : $final;
$wrongSofinco = 0;
$deliveries = [];
foreach ($sandbox->dossiers() as $d) {
    $deliveries[$d['partnerExternalId']] = (int) ($d['deliveries'] ?? 0);
}
$duplicates = $lost = $wrong = $ghost = $twiceSent = $unsent = 0;
$examples = [];
foreach ($truth as $ref => $t) {
    $mine = $orders[$t['cart']] ?? [];
    if (count($mine) > 1) {
        $duplicates++;
    }
    if ($t['final'] === null) {
        if ($mine) {
            $ghost++;
            $examples[] = "$ref: no dossier alive, but an order";
        }
        continue;
    }
    if (!$mine) {
        // Refused or cancelled before the shop ever saw the dossier alive: no order is the
        // right outcome (spec §8). An alive or funded dossier without an order is lost.
        if (!in_array($t['final'], ['SOFINCO_OS_REFUSED', 'SOFINCO_OS_CANCELLED'], true)) {
            $lost++;
            $examples[] = "$ref: alive at Sofinco, no order";
        }
        continue;
    }
    $state = $stateIds[(int) $mine[0]['current_state']] ?? 'state ' . $mine[0]['current_state'];
    if ($state !== $endState($t['final'])) {
        $wrong++;
        $examples[] = "$ref: $state instead of " . $endState($t['final']);
    }
    $sofincoState = $stateIds[(int) $mine[0]['id_sofinco_state']] ?? 'state ' . (int) $mine[0]['id_sofinco_state'];
    if ($sofincoState !== $t['final']) {
        $wrongSofinco++;
        $examples[] = "$ref: Sofinco state $sofincoState instead of {$t['final']}";
    }
    $sent = $deliveries[$ref] ?? 0;
    if ($t['final'] === 'SOFINCO_OS_FUNDED' && $sent === 0) {
        $unsent++;
    }
    if ($sent > 1) {
        $twiceSent++;
        $examples[] = "$ref: funding request accepted $sent times";
    }
}
$web = (string) @file_get_contents(dirname(ShopEnv::get('SHOP_DIR')) . '/web.log');
$webDeaths = preg_match_all('/PHP Fatal error|Segmentation fault|core dumped/', $web);

echo "\n";
say(sprintf('dossiers: %d (journeys %d, signed %d, funded %d, refused %d, cancelled %d, still in study %d)', count($truth), count($journeys),
    count(array_filter($truth, fn ($t) => $t['fate'] === 'sign')), count(array_filter($truth, fn ($t) => $t['final'] === 'SOFINCO_OS_FUNDED')),
    count(array_filter($truth, fn ($t) => $t['final'] === 'SOFINCO_OS_REFUSED')), count(array_filter($truth, fn ($t) => $t['final'] === 'SOFINCO_OS_CANCELLED')),
    count(array_filter($truth, fn ($t) => $t['final'] === 'SOFINCO_OS_IN_STUDY'))));
say(sprintf('Sofinco received %d API requests: %d answered 5xx, %d timed out, %d malformed', $counts['requests'], $counts['failed'], $counts['hung'], $counts['malformed']));
say(sprintf('%d rounds, %d cron runs (%d exited non-zero; %d errors reported and retried later), %d funding clicks', $round - 1, array_sum($cronRuns), $failedRuns, $cronErrors, $clicks));
say(sprintf('duplicates = %d, lost = %d, wrong state = %d, wrong Sofinco state = %d, orders without a live dossier = %d, funding never sent = %d, funding sent twice = %d, cron exit codes wrong = %d, PHP processes died = %d',
    $duplicates, $lost, $wrong, $wrongSofinco, $ghost, $unsent, $twiceSent, $badExits, $died + $webDeaths));
foreach (array_slice($examples, 0, 10) as $e) {
    say("  $e");
}
$failed = $duplicates + $lost + $wrong + $wrongSofinco + $ghost + $unsent + $twiceSent + $badExits + $died + $webDeaths > 0 || $quiet < 3;
echo $failed ? "soak: FAILED\n" : "soak: every dossier ended in its true state\n";
exit($failed ? 1 : 0);
