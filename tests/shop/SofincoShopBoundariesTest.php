<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopEnv;
use Sofinco\Tests\Shop\Support\ShopHttp;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

/**
 * Issue 32 (items 2 and 6), "nobody reaches what is not theirs": with two shops, an employee
 * of shop 2 only sees, exports, funds and cancels shop 2's dossiers and nothing of shop 1's,
 * while shop 1's employee still funds their own and a super-admin in "all shops" sees both;
 * filters posted under a column's name instead of its filter key never break the tab.
 * Multishop is on for this class only: tearDownAfterClass turns it off again and removes the
 * employees, their profile and shop 2's order (shop 2 stays, as the money-path suite leaves it).
 */
final class SofincoShopBoundariesTest extends TestCase
{
    /** Shop 1's customer, whose name no shop-2 page may show. */
    private const SHOP1_CUSTOMER = 'Boutiqueune';

    /** @var array{complete:bool, config:int, shop2:int, profile:int, employees:array<string, array{id:int, email:string, password:string}>, shop1:array{id_order:int, reference:string}, shop2order:array{id_order:int, reference:string}}|null */
    private static ?array $fixture = null;

    /**
     * Configured once, multishop off: with multishop on, Configuration::updateValue() writes
     * the current shop's own values, which would outlive this class (and shadow the next
     * suites' settings).
     */
    public static function setUpBeforeClass(): void
    {
        S::configure();
        S::sandbox()->faults([]);
    }

    public static function tearDownAfterClass(): void
    {
        if (self::$fixture === null) {
            return;
        }
        $f = self::$fixture;
        self::$fixture = null;
        S::forgetOrders(array_filter([$f['shop2order']['id_order']]));
        // By SQL: deleting an Employee object runs ps_mbo's hook, which needs the back office's container.
        $employees = implode(',', array_map(fn ($e) => (int) $e['id'], $f['employees'])) ?: '0';
        S::cli()->json('$db = Db::getInstance(); $p = _DB_PREFIX_;
            foreach (["employee_session", "employee_shop", "employee"] as $t) { $db->execute("DELETE FROM {$p}$t WHERE id_employee IN (' . $employees . ')"); }
            foreach (["access", "profile_lang", "profile"] as $t) { $db->execute("DELETE FROM {$p}$t WHERE id_profile = ' . (int) $f['profile'] . '"); }
            // Anything this class wrote as a shop\'s own setting (none expected), then multishop off.
            $db->execute("DELETE FROM {$p}configuration WHERE name LIKE \'SOFINCO\\_%\' AND id_shop IS NOT NULL AND id_configuration > ' . (int) $f['config'] . '");
            Configuration::updateGlobalValue("PS_MULTISHOP_FEATURE_ACTIVE", 0); echo json_encode(true);');
    }

    /**
     * A shop-1 order awaiting funding (its customer named SHOP1_CUSTOMER), made first, as
     * every other suite makes orders; then multishop on, shop 2, a shop-2 order in study, a
     * profile with the tab's permissions (and the order page's), an employee of shop 1 only
     * and one of shop 2 only. Made once for the class.
     */
    private static function fixture(): array
    {
        if (self::$fixture !== null) {
            if (!self::$fixture['complete']) {
                throw new \RuntimeException('the two shops\' fixture could not be made (see the first failure)');
            }
            return self::$fixture;
        }
        // Shop 1: a customer's checkout, signed 20 days ago, awaiting funding.
        [$http, , $idCart] = S::shopper(5, self::SHOP1_CUSTOMER);
        $reference = (string) S::checkout($http, $idCart)['attempt']['order_reference'];
        S::sandbox()->setStatus($reference, 'AFI', ['signatureDate' => date('Y-m-d', strtotime('-20 days'))]);
        S::cron('orders');
        $orders = S::ordersOfCart($idCart);
        if (count($orders) !== 1) {
            throw new \RuntimeException('the shop-1 order was not made: ' . json_encode($orders));
        }
        $config = (int) S::row('SELECT MAX(id_configuration) AS id FROM PREFIX_configuration')['id'];

        // Multishop on (PrestaShop reads the flag once per process) and shop 2, as the money-path suite makes it.
        $shop2 = (int) S::cli()->json('
            Configuration::updateGlobalValue("PS_MULTISHOP_FEATURE_ACTIVE", 1);
            $id = (int) Db::getInstance()->getValue("SELECT id_shop FROM " . _DB_PREFIX_ . "shop WHERE name = \'Sofinco shop 2\'");
            if (!$id) {
                $shop = new Shop(); $shop->name = "Sofinco shop 2"; $shop->id_shop_group = 1;
                $shop->id_category = (int) Configuration::get("PS_HOME_CATEGORY"); $shop->theme_name = "classic"; $shop->active = 1;
                $shop->add(); $id = (int) $shop->id;
            }
            echo json_encode($id);');
        // Recorded at once: tearDownAfterClass turns multishop off whatever fails next.
        self::$fixture = ['complete' => false, 'config' => $config, 'shop2' => $shop2, 'profile' => 0, 'employees' => [],
            'shop1' => ['id_order' => (int) $orders[0]['id_order'], 'reference' => $reference], 'shop2order' => ['id_order' => 0, 'reference' => '']];

        // Shop 2: an order in study (a copy of a demo order, another customer), moved to shop 2.
        $prefix = 'BOUTB' . strtoupper(bin2hex(random_bytes(1)));
        [$id2] = S::followedOrders(1, 'ETU', $prefix);
        self::$fixture['shop2order'] = ['id_order' => (int) $id2, 'reference' => sprintf('%s%06d', $prefix, 0)];
        S::cli()->json('$db = Db::getInstance(); $p = _DB_PREFIX_;
            // Dated now: the copied demo order is from the install, off the tab\'s first page in a shop with many orders.
            $db->execute("UPDATE {$p}orders SET id_shop = ' . $shop2 . ', id_shop_group = 1, date_add = \'" . date("Y-m-d H:i:s") . "\' WHERE id_order = ' . (int) $id2 . '");
            $db->execute("UPDATE {$p}sofinco_order SET id_shop = ' . $shop2 . ' WHERE id_order = ' . (int) $id2 . '");
            echo json_encode(true);');

        self::$fixture['profile'] = (int) S::cli()->json('
            $profile = new Profile();
            foreach (Language::getLanguages(false) as $l) { $profile->name[(int) $l["id_lang"]] = "Sofinco boutique"; }
            $profile->add();
            $access = new Access();
            foreach (["AdminParentOrders" => "view", "AdminOrders" => "view", "AdminSofincoDossiers" => "all"] as $tab => $auth) {
                $access->updateLgcAccess((int) $profile->id, (int) Tab::getIdFromClassName($tab), $auth, true, false);
            }
            // The module\'s own "view" permission: PrestaShop runs a module\'s back-office hooks (the order panel) only with it.
            $access->updateLgcModuleAccess((int) $profile->id, (int) Module::getModuleIdByName("sofincosignature"), "view", true);
            echo json_encode((int) $profile->id);');
        foreach ([1 => 'shop1', $shop2 => 'shop2'] as $idShop => $name) {
            self::$fixture['employees'][$name] = self::employee(self::$fixture['profile'], $idShop);
        }
        self::$fixture['complete'] = true;
        return self::$fixture;
    }

    /** An employee with $profile, attached to $idShop only, landing on the Dossiers tab. */
    private static function employee(int $profile, int $idShop): array
    {
        $email = 'staff-' . bin2hex(random_bytes(4)) . '@example.test';
        $password = 'Staff-' . bin2hex(random_bytes(6));
        $id = (int) S::cli()->json('
            $e = new Employee();
            $e->firstname = "Camille"; $e->lastname = "' . ($idShop === 1 ? 'Equipeun' : 'Equipedeux') . '"; $e->email = ' . var_export($email, true) . ';
            $e->passwd = (new PrestaShop\PrestaShop\Core\Crypto\Hashing())->hash(' . var_export($password, true) . ');
            $e->id_profile = ' . $profile . '; $e->id_lang = (int) Configuration::get("PS_LANG_DEFAULT"); $e->active = 1;
            $e->default_tab = (int) Tab::getIdFromClassName("AdminSofincoDossiers");
            $e->add();
            $db = Db::getInstance();
            $db->delete("employee_shop", "id_employee = " . (int) $e->id);
            $db->insert("employee_shop", ["id_employee" => (int) $e->id, "id_shop" => ' . $idShop . ']);
            echo json_encode((int) $e->id);');
        return ['id' => $id, 'email' => $email, 'password' => $password];
    }

    /** A back-office session of one of the fixture's employees ("shop1", "shop2"), or the super-admin (null). */
    private static function staff(?string $who): ShopHttp
    {
        $http = new ShopHttp();
        if ($who === null) {
            $http->loginAdmin();
        } else {
            $e = self::fixture()['employees'][$who];
            $http->loginAdmin($e['email'], $e['password']);
        }
        return $http;
    }

    /** Every Sofinco reference of a shop's orders. */
    private static function referencesOfShop(int $idShop): array
    {
        return array_column(S::rows('SELECT so.order_reference FROM PREFIX_sofinco_order so JOIN PREFIX_orders o ON o.id_order = so.id_order WHERE o.id_shop = ' . $idShop), 'order_reference');
    }

    /** The references of $references that $text shows. */
    private static function shown(string $text, array $references): array
    {
        return array_values(array_filter($references, fn ($r) => $r !== '' && str_contains($text, $r)));
    }

    /** The Sofinco references of the list's rows (its cells, not the filter row nor the title). */
    private static function listed(string $html): array
    {
        preg_match_all('~<td[^>]*class="[^"]*sofinco-col-sofinco[^"]*"[^>]*>(.*?)</td>~s', $html, $cells);
        return array_map(fn ($cell) => trim(strip_tags(preg_replace('~<br\s*/?>.*~s', '', $cell))), $cells[1]);
    }

    private function tab(ShopHttp $http, array $params = []): string
    {
        $page = $http->adminController('AdminSofincoDossiers', $params);
        $this->assertSame(200, $page->status, 'the tab answers');
        return html_entity_decode($page->body, ENT_QUOTES | ENT_HTML5);
    }

    /** Funding (deliver) and cancel requests the sandbox received since $before. */
    private static function moneyRequests(int $before): array
    {
        return array_values(array_filter(
            array_slice(S::sandbox()->requests(), $before),
            fn ($r) => str_ends_with($r['path'], '/order/deliver') || str_ends_with($r['path'], '/order/cancel')
        ));
    }

    public function testAShop2EmployeeListsAndExportsShop2sDossiersOnly(): void
    {
        $f = self::fixture();
        $shop1Refs = self::referencesOfShop(1);
        $this->assertContains($f['shop1']['reference'], $shop1Refs);

        $staff2 = self::staff('shop2');
        $page = $this->tab($staff2);
        $this->assertStringContainsString('Dossiers Sofinco signature', $page);
        $this->assertContains($f['shop2order']['reference'], self::listed($page), "shop 2's own dossier is listed");
        $this->assertSame([], self::shown($page, $shop1Refs), 'no shop-1 dossier in the list');
        $this->assertSame([], array_values(array_intersect(self::listed($page), $shop1Refs)));
        $this->assertStringNotContainsString(self::SHOP1_CUSTOMER, $page, "no shop-1 customer's name");

        $csv = $staff2->adminController('AdminSofincoDossiers', ['exportorders' => '1'])->body;
        $this->assertStringContainsString($f['shop2order']['reference'], $csv, 'the CSV export has shop 2\'s dossier');
        $this->assertSame([], self::shown($csv, $shop1Refs), 'no shop-1 dossier in the CSV export');
        $this->assertStringNotContainsString(self::SHOP1_CUSTOMER, $csv);

        // Filtered on shop 1's reference: no row at all (the list says it has none).
        $url = $staff2->adminUrl('AdminSofincoDossiers');
        $filtered = $staff2->post($url, ['submitFilterorders' => '1', 'ordersFilter_so!order_reference' => $f['shop1']['reference']]);
        $this->assertSame(200, $filtered->status);
        $this->assertSame([], self::listed($filtered->body), 'no row');
        $this->assertStringNotContainsString(self::SHOP1_CUSTOMER, $filtered->body);
        $staff2->post($url, ['submitResetorders' => '1']);

        // Shop 1's employee sees shop 1's dossier and not shop 2's; the super-admin, in
        // "all shops" (no shop chosen), sees both.
        $page1 = $this->tab(self::staff('shop1'));
        $this->assertStringContainsString($f['shop1']['reference'], $page1);
        $this->assertStringContainsString(self::SHOP1_CUSTOMER, $page1);
        $this->assertStringNotContainsString($f['shop2order']['reference'], $page1);
        $all = $this->tab(self::staff(null));
        $this->assertStringContainsString($f['shop1']['reference'], $all);
        $this->assertStringContainsString($f['shop2order']['reference'], $all);
    }

    public function testAShop2EmployeeCannotFundOrCancelAShop1OrderAndShop1sEmployeeFundsIt(): void
    {
        $f = self::fixture();
        $o = $f['shop1'];
        $this->assertSame('SOFINCO_OS_AWAITING_FUNDING', S::stateKeyOfOrder($o['id_order']));
        $staff2 = self::staff('shop2');
        $url = $staff2->adminUrl('AdminSofincoDossiers');

        // The order page: PrestaShop decides whether it opens; the Sofinco panel is not there.
        $panel = $staff2->adminController('AdminOrders', ['id_order' => $o['id_order'], 'vieworder' => 1]);
        $this->assertStringNotContainsString('sofinco-actions', $panel->body, 'no Sofinco panel for another shop\'s order');
        $this->assertStringNotContainsString('submitSofincoFund', $panel->body);

        $before = count(S::sandbox()->requests());
        $refused = 'Cette commande appartient à une boutique que vous ne gérez pas : rien n\'a été envoyé à Sofinco.';
        $fund = $staff2->post($url, ['submitSofincoFund' => '1', 'id_order' => $o['id_order']]);
        $this->assertSame(200, $fund->status);
        $this->assertStringContainsString($refused, html_entity_decode($fund->body, ENT_QUOTES));
        // The order page's form posts to the tab with back=order: refused the same way.
        $cancel = $staff2->post($url . '&id_order=' . $o['id_order'] . '&back=order', ['submitSofincoCancel' => '1']);
        $this->assertSame(200, $cancel->status);
        $this->assertStringContainsString($refused, html_entity_decode($cancel->body, ENT_QUOTES));
        $this->assertSame([], self::moneyRequests($before), 'no funding or cancel request reached Sofinco');
        $this->assertSame('SOFINCO_OS_AWAITING_FUNDING', S::stateKeyOfOrder($o['id_order']), 'the order did not move');

        // Nor rewritten through core's save of the tab's object (the list's table is orders):
        // every field of the order posted back, its payment changed.
        $row = S::row('SELECT * FROM PREFIX_orders WHERE id_order = ' . $o['id_order']);
        $saved = $staff2->post($url, ['payment' => 'Réécrit depuis la boutique 2', 'submitAddorders' => '1'] + $row);
        $this->assertSame(200, $saved->status);
        $this->assertStringContainsString('Cette liste ne fait qu\'afficher les dossiers Sofinco', html_entity_decode($saved->body, ENT_QUOTES));
        $this->assertSame($row, S::row('SELECT * FROM PREFIX_orders WHERE id_order = ' . $o['id_order']), 'the order is as it was');
        $this->assertNull(S::row('SELECT funding_requested_at FROM PREFIX_sofinco_order WHERE id_order = ' . $o['id_order'])['funding_requested_at']);

        // Shop 1's employee: the panel and the funding of their own order.
        $staff1 = self::staff('shop1');
        $ownPanel = $staff1->adminController('AdminOrders', ['id_order' => $o['id_order'], 'vieworder' => 1]);
        $this->assertStringContainsString('sofinco-actions', $ownPanel->body, 'the panel is there for the shop\'s own employee');
        $funded = $staff1->post($staff1->adminUrl('AdminSofincoDossiers'), ['submitSofincoFund' => '1', 'id_order' => $o['id_order']]);
        $this->assertStringContainsString('Financement demandé : Sofinco a accepté la demande', html_entity_decode($funded->body, ENT_QUOTES));
        $this->assertSame('SOFINCO_OS_FUNDING_REQUESTED', S::stateKeyOfOrder($o['id_order']));
        $sent = self::moneyRequests($before);
        $this->assertCount(1, $sent, 'one funding request, shop 1\'s');
        $this->assertStringEndsWith('/order/deliver', $sent[0]['path']);
        $this->assertStringContainsString($o['reference'], $sent[0]['query']);
    }

    /**
     * Filters posted under a column's name (core writes that name into WHERE, where no such
     * column exists) and unknown keys: the tab answers, and so does the next visit (nothing
     * broken stays in the cookie); the column's names work as its filter.
     */
    public function testFiltersPostedUnderAColumnsNameOrAnUnknownKeyNeverBreakTheTab(): void
    {
        $f = self::fixture();
        $http = self::staff(null);
        $url = $http->adminUrl('AdminSofincoDossiers');
        $awaiting = S::stateId('SOFINCO_OS_AWAITING_FUNDING');
        $cases = [
            'state_name' => ['ordersFilter_state_name' => (string) $awaiting],
            'state_name=20' => ['ordersFilter_state_name' => '20'],
            'sofinco_mode' => ['ordersFilter_sofinco_mode' => 'PRODUCTION'],
            'sofinco_reference' => ['ordersFilter_sofinco_reference' => $f['shop2order']['reference']],
            'unknown key' => ['ordersFilter_nothing_here' => '1'],
            'known name, another alias' => ['ordersFilter_c!sofinco_reference' => 'X'],
            'date as text' => ['ordersFilter_date_add' => '2026-01-01'],
            'nested value' => ['ordersFilter_a!date_add' => [['x'], 'y']],
        ];
        foreach ($cases as $name => $fields) {
            $posted = $http->post($url, ['submitFilterorders' => '1'] + $fields);
            $this->assertSame(200, $posted->status, "$name: the filtered tab answers");
            $this->assertStringNotContainsString('Unknown column', $posted->body, $name);
            $next = $http->get($url);
            $this->assertSame(200, $next->status, "$name: the next visit answers");
            if ($name === 'sofinco_reference') {
                $shown = html_entity_decode($next->body, ENT_QUOTES | ENT_HTML5);
                $this->assertStringContainsString($f['shop2order']['reference'], $shown, 'the Sofinco reference filter works under its column name');
                $this->assertStringNotContainsString($f['shop1']['reference'], $shown, 'and filters');
            }
            $this->assertSame(200, $http->post($url, ['submitResetorders' => '1'])->status);
        }
        $this->assertSame(200, $http->get($url)->status);
    }
}
