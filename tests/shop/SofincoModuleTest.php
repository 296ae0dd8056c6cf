<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopHttp;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

/** Install, configuration page and the extension's presence, in the real shop. */
final class SofincoModuleTest extends TestCase
{
    public static function setUpBeforeClass(): void
    {
        S::configure();
    }

    public function testInstallMadeTablesStatesTabAndHooks(): void
    {
        $states = S::rows("SELECT os.id_order_state, os.paid, os.logable, os.color, osl.name FROM ps_order_state os
            JOIN ps_order_state_lang osl ON osl.id_order_state = os.id_order_state AND osl.id_lang = (SELECT id_lang FROM ps_lang WHERE iso_code = 'fr')
            WHERE os.module_name = 'sofincosignature' AND os.deleted = 0 ORDER BY os.id_order_state");
        $this->assertSame([
            'Dossier en étude Sofinco', 'Dossier en attente retour client Sofinco', 'Dossier en attente de financement Sofinco',
            'Financement demandé Sofinco', 'Dossier financé Sofinco', 'Dossier refusé Sofinco',
            'Dossier annulé ou sans suite Sofinco', 'Dossier non trouvé Sofinco', 'Dossier non traité suite erreur technique Sofinco',
        ], array_column($states, 'name'));
        $paid = array_column(array_filter($states, fn ($s) => (int) $s['paid'] === 1), 'name');
        $this->assertSame(['Dossier financé Sofinco'], $paid);
        $this->assertCount(4, S::rows("SHOW TABLES LIKE 'ps_sofinco_%'"), 'attempts, orders, locks, notification claims');
        $this->assertNotNull(S::row("SELECT id_tab FROM ps_tab WHERE class_name = 'AdminSofincoDossiers' AND module = 'sofincosignature'"));
        $hooks = array_column(S::rows("SELECT h.name FROM ps_hook_module hm JOIN ps_hook h ON h.id_hook = hm.id_hook
            JOIN ps_module m ON m.id_module = hm.id_module WHERE m.name = 'sofincosignature'"), 'name');
        foreach (['paymentOptions', 'displayProductAdditionalInfo', 'displayShoppingCartFooter', 'displayAdminOrderMain', 'displayPaymentReturn'] as $hook) {
            $this->assertContains($hook, $hooks);
        }
    }

    private function configPage(ShopHttp $http): string
    {
        return $http->adminUrl('AdminModules', ['configure' => 'sofincosignature']);
    }

    public function testConfigurationPageSaysWhichExtensionIsLoaded(): void
    {
        $http = new ShopHttp();
        $http->loginAdmin();
        $page = $http->get($this->configPage($http));
        $this->assertSame(200, $page->status);
        // Which build, and which PHP it was built for, then the PHP it is loaded in.
        $this->assertMatchesRegularExpression('/Extension sofinco 0\.1\.0 \(built for PHP ' . preg_quote(PHP_VERSION, '/') . ' '
            . (PHP_ZTS ? 'ZTS' : 'NTS') . ' ' . preg_quote(php_uname('m'), '/') . ', (debug|release) build of \d{4}-\d\d-\d\d\) chargée dans PHP '
            . preg_quote(PHP_VERSION, '/') . '/', html_entity_decode($page->body));
        foreach (['N° de commerçant Web', 'Nature de bien partenaire', 'Paramètre Q6', 'Paramètre X1', 'ClientId (recette)',
            'SecretId (production)', 'Mode test', 'Prix minimum', 'Mode debug', 'Tester la connexion'] as $label) {
            $this->assertStringContainsString($label, html_entity_decode($page->body), $label);
        }
        $this->assertStringNotContainsString(\Sofinco\Tests\Support\Sandbox::CLIENT_SECRET, $page->body, 'secrets are never shown back');
        foreach (['orders', 'statuses', 'funding'] as $task) {
            $this->assertStringContainsString('modules/sofincosignature/cron.php ' . $task, $page->body);
        }
    }

    public function testBadValuesAreRefusedWithClearMessagesAndNothingIsSaved(): void
    {
        $http = new ShopHttp();
        $http->loginAdmin();
        $url = $this->configPage($http);
        $page = $http->post($url, [
            'SOFINCO_MERCHANT_ID' => 'abc', 'SOFINCO_NATURE_BIEN' => 'TOOLONG', 'SOFINCO_Q6' => '', 'SOFINCO_X1' => 'X1',
            'SOFINCO_CLIENT_ID_TEST' => '', 'SOFINCO_SECRET_TEST' => '', 'SOFINCO_CLIENT_ID_PROD' => 'id',
            'SOFINCO_SECRET_PROD' => '', 'SOFINCO_TEST_MODE' => '1', 'SOFINCO_MIN_PRICE' => 'cent', 'SOFINCO_DEBUG' => '0',
            'SOFINCO_API_URL' => 'http://example.test', 'submitSofincoConfig' => '1',
        ]);
        $text = html_entity_decode($page->body);
        foreach (['N° de commerçant Web : 11 lettres', 'Nature de bien partenaire : 3 lettres', 'Paramètre Q6 : obligatoire',
            'Le ClientId (recette) est obligatoire', 'Prix minimum : un montant', 'URL de l\'API'] as $message) {
            $this->assertStringContainsString($message, $text, $message);
        }
        $this->assertSame(S::MERCHANT, S::cli()->json('echo json_encode(Configuration::get("SOFINCO_MERCHANT_ID"));'));
    }

    public function testGoodValuesAreSavedAndAnEmptySecretKeepsTheStoredOne(): void
    {
        $http = new ShopHttp();
        $http->loginAdmin();
        $page = $http->post($this->configPage($http), [
            'SOFINCO_MERCHANT_ID' => '12345678901', 'SOFINCO_NATURE_BIEN' => 'abc', 'SOFINCO_Q6' => 'Q6SHOP', 'SOFINCO_X1' => 'X1SHOP',
            'SOFINCO_CLIENT_ID_TEST' => 'sandbox-client', 'SOFINCO_SECRET_TEST' => '', 'SOFINCO_CLIENT_ID_PROD' => 'sandbox-client',
            'SOFINCO_SECRET_PROD' => '', 'SOFINCO_TEST_MODE' => '0', 'SOFINCO_MIN_PRICE' => '100,00', 'SOFINCO_DEBUG' => '1',
            'SOFINCO_API_URL' => S::sandbox()->url, 'submitSofincoConfig' => '1',
        ]);
        $this->assertStringContainsString('Réglages enregistrés', html_entity_decode($page->body));
        $saved = S::cli()->json('echo json_encode([Configuration::get("SOFINCO_NATURE_BIEN"), Configuration::get("SOFINCO_SECRET_PROD"), Configuration::get("SOFINCO_MIN_PRICE")]);');
        $this->assertSame(['ABC', \Sofinco\Tests\Support\Sandbox::CLIENT_SECRET], array_slice($saved, 0, 2));
        $this->assertEqualsWithDelta(100.0, (float) $saved[2], 0.001, '"100,00" is read as 100 euros');
    }

    public function testTesterLaConnexionTestsTheTypedValuesAndSavesNothing(): void
    {
        $http = new ShopHttp();
        $http->loginAdmin();
        $url = $this->configPage($http);
        // What the browser posts: every field of the form, the test button's name, and the
        // form's hidden field (which is no button's name).
        $form = [
            'SOFINCO_MERCHANT_ID' => '12345678901', 'SOFINCO_NATURE_BIEN' => 'ABC', 'SOFINCO_Q6' => 'Q6SHOP', 'SOFINCO_X1' => 'X1SHOP',
            'SOFINCO_CLIENT_ID_TEST' => 'sandbox-client', 'SOFINCO_SECRET_TEST' => '', 'SOFINCO_CLIENT_ID_PROD' => 'sandbox-client',
            'SOFINCO_SECRET_PROD' => '', 'SOFINCO_TEST_MODE' => '0', 'SOFINCO_MIN_PRICE' => '100', 'SOFINCO_DEBUG' => '1',
            'SOFINCO_API_URL' => S::sandbox()->url, 'sofincoConfigForm' => '1', 'submitSofincoTest' => '1',
        ];
        $stored = fn () => S::cli()->json('echo json_encode([Configuration::get("SOFINCO_MERCHANT_ID"), Configuration::get("SOFINCO_SECRET_PROD")]);');
        $before = $stored();
        $ok = html_entity_decode($http->post($url, $form)->body);
        $this->assertStringContainsString('Connexion réussie avec 127.0.0.1 en mode production', $ok);
        $bad = html_entity_decode($http->post($url, ['SOFINCO_SECRET_PROD' => 'wrong-secret'] + $form)->body);
        $this->assertStringContainsString('Sofinco refuse le ClientId ou le SecretId du mode production', $bad);
        $this->assertStringNotContainsString('wrong-secret', $bad);
        $merchant = html_entity_decode($http->post($url, ['SOFINCO_MERCHANT_ID' => '99999999999'] + $form)->body);
        $this->assertStringContainsString('Sofinco refuse les identifiants commerçant', $merchant);
        $this->assertStringContainsString('value="99999999999"', $merchant, 'the tested value stays on the form');
        foreach ([$ok, $bad, $merchant] as $page) {
            $this->assertStringNotContainsString('Réglages enregistrés', $page);
        }
        $this->assertSame($before, $stored(), 'testing saved nothing');
    }
}
