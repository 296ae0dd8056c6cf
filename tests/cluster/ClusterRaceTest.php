<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopEnv;
use Sofinco\Tests\Shop\Support\ShopHttp;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

/**
 * The two races of the shop suite on a 3-node Galera cluster (scripts/cluster/test-cluster.sh):
 * web server A on node 1, web server B on node 2 (same shop domain, reached through another
 * loopback address), crons in a third copy of the shop tree on node 3. Counts go to stderr.
 */
final class ClusterRaceTest extends TestCase
{
    protected function setUp(): void
    {
        S::configure();
        S::sandbox()->faults([]);
    }

    /** Every other handle goes to web server B: same URL and Host, another address. */
    private static function spread(\CurlHandle $ch, int $i): void
    {
        if ($i % 2 === 1) {
            $port = parse_url(ShopEnv::get('SHOP_URL'), PHP_URL_PORT);
            curl_setopt($ch, CURLOPT_CONNECT_TO, ["127.0.0.1:$port:" . ShopEnv::get('WEB2_HOST') . ":$port"]);
        }
    }

    /** A cron process in the node-3 shop tree. */
    private static function cronProcess(string $task)
    {
        $dir = ShopEnv::get('SHOP_DIR3');
        $cmd = array_merge([PHP_BINARY], ShopEnv::phpArgs(), [$dir . '/modules/sofincosignature/cron.php', $task]);
        return proc_open($cmd, [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, $dir);
    }

    private static function cronNow(string $task): int
    {
        return proc_close(self::cronProcess($task));
    }

    private static function report(string $line): void
    {
        fwrite(STDERR, "[cluster] $line\n");
        @file_put_contents((getenv('SHOP_WORK') ?: '.') . '/cluster-counts.txt', $line . "\n", FILE_APPEND);
    }

    public function testFiftyReturnsNotificationsAndCronsOverTwoWebServersAndThreeNodesMakeOneOrderPerCart(): void
    {
        $carts = [];
        for ($i = 0; $i < 3; $i++) {
            [$http, , $idCart] = S::shopper(5);
            $out = S::checkout($http, $idCart);
            $this->assertSame(302, $out['response']->status);
            $carts[] = ['id_cart' => $idCart, 'attempt' => $out['attempt'], 'journey' => $out['location']];
        }
        S::sandbox()->faults(['latency_ms' => 50, 'jitter_ms' => 150]);
        $notifyUrl = ShopEnv::get('SHOP_URL') . 'index.php?fc=module&module=sofincosignature&controller=notification';
        $requests = [];
        foreach ($carts as $cart) {
            S::sandbox()->journey($cart['journey'], 'sign');
            $returnUrl = null;
            foreach (S::sandbox()->dossiers() as $d) {
                if (($d['link'] ?? '') === $cart['journey']) {
                    $returnUrl = $d['returnUrl'];
                }
            }
            $this->assertNotNull($returnUrl);
            $body = json_encode(['ORDER_ID' => $cart['attempt']['order_reference'], 'AMOUNT' => 114.70, 'CONTRACT_STATUS' => 'ETU']);
            for ($i = 0; $i < 12; $i++) {
                $requests[] = [$returnUrl, null];
            }
            for ($i = 0; $i < 4; $i++) {
                $requests[] = [$notifyUrl, $body];
            }
        }
        shuffle($requests);
        $crons = [self::cronProcess('orders'), self::cronProcess('orders')];
        $this->assertCount(50, array_merge($requests, $crons));
        $multi = curl_multi_init();
        $handles = [];
        foreach ($requests as $i => [$url, $body]) {
            $ch = curl_init($url);
            curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 120]);
            if ($body !== null) {
                curl_setopt_array($ch, [CURLOPT_POST => true, CURLOPT_POSTFIELDS => $body]);
            }
            self::spread($ch, $i);
            curl_multi_add_handle($multi, $ch);
            $handles[] = $ch;
        }
        do {
            curl_multi_exec($multi, $running);
            curl_multi_select($multi, 0.05);
        } while ($running > 0);
        $codes = [];
        foreach ($handles as $ch) {
            $codes[] = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
            curl_multi_remove_handle($multi, $ch);
        }
        $cronExits = array_map('proc_close', $crons);
        S::sandbox()->faults([]);
        $perCart = [];
        foreach ($carts as $cart) {
            $perCart[] = count(S::ordersOfCart($cart['id_cart']));
        }
        self::report('orders per cart: ' . implode(' ', $perCart) . '; http codes: ' . json_encode(array_count_values(array_map('strval', $codes))) . '; cron exits: ' . implode(' ', $cronExits));
        foreach ($codes as $code) {
            $this->assertContains($code, [200, 302], 'every hit answered');
        }
        $this->assertSame([0, 0], $cronExits, 'no cron process died');
        $this->assertSame([1, 1, 1], $perCart, 'exactly one order per cart');
        foreach ($carts as $cart) {
            $this->assertCount(1, S::rows('SELECT id_order FROM PREFIX_sofinco_order WHERE id_cart = ' . $cart['id_cart']));
        }
    }

    public function testFiftyClicksAndCronsOverTwoWebServersAndThreeNodesSendOneDeliverAndOnePayment(): void
    {
        $orders = [];
        for ($i = 0; $i < 10; $i++) {
            [$http, , $idCart] = S::shopper(5);
            $attempt = S::checkout($http, $idCart)['attempt'];
            S::sandbox()->setStatus($attempt['order_reference'], 'AFI', ['signatureDate' => date('Y-m-d', strtotime('-20 days'))]);
            $orders[] = ['id_cart' => $idCart, 'reference' => $attempt['order_reference']];
        }
        $this->assertSame(0, self::cronNow('orders'));
        foreach ($orders as &$o) {
            $o['id_order'] = (int) S::ordersOfCart($o['id_cart'])[0]['id_order'];
            $this->assertSame('SOFINCO_OS_AWAITING_FUNDING', S::stateKeyOfOrder($o['id_order']));
        }
        unset($o);
        $http = new ShopHttp();
        $http->loginAdmin();
        $url = $http->adminUrl('AdminSofincoDossiers');
        S::sandbox()->faults(['latency_ms' => 100, 'jitter_ms' => 1500]);
        $multi = curl_multi_init();
        $handles = [];
        foreach ($orders as $i => $o) {
            $ch = curl_init($url);
            curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 120, CURLOPT_POST => true,
                CURLOPT_COOKIEFILE => $http->cookieJar(),
                CURLOPT_POSTFIELDS => http_build_query(['submitSofincoFund' => 1, 'id_order' => $o['id_order']])]);
            self::spread($ch, $i);
            curl_multi_add_handle($multi, $ch);
            $handles[] = $ch;
        }
        $crons = [];
        $started = microtime(true);
        do {
            curl_multi_exec($multi, $running);
            curl_multi_select($multi, 0.02);
            if (count($crons) < 40 && microtime(true) - $started > 0.06 * count($crons)) {
                $crons[] = self::cronProcess('funding');
            }
        } while ($running > 0 || count($crons) < 40);
        $codes = [];
        foreach ($handles as $ch) {
            $codes[] = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
            curl_multi_remove_handle($multi, $ch);
        }
        $cronExits = array_map('proc_close', $crons);
        S::sandbox()->faults([]);
        self::cronNow('funding');
        $deliveries = [];
        foreach ($orders as $o) {
            $deliveries[] = count(array_filter(S::sandbox()->requests(), fn ($r) => str_ends_with($r['path'], '/order/deliver') && str_contains($r['query'], $o['reference'])));
        }
        // Sofinco funds every dossier: the cron on node 3 books the money, once.
        foreach ($orders as $o) {
            S::sandbox()->setStatus($o['reference'], 'FIN');
        }
        self::cronNow('funding');
        self::cronNow('orders');
        $payments = [];
        foreach ($orders as $o) {
            $payments[] = count(S::rows('SELECT op.amount FROM PREFIX_order_payment op JOIN PREFIX_orders o ON o.reference = op.order_reference WHERE o.id_order = ' . $o['id_order']));
        }
        self::report('delivers per dossier: ' . implode(' ', $deliveries) . '; payments per order at FIN: ' . implode(' ', $payments) . '; http codes: ' . json_encode(array_count_values(array_map('strval', $codes))) . '; cron exits: ' . json_encode(array_count_values($cronExits)));
        foreach ($codes as $code) {
            $this->assertSame(200, $code);
        }
        foreach ($cronExits as $exit) {
            $this->assertContains($exit, [0, 1], 'no cron process died');
        }
        $this->assertSame(array_fill(0, 10, 1), $deliveries, 'exactly one deliver per dossier');
        $this->assertSame(array_fill(0, 10, 1), $payments, 'exactly one payment per order at FIN');
    }

    /**
     * The interleaving the jittered race only sometimes produces, forced: the merchant's
     * click on a web server is inside its deliver call (held 8 s by the sandbox) when the
     * funding cron runs on the third node. A lock that does not cross nodes (GET_LOCK) lets
     * the cron send a second deliver for the same request; the claim row makes it skip.
     */
    public function testACronOnAnotherNodeDuringAClicksSlowDeliverSendsNoSecondDeliver(): void
    {
        $http = new ShopHttp();
        $http->loginAdmin();
        $url = $http->adminUrl('AdminSofincoDossiers');
        $deliveries = [];
        for ($i = 0; $i < 2; $i++) {
            [$shopper, , $idCart] = S::shopper(5);
            $reference = S::checkout($shopper, $idCart)['attempt']['order_reference'];
            S::sandbox()->setStatus($reference, 'AFI', ['signatureDate' => date('Y-m-d', strtotime('-20 days'))]);
            $this->assertSame(0, self::cronNow('orders'));
            $idOrder = (int) S::ordersOfCart($idCart)[0]['id_order'];
            $isDeliver = fn ($r) => str_ends_with($r['path'], '/order/deliver') && str_contains($r['query'], $reference);
            // Every call is held 8 s until the click's deliver has arrived (the delay is
            // drawn when a request arrives), then calls are quick again for the cron.
            S::sandbox()->faults(['latency_ms' => 8000]);
            $multi = curl_multi_init();
            $ch = curl_init($url);
            curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 120, CURLOPT_POST => true,
                CURLOPT_COOKIEFILE => $http->cookieJar(),
                CURLOPT_POSTFIELDS => http_build_query(['submitSofincoFund' => 1, 'id_order' => $idOrder])]);
            self::spread($ch, $i);
            curl_multi_add_handle($multi, $ch);
            $deadline = microtime(true) + 60;
            $inFlight = false;
            do {
                curl_multi_exec($multi, $running);
                curl_multi_select($multi, 0.05);
                $inFlight = count(array_filter(S::sandbox()->requests(), $isDeliver)) > 0;
            } while (!$inFlight && $running > 0 && microtime(true) < $deadline);
            $this->assertTrue($inFlight, 'the click reached its deliver call');
            S::sandbox()->faults([]);
            $cron = self::cronProcess('funding');
            do {
                curl_multi_exec($multi, $running);
                curl_multi_select($multi, 0.05);
            } while ($running > 0);
            $this->assertSame(200, curl_getinfo($ch, CURLINFO_RESPONSE_CODE));
            $this->assertContains(proc_close($cron), [0, 1], 'the cron process did not die');
            self::cronNow('funding');
            $deliveries[] = count(array_filter(S::sandbox()->requests(), $isDeliver));
        }
        self::report('forced interleaving, delivers per dossier: ' . implode(' ', $deliveries));
        $this->assertSame([1, 1], $deliveries, 'exactly one deliver per dossier');
    }
}
