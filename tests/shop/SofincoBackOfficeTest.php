<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopEnv;
use Sofinco\Tests\Shop\Support\ShopHttp;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

/** The crons, the Dossiers tab, funding and cancellation, in the real shop (spec §5-§10). */
final class SofincoBackOfficeTest extends TestCase
{
    protected function setUp(): void
    {
        S::configure();
        S::sandbox()->faults([]);
    }

    /** A customer who left for Sofinco and never came back; Sofinco set $status. Returns [id_cart, reference]. */
    private function unreturnedDossier(string $status = 'ETU'): array
    {
        [$http, , $idCart] = S::shopper(5);
        $attempt = S::checkout($http, $idCart)['attempt'];
        S::sandbox()->setStatus($attempt['order_reference'], $status, ['signatureDate' => date('Y-m-d', strtotime('-20 days'))]);
        return [$idCart, $attempt['order_reference']];
    }

    /** An order made by the orders cron, in the state Sofinco's $status maps to. */
    private function order(string $status = 'ETU'): array
    {
        [$idCart, $reference] = $this->unreturnedDossier($status);
        $run = S::cron('orders');
        $this->assertSame(0, $run['exit'], $run['stderr']);
        $orders = S::ordersOfCart($idCart);
        $this->assertCount(1, $orders);
        return ['id_order' => (int) $orders[0]['id_order'], 'reference' => $reference, 'id_cart' => $idCart];
    }

    private function deliveries(string $reference): int
    {
        return count(array_filter(S::sandbox()->requests(), fn ($r) => str_ends_with($r['path'], '/order/deliver') && str_contains($r['query'], $reference)));
    }

    public function testOrdersCronCreatesTheOrderOfACustomerWhoNeverReturned(): void
    {
        [$idCart] = $this->unreturnedDossier('ETU');
        $run = S::cron('orders');
        $this->assertSame(0, $run['exit'], $run['stderr']);
        $this->assertTrue($run['result']['ok']);
        $this->assertGreaterThanOrEqual(1, $run['result']['summary']['changed']);
        $orders = S::ordersOfCart($idCart);
        $this->assertCount(1, $orders);
        $this->assertSame(S::stateId('SOFINCO_OS_IN_STUDY'), (int) $orders[0]['current_state']);
        $again = S::cron('orders');
        $this->assertSame(0, $again['exit']);
        $this->assertCount(1, S::ordersOfCart($idCart), 'a second run makes no second order');
    }

    public function testStatusesCronWalksEtuCliAfiAndRecordsTheSignatureDate(): void
    {
        $o = $this->order('ETU');
        foreach (['CLI' => 'SOFINCO_OS_AWAITING_CUSTOMER', 'AFI' => 'SOFINCO_OS_AWAITING_FUNDING'] as $code => $state) {
            S::sandbox()->setStatus($o['reference'], $code);
            $run = S::cron('statuses');
            $this->assertSame(0, $run['exit'], $run['stderr']);
            $this->assertSame($state, S::stateKeyOfOrder($o['id_order']), $code);
        }
        $dossier = S::row('SELECT * FROM PREFIX_sofinco_order WHERE id_order = ' . $o['id_order']);
        $this->assertSame('AFI', $dossier['sofinco_status']);
        $this->assertSame(date('Y-m-d', strtotime('-20 days')), $dossier['signature_date']);
    }

    public function testRefusalAndAbandonMoveTheOrder(): void
    {
        $refused = $this->order('ETU');
        $cancelled = $this->order('ETU');
        S::sandbox()->setStatus($refused['reference'], 'REF');
        S::sandbox()->setStatus($cancelled['reference'], 'ABD');
        S::cron('statuses');
        // Each goes through the module's state (its history says why) to PrestaShop's
        // "Annulé", which gives the stock back.
        foreach ([[$refused, 'SOFINCO_OS_REFUSED'], [$cancelled, 'SOFINCO_OS_CANCELLED']] as [$o, $key]) {
            $this->assertSame('PS_OS_CANCELED', S::stateKeyOfOrder($o['id_order']));
            $history = array_map('intval', array_column(S::rows('SELECT id_order_state FROM PREFIX_order_history WHERE id_order = ' . $o['id_order']), 'id_order_state'));
            $this->assertContains(S::stateId($key), $history);
        }
    }

    public function testAStateSetByHandLeavesTheWorkflow(): void
    {
        $o = $this->order('ETU');
        S::cli()->json('$order = new Order(' . $o['id_order'] . '); Context::getContext()->currency = new Currency((int) $order->id_currency);
            $h = new OrderHistory(); $h->id_order = $order->id;
            $h->changeIdOrderState((int) Configuration::get("PS_OS_SHIPPING"), $order, true); $h->add(); echo json_encode(true);');
        S::sandbox()->setStatus($o['reference'], 'REF');
        $before = count(S::sandbox()->requests());
        S::cron('statuses');
        $this->assertStringStartsWith('PS_STATE_', S::stateKeyOfOrder($o['id_order']), 'still the merchant\'s state');
        $lookups = array_filter(array_slice(S::sandbox()->requests(), $before), fn ($r) => str_contains($r['query'], $o['reference']));
        $this->assertSame([], array_values($lookups), 'not even looked up');
    }

    /** A link of the Dossiers tab, relative to the back office. */
    private static function adminLink(string $href): string
    {
        $href = html_entity_decode($href, ENT_QUOTES | ENT_HTML5);
        return preg_match('~^https?://~', $href) ? $href : ShopEnv::get('ADMIN_URL') . ltrim($href, '/');
    }

    private function dossiersTab(ShopHttp $http, array $params = []): string
    {
        return html_entity_decode($http->adminController('AdminSofincoDossiers', $params)->body, ENT_QUOTES | ENT_HTML5);
    }

    /** Clicks the row's "Valider la demande de financement": the tab's POST form, as the browser sends it. */
    private function fundFromTheRow(ShopHttp $http, int $idOrder): string
    {
        $page = $this->dossiersTab($http);
        $this->assertSame(1, preg_match('~<button type="submit" form="sofinco-fund-form" name="id_order" value="' . $idOrder . '"~', $page), 'a funding button on the row');
        $this->assertSame(1, preg_match('~<form id="sofinco-fund-form" method="post" action="([^"]+)"~', $page, $form));
        return html_entity_decode($http->post(self::adminLink($form[1]), ['submitSofincoFund' => '1', 'id_order' => $idOrder])->body, ENT_QUOTES | ENT_HTML5);
    }

    public function testTheTabListsDossiersAndFundsFromTheRow(): void
    {
        $o = $this->order('AFI');
        $http = new ShopHttp();
        $http->loginAdmin();
        $page = $this->dossiersTab($http);
        $this->assertStringContainsString('Dossiers Sofinco signature', $page);
        foreach (['Signé le / rétractation jusqu\'au', 'ID Order Sofinco', 'Mode', $o['reference'], 'PRODUCTION', 'Dossier en attente de financement Sofinco',
            'irréversible'] as $text) {
            $this->assertStringContainsString($text, $page, $text);
        }
        $after = $this->fundFromTheRow($http, $o['id_order']);
        $this->assertStringContainsString('Financement demandé : Sofinco a accepté la demande', $after);
        $this->assertSame('SOFINCO_OS_FUNDING_REQUESTED', S::stateKeyOfOrder($o['id_order']));
        $this->assertSame(1, $this->deliveries($o['reference']));

        $run = S::cron('funding');
        $this->assertSame(0, $run['exit'], $run['stderr']);
        $this->assertSame('SOFINCO_OS_FUNDED', S::stateKeyOfOrder($o['id_order']));
        $paid = S::row('SELECT o.valid, (SELECT COUNT(*) FROM PREFIX_order_payment op WHERE op.order_reference = o.reference) AS payments FROM PREFIX_orders o WHERE o.id_order = ' . $o['id_order']);
        $this->assertSame(1, (int) $paid['valid']);
        $this->assertSame(1, (int) $paid['payments'], 'FUNDED marks the order paid');
        $this->assertSame(1, $this->deliveries($o['reference']), 'never sent twice');
    }

    public function testTheOrderPagePanelFundsAndWarnsDuringTheWithdrawalPeriod(): void
    {
        [$idCart, $reference] = $this->unreturnedDossier('AFI');
        S::sandbox()->setStatus($reference, 'AFI', ['signatureDate' => date('Y-m-d')]);
        S::cron('orders');
        $idOrder = (int) S::ordersOfCart($idCart)[0]['id_order'];
        $http = new ShopHttp();
        $http->loginAdmin();
        $page = $http->adminController('AdminOrders', ['id_order' => $idOrder, 'vieworder' => 1]);
        $panel = html_entity_decode($page->body, ENT_QUOTES | ENT_HTML5);
        // Dates as the back office writes them (French: dd/mm/yyyy); the funding button asks first.
        foreach (['ID Order Sofinco', $reference, 'Numéro de contrat Sofinco', 'Code statut Sofinco', 'AFI', date('d/m/Y', strtotime('+14 days')), 'irréversible',
            'Le délai de rétractation n\'est pas encore écoulé', 'Valider la demande de financement', 'Annuler le dossier chez Sofinco'] as $text) {
            $this->assertStringContainsString($text, $panel, $text);
        }
        $this->assertSame(1, preg_match('~<form method="post" action="([^"]+)" class="sofinco-actions">~', $page->body, $m));
        $after = html_entity_decode($http->post(html_entity_decode($m[1]), ['submitSofincoFund' => '1'])->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringContainsString('Financement demandé', $after, 'the outcome is shown back on the order page');
        $this->assertStringContainsString('délai de rétractation de 14 jours du client court jusqu\'au', $after);
        $this->assertSame('SOFINCO_OS_FUNDING_REQUESTED', S::stateKeyOfOrder($idOrder));
    }

    public function testSofincoDownDuringTheClickQueuesTheRequestForTheCron(): void
    {
        $o = $this->order('AFI');
        $http = new ShopHttp();
        $http->loginAdmin();
        S::sandbox()->faults(['fail_rate' => 1.0]);
        $after = $this->fundFromTheRow($http, $o['id_order']);
        S::sandbox()->faults([]);
        $this->assertStringContainsString('la demande est mise en file', $after);
        $this->assertSame('SOFINCO_OS_FUNDING_REQUESTED', S::stateKeyOfOrder($o['id_order']), 'the click is never lost');
        $queued = S::row('SELECT funding_requested_at, funding_sent FROM PREFIX_sofinco_order WHERE id_order = ' . $o['id_order']);
        $this->assertNotNull($queued['funding_requested_at']);
        $this->assertSame(0, (int) $queued['funding_sent']);
        $this->assertSame(0, $this->deliveries($o['reference']));

        S::cron('funding');
        $this->assertSame(1, $this->deliveries($o['reference']), 'sent by the cron');
        S::cron('funding');
        S::cron('funding');
        $this->assertSame(1, $this->deliveries($o['reference']), 'never twice');
        $this->assertSame('SOFINCO_OS_FUNDED', S::stateKeyOfOrder($o['id_order']));
    }

    public function testCancellationFromTheOrderPage(): void
    {
        $o = $this->order('ETU');
        $http = new ShopHttp();
        $http->loginAdmin();
        $page = $http->adminController('AdminOrders', ['id_order' => $o['id_order'], 'vieworder' => 1]);
        preg_match('~<form method="post" action="([^"]+)" class="sofinco-actions">~', $page->body, $m);
        $after = html_entity_decode($http->post(html_entity_decode($m[1]), ['submitSofincoCancel' => '1'])->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringContainsString('Le dossier est annulé chez Sofinco', $after);
        $this->assertSame('PS_OS_CANCELED', S::stateKeyOfOrder($o['id_order']), 'through "Dossier annulé" to PrestaShop\'s "Annulé"');
        $this->assertSame('ANN', S::sandbox()->dossiers()[array_search($o['reference'], array_column(S::sandbox()->dossiers(), 'partnerExternalId'))]['status']);
    }

    public function testAdminActionsNeedTheAdminToken(): void
    {
        $o = $this->order('AFI');
        $http = new ShopHttp();
        $http->loginAdmin();
        $forged = ShopEnv::get('ADMIN_URL') . 'index.php?controller=AdminSofincoDossiers&token=0123456789abcdef0123456789abcdef';
        $http->post($forged, ['submitSofincoFund' => '1', 'id_order' => $o['id_order']]);
        $this->assertSame('SOFINCO_OS_AWAITING_FUNDING', S::stateKeyOfOrder($o['id_order']), 'a wrong token does nothing');
        $this->assertSame(0, $this->deliveries($o['reference']));
    }

    /** The tab's list rows (<tr>…</tr> of the list's table body) that name $text. */
    private static function rowsNaming(string $page, string $text): array
    {
        preg_match('~<tbody>(.*?)</tbody>~s', $page, $body);
        preg_match_all('~<tr[^>]*>.*?</tr>~s', $body[1] ?? '', $rows);
        return array_values(array_filter($rows[0], fn ($row) => str_contains($row, $text)));
    }

    public function testACancelledDossierIsFoundUnderItsSofincoStateOnceTheOrderIsInPrestashopsCancelled(): void
    {
        $cancelled = $this->order('ETU');
        $inStudy = $this->order('ETU');
        S::sandbox()->setStatus($cancelled['reference'], 'ANN');
        $this->assertSame(0, S::cron('statuses')['exit']);
        $this->assertSame('PS_OS_CANCELED', S::stateKeyOfOrder($cancelled['id_order']), 'the stock went back');
        $this->assertSame(S::stateId('SOFINCO_OS_CANCELLED'), (int) S::row('SELECT id_sofinco_state FROM PREFIX_sofinco_order WHERE id_order = ' . $cancelled['id_order'])['id_sofinco_state']);

        $http = new ShopHttp();
        $http->loginAdmin();
        $url = $http->adminUrl('AdminSofincoDossiers');
        $page = html_entity_decode($http->post($url, [
            'submitFilterorders' => '1',
            'ordersFilter_so!id_sofinco_state' => (string) S::stateId('SOFINCO_OS_CANCELLED'),
        ])->body, ENT_QUOTES | ENT_HTML5);
        $rows = self::rowsNaming($page, $cancelled['reference']);
        $this->assertCount(1, $rows, 'the cancelled dossier is found under its Sofinco state');
        $this->assertStringContainsString('Dossier annulé ou sans suite Sofinco', $rows[0], 'its "État Sofinco"');
        $this->assertSame([], self::rowsNaming($page, $inStudy['reference']), 'a dossier in study is not');
        $this->assertStringContainsString('État Sofinco', $page);
        $this->assertStringContainsString('État Sofinco : Dossier annulé ou sans suite Sofinco', $page, 'the filtered title names the state');

        // The filter's value is a number whatever is sent ("0 OR 1=1" is 0: no state), and a
        // key that names no column is ignored.
        $hostile = $http->post($url, ['submitFilterorders' => '1', 'ordersFilter_so!id_sofinco_state' => '0 OR 1=1', 'ordersFilter_so!bogus' => "x'"]);
        $this->assertSame(200, $hostile->status);
        foreach (['SQL syntax', 'Unknown column', 'SQL error', 'PrestaShopDatabaseException'] as $error) {
            $this->assertStringNotContainsString($error, $hostile->body);
        }
        $this->assertSame([], self::rowsNaming(html_entity_decode($hostile->body, ENT_QUOTES | ENT_HTML5), $cancelled['reference']), '"0 OR 1=1" is 0, not true');
        $http->post($url, ['submitResetorders' => '1']);
    }

    public function testUpgradeTo240FindsEachOrdersSofincoStateInItsHistory(): void
    {
        $refused = $this->order('ETU');
        S::sandbox()->setStatus($refused['reference'], 'REF');
        S::cron('statuses');
        $this->assertSame('PS_OS_CANCELED', S::stateKeyOfOrder($refused['id_order']));
        S::cli()->json('Db::getInstance()->execute("ALTER TABLE " . _DB_PREFIX_ . "sofinco_order DROP COLUMN id_sofinco_state");
            Db::getInstance()->execute("UPDATE " . _DB_PREFIX_ . "module SET version = \'2.3.0\' WHERE name = \'sofincosignature\'");
            echo json_encode(true);');
        $upgrade = S::cli()->module('upgrade', 'sofincosignature');
        $this->assertSame(0, $upgrade['exit'], $upgrade['stdout'] . $upgrade['stderr']);
        $this->assertSame(S::stateId('SOFINCO_OS_REFUSED'), (int) S::row('SELECT id_sofinco_state FROM PREFIX_sofinco_order WHERE id_order = ' . $refused['id_order'])['id_sofinco_state']);
        $this->assertSame(S::moduleVersion(), S::row("SELECT version FROM PREFIX_module WHERE name = 'sofincosignature'")['version']);
    }

    public function testHostileFilterAndSortValuesAreHarmless(): void
    {
        $this->order('ETU');
        $http = new ShopHttp();
        $http->loginAdmin();
        $url = $http->adminUrl('AdminSofincoDossiers');
        $page = $http->post($url, [
            'submitFilterorders' => '1',
            'ordersFilter_a!reference' => "' OR 1=1 -- ",
            'ordersFilter_customer' => "x' UNION SELECT passwd FROM ps_employee -- ",
            'ordersFilter_so!mode' => "TEST' OR '1'='1",
            'ordersFilter_a!current_state' => '1 OR 1=1',
        ]);
        $this->assertSame(200, $page->status);
        foreach (['SQL syntax', 'Unknown column', 'SQL error'] as $error) {
            $this->assertStringNotContainsString($error, $page->body);
        }
        $this->assertStringNotContainsString('PrestaShopDatabaseException', $page->body);
        $this->assertStringNotContainsString('$2y$', $page->body, 'no password hash leaked');
        $sorted = $http->get($url . '&ordersOrderby=' . rawurlencode('id_order; DROP TABLE ps_orders') . '&ordersOrderway=' . rawurlencode('desc, (SELECT SLEEP(5))'));
        $this->assertSame(200, $sorted->status);
        $this->assertNotNull(S::row('SELECT COUNT(*) AS n FROM PREFIX_orders'), 'the orders table is still there');
        $reset = $http->post($url, ['submitResetorders' => '1']);
        $this->assertSame(200, $reset->status);
    }

    public function testOverlappingRunsOfOneTaskTheSecondLeavesAtOnce(): void
    {
        for ($i = 0; $i < 4; $i++) {
            $this->unreturnedDossier('ETU');
        }
        S::sandbox()->faults(['latency_ms' => 1500]);
        $cmd = array_merge([PHP_BINARY], ShopEnv::phpArgs(), [ShopEnv::get('SHOP_DIR') . '/modules/sofincosignature/cron.php', 'orders']);
        $first = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, ShopEnv::get('SHOP_DIR'));
        usleep(800000);
        $started = microtime(true);
        $second = S::cron('orders');
        $secondSeconds = microtime(true) - $started;
        $firstOut = stream_get_contents($pipes[1]);
        proc_close($first);
        S::sandbox()->faults([]);
        $this->assertTrue($second['result']['locked'] ?? false, $second['stdout'] . $second['stderr']);
        $this->assertLessThan(1.5, $secondSeconds, 'the second run exits at once');
        $this->assertStringContainsString('"ok":true', (string) $firstOut);
    }

    public function testCronUrlsNeedTheirTokenAndRecordTheLastRun(): void
    {
        $base = ShopEnv::get('SHOP_URL') . 'index.php?fc=module&module=sofincosignature&controller=cron&task=statuses';
        $http = new ShopHttp();
        $this->assertSame(403, $http->get($base)->status);
        $this->assertSame(403, $http->get($base . '&token=' . str_repeat('a', 48))->status);
        $token = S::cli()->json('echo json_encode(Configuration::getGlobalValue("SOFINCO_CRON_TOKEN"));');
        $ok = $http->get($base . '&token=' . $token);
        $this->assertSame(200, $ok->status);
        $this->assertTrue(json_decode($ok->body, true)['ok']);
        $this->assertSame(400, $http->get(str_replace('task=statuses', 'task=nope', $base) . '&token=' . $token)->status);

        $admin = new ShopHttp();
        $admin->loginAdmin();
        $config = html_entity_decode($admin->get($admin->adminUrl('AdminModules', ['configure' => 'sofincosignature']))->body, ENT_QUOTES | ENT_HTML5);
        // In the shop's time zone, as the back office shows it.
        $today = S::cli()->json('echo json_encode(date("d/m/Y"));');
        $this->assertMatchesRegularExpression('~sofinco-cron-statuses.*?' . preg_quote($today, '~') . ' \d\d:\d\d:\d\d~s', $config, 'the last run date is shown');
        $this->assertMatchesRegularExpression('~sofinco-cron-statuses.*?\d+ dossiers? vérifiés?, \d+ modifiés?, \d+ erreurs?, \d+ laissés? pour la prochaine exécution~s', $config, 'the summary in French');
    }

    public function testUpgradeFromATableWithoutModeFillsNc(): void
    {
        $o = $this->order('ETU');
        S::cli()->json('Db::getInstance()->execute("ALTER TABLE " . _DB_PREFIX_ . "sofinco_order DROP COLUMN mode");
            Db::getInstance()->execute("UPDATE " . _DB_PREFIX_ . "module SET version = \'2.0.0\' WHERE name = \'sofincosignature\'");
            echo json_encode(true);');
        $upgrade = S::cli()->module('upgrade', 'sofincosignature');
        $this->assertSame(0, $upgrade['exit'], $upgrade['stdout'] . $upgrade['stderr']);
        $this->assertSame('NC', S::row('SELECT mode FROM PREFIX_sofinco_order WHERE id_order = ' . $o['id_order'])['mode']);
        $this->assertSame(S::moduleVersion(), S::row("SELECT version FROM PREFIX_module WHERE name = 'sofincosignature'")['version']);
        $http = new ShopHttp();
        $http->loginAdmin();
        $this->assertStringContainsString('NC', $this->dossiersTab($http));
    }
}
