<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopEnv;
use Sofinco\Tests\Shop\Support\ShopHttp;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

/**
 * The module's texts are PrestaShop's own translations (domains Modules.Sofincosignature.Admin
 * and .Shop, XLF catalogues in fr-FR and en-US): the merchant finds them in International >
 * Translations, edits one there, and the module's page shows the edit.
 */
final class SofincoTranslationsTest extends TestCase
{
    private const EDITED = 'Mode recette (édité par le marchand)';

    protected function setUp(): void
    {
        // The module's settings and a Sofinco that answers, whatever the suites before left.
        S::configure();
        S::sandbox()->faults([]);
    }

    public function testInternationalTranslationsListsBothDomainsInFrenchWithNothingMissing(): void
    {
        [$http, $api] = self::translationsApi();
        $tree = json_decode($http->get($api['tree'])->body, true);
        $module = $tree['data']['tree']['children'][0]['children'][0] ?? [];
        $this->assertSame('ModulesSofincosignature', $module['full_name'] ?? null, 'the module is listed as using the new system');
        $domains = array_column($module['children'], 'total_missing_translations', 'full_name');
        $this->assertSame(['ModulesSofincosignatureAdmin' => 0, 'ModulesSofincosignatureShop' => 0], $domains, 'both domains, every string in French');
        // The editor's list, page by page (20 at most a page), as the merchant pages through it.
        $wordings = [];
        for ($url = $api['catalog']('ModulesSofincosignatureShop'); $url !== null;) {
            $page = json_decode($http->get($url)->body, true);
            $wordings += array_column($page['data']['data'], 'project', 'default');
            $url = isset($page['info']['next_url']) ? rtrim(ShopEnv::get('SHOP_URL'), '/') . $page['info']['next_url'] : null;
        }
        $catalogue = (string) file_get_contents(ShopEnv::get('SHOP_DIR') . '/modules/sofincosignature/translations/fr-FR/ModulesSofincosignatureShop.fr-FR.xlf');
        $this->assertCount(substr_count($catalogue, '<trans-unit '), $wordings, 'every customer-facing text of the module');
        $this->assertSame('TAEG fixe', $wordings['APR (TAEG)'] ?? null, 'the customer-facing wording, from the catalogue');
    }

    public function testAStringTheMerchantEditsShowsOnTheConfigurationPageAndResets(): void
    {
        [$http, $api] = self::translationsApi();
        $edit = ['default' => 'Test mode', 'domain' => 'ModulesSofincosignatureAdmin', 'locale' => 'fr-FR'];
        $config = fn (): string => html_entity_decode($http->get($http->adminUrl('AdminModules', ['configure' => 'sofincosignature']))->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringContainsString('Mode test', $config(), 'the catalogue\'s French first');
        try {
            $saved = $http->postJson($api['edit'], ['translations' => [$edit + ['edited' => self::EDITED]]]);
            $this->assertSame(200, $saved->status, $saved->body);
            $this->assertStringContainsString(self::EDITED, $config(), 'the merchant\'s wording on the page');
        } finally {
            $reset = $http->postJson($api['reset'], ['translations' => [$edit]]);
        }
        $this->assertSame(200, $reset->status, $reset->body);
        // Seen once on PrestaShop 8.2.1 × PHP 8.4 in a loaded clean-clone run: the first page
        // after the reset still showed the edit; the merchant's next reload shows the reset.
        $page = $config();
        for ($deadline = microtime(true) + 10; strpos($page, self::EDITED) !== false && microtime(true) < $deadline; $page = $config()) {
            usleep(500000);
        }
        $this->assertStringNotContainsString(self::EDITED, $page, 'reset: the catalogue\'s French again');
    }

    /** A translation is the merchant's text, not markup: the pages the module builds in PHP escape it. */
    public function testMarkupInAnEditedTranslationShowsAsTextOnTheConfigurationPage(): void
    {
        [$http, $api] = self::translationsApi();
        $edits = [
            ['default' => 'Supported PrestaShop and PHP', 'domain' => 'ModulesSofincosignatureAdmin', 'locale' => 'fr-FR'],
            ['default' => 'Thread-safe (ZTS) PHP builds are built and loaded by the release workflow, never tested in a shop.', 'domain' => 'ModulesSofincosignatureAdmin', 'locale' => 'fr-FR'],
        ];
        $markup = '<b id="sofinco-injected">Versions</b>';
        try {
            $saved = $http->postJson($api['edit'], ['translations' => array_map(fn ($e) => $e + ['edited' => $markup], $edits)]);
            $this->assertSame(200, $saved->status, $saved->body);
            $page = $http->get($http->adminUrl('AdminModules', ['configure' => 'sofincosignature']))->body;
            $this->assertStringNotContainsString('id="sofinco-injected"', $page, 'no element from a translation');
            $this->assertSame(2, substr_count($page, htmlspecialchars($markup)), 'the text as typed, twice');
        } finally {
            $http->postJson($api['reset'], ['translations' => $edits]);
        }
    }

    /**
     * Issue 32.4: markup planted in translations shows as text on every page the module's
     * templates make ({l} prints a translation as stored), in the tab's column titles, in a
     * JavaScript confirm; and a rendered simulator block shows an edited text at once.
     */
    public function testMarkupInEditedTranslationsShowsAsTextOnEveryModulePage(): void
    {
        [$http, $api] = self::translationsApi();
        $idProduct = S::sofa();
        $visitor = new ShopHttp();
        $block = function () use ($visitor, $idProduct): string {
            $page = $visitor->productPage($idProduct)->body;
            if (preg_match('~<section class="sofinco-simulator.*?</section>~s', $page, $m)) {
                return $m[0];
            }
            $slot = S::pendingSlot($page);
            return $slot === null ? '' : $visitor->get(S::offersUrl($slot))->body;
        };
        S::eventually(fn () => str_contains($block(), 'TAEG fixe'), 20.0);
        $this->assertStringContainsString('TAEG fixe', $block(), 'the block is rendered (and cached) before the edit');
        $markup = '<b id="sofinco-injected">X</b>\');alert(1);//';
        $edits = [
            ['default' => 'APR (TAEG)', 'domain' => 'ModulesSofincosignatureShop', 'locale' => 'fr-FR'],
            ['default' => 'Customer', 'domain' => 'ModulesSofincosignatureAdmin', 'locale' => 'fr-FR'],
            ['default' => 'Sofinco contract number', 'domain' => 'ModulesSofincosignatureAdmin', 'locale' => 'fr-FR'],
            ['default' => 'Delete every log file?', 'domain' => 'ModulesSofincosignatureAdmin', 'locale' => 'fr-FR'],
        ];
        $idOrder = (int) (S::row('SELECT MAX(id_order) AS id FROM PREFIX_sofinco_order')['id'] ?? 0);
        $this->assertGreaterThan(0, $idOrder, 'an order with a Sofinco dossier to open');
        try {
            $saved = $http->postJson($api['edit'], ['translations' => array_map(fn ($e) => $e + ['edited' => $markup], $edits)]);
            $this->assertSame(200, $saved->status, $saved->body);
            $config = $http->get($http->adminUrl('AdminModules', ['configure' => 'sofincosignature']))->body;
            $pages = [
                'product page and offers endpoint' => $block(),
                'Dossiers tab' => $http->get($http->adminUrl('AdminSofincoDossiers'))->body,
                'order panel' => $http->adminController('AdminOrders', ['id_order' => $idOrder, 'vieworder' => 1])->body,
            ];
            foreach ($pages + ['configuration page' => $config] as $where => $html) {
                $this->assertStringNotContainsString('id="sofinco-injected"', $html, "no element from a translation: $where");
                $this->assertStringNotContainsString("');alert(1)", $html, "no script break-out: $where");
                $this->assertStringNotContainsString('&amp;lt;b', $html, "escaped once, not twice: $where");
            }
            foreach ($pages as $where => $html) {
                $this->assertStringContainsString('&lt;b id=&quot;sofinco-injected&quot;&gt;', $html, "the text as typed, at once: $where");
            }
            // In the purge button's confirm(): one JavaScript string, escaped for the attribute.
            $this->assertStringContainsString("confirm('&lt;b id=\\&quot;sofinco-injected\\&quot;&gt;X&lt;\\/b&gt;\\&#039;);alert(1);//')", $config);
        } finally {
            $http->postJson($api['reset'], ['translations' => $edits]);
        }
    }

    public function testOrderStateNamesComeFromTheCatalogueOfEachLanguage(): void
    {
        $names = S::cli()->json('echo json_encode([
            SofincoCatalogue::admin("Sofinco application funded", "fr-FR"),
            SofincoCatalogue::admin("Sofinco application funded", "en-US"),
            SofincoCatalogue::admin("Sofinco application funded", "de-DE"),
        ]);');
        $this->assertSame(['Dossier financé Sofinco', 'Sofinco application funded', 'Sofinco application funded'], $names, 'a language without a catalogue gets the English');
        $fr = S::row("SELECT osl.name FROM PREFIX_order_state_lang osl JOIN PREFIX_lang l ON l.id_lang = osl.id_lang AND l.iso_code = 'fr'
            WHERE osl.id_order_state = " . S::stateId('SOFINCO_OS_FUNDED'));
        $this->assertSame('Dossier financé Sofinco', $fr['name'] ?? null, 'stored at install for the shop\'s French');
    }

    /**
     * Logs in, opens International > Translations > Installed modules for the module, and takes
     * the API addresses (with their token) the page's editor calls.
     *
     * @return array{0: ShopHttp, 1: array{tree: string, catalog: callable, edit: string, reset: string}}
     */
    private static function translationsApi(): array
    {
        $http = new ShopHttp();
        $http->loginAdmin();
        $page = $http->get(ShopEnv::get('ADMIN_URL') . 'index.php/improve/international/translations/?lang=fr&type=modules&locale=fr-FR&selected=sofincosignature');
        if (preg_match('~href="([^"]*/improve/international/translations/[^"]*_token=[^"]*)"~', $page->body, $m) === 1) {
            $page = $http->get(html_entity_decode($m[1], ENT_QUOTES | ENT_HTML5));
        }
        if (preg_match('~_token=([A-Za-z0-9_-]+)~', $page->url, $t) !== 1 || !str_contains($page->body, 'api/translations/tree/fr/modules/sofincosignature')) {
            throw new RuntimeException('no translations editor for the module at ' . $page->url);
        }
        $base = ShopEnv::get('ADMIN_URL') . 'index.php/api/translations/';
        $token = '_token=' . $t[1];
        return [$http, [
            'tree' => $base . 'tree/fr/modules/sofincosignature?' . $token,
            'catalog' => fn (string $domain): string => $base . 'fr-FR/' . $domain . '?module=sofincosignature&' . $token,
            'edit' => $base . 'edit?' . $token,
            'reset' => $base . 'reset?' . $token,
        ]];
    }
}
