<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopEnv;
use Sofinco\Tests\Shop\Support\ShopHttp;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

/** Checkout → journey → notification and return, one order per cart, in the real shop. */
final class SofincoCheckoutTest extends TestCase
{
    protected function setUp(): void
    {
        S::configure();
        S::sandbox()->faults([]);
    }

    /** A shopper who chose Sofinco: [http, customer, id_cart, attempt, journey URL]. */
    private function leaveForSofinco(string $lastName = 'Lefèvre'): array
    {
        [$http, $customer, $idCart] = S::shopper(5, $lastName);
        $out = S::checkout($http, $idCart);
        $this->assertSame(302, $out['response']->status, 'redirected');
        $this->assertStringStartsWith(S::sandbox()->url . '/journey/', $out['location']);
        $this->assertNotNull($out['attempt'], 'the attempt is stored before the customer leaves');
        $this->assertMatchesRegularExpression('/^[A-Z0-9]{1,20}$/', $out['attempt']['order_reference']);
        $this->assertSame('open', $out['attempt']['status']);
        $this->assertSame('PRODUCTION', $out['attempt']['mode']);
        return [$http, $customer, $idCart, $out['attempt'], $out['location']];
    }

    private function returnUrl(string $journeyUrl): string
    {
        $dossiers = S::sandbox()->dossiers();
        foreach ($dossiers as $d) {
            if (($d['link'] ?? '') === $journeyUrl) {
                return $d['returnUrl'];
            }
        }
        $this->fail('no dossier for ' . $journeyUrl);
    }

    public function testSignedJourneyNotificationThenReturnGiveOneOrderInStudy(): void
    {
        [$http, , $idCart, $attempt, $journey] = $this->leaveForSofinco();
        $sent = array_values(array_filter(S::sandbox()->requests(), fn ($r) => str_contains($r['path'], 'partnerDataExchange')));
        $this->assertNotEmpty($sent);
        $ua = array_change_key_case(end($sent)['headers'], CASE_LOWER)['user-agent'] ?? '';
        $this->assertMatchesRegularExpression('~^sofinco-ext/\S+ sofincosignature/' . preg_quote(S::moduleVersion(), '~') . ' PrestaShop/' . preg_quote(ShopEnv::psVersion(), '~') . ' PHP/' . PHP_MAJOR_VERSION . '\.~', $ua);

        $signed = S::sandbox()->journey($journey, 'sign');
        $this->assertStringContainsString('Retour à la boutique', $signed['result']['body']);
        // Sofinco's notification reaches the shop and creates the order at once.
        $orders = S::settledOrdersOfCart($idCart);
        $this->assertCount(1, $orders);
        $this->assertSame(S::stateId('SOFINCO_OS_IN_STUDY'), (int) $orders[0]['current_state']);
        $this->assertSame('sofincosignature', $orders[0]['module']);
        $this->assertEqualsWithDelta(5 * 22.94, (float) $orders[0]['total_paid_tax_incl'], 30.0);

        // The customer clicks "Retour à la boutique": PrestaShop's confirmation, no second order.
        $back = $http->get($this->returnUrl($journey));
        $this->assertSame(200, $back->status);
        $this->assertStringContainsString('controller=order-confirmation', $back->url);
        $this->assertStringContainsString('Sofinco étudie votre demande de crédit', html_entity_decode($back->body, ENT_QUOTES | ENT_HTML5));
        $reload = $http->get($this->returnUrl($journey));
        $this->assertSame(200, $reload->status);
        $this->assertCount(1, S::ordersOfCart($idCart), 'reloading never makes a second order');

        $dossier = S::row('SELECT * FROM PREFIX_sofinco_order WHERE id_cart = ' . $idCart);
        $this->assertSame($attempt['order_reference'], $dossier['order_reference']);
        $this->assertMatchesRegularExpression('/^SBX\d+$/', $dossier['contract_id']);
        $this->assertSame('ETU', $dossier['sofinco_status']);
        $this->assertSame(date('Y-m-d'), $dossier['signature_date']);
        $this->assertSame('PRODUCTION', $dossier['mode']);
        $this->assertSame('ordered', S::row("SELECT status FROM PREFIX_sofinco_attempt WHERE order_reference = '{$attempt['order_reference']}'")['status']);
    }

    /**
     * Issue 22.9: one reference for the customer. The order is created under the reference
     * Sofinco's pages showed, so the confirmation, the e-mails and the account say the same.
     */
    public function testTheCustomerReadsOneReferenceAtSofincoAndInTheShop(): void
    {
        [$http, , $idCart, $attempt, $journey] = $this->leaveForSofinco();
        $reference = $attempt['order_reference'];
        $this->assertMatchesRegularExpression('/^[A-Z]{9}$/', $reference, "shaped as PrestaShop's order references");
        $atSofinco = (new ShopHttp())->get($journey)->body;
        $this->assertStringContainsString($reference, $atSofinco, "Sofinco's page shows our reference");
        S::sandbox()->journey($journey, 'sign');
        $confirmation = html_entity_decode($http->get($this->returnUrl($journey))->body, ENT_QUOTES | ENT_HTML5);
        $order = S::settledOrdersOfCart($idCart)[0];
        $this->assertSame($reference, S::row('SELECT reference FROM PREFIX_orders WHERE id_order = ' . $order['id_order'])['reference'], 'the order is the reference the customer saw');
        $this->assertStringContainsString($reference, $confirmation);
        $history = html_entity_decode($http->get('index.php?controller=history')->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringContainsString($reference, $history, "the customer's account lists the same reference");
        // Another module's documents keep PrestaShop's own references.
        $other = (string) S::cli()->json('echo json_encode(Order::generateReference());');
        $this->assertMatchesRegularExpression('/^[A-Z]{9}$/', $other);
        $this->assertNotSame($reference, $other);
    }

    public function testTheOrderIsOnTheBackOfficeOrdersPage(): void
    {
        [, , $idCart, , $journey] = $this->leaveForSofinco();
        S::sandbox()->journey($journey, 'sign');
        $order = S::settledOrdersOfCart($idCart)[0];
        $http = new ShopHttp();
        $http->loginAdmin();
        $page = html_entity_decode($http->adminController('AdminOrders')->body, ENT_QUOTES | ENT_HTML5);
        $reference = S::row('SELECT reference FROM PREFIX_orders WHERE id_order = ' . $order['id_order'])['reference'];
        $this->assertStringContainsString($reference, $page);
        $this->assertStringContainsString('Dossier en étude Sofinco', $page);
    }

    public function testReturnBeforeTheNotificationCreatesTheOrderItself(): void
    {
        [$http, , $idCart, , $journey] = $this->leaveForSofinco('ACCORD');
        // The notification cannot reach the shop yet: the return page must not wait for it.
        S::sandbox()->journey($journey, 'sign');
        $back = $http->get($this->returnUrl($journey));
        $this->assertSame(200, $back->status);
        $orders = S::ordersOfCart($idCart);
        $this->assertCount(1, $orders);
        $this->assertSame(S::stateId('SOFINCO_OS_AWAITING_FUNDING'), (int) $orders[0]['current_state'], 'ACCORD… is approved at once');
        $this->assertStringContainsString('votre crédit Sofinco est accepté', html_entity_decode($back->body, ENT_QUOTES | ENT_HTML5));
        S::eventually(fn () => count(array_filter(S::sandbox()->notifications(), fn ($n) => $n['delivered'])) > 0);
        $this->assertCount(1, S::ordersOfCart($idCart), 'the late notification changes nothing');
    }

    public function testRefusedJourneyGivesAClearPageAndNoOrder(): void
    {
        [$http, , $idCart, $attempt, $journey] = $this->leaveForSofinco();
        S::sandbox()->journey($journey, 'refuse');
        $back = $http->get($this->returnUrl($journey));
        $this->assertSame(200, $back->status);
        $this->assertStringContainsString('Sofinco n\'a pas accepté votre demande de crédit', html_entity_decode($back->body, ENT_QUOTES | ENT_HTML5));
        $this->assertSame([], S::ordersOfCart($idCart));
        $this->assertSame('abandoned', S::row("SELECT status FROM PREFIX_sofinco_attempt WHERE order_reference = '{$attempt['order_reference']}'")['status']);
    }

    public function testAbandonedJourneyGivesNoOrder(): void
    {
        [$http, , $idCart, , $journey] = $this->leaveForSofinco();
        S::sandbox()->journey($journey, 'leave');
        $back = $http->get($this->returnUrl($journey));
        $this->assertStringContainsString('Votre demande Sofinco n\'a pas été finalisée', html_entity_decode($back->body, ENT_QUOTES | ENT_HTML5));
        $this->assertSame([], S::ordersOfCart($idCart));
    }

    public function testForgedReturnLinksAreRefused(): void
    {
        [$http, , $idCart, $attempt, $journey] = $this->leaveForSofinco();
        S::sandbox()->journey($journey, 'sign');
        $ref = $attempt['order_reference'];
        foreach (["ref=$ref&sig=" . str_repeat('0', 64), "ref=$ref", 'ref=OTHER1&sig=abc'] as $query) {
            $page = (new ShopHttp())->get('index.php?fc=module&module=sofincosignature&controller=return&' . $query);
            $this->assertSame(403, $page->status, $query);
            $this->assertStringContainsString('Ce lien de retour n\'est pas valide', html_entity_decode($page->body, ENT_QUOTES | ENT_HTML5));
            $this->assertStringNotContainsString('SBX', $page->body, 'says nothing of the dossier');
        }
        $this->assertNotNull($http);
        $this->assertGreaterThan(0, $idCart);
    }

    private function notify(string $body): array
    {
        $ch = curl_init(ShopEnv::get('SHOP_URL') . 'index.php?fc=module&module=sofincosignature&controller=notification');
        curl_setopt_array($ch, [CURLOPT_POST => true, CURLOPT_POSTFIELDS => $body, CURLOPT_RETURNTRANSFER => true,
            CURLOPT_HTTPHEADER => ['Content-Type: application/json'], CURLOPT_TIMEOUT => 30]);
        $started = microtime(true);
        $answer = (string) curl_exec($ch);
        $status = (int) curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
        curl_close($ch);
        return ['status' => $status, 'body' => $answer, 'seconds' => microtime(true) - $started];
    }

    public function testForgedAndRandomNotificationsChangeNothing(): void
    {
        $orders = S::row('SELECT COUNT(*) AS n FROM PREFIX_orders')['n'];
        $bodies = ['', 'garbage', '{"ORDER_ID":1}', str_repeat('{', 5000), '{"ORDER_ID":"A B","AMOUNT":1,"CONTRACT_STATUS":"FIN"}'];
        mt_srand(15);
        for ($i = 0; $i < 60; $i++) {
            $bodies[] = random_bytes(mt_rand(1, 2000));
        }
        $slowest = 0.0;
        foreach ($bodies as $body) {
            $r = $this->notify($body);
            // The same answer for every body: an outsider learns nothing.
            $this->assertSame([200, '{"result":"received"}'], [$r['status'], $r['body']], substr(bin2hex($body), 0, 20));
            $slowest = max($slowest, $r['seconds']);
        }
        $this->assertLessThan(2.0, $slowest, 'answers fast');
        $this->assertSame($orders, S::row('SELECT COUNT(*) AS n FROM PREFIX_orders')['n'], 'changes nothing');
        $unknown = $this->notify('{"ORDER_ID":"NOSUCHATTEMPT1","AMOUNT":1290.0,"CONTRACT_STATUS":"FIN"}');
        $this->assertSame([200, '{"result":"received"}'], [$unknown['status'], $unknown['body']]);
    }

    public function testALyingNotificationIsCheckedWithSofinco(): void
    {
        [, , $idCart, $attempt] = $this->leaveForSofinco();
        // The customer never finished the journey; a forged notification claims FIN.
        $r = $this->notify(json_encode(['ORDER_ID' => $attempt['order_reference'], 'AMOUNT' => 114.70, 'CONTRACT_STATUS' => 'FIN']));
        $this->assertSame(200, $r['status']);
        // The lookup runs after the answer: let it end, then let the one-lookup window pass.
        usleep(500000);
        $this->assertSame([], S::ordersOfCart($idCart), 'Sofinco knows no dossier yet: no order');
        S::sandbox()->setStatus($attempt['order_reference'], 'ETU');
        sleep(6); // SofincoNotifyGate::WINDOW_S + 1
        $this->notify(json_encode(['ORDER_ID' => strtolower($attempt['order_reference']), 'AMOUNT' => 1, 'CONTRACT_STATUS' => 'FIN']));
        $orders = S::eventually(fn () => S::ordersOfCart($idCart));
        $this->assertCount(1, $orders);
        $this->assertSame(S::stateId('SOFINCO_OS_IN_STUDY'), (int) $orders[0]['current_state'], 'the state is Sofinco\'s, not the body\'s');
    }

    /**
     * 50 at once for three carts: return-page hits, Sofinco notifications and orders-cron
     * runs (php -S with several workers, the real MariaDB). Exactly one order per cart.
     */
    public function testFiftyConcurrentReturnsNotificationsAndCronsMakeOneOrderPerCart(): void
    {
        $carts = [];
        for ($i = 0; $i < 3; $i++) {
            [, , $idCart, $attempt, $journey] = $this->leaveForSofinco();
            $carts[] = ['id_cart' => $idCart, 'attempt' => $attempt, 'journey' => $journey];
        }
        S::sandbox()->faults(['latency_ms' => 50, 'jitter_ms' => 150]);
        $notifyUrl = ShopEnv::get('SHOP_URL') . 'index.php?fc=module&module=sofincosignature&controller=notification';
        $requests = [];
        foreach ($carts as $cart) {
            S::sandbox()->journey($cart['journey'], 'sign');
            $body = json_encode(['ORDER_ID' => $cart['attempt']['order_reference'], 'AMOUNT' => 114.70, 'CONTRACT_STATUS' => 'ETU']);
            for ($i = 0; $i < 12; $i++) {
                $requests[] = [$this->returnUrl($cart['journey']), null];
            }
            for ($i = 0; $i < 4; $i++) {
                $requests[] = [$notifyUrl, $body];
            }
        }
        shuffle($requests);
        $crons = [];
        for ($i = 0; $i < 2; $i++) {
            $cmd = array_merge([PHP_BINARY], ShopEnv::phpArgs(), [ShopEnv::get('SHOP_DIR') . '/modules/sofincosignature/cron.php', 'orders']);
            $crons[] = proc_open($cmd, [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, ShopEnv::get('SHOP_DIR'));
        }
        $this->assertCount(50, array_merge($requests, $crons));
        $multi = curl_multi_init();
        $handles = [];
        foreach ($requests as [$url, $body]) {
            $ch = curl_init($url);
            curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 120]);
            if ($body !== null) {
                curl_setopt_array($ch, [CURLOPT_POST => true, CURLOPT_POSTFIELDS => $body]);
            }
            curl_multi_add_handle($multi, $ch);
            $handles[] = $ch;
        }
        do {
            curl_multi_exec($multi, $running);
            curl_multi_select($multi, 0.05);
        } while ($running > 0);
        foreach ($handles as $ch) {
            $this->assertContains(curl_getinfo($ch, CURLINFO_RESPONSE_CODE), [200, 302], 'every hit answered');
            curl_multi_remove_handle($multi, $ch);
        }
        foreach ($crons as $cron) {
            $this->assertSame(0, proc_close($cron), 'no cron process died');
        }
        S::sandbox()->faults([]);
        foreach ($carts as $cart) {
            $this->assertCount(1, S::ordersOfCart($cart['id_cart']), 'exactly one order for cart ' . $cart['id_cart']);
            $this->assertCount(1, S::rows('SELECT id_order FROM PREFIX_sofinco_order WHERE id_cart = ' . $cart['id_cart']));
        }
    }
}
