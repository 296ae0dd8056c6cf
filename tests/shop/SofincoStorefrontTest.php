<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopHttp;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

/** The simulator blocks and the payment option, as visitors see them. */
final class SofincoStorefrontTest extends TestCase
{
    protected function setUp(): void
    {
        S::configure();
        S::sandbox()->faults([]);
    }

    /** The block a visitor ends up seeing on the product page (inline, or from the offers endpoint). */
    private static function productBlock(int $idProduct, ?ShopHttp $http = null): ?string
    {
        $http = $http ?? new ShopHttp();
        return S::simulatorOf($http, $http->productPage($idProduct));
    }

    /** @return list<array<string, mixed>> the sandbox's API requests since $since whose path starts with $path */
    private static function calls(int $since, string $path): array
    {
        return array_values(array_filter(array_slice(S::sandbox()->requests(), $since), fn ($r) => str_starts_with($r['path'], $path)));
    }

    public function testProductPageShowsTheSimulatorFromTheMinimumPrice(): void
    {
        $block = self::productBlock(S::sofa());
        $this->assertNotNull($block, 'above the minimum: shown');
        $this->assertMatchesRegularExpression('~à partir de <strong class="sofinco-simulator__monthly">\d+,\d{2}\s€/mois</strong>~u', $block);
        $this->assertStringContainsString('Un crédit vous engage et doit être remboursé. Vérifiez vos capacités de remboursement avant de vous engager.', $block);
        $this->assertStringContainsString('TAEG', $block);
        $this->assertMatchesRegularExpression('~Voir les offres pour 1\s290,00\s€~u', $block, 'the French format');
        $this->assertMatchesRegularExpression('~10 mois</th>\s*<td data-label="Mensualité">132,51\s€~u', $block);
        S::configure(['SOFINCO_MIN_PRICE' => '1500']);
        $this->assertNull(self::productBlock(S::sofa()), 'below the minimum: hidden');
        $this->assertNull(self::productBlock(S::PRODUCT), 'below the minimum: hidden');
    }

    public function testCartPageShowsTheSimulatorForTheCartTotal(): void
    {
        [$http] = S::shopper(5);
        $block = S::simulatorOf($http, $http->cartPage());
        $this->assertNotNull($block);
        $this->assertMatchesRegularExpression('~Voir les offres pour 1\d\d,\d{2}\s€~u', $block);
    }

    public function testTheModulesAssetsLoadOnlyOnThePagesItShowsSomethingOn(): void
    {
        $assets = fn (string $html): array => [
            'css' => str_contains($html, 'modules/sofincosignature/views/css/sofinco.css'),
            'js' => str_contains($html, 'modules/sofincosignature/views/js/sofinco.js') && str_contains($html, 'sofinco_offers_url'),
        ];
        $visitor = new ShopHttp();
        $this->assertSame(['css' => false, 'js' => false], $assets($visitor->home()->body), 'the home page shows nothing of the module');
        $this->assertSame(['css' => false, 'js' => false], $assets($visitor->get('index.php?controller=contact')->body), 'nor does the contact page');
        $this->assertSame(['css' => true, 'js' => true], $assets($visitor->productPage(S::sofa())->body), 'the product page: the simulator');
        [$shopper] = S::shopper(5);
        $this->assertSame(['css' => true, 'js' => true], $assets($shopper->cartPage()->body), 'the cart page: the simulator');
        $this->assertSame(['css' => true, 'js' => false], $assets(S::paymentStep($shopper)->body), 'the checkout: the payment option, no simulator');
    }

    public function testSofincoDownHidesTheBlockWithoutAnyError(): void
    {
        S::sandbox()->faults(['fail_rate' => 1.0]);
        $http = new ShopHttp();
        $page = $http->productPage(S::sofa());
        $block = S::simulatorOf($http, $page);
        S::sandbox()->faults([]);
        $this->assertSame(200, $page->status);
        $this->assertNull($block);
        $this->assertStringNotContainsString('Sofinco answered', $page->body);
        $this->assertStringNotContainsString('SofincoException', $page->body);
    }

    public function testWarmCacheServesTheBlockWithoutTheNetwork(): void
    {
        $this->assertNotNull(self::productBlock(S::sofa()));
        $before = count(S::sandbox()->requests());
        S::sandbox()->faults(['fail_rate' => 1.0]);
        $page = (new ShopHttp())->productPage(S::sofa());
        S::sandbox()->faults([]);
        $this->assertStringContainsString('<section class="sofinco-simulator', $page->body, 'in the page itself, from the cache, while Sofinco is down');
        $this->assertSame([], self::calls($before, '/loanSimulation'));
    }

    /**
     * Issue 23.1: with Sofinco slower than any timeout, the product page does not wait: it
     * leaves a slot for the browser. The offers endpoint waits at most its budget once, then
     * the failure is remembered: the next visits cost no call at all.
     */
    public function testAPageNeverWaitsOnASlowSofinco(): void
    {
        S::sandbox()->faults(['latency_ms' => 5000]);
        try {
            $before = count(S::sandbox()->requests());
            $http = new ShopHttp();
            $started = microtime(true);
            $page = $http->productPage(S::sofa());
            $pageSeconds = microtime(true) - $started;
            $this->assertSame(200, $page->status);
            $this->assertLessThan(1.5, $pageSeconds, 'the product page waited on Sofinco');
            $this->assertNotNull(S::pendingSlot($page->body), 'a slot for the browser to fill');
            $this->assertSame([], self::calls($before, '/'), 'the page itself made no call');
            $slot = S::pendingSlot($page->body);
            $started = microtime(true);
            $first = $http->get(S::offersUrl($slot));
            $this->assertLessThan(4.8, microtime(true) - $started, 'the endpoint keeps to its budget');
            $this->assertStringNotContainsString('sofinco-simulator', $first->body);
            $calls = count(S::sandbox()->requests());
            $started = microtime(true);
            foreach ([S::offersUrl($slot), S::offersUrl(['where' => 'cart'])] as $url) {
                $http->get($url);
            }
            (new ShopHttp())->get(S::offersUrl($slot));
            $this->assertLessThan(1.5, microtime(true) - $started, 'inside the failure window nothing waits');
            $this->assertSame($calls, count(S::sandbox()->requests()), 'a down Sofinco costs one call per window, not one per visit');
        } finally {
            S::sandbox()->faults([]);
        }
    }

    /** PrestaShop empties var/cache when a module is disabled or enabled: the offers stay. */
    public function testTheOfferCacheSurvivesDisablingTheModule(): void
    {
        $this->assertNotNull(self::productBlock(S::sofa()));
        foreach (['disable', 'enable'] as $verb) {
            $r = S::cli()->module($verb, 'sofincosignature');
            $this->assertSame(0, $r['exit'], $r['stdout'] . $r['stderr']);
        }
        $before = count(S::sandbox()->requests());
        S::sandbox()->faults(['fail_rate' => 1.0]);
        $page = (new ShopHttp())->productPage(S::sofa());
        S::sandbox()->faults([]);
        $this->assertStringContainsString('<section class="sofinco-simulator', $page->body, 'the offers survived disable/enable');
        $this->assertSame([], self::calls($before, '/loanSimulation'));
    }

    /**
     * Issue 23.3: one token for the shop's PHP workers. A cold checkout (no offers, no token,
     * Sofinco restarted so every worker's own token is dead) makes one token call, one
     * simulation and one journey link; a warm one only the link. A cron in another process
     * reuses the same token.
     */
    public function testACheckoutCallsSofincoForOneTokenAndOneJourney(): void
    {
        S::sandbox()->reset();
        S::cli()->json('require_once _PS_MODULE_DIR_ . "sofincosignature/classes/autoload.php"; if (class_exists("SofincoPrivateStore")) { @unlink(SofincoPrivateStore::tokenFile(1)); } echo json_encode(true);');
        $counts = [];
        foreach (['cold', 'warm'] as $run) {
            $before = count(S::sandbox()->requests());
            [$http, , $idCart] = S::shopper(5);
            S::simulatorOf($http, $http->productPage(S::PRODUCT));
            $this->assertNotNull(S::simulatorOf($http, $http->cartPage()), "the cart's simulator ($run)");
            S::paymentStep($http);
            $this->assertStringStartsWith(S::sandbox()->url, S::checkout($http, $idCart)['location'], "sent to Sofinco ($run)");
            // Sofinco's restart killed the tokens the workers held: a request refused with one
            // (401, then repeated) is not a call that did anything; count those with the token.
            // The live token is the one the checkout's journey call went through with (the
            // shared file holds it sealed).
            $journeys = self::calls($before, '/partnerDataExchange');
            $bearer = fn (array $r): string => (string) (array_change_key_case($r['headers'])['authorization'] ?? '');
            $token = $journeys ? $bearer(end($journeys)) : '';
            $accepted = fn (array $calls) => array_filter($calls, fn ($r) => $token !== '' && $bearer($r) === $token);
            $counts[$run] = [
                'token' => count(self::calls($before, '/token')),
                'simulation' => count($accepted(self::calls($before, '/loanSimulation'))),
                'journey' => count($accepted(self::calls($before, '/partnerDataExchange'))),
            ];
        }
        $this->assertSame(['token' => 1, 'simulation' => 1, 'journey' => 1], $counts['cold']);
        $this->assertSame(['token' => 0, 'simulation' => 0, 'journey' => 1], $counts['warm']);
        $before = count(S::sandbox()->requests());
        S::cron('statuses');
        $this->assertSame([], self::calls($before, '/token'), 'the cron, another PHP process, reuses the shop\'s token');
    }

    /** The payment option as the paymentOptions hook gives it for a cart. */
    private static function paymentOptions(int $idCart, bool $asBackOfficeVisitor = false): int
    {
        return (int) S::cli()->json('
            $module = Module::getInstanceByName("sofincosignature");
            $cart = new Cart(' . $idCart . ');
            Context::getContext()->cart = $cart;
            Context::getContext()->currency = new Currency((int) $cart->id_currency);
            ' . ($asBackOfficeVisitor ? '$_COOKIE[(new Cookie("psAdmin"))->getName()] = "x";' : '') . '
            echo json_encode(count($module->hookPaymentOptions(["cart" => $cart])));');
    }

    public function testPaymentOptionOnlyFromTheMinimumAndInEuros(): void
    {
        [, , $small] = S::shopper(1);
        [, , $big] = S::shopper(5);
        $this->assertSame(0, self::paymentOptions($small), '22,94 € is below 100 €');
        $this->assertSame(1, self::paymentOptions($big));
        S::configure(['SOFINCO_MERCHANT_ID' => '']);
        $this->assertSame(0, self::paymentOptions($big), 'not configured: not offered');
    }

    public function testTestModeHidesTheOptionFromCustomers(): void
    {
        [, , $cart] = S::shopper(5);
        S::configure(['SOFINCO_TEST_MODE' => '1']);
        $this->assertSame(0, self::paymentOptions($cart));
    }

    public function testTestModeShowsTheOptionToALoggedInEmployee(): void
    {
        S::configure(['SOFINCO_TEST_MODE' => '1']);
        [$http, , $idCart] = S::shopper(5);
        $http->loginAdmin();
        // The checkout page in the same browser: the employee's psAdmin cookie is sent too.
        $page = S::paymentStep($http);
        $this->assertStringContainsString('Payez en plusieurs fois avec Sofinco', html_entity_decode($page->body, ENT_QUOTES | ENT_HTML5), 'an employee sees it');
        $this->assertStringContainsString('Mode test', html_entity_decode($page->body, ENT_QUOTES | ENT_HTML5));
        $customerOnly = S::login(S::customer());
        $customerOnly->addToCart(S::PRODUCT, 5);
        $customerPage = html_entity_decode(S::paymentStep($customerOnly)->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringContainsString('payment-option', $customerPage, 'the customer reached the payment step');
        $this->assertStringNotContainsString('Payez en plusieurs fois avec Sofinco', $customerPage);
        $this->assertGreaterThan(0, $idCart);
    }
}
