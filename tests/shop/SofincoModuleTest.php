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
        $states = S::rows("SELECT os.id_order_state, os.paid, os.logable, os.color, osl.name FROM PREFIX_order_state os
            JOIN PREFIX_order_state_lang osl ON osl.id_order_state = os.id_order_state AND osl.id_lang = (SELECT id_lang FROM PREFIX_lang WHERE iso_code = 'fr')
            WHERE os.module_name = 'sofincosignature' AND os.deleted = 0");
        // Which states, not in which order they were made (a reinstall may remake some).
        $this->assertEqualsCanonicalizing([
            'Dossier en étude Sofinco', 'Dossier en attente retour client Sofinco', 'Dossier en attente de financement Sofinco',
            'Financement demandé Sofinco', 'Dossier financé Sofinco', 'Dossier refusé Sofinco',
            'Dossier annulé ou sans suite Sofinco', 'Dossier non trouvé Sofinco', 'Dossier non traité suite erreur technique Sofinco',
        ], array_column($states, 'name'));
        $paid = array_column(array_filter($states, fn ($s) => (int) $s['paid'] === 1), 'name');
        $this->assertSame(['Dossier financé Sofinco'], $paid);
        $this->assertCount(4, S::rows("SHOW TABLES LIKE 'PREFIX_sofinco_%'"), 'attempts, orders, locks, notification claims');
        $this->assertNotNull(S::row("SELECT id_tab FROM PREFIX_tab WHERE class_name = 'AdminSofincoDossiers' AND module = 'sofincosignature'"));
        $hooks = array_column(S::rows("SELECT h.name FROM PREFIX_hook_module hm JOIN PREFIX_hook h ON h.id_hook = hm.id_hook
            JOIN PREFIX_module m ON m.id_module = hm.id_module WHERE m.name = 'sofincosignature'"), 'name');
        foreach (['paymentOptions', 'actionFrontControllerSetMedia', 'displayProductAdditionalInfo', 'displayShoppingCartFooter', 'displayAdminOrderMain', 'displayOrderConfirmation'] as $hook) {
            $this->assertContains($hook, $hooks);
        }
        $this->assertNotContains('displayHeader', $hooks, 'the assets come from actionFrontControllerSetMedia, on the pages that need them');
    }

    public function testTheDossiersTabIsDeclaredByTheModuleAndNamedInFrench(): void
    {
        $declared = S::cli()->json('echo json_encode(Module::getInstanceByName("sofincosignature")->getTabs());');
        $this->assertSame(['AdminSofincoDossiers'], array_column($declared, 'class_name'), 'PrestaShop installs and removes it');
        $this->assertSame('Dossiers Sofinco signature', $declared[0]['name']['fr']);
        $tab = S::row("SELECT t.active, t.module, p.class_name AS parent, tl.name FROM PREFIX_tab t JOIN PREFIX_tab p ON p.id_tab = t.id_parent
            JOIN PREFIX_tab_lang tl ON tl.id_tab = t.id_tab AND tl.id_lang = (SELECT id_lang FROM PREFIX_lang WHERE iso_code = 'fr')
            WHERE t.class_name = 'AdminSofincoDossiers'");
        $this->assertEquals(['active' => 1, 'module' => 'sofincosignature', 'parent' => 'AdminParentOrders', 'name' => 'Dossiers Sofinco signature'], $tab);
    }

    public function testTheInstalledModuleCarriesItsLicenceAutoloaderAndOneDescription(): void
    {
        $dir = \Sofinco\Tests\Shop\Support\ShopEnv::get('SHOP_DIR') . '/modules/sofincosignature';
        $this->assertStringStartsWith('MIT License', (string) file_get_contents($dir . '/LICENSE'));
        $this->assertFileExists($dir . '/vendor/autoload.php', 'the Composer classmap');
        // The merchant guide in French, every screenshot it shows beside it.
        $guide = (string) file_get_contents($dir . '/docs/fr/guide-marchand.md');
        foreach (['Installation', 'extension=sofinco', 'pie install', 'Mode test', 'bin/console sofinco:cron statuses', 'controller=cron',
            'Dossiers Sofinco signature', 'Valider la demande de financement', 'var/logs/sofincosignature-', 'En cas de problème'] as $topic) {
            $this->assertStringContainsString($topic, $guide);
        }
        $this->assertSame(7, preg_match_all('~\]\(\.\./(screenshots/[a-z0-9-]+\.png)\)~', $guide, $images));
        foreach ($images[1] as $image) {
            $this->assertFileExists($dir . '/docs/' . $image);
        }
        $en = simplexml_load_file($dir . '/config.xml');
        $fr = simplexml_load_file($dir . '/config_fr.xml');
        $module = S::cli()->json('$m = Module::getInstanceByName("sofincosignature"); echo json_encode(["author" => $m->author, "version" => $m->version, "t" => method_exists($m, "t")]);');
        $this->assertSame(['author' => 'Sofinco', 'version' => S::moduleVersion(), 't' => false], $module);
        foreach ([$en, $fr] as $xml) {
            $this->assertSame([$module['version'], 'Sofinco', 'sofincosignature'], [(string) $xml->version, (string) $xml->author, (string) $xml->name]);
        }
        $this->assertSame('Consumer credit by Sofinco, signed electronically, followed until funding.', (string) $en->description);
        $this->assertStringStartsWith('Paiement en plusieurs fois par crédit Sofinco', (string) $fr->description);
        $hooks = array_column(S::rows("SELECT h.name FROM PREFIX_hook_module hm JOIN PREFIX_hook h ON h.id_hook = hm.id_hook
            JOIN PREFIX_module m ON m.id_module = hm.id_module WHERE m.name = 'sofincosignature'"), 'name');
        $this->assertNotContains('displayAdminOrder', $hooks, 'the order panel is displayAdminOrderMain\'s');
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
        // The version the workspace builds (Cargo.toml), whichever engine this PHP loads.
        preg_match('/^version = "([^"]+)"/m', (string) file_get_contents(__DIR__ . '/../../Cargo.toml'), $v);
        $this->assertMatchesRegularExpression('/Extension sofinco ' . preg_quote($v[1], '/') . ' \(built for PHP ' . preg_quote(PHP_VERSION, '/') . ' '
            . (PHP_ZTS ? 'ZTS' : 'NTS') . ' ' . preg_quote(php_uname('m'), '/') . ', (debug|release) build of \d{4}-\d\d-\d\d\) chargée dans PHP '
            . preg_quote(PHP_VERSION, '/') . '/', html_entity_decode($page->body, ENT_QUOTES | ENT_HTML5));
        foreach (['N° de commerçant Web', 'Nature de bien partenaire', 'Paramètre Q6', 'Paramètre X1', 'ClientId (recette)',
            'SecretId (production)', 'Mode test', 'Prix minimum', 'Mode debug', 'Tester la connexion'] as $label) {
            $this->assertStringContainsString($label, html_entity_decode($page->body, ENT_QUOTES | ENT_HTML5), $label);
        }
        $this->assertStringNotContainsString(\Sofinco\Tests\Support\Sandbox::CLIENT_SECRET, $page->body, 'secrets are never shown back');
        foreach (['orders', 'statuses', 'funding'] as $task) {
            $this->assertStringContainsString('bin/console sofinco:cron ' . $task . ' --env=prod', $page->body);
        }
    }

    public function testConfigurationPageSaysWhatIsSupportedAndThatThisShopIsTested(): void
    {
        $http = new ShopHttp();
        $http->loginAdmin();
        $page = html_entity_decode($http->get($this->configPage($http))->body, ENT_QUOTES);
        $this->assertStringContainsString('Versions de PrestaShop et de PHP prises en charge', $page);
        $this->assertStringContainsString(sprintf('Cette boutique : PrestaShop %s, PHP %s', \Sofinco\Tests\Shop\Support\ShopEnv::psVersion(), PHP_VERSION), $page);
        // Every shop the suites run on (1.7.8.11 on PHP 7.4; 8.1.2 on 7.4, 8.2 and 8.4; 8.2.1 on 8.4) is a "tested here" row.
        $this->assertSame(1, preg_match('~<tr class="sofinco-support--(\w+) sofinco-support--current"[^>]*>(.*?)</tr>~s', $page, $row), 'this shop\'s row is marked');
        $this->assertSame('tested', $row[1]);
        $this->assertStringContainsString('testé ici', $row[2]);
        foreach (['compilé, non testé', 'Aucune version de PrestaShop 9 ne peut être installée ici', 'sur PrestaShop 1.7.8.11 (Debian 11)'] as $text) {
            $this->assertStringContainsString($text, $page);
        }
        // PrestaShop 1.7 on PHP 7 is supported now, no longer "cannot work here".
        $this->assertStringNotContainsString('non pris en charge', $page);
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
        $text = html_entity_decode($page->body, ENT_QUOTES | ENT_HTML5);
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
        $this->assertStringContainsString('Réglages enregistrés', html_entity_decode($page->body, ENT_QUOTES | ENT_HTML5));
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
        $ok = html_entity_decode($http->post($url, $form)->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringContainsString('Connexion réussie avec 127.0.0.1 en mode production', $ok);
        $bad = html_entity_decode($http->post($url, ['SOFINCO_SECRET_PROD' => 'wrong-secret'] + $form)->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringContainsString('Sofinco refuse le ClientId ou le SecretId du mode production', $bad);
        $this->assertStringNotContainsString('wrong-secret', $bad);
        $merchant = html_entity_decode($http->post($url, ['SOFINCO_MERCHANT_ID' => '99999999999'] + $form)->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringContainsString('Sofinco refuse les identifiants commerçant', $merchant);
        $this->assertStringContainsString('value="99999999999"', $merchant, 'the tested value stays on the form');
        foreach ([$ok, $bad, $merchant] as $page) {
            $this->assertStringNotContainsString('Réglages enregistrés', $page);
        }
        $this->assertSame($before, $stored(), 'testing saved nothing');
    }
}
