<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

/**
 * The merchant's payment restrictions (Payment > Preferences): euros only from install, and
 * the redirect controller refuses a cart whose country, customer group or currency the
 * merchant excluded, as ps_wirepayment's validation does.
 */
final class SofincoPaymentRestrictionsTest extends TestCase
{
    protected function setUp(): void
    {
        S::configure();
        S::sandbox()->faults([]);
    }

    /** The dollars leave with the class: other suites and the screenshots see a euro-only shop. */
    public static function tearDownAfterClass(): void
    {
        S::cli()->json('$id = (int) Currency::getIdByIsoCode("USD");
            foreach (["currency", "currency_lang", "currency_shop", "module_currency"] as $t) { Db::getInstance()->delete($t, "id_currency = " . $id); }
            Db::getInstance()->update("cart", ["id_currency" => (int) Configuration::get("PS_CURRENCY_DEFAULT")], "id_currency = " . $id);
            Cache::clean("*"); echo json_encode(true);');
    }

    private static function idModule(): int
    {
        return (int) S::row("SELECT id_module FROM PREFIX_module WHERE name = 'sofincosignature'")['id_module'];
    }

    /** A US dollar currency in the shop (made once), enabled for every other payment module. */
    private static function dollar(): int
    {
        return (int) S::cli()->json('
            $id = (int) Currency::getIdByIsoCode("USD");
            if (!$id) {
                $c = new Currency();
                $c->iso_code = "USD"; $c->numeric_iso_code = "840"; $c->precision = 2; $c->conversion_rate = 1.1; $c->active = 1;
                foreach (Language::getLanguages(false) as $l) { $c->name[$l["id_lang"]] = "Dollar des États-Unis"; $c->symbol[$l["id_lang"]] = "$"; }
                $c->add();
                $id = (int) $c->id;
            }
            echo json_encode($id);');
    }

    /** The customer is sent back to the checkout, and nothing leaves for Sofinco. */
    private function assertRefused(array $out, string $why): void
    {
        $this->assertSame(302, $out['response']->status, $why);
        $this->assertStringContainsString('controller=order', $out['location'], $why);
        $this->assertStringNotContainsString(S::sandbox()->url, $out['location'], $why);
        $this->assertNull($out['attempt'], $why . ': no attempt stored');
    }

    public function testInstallEnablesTheModuleForEurosOnly(): void
    {
        $usd = self::dollar();
        $cli = S::cli();
        $r = $cli->module('uninstall', 'sofincosignature');
        $this->assertSame(0, $r['exit'], $r['stdout'] . $r['stderr']);
        $r = $cli->module('install', 'sofincosignature');
        $this->assertSame(0, $r['exit'], $r['stdout'] . $r['stderr']);
        S::configure();
        $isoCodes = array_column(S::rows('SELECT c.iso_code FROM PREFIX_module_currency mc JOIN PREFIX_currency c ON c.id_currency = mc.id_currency
            WHERE mc.id_module = ' . self::idModule() . ' ORDER BY c.iso_code'), 'iso_code');
        $this->assertSame(['EUR'], array_values(array_unique($isoCodes)), 'dollars exist in the shop, not for Sofinco');
        $this->assertGreaterThan(0, $usd);
    }

    public function testADollarCartGetsNoSofincoOptionAndCannotLeaveForSofinco(): void
    {
        $usd = self::dollar();
        [$http, , $idCart] = S::shopper(5);
        $http->get('index.php?SubmitCurrency=1&id_currency=' . $usd);
        $this->assertSame($usd, (int) S::row('SELECT id_currency FROM PREFIX_cart WHERE id_cart = ' . $idCart)['id_currency'], 'the cart is in dollars');
        $page = S::paymentStep($http);
        $this->assertStringNotContainsString('Payez en plusieurs fois avec Sofinco', html_entity_decode($page->body, ENT_QUOTES | ENT_HTML5));
        $this->assertRefused(S::checkout($http, $idCart), 'dollars');
    }

    public function testACountryTheMerchantExcludedIsRefusedAtTheRedirect(): void
    {
        $fr = (int) S::cli()->json('echo json_encode((int) Country::getByIso("FR"));');
        [$http, , $idCart] = S::shopper(5);
        $this->assertStringContainsString('Payez en plusieurs fois avec Sofinco', html_entity_decode(S::paymentStep($http)->body, ENT_QUOTES | ENT_HTML5), 'offered before');
        $rows = S::rows('SELECT * FROM PREFIX_module_country WHERE id_module = ' . self::idModule() . ' AND id_country = ' . $fr);
        $this->assertNotEmpty($rows);
        S::cli()->json('Db::getInstance()->delete("module_country", "id_module = ' . self::idModule() . ' AND id_country = ' . $fr . '"); echo json_encode(true);');
        try {
            // The customer had the payment step open, or calls the controller directly.
            $this->assertRefused(S::checkout($http, $idCart), 'France excluded');
        } finally {
            S::cli()->json('Db::getInstance()->insert("module_country", ' . var_export($rows, true) . '); echo json_encode(true);');
        }
        $this->assertSame(302, S::checkout($http, $idCart)['response']->status);
        $this->assertNotNull(S::checkout($http, $idCart)['attempt'], 'allowed again once France is back');
    }

    public function testACustomerGroupTheMerchantExcludedIsRefusedAtTheRedirect(): void
    {
        [$http, $customer, $idCart] = S::shopper(5);
        $group = (int) S::cli()->json('echo json_encode((int) (new Customer(' . $customer['id_customer'] . '))->id_default_group);');
        $rows = S::rows('SELECT * FROM PREFIX_module_group WHERE id_module = ' . self::idModule() . ' AND id_group = ' . $group);
        $this->assertNotEmpty($rows);
        S::cli()->json('Db::getInstance()->delete("module_group", "id_module = ' . self::idModule() . ' AND id_group = ' . $group . '"); echo json_encode(true);');
        try {
            $this->assertRefused(S::checkout($http, $idCart), 'group excluded');
        } finally {
            S::cli()->json('Db::getInstance()->insert("module_group", ' . var_export($rows, true) . '); echo json_encode(true);');
        }
    }
}
