<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopEnv;
use Sofinco\Tests\Shop\Support\ShopHttp;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

/**
 * Issue 32.3: what anonymous visitors can make the shop ask Sofinco is bounded, whatever they
 * do, and the module's file caches stay within their bounds.
 */
final class SofincoAnonymousLoadTest extends TestCase
{
    /** The extension's default budget of simulations per shop and minute. */
    private const PER_MINUTE = 30;
    private const VISITORS = 4;

    protected function setUp(): void
    {
        // The extension's own budget (the suite raises it elsewhere); configure() empties the caches.
        S::configure(['SOFINCO_SIMULATIONS_PER_MINUTE' => '']);
        S::sandbox()->faults([]);
    }

    protected function tearDown(): void
    {
        // This minute's call slots are spent: the next suites start from empty caches.
        S::configure();
    }

    /**
     * Cart changes by four anonymous visitors, each followed by the offers endpoint the cart
     * page's script fetches (every change a new amount): at most PER_MINUTE simulations reach
     * Sofinco per started minute (it was one per change). make test makes 200 changes;
     * SOFINCO_ANON_CHANGES=1000 the issue's thousand (README gives that run's figures).
     */
    public function testAnonymousCartChangesCostAtMostTheShopsBudgetOfSofincoCalls(): void
    {
        $changes = (int) (getenv('SOFINCO_ANON_CHANGES') ?: 200);
        $visitors = [];
        for ($v = 0; $v < self::VISITORS; $v++) {
            $http = new ShopHttp();
            $page = $http->productPage(S::PRODUCT);
            $visitors[] = ['http' => $http, 'token' => ShopHttp::staticToken($page->body), 'left' => intdiv($changes, self::VISITORS)];
        }
        $before = count(S::sandbox()->requests());
        $started = microtime(true);
        $multi = curl_multi_init();
        $base = rtrim(ShopEnv::get('SHOP_URL'), '/') . '/';
        $next = function (int $v, bool $add) use (&$visitors, $base) {
            $ch = curl_init();
            $common = [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 60, CURLOPT_COOKIEFILE => $visitors[$v]['http']->cookieJar(),
                CURLOPT_COOKIEJAR => $visitors[$v]['http']->cookieJar(), CURLOPT_PRIVATE => $v . ($add ? ':add' : ':offers')];
            if ($add) {
                curl_setopt_array($ch, $common + [CURLOPT_URL => $base . 'index.php?controller=cart', CURLOPT_POST => true,
                    CURLOPT_POSTFIELDS => http_build_query(['token' => $visitors[$v]['token'], 'id_product' => S::PRODUCT, 'id_customization' => 0,
                        'qty' => 1, 'add' => 1, 'action' => 'update', 'ajax' => 1])]);
            } else {
                curl_setopt_array($ch, $common + [CURLOPT_URL => $base . 'index.php?fc=module&module=sofincosignature&controller=offers&ajax=1&where=cart']);
            }
            return $ch;
        };
        // Each visitor in turn: a change, then the offers endpoint, then the next change.
        $active = 0;
        foreach (array_keys($visitors) as $v) {
            curl_multi_add_handle($multi, $next($v, true));
            $active++;
        }
        $failed = 0;
        while ($active > 0) {
            curl_multi_exec($multi, $running);
            curl_multi_select($multi, 0.05);
            while ($done = curl_multi_info_read($multi)) {
                $ch = $done['handle'];
                [$v, $what] = explode(':', (string) curl_getinfo($ch, CURLINFO_PRIVATE));
                $failed += curl_getinfo($ch, CURLINFO_RESPONSE_CODE) === 200 ? 0 : 1;
                curl_multi_remove_handle($multi, $ch);
                curl_close($ch);
                $active--;
                if ($what === 'add') {
                    curl_multi_add_handle($multi, $next((int) $v, false));
                    $active++;
                } elseif (--$visitors[(int) $v]['left'] > 0) {
                    curl_multi_add_handle($multi, $next((int) $v, true));
                    $active++;
                }
            }
        }
        curl_multi_close($multi);
        $minutes = (int) floor(microtime(true) / 60) - (int) floor($started / 60) + 1;
        $simulations = count(array_filter(array_slice(S::sandbox()->requests(), $before), fn ($r) => str_contains($r['path'], '/loanSimulation')));
        $this->assertSame(0, $failed, 'every request answered');
        $this->assertSame(0, (int) array_sum(array_column($visitors, 'left')), 'every change made');
        $this->assertGreaterThan(0, $simulations, 'Sofinco was asked at all');
        $this->assertLessThanOrEqual(self::PER_MINUTE * $minutes, $simulations, "$simulations simulations in $minutes started minute(s)");
        fwrite(STDERR, sprintf("\n[anonymous load] %d cart changes in %.1f s: %d simulations reached Sofinco (budget %d a minute, %d minute(s))\n",
            $changes, microtime(true) - $started, $simulations, self::PER_MINUTE, $minutes));

        // The caches stay within their bounds (the extension's MAX_FILES and the blocks').
        $files = S::cli()->json('require_once _PS_MODULE_DIR_ . "sofincosignature/classes/autoload.php";
            $count = fn ($pattern) => count(glob($pattern) ?: []);
            $shop = SofincoPrivateStore::shopDirectory(1);
            echo json_encode(["offers" => $count($shop . "/offers/sim-*.json"), "fragments" => $count($shop . "/fragments/*.html"),
                "slots" => $count($shop . "/offers/budget/*")]);');
        $this->assertLessThanOrEqual($simulations, $files['offers'], 'one answer per simulation at most');
        $this->assertLessThanOrEqual(2000, $files['fragments']);
        $this->assertLessThanOrEqual(self::PER_MINUTE * 2, $files['slots'], 'past minutes\' call slots are swept');
    }

    /** "Vider le cache du simulateur": the merchant's button empties both caches (POST only). */
    public function testTheConfigurationPagesPurgeEmptiesBothCaches(): void
    {
        $visitor = new ShopHttp();
        $this->assertNotNull(S::simulatorOf($visitor, $visitor->productPage(S::sofa())), "the simulator shows");
        $count = fn (): array => S::cli()->json('require_once _PS_MODULE_DIR_ . "sofincosignature/classes/autoload.php";
            $shop = SofincoPrivateStore::shopDirectory(1);
            echo json_encode([count(glob($shop . "/offers/sim-*.json") ?: []), count(glob($shop . "/fragments/*.html") ?: [])]);');
        [$offers, $blocks] = $count();
        $this->assertGreaterThan(0, $offers, 'an answer cached');
        $this->assertGreaterThan(0, $blocks, 'a block rendered');
        $admin = new ShopHttp();
        $admin->loginAdmin();
        $url = $admin->adminUrl('AdminModules', ['configure' => 'sofincosignature']);
        $admin->get($url . '&submitSofincoPurgeCache=1');
        // (The page itself may cache answers: it checks the minimum and maximum prices.)
        [$offersAfterLink, $blocksAfterLink] = $count();
        $this->assertGreaterThanOrEqual($offers, $offersAfterLink, 'a link empties nothing');
        $this->assertSame($blocks, $blocksAfterLink, 'a link empties nothing');
        $page = html_entity_decode($admin->post($url, ['submitSofincoPurgeCache' => '1'])->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringContainsString('Le cache du simulateur a été vidé', $page);
        // Emptied; the page that says so may have asked Sofinco again for its price checks.
        [$offersAfter, $blocksAfter] = $count();
        $this->assertSame(0, $blocksAfter, 'no rendered block left');
        $this->assertLessThan($offersAfterLink, $offersAfter, 'the product\'s answer is gone');
        $this->assertLessThanOrEqual(2, $offersAfter, 'at most the page\'s own minimum and maximum');
    }

    /** A valid return link, visited 30 times in a row, costs one lookup a window, not one a visit. */
    public function testReloadingAReturnLinkDoesNotCostALookupPerVisit(): void
    {
        [$http, , $idCart] = S::shopper(5);
        $out = S::checkout($http, $idCart);
        $return = null;
        foreach (S::sandbox()->dossiers() as $d) {
            if (($d['link'] ?? '') === $out['location']) {
                $return = $d['returnUrl'];
            }
        }
        $this->assertNotNull($return);
        $reference = $out['attempt']['order_reference'];
        $before = count(S::sandbox()->requests());
        $started = microtime(true);
        // Twelve visits: a reload inside a window waits up to 3 s for an order, so they span
        // about 7 windows; a lookup per visit (12, in a second or two) would fail the bound.
        for ($i = 0; $i < 12; $i++) {
            $this->assertSame(200, $http->get($return)->status);
        }
        // A lookup is one call (its Correlationid), whatever the transport repeated.
        $calls = array_filter(array_slice(S::sandbox()->requests(), $before), fn ($r) => str_contains($r['query'], $reference));
        $lookups = count(array_unique(array_map(fn ($r) => (string) (array_change_key_case($r['headers'])['correlationid'] ?? ''), $calls)));
        $windows = (int) ceil((microtime(true) - $started) / 5) + 1;
        $this->assertLessThanOrEqual($windows, $lookups, "$lookups lookups for 12 visits in " . round(microtime(true) - $started, 1) . ' s');
    }
}
