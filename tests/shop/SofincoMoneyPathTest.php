<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopEnv;
use Sofinco\Tests\Shop\Support\ShopHttp;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

/**
 * The money path as the merchant, the customer and the crons walk it in the real shop:
 * funding sent once whatever the interleaving, money booked once and only at funding, each
 * shop's identifiers, cancel and funding refused where the panel hides them, the merchant's
 * state edits kept, stock given back, no made-up dates, POST-only actions, the return page
 * up to date, and a cron that outlives its database.
 */
final class SofincoMoneyPathTest extends TestCase
{
    protected function setUp(): void
    {
        S::configure();
        S::sandbox()->faults([]);
    }

    /** A customer who left for Sofinco and never came back; Sofinco set $status. */
    private function unreturned(string $status, ?string $signatureDate = '-20 days'): array
    {
        [$http, , $idCart] = S::shopper(5);
        $attempt = S::checkout($http, $idCart)['attempt'];
        $extra = $signatureDate === null ? [] : ['signatureDate' => date('Y-m-d', strtotime($signatureDate))];
        S::sandbox()->setStatus($attempt['order_reference'], $status, $extra);
        return ['id_cart' => $idCart, 'reference' => $attempt['order_reference'], 'http' => $http];
    }

    /** An order the orders cron made from a dossier Sofinco set to $status. */
    private function order(string $status, ?string $signatureDate = '-20 days'): array
    {
        $o = $this->unreturned($status, $signatureDate);
        $run = S::cron('orders');
        $this->assertSame(0, $run['exit'], $run['stdout'] . $run['stderr']);
        $orders = S::ordersOfCart($o['id_cart']);
        $this->assertCount(1, $orders);
        return $o + ['id_order' => (int) $orders[0]['id_order']];
    }

    private static function payments(int $idOrder): array
    {
        return S::rows('SELECT op.amount FROM PREFIX_order_payment op JOIN PREFIX_orders o ON o.reference = op.order_reference WHERE o.id_order = ' . $idOrder);
    }

    private static function deliveries(string $reference): int
    {
        return count(array_filter(S::sandbox()->requests(), fn ($r) => str_ends_with($r['path'], '/order/deliver') && str_contains($r['query'], $reference)));
    }

    /** The Dossiers tab's URL with its admin token, for a logged-in employee. */
    private static function tabUrl(ShopHttp $http): string
    {
        return $http->adminUrl('AdminSofincoDossiers');
    }

    private static function stock(int $idProduct): int
    {
        return (int) S::row('SELECT quantity FROM PREFIX_stock_available WHERE id_product = ' . $idProduct . ' AND id_product_attribute = 0')['quantity'];
    }

    private static function cronProcess(string $task)
    {
        $cmd = array_merge([PHP_BINARY], ShopEnv::phpArgs(), [ShopEnv::get('SHOP_DIR') . '/modules/sofincosignature/cron.php', $task]);
        return proc_open($cmd, [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, ShopEnv::get('SHOP_DIR'));
    }

    /**
     * 10 merchant clicks and 40 funding-cron runs at once, with 1.5 s of jitter at Sofinco:
     * every dossier gets exactly one deliver (1 run in 5 sent two before the order lock).
     */
    public function testFiftyClickAndCronInterleavingsSendOneDeliverPerDossier(): void
    {
        $orders = [];
        for ($i = 0; $i < 10; $i++) {
            $orders[] = $this->unreturned('AFI');
        }
        $this->assertSame(0, S::cron('orders')['exit']);
        foreach ($orders as &$o) {
            $o['id_order'] = (int) S::ordersOfCart($o['id_cart'])[0]['id_order'];
            $this->assertSame('SOFINCO_OS_AWAITING_FUNDING', S::stateKeyOfOrder($o['id_order']));
        }
        unset($o);
        $http = new ShopHttp();
        $http->loginAdmin();
        $url = self::tabUrl($http);
        S::sandbox()->faults(['latency_ms' => 100, 'jitter_ms' => 1500]);
        $multi = curl_multi_init();
        $handles = [];
        foreach ($orders as $o) {
            $ch = curl_init($url);
            curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 120, CURLOPT_POST => true,
                CURLOPT_COOKIEFILE => $http->cookieJar(),
                CURLOPT_POSTFIELDS => http_build_query(['submitSofincoFund' => 1, 'id_order' => $o['id_order']])]);
            curl_multi_add_handle($multi, $ch);
            $handles[] = $ch;
        }
        $crons = [];
        $started = microtime(true);
        do {
            curl_multi_exec($multi, $running);
            curl_multi_select($multi, 0.02);
            // A cron run every 60 ms while the clicks are under way, as crontabs on other machines would.
            if (count($crons) < 40 && microtime(true) - $started > 0.06 * count($crons)) {
                $crons[] = self::cronProcess('funding');
            }
        } while ($running > 0 || count($crons) < 40);
        foreach ($handles as $ch) {
            $this->assertSame(200, curl_getinfo($ch, CURLINFO_RESPONSE_CODE));
            curl_multi_remove_handle($multi, $ch);
        }
        foreach ($crons as $cron) {
            $this->assertContains(proc_close($cron), [0, 1], 'no cron process died');
        }
        S::sandbox()->faults([]);
        S::cron('funding');
        foreach ($orders as $o) {
            $this->assertSame(1, self::deliveries($o['reference']), 'exactly one deliver for ' . $o['reference']);
            $this->assertContains(S::stateKeyOfOrder($o['id_order']), ['SOFINCO_OS_FUNDING_REQUESTED', 'SOFINCO_OS_FUNDED']);
        }
    }

    /** Approved at once (cron, notification, return page): no payment until Sofinco funds. */
    public function testMoneyIsBookedOnceAndOnlyAtFundingWhateverCreatedTheOrder(): void
    {
        $byCron = $this->order('AFI');
        $this->assertSame('SOFINCO_OS_AWAITING_FUNDING', S::stateKeyOfOrder($byCron['id_order']));
        $this->assertSame([], self::payments($byCron['id_order']), 'approved is not paid');

        $notified = $this->unreturned('AFI');
        $ch = curl_init(ShopEnv::get('SHOP_URL') . 'index.php?fc=module&module=sofincosignature&controller=notification');
        curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_POST => true,
            CURLOPT_POSTFIELDS => json_encode(['ORDER_ID' => $notified['reference'], 'AMOUNT' => 114.70, 'CONTRACT_STATUS' => 'AFI'])]);
        curl_exec($ch);
        curl_close($ch);
        $idNotified = (int) S::settledOrdersOfCart($notified['id_cart'])[0]['id_order'];
        $this->assertSame('SOFINCO_OS_AWAITING_FUNDING', S::stateKeyOfOrder($idNotified));
        $this->assertSame([], self::payments($idNotified));

        $funded = $this->order('FIN');
        $this->assertSame('SOFINCO_OS_FUNDED', S::stateKeyOfOrder($funded['id_order']));
        $total = (float) S::row('SELECT total_paid_tax_incl FROM PREFIX_orders WHERE id_order = ' . $funded['id_order'])['total_paid_tax_incl'];
        $payments = self::payments($funded['id_order']);
        $this->assertCount(1, $payments, 'funded at once: paid once');
        $this->assertEqualsWithDelta($total, (float) $payments[0]['amount'], 0.001);

        // The cron's AFI order is funded: exactly one payment, of the full amount.
        S::sandbox()->setStatus($byCron['reference'], 'FIN');
        S::cron('statuses');
        $this->assertSame('SOFINCO_OS_FUNDED', S::stateKeyOfOrder($byCron['id_order']));
        $this->assertCount(1, self::payments($byCron['id_order']));

        // The notified one is cancelled before funding: still nothing booked.
        S::sandbox()->setStatus($notified['reference'], 'ANN');
        S::cron('statuses');
        $this->assertSame([], self::payments($idNotified), 'nothing after a cancellation');
    }

    /** Two shops with their own Sofinco identifiers: each shop's dossiers with its own. */
    public function testEachShopsDossiersAreLookedUpWithItsOwnIdentifiers(): void
    {
        // Multishop on (PrestaShop reads and writes a shop's own values only then; it reads
        // the flag once per process), a second shop, then its own merchant number.
        $idShop2 = (int) S::cli()->json('
            Configuration::updateGlobalValue("PS_MULTISHOP_FEATURE_ACTIVE", 1);
            $id = (int) Db::getInstance()->getValue("SELECT id_shop FROM " . _DB_PREFIX_ . "shop WHERE name = \'Sofinco shop 2\'");
            if (!$id) {
                $shop = new Shop(); $shop->name = "Sofinco shop 2"; $shop->id_shop_group = 1;
                $shop->id_category = (int) Configuration::get("PS_HOME_CATEGORY"); $shop->theme_name = "classic"; $shop->active = 1;
                $shop->add(); $id = (int) $shop->id;
            }
            echo json_encode($id);');
        S::cli()->json('Configuration::updateValue("SOFINCO_MERCHANT_ID", "' . S::MERCHANT2 . '", false, null, ' . $idShop2 . '); echo json_encode(true);');
        $this->assertSame(S::MERCHANT, S::row("SELECT value FROM PREFIX_configuration WHERE name = 'SOFINCO_MERCHANT_ID' AND id_shop IS NULL")['value'], 'shop 1 keeps the global one');
        $this->assertGreaterThan(1, $idShop2);
        try {
            $one = $this->unreturned('REF');
            S::sandbox()->setStatus($one['reference'], 'REF', ['businessProviderId' => S::MERCHANT]);
            $ref2 = 'SHOP2' . strtoupper(bin2hex(random_bytes(4)));
            S::sandbox()->setStatus($ref2, 'REF', ['businessProviderId' => S::MERCHANT2]);
            S::cli()->json('require_once _PS_MODULE_DIR_ . "sofincosignature/classes/autoload.php";
                SofincoAttempts::create(' . $idShop2 . ', 990000 + random_int(1, 9999), "' . $ref2 . '", 11470, "PRODUCTION"); echo json_encode(true);');
            $before = count(S::sandbox()->requests());
            $this->assertSame(0, S::cron('orders')['exit']);
            $lookups = array_slice(S::sandbox()->requests(), $before);
            $providerOf = function (string $reference) use ($lookups): array {
                $ids = [];
                foreach ($lookups as $r) {
                    parse_str($r['query'], $q);
                    if (($q['partnerExternalId'] ?? '') === $reference) {
                        $ids[] = $q['businessProviderId'] ?? '';
                    }
                }
                return array_values(array_unique($ids));
            };
            $this->assertSame([S::MERCHANT], $providerOf($one['reference']));
            $this->assertSame([S::MERCHANT2], $providerOf($ref2), "shop 2's dossier with shop 2's merchant number");
            $this->assertSame('abandoned', S::row("SELECT status FROM PREFIX_sofinco_attempt WHERE order_reference = '$ref2'")['status'], 'found and closed, not "no dossier"');
        } finally {
            S::cli()->json('Db::getInstance()->delete("sofinco_attempt", "id_shop = ' . $idShop2 . '");
                Db::getInstance()->delete("configuration", "name = \'SOFINCO_MERCHANT_ID\' AND id_shop = ' . $idShop2 . '");
                Configuration::updateGlobalValue("PS_MULTISHOP_FEATURE_ACTIVE", 0); echo json_encode(true);');
        }
    }

    /** The panel hides "Annuler" on a hand-moved order; a crafted POST is refused too. */
    public function testACraftedCancelPostOnAHandMovedOrderSendsNothing(): void
    {
        $o = $this->order('ETU');
        S::cli()->json('$order = new Order(' . $o['id_order'] . '); Context::getContext()->currency = new Currency((int) $order->id_currency);
            $h = new OrderHistory(); $h->id_order = $order->id;
            $h->changeIdOrderState((int) Configuration::get("PS_OS_PREPARATION"), $order, true); $h->add(); echo json_encode(true);');
        $http = new ShopHttp();
        $http->loginAdmin();
        $panel = $http->adminController('AdminOrders', ['id_order' => $o['id_order'], 'vieworder' => 1])->body;
        $this->assertStringNotContainsString('submitSofincoCancel', $panel, 'the panel offers no cancel');
        $before = count(S::sandbox()->requests());
        $after = html_entity_decode($http->post(self::tabUrl($http), ['submitSofincoCancel' => '1', 'id_order' => $o['id_order']])->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringContainsString('Seul un dossier Sofinco pas encore financé peut être annulé', $after);
        $cancels = array_filter(array_slice(S::sandbox()->requests(), $before), fn ($r) => str_contains($r['path'], '/cancel'));
        $this->assertSame([], array_values($cancels), 'nothing sent to Sofinco');
        $this->assertStringStartsWith('PS_STATE_', S::stateKeyOfOrder($o['id_order']));
    }

    /** Orders > Statuses edits survive opening the module's configuration page. */
    public function testARenamedRecolouredStateSurvivesTheConfigurationPage(): void
    {
        $id = S::stateId('SOFINCO_OS_IN_STUDY');
        $original = S::row("SELECT os.color, os.send_email, osl.name FROM PREFIX_order_state os JOIN PREFIX_order_state_lang osl ON osl.id_order_state = os.id_order_state AND osl.id_lang = 1 WHERE os.id_order_state = $id");
        S::cli()->json("\$s = new OrderState($id); \$s->color = '#123456'; \$s->send_email = true; \$s->template = [1 => 'order_changed'];
            foreach (\$s->name as \$l => \$n) { \$s->name[\$l] = 'Étude crédit (renommé)'; } \$s->save(); echo json_encode(true);");
        try {
            $http = new ShopHttp();
            $http->loginAdmin();
            $page = $http->adminController('AdminModules', ['configure' => 'sofincosignature']);
            $this->assertStringContainsString('Sofinco', $page->body);
            $now = S::row("SELECT os.color, os.send_email, osl.name FROM PREFIX_order_state os JOIN PREFIX_order_state_lang osl ON osl.id_order_state = os.id_order_state AND osl.id_lang = 1 WHERE os.id_order_state = $id");
            $this->assertSame(['#123456', '1', 'Étude crédit (renommé)'], [(string) $now['color'], (string) $now['send_email'], (string) $now['name']]);
        } finally {
            S::cli()->json("\$s = new OrderState($id); \$s->color = " . var_export($original['color'], true) . '; $s->send_email = ' . ((int) $original['send_email'] ? 'true' : 'false') . ';
                foreach ($s->name as $l => $n) { $s->name[$l] = ' . var_export($original['name'], true) . '; } $s->save(); echo json_encode(true);');
        }
    }

    /** A refusal and a cancellation give the products back, as PrestaShop's "Annulé" does. */
    public function testStockIsBackAfterARefusalAndACancel(): void
    {
        $refused = $this->order('ETU');
        $stock = self::stock(S::PRODUCT);
        S::sandbox()->setStatus($refused['reference'], 'REF');
        S::cron('statuses');
        $this->assertSame($stock + 5, self::stock(S::PRODUCT), 'refused: the five items are back');
        $history = array_map('intval', array_column(S::rows('SELECT id_order_state FROM PREFIX_order_history WHERE id_order = ' . $refused['id_order']), 'id_order_state'));
        $this->assertContains(S::stateId('SOFINCO_OS_REFUSED'), $history, 'the refusal stays in the history');

        $cancelled = $this->order('ETU');
        $stock = self::stock(S::PRODUCT);
        $http = new ShopHttp();
        $http->loginAdmin();
        $after = html_entity_decode($http->post(self::tabUrl($http), ['submitSofincoCancel' => '1', 'id_order' => $cancelled['id_order']])->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringContainsString('Le dossier est annulé chez Sofinco', $after);
        $this->assertSame($stock + 5, self::stock(S::PRODUCT), 'cancelled: the five items are back');
        S::cron('statuses');
        $this->assertSame($stock + 5, self::stock(S::PRODUCT), 'and given back once');
    }

    /** No signature date: the panel and the tab say "—", never 0000-00-00 or -0001-12-14. */
    public function testADossierWithoutSignatureDateShowsNoMadeUpDate(): void
    {
        $o = $this->order('ETU', null);
        $this->assertNull(S::row('SELECT signature_date FROM PREFIX_sofinco_order WHERE id_order = ' . $o['id_order'])['signature_date']);
        $http = new ShopHttp();
        $http->loginAdmin();
        $panel = $http->adminController('AdminOrders', ['id_order' => $o['id_order'], 'vieworder' => 1])->body;
        $tab = $http->adminController('AdminSofincoDossiers')->body;
        foreach ([$panel, $tab] as $page) {
            $this->assertStringNotContainsString('0000-00-00', $page);
            $this->assertStringNotContainsString('-0001', $page);
        }
        $this->assertMatchesRegularExpression('~class="col-sm-7 sofinco-signature">—<~u', $panel);
    }

    /** The tab's funding action is a POST form: following a link (GET) changes nothing. */
    public function testTheTabsFundingActionIsAPostAndAGetDoesNothing(): void
    {
        $o = $this->order('AFI');
        $http = new ShopHttp();
        $http->loginAdmin();
        $url = self::tabUrl($http);
        $tab = $http->get($url)->body;
        $this->assertSame(1, preg_match('~<form id="sofinco-fund-form" method="post"~', $tab), 'one POST form');
        $this->assertSame(1, preg_match('~<button type="submit" form="sofinco-fund-form" name="id_order" value="' . $o['id_order'] . '"~', $tab), 'the row\'s button');
        $this->assertStringNotContainsString('submitSofincoFund=1&', html_entity_decode($tab, ENT_QUOTES | ENT_HTML5), 'no funding link');
        $http->get($url . '&submitSofincoFund=1&id_order=' . $o['id_order']);
        $this->assertSame('SOFINCO_OS_AWAITING_FUNDING', S::stateKeyOfOrder($o['id_order']), 'a GET funds nothing');
        $this->assertSame(0, self::deliveries($o['reference']));
        $http->post($url, ['submitSofincoFund' => '1', 'id_order' => $o['id_order']]);
        $this->assertSame('SOFINCO_OS_FUNDING_REQUESTED', S::stateKeyOfOrder($o['id_order']));
    }

    /** The notification made the order in study, Sofinco approved since: the return page says so. */
    public function testTheReturnPageWordsTheStateSofincoSaysNow(): void
    {
        [$http, , $idCart] = S::shopper(5);
        $out = S::checkout($http, $idCart);
        S::sandbox()->journey($out['location'], 'sign');
        $reference = $out['attempt']['order_reference'];
        S::sandbox()->setStatus($reference, 'ETU');
        $ch = curl_init(ShopEnv::get('SHOP_URL') . 'index.php?fc=module&module=sofincosignature&controller=notification');
        curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_POST => true,
            CURLOPT_POSTFIELDS => json_encode(['ORDER_ID' => $reference, 'AMOUNT' => 114.70, 'CONTRACT_STATUS' => 'ETU'])]);
        curl_exec($ch);
        curl_close($ch);
        $idOrder = (int) S::settledOrdersOfCart($idCart)[0]['id_order'];
        $this->assertSame('SOFINCO_OS_IN_STUDY', S::stateKeyOfOrder($idOrder));
        S::sandbox()->setStatus($reference, 'AFI');
        $returnUrl = '';
        foreach (S::sandbox()->dossiers() as $d) {
            if (($d['link'] ?? '') === $out['location']) {
                $returnUrl = $d['returnUrl'];
            }
        }
        $page = html_entity_decode($http->get($returnUrl)->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringContainsString('votre crédit Sofinco est accepté', $page);
        $this->assertStringNotContainsString('Sofinco étudie votre demande', $page);
        $this->assertSame('SOFINCO_OS_AWAITING_FUNDING', S::stateKeyOfOrder($idOrder));
    }

    /** MariaDB drops the cron's connection mid-run: its JSON line, and the failed run recorded. */
    public function testACronWhoseDatabaseDiesPrintsItsJsonLineAndRecordsTheRun(): void
    {
        $this->order('ETU');
        @unlink(ShopEnv::get('SHOP_DIR') . '/var/sofinco-cron-statuses.json');
        S::sandbox()->faults(['latency_ms' => 3000]);
        $before = count(S::sandbox()->requests());
        $cmd = array_merge([PHP_BINARY], ShopEnv::phpArgs(), [ShopEnv::get('SHOP_DIR') . '/modules/sofincosignature/cron.php', 'statuses']);
        $proc = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, ShopEnv::get('SHOP_DIR'));
        // While the cron waits on Sofinco for the dossiers, every connection of the shop's
        // database user dies (as when MariaDB restarts).
        $asked = S::eventually(function () use ($before) {
            foreach (array_slice(S::sandbox()->requests(), $before) as $r) {
                if (str_contains($r['path'], '/contracts')) {
                    return true;
                }
            }
            return false;
        }, 20.0);
        $this->assertTrue($asked, 'the cron asked Sofinco');
        // And stays down: PrestaShop reconnects once on "server has gone away" (what PHP 7.4
        // reports for a killed connection), which must fail too.
        self::lockShopUser(true);
        try {
            $killed = self::killShopConnections();
            $this->assertGreaterThan(0, $killed, 'the cron had a connection to kill');
            $out = (string) stream_get_contents($pipes[1]);
            $err = (string) stream_get_contents($pipes[2]);
            $exit = proc_close($proc);
        } finally {
            self::lockShopUser(false);
        }
        S::sandbox()->faults([]);
        $lines = preg_split('/\R/', trim($out)) ?: [''];
        $json = json_decode((string) end($lines), true);
        $this->assertIsArray($json, "a JSON line, not a fatal error:\n$out\n$err");
        $this->assertFalse($json['ok']);
        $this->assertSame('statuses', $json['task']);
        $this->assertSame(1, $exit);
        $this->assertStringNotContainsString('Stack trace', $out . $err);
        $this->assertStringStartsWith('database error', $json['error'], 'no SQL in the summary');
        $recorded = S::cli()->json('require_once _PS_MODULE_DIR_ . "sofincosignature/classes/autoload.php"; echo json_encode(SofincoCronInfo::lastRun("statuses"));');
        $this->assertFalse($recorded['ok'], 'the failed run is what the configuration page shows');
        $this->assertSame($json['at'], $recorded['at']);
        // The dead run could not remove its lock row: it expires after SofincoLock::TTL.
        // The next tests need the task now, so the test plays the expiry.
        S::cli()->json('Db::getInstance()->delete("sofinco_lock", "name LIKE \'%sofinco_cron_statuses\'"); echo json_encode(true);');
    }

    /**
     * Issue 32.7: a cron killed (kill -9) while it holds its task's claim row. The next run
     * finds the holder's database connection gone and runs at once: seconds, not the 300 s
     * of the row's expiry. (A holder on another Galera node still waits for the expiry.)
     */
    public function testACronKilledMidRunDoesNotBlockItsTaskForMinutes(): void
    {
        $this->order('ETU');
        S::sandbox()->faults(['latency_ms' => 5000]);
        $before = count(S::sandbox()->requests());
        $cmd = array_merge([PHP_BINARY], ShopEnv::phpArgs(), [ShopEnv::get('SHOP_DIR') . '/modules/sofincosignature/cron.php', 'statuses']);
        $proc = proc_open($cmd, [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, ShopEnv::get('SHOP_DIR'));
        $asked = S::eventually(fn () => count(array_filter(array_slice(S::sandbox()->requests(), $before), fn ($r) => str_contains($r['path'], '/contracts'))) > 0, 20.0);
        $this->assertTrue($asked, 'the cron is under way, waiting on Sofinco');
        $this->assertNotNull(S::row("SELECT name FROM PREFIX_sofinco_lock WHERE name LIKE '%sofinco_cron_statuses'"), 'it holds its claim row');
        proc_terminate($proc, 9);
        proc_close($proc);
        S::sandbox()->faults([]);
        $killedAt = microtime(true);
        $run = S::eventually(function () {
            $run = S::cron('statuses');
            return empty($run['result']['locked']) ? $run : null;
        }, 15.0);
        $this->assertNotNull($run, 'the task stayed locked after its holder died');
        $this->assertArrayHasKey('summary', $run['result'], $run['stdout']);
        $this->assertLessThan(15.0, microtime(true) - $killedAt);
    }

    /** Kills the shop user's connections (the cron's); the number killed. */
    /** Locks (or unlocks) the shop's database user, as root over the work socket: no new connection. */
    private static function lockShopUser(bool $lock): void
    {
        $root = new mysqli('localhost', 'root', '', '', 0, ShopEnv::get('DB_SOCKET'));
        $user = $root->real_escape_string(ShopEnv::get('DB_USER'));
        foreach (['127.0.0.1', 'localhost'] as $host) {
            $root->query("ALTER USER '$user'@'$host' ACCOUNT " . ($lock ? 'LOCK' : 'UNLOCK'));
        }
        $root->close();
    }

    private static function killShopConnections(): int
    {
        // As root over the work socket: the shop's user may be locked out by then.
        $db = new mysqli('localhost', 'root', '', '', 0, ShopEnv::get('DB_SOCKET'));
        $own = (int) $db->thread_id;
        $ids = [];
        foreach ($db->query("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = '" . $db->real_escape_string(ShopEnv::get('DB_USER')) . "' AND ID <> $own")->fetch_all() as [$id]) {
            $ids[] = (int) $id;
        }
        foreach ($ids as $id) {
            @$db->query("KILL CONNECTION $id");
        }
        $db->close();
        return count($ids);
    }
}
