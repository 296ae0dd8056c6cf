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

    private static function simulatorOf(string $html): ?string
    {
        return preg_match('~<section class="sofinco-simulator.*?</section>~s', $html, $m) ? html_entity_decode($m[0]) : null;
    }

    public function testProductPageShowsTheSimulatorFromTheMinimumPrice(): void
    {
        $block = self::simulatorOf((new ShopHttp())->productPage(S::sofa())->body);
        $this->assertNotNull($block, 'above the minimum: shown');
        $this->assertMatchesRegularExpression('~à partir de <strong>\d+,\d{2}\s€/mois</strong>~u', $block);
        $this->assertStringContainsString('Un crédit vous engage et doit être remboursé. Vérifiez vos capacités de remboursement avant de vous engager.', $block);
        $this->assertStringContainsString('TAEG', $block);
        $this->assertMatchesRegularExpression('~Voir les offres pour 1\s290,00\s€~u', $block, 'the French format');
        $this->assertMatchesRegularExpression('~10 mois</th>\s*<td>132,51\s€~u', $block);
        S::configure(['SOFINCO_MIN_PRICE' => '1500']);
        $this->assertNull(self::simulatorOf((new ShopHttp())->productPage(S::sofa())->body), 'below the minimum: hidden');
        $this->assertNull(self::simulatorOf((new ShopHttp())->productPage(S::PRODUCT)->body), 'below the minimum: hidden');
    }

    public function testCartPageShowsTheSimulatorForTheCartTotal(): void
    {
        [$http] = S::shopper(5);
        $block = self::simulatorOf($http->cartPage()->body);
        $this->assertNotNull($block);
        $this->assertMatchesRegularExpression('~Voir les offres pour 1\d\d,\d{2}\s€~u', $block);
    }

    public function testSofincoDownHidesTheBlockWithoutAnyError(): void
    {
        S::sandbox()->faults(['fail_rate' => 1.0]);
        $page = (new ShopHttp())->productPage(S::sofa());
        S::sandbox()->faults([]);
        $this->assertSame(200, $page->status);
        $this->assertNull(self::simulatorOf($page->body));
        $this->assertStringNotContainsString('Sofinco answered', $page->body);
        $this->assertStringNotContainsString('SofincoException', $page->body);
    }

    public function testWarmCacheServesTheBlockWithoutTheNetwork(): void
    {
        (new ShopHttp())->productPage(S::sofa());
        $before = count(S::sandbox()->requests());
        S::sandbox()->faults(['fail_rate' => 1.0]);
        $page = (new ShopHttp())->productPage(S::sofa());
        S::sandbox()->faults([]);
        $this->assertNotNull(self::simulatorOf($page->body), 'shown from the cache while Sofinco is down');
        $sims = array_filter(array_slice(S::sandbox()->requests(), $before), fn ($r) => str_contains($r['path'], 'loanSimulation'));
        $this->assertSame([], array_values($sims));
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
        $this->assertStringContainsString('Payez en plusieurs fois avec Sofinco', html_entity_decode($page->body), 'an employee sees it');
        $this->assertStringContainsString('Mode test', html_entity_decode($page->body));
        $customerOnly = S::login(S::customer());
        $customerOnly->addToCart(S::PRODUCT, 5);
        $customerPage = html_entity_decode(S::paymentStep($customerOnly)->body);
        $this->assertStringContainsString('payment-option', $customerPage, 'the customer reached the payment step');
        $this->assertStringNotContainsString('Payez en plusieurs fois avec Sofinco', $customerPage);
        $this->assertGreaterThan(0, $idCart);
    }
}
