<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopHttp;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

/**
 * Issue 31: Sofinco's amount range, wherever a customer can meet Sofinco. The sandbox's grid
 * ends at 8 000 € and answers 400 "Montant hors barème" above it; the merchant's own minimum
 * and maximum prices come first.
 */
final class SofincoAmountRangeTest extends TestCase
{
    private const REDIRECT = 'index.php?fc=module&module=sofincosignature&controller=redirect';

    protected function setUp(): void
    {
        S::configure();
        S::sandbox()->faults([]);
    }

    /** A logged-in customer with $qty sofas (1 290,00 € each) in the cart: [http, id_cart]. */
    private static function sofaShopper(int $qty): array
    {
        $customer = S::customer();
        $http = S::login($customer);
        $added = $http->addToCart(S::sofa(), $qty);
        self::assertSame(200, $added->status);
        $idCart = (int) S::row('SELECT MAX(id_cart) AS id FROM PREFIX_cart WHERE id_customer = ' . $customer['id_customer'])['id'];
        self::assertGreaterThan(0, $idCart);
        return [$http, $idCart];
    }

    /** Journey requests the sandbox received since $since. */
    private static function journeys(int $since): array
    {
        return array_values(array_filter(array_slice(S::sandbox()->requests(), $since), fn ($r) => str_contains($r['path'], 'partnerDataExchange')));
    }

    /** The redirect answered with a page saying why, stored no attempt and called no journey. */
    private function assertRefusedWithReason(\Sofinco\Tests\Shop\Support\ShopResponse $r, int $idCart, int $since, string $reason): void
    {
        $text = html_entity_decode($r->body, ENT_QUOTES | ENT_HTML5);
        $this->assertSame(200, $r->status, 'a page that says why, not a redirection');
        $this->assertMatchesRegularExpression($reason, $text);
        $this->assertStringContainsString('Votre panier est conservé : choisissez un autre moyen de paiement.', $text);
        $this->assertStringNotContainsString('momentanément indisponible', $text);
        $this->assertStringNotContainsString('réessayez', $text);
        $this->assertNull(S::row('SELECT id_sofinco_attempt FROM PREFIX_sofinco_attempt WHERE id_cart = ' . $idCart), 'no attempt stored');
        $this->assertSame([], self::journeys($since), 'no journey request reached Sofinco');
    }

    public function testACartAboveSofincosRangeIsOfferedNoSofincoAndTheRedirectSaysWhy(): void
    {
        // 7 × 1 290,00 € = 9 030,00 €, the issue's cart; Sofinco finances up to 8 000 €.
        [$http, $idCart] = self::sofaShopper(7);
        $outside = '~Le montant de votre panier \(9\s?0\d\d,\d\d\s€\) est en dehors des montants que Sofinco finance pour cette boutique\.~u';

        // Straight to the controller, nothing cached yet: one simulation tells, no journey.
        $before = count(S::sandbox()->requests());
        $this->assertRefusedWithReason($http->get(self::REDIRECT, false), $idCart, $before, $outside);

        $page = html_entity_decode(S::paymentStep($http)->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringContainsString('payment-option', $page, 'the customer reached the payment step');
        $this->assertStringNotContainsString('Payez en plusieurs fois avec Sofinco', $page, 'no Sofinco option for 9 030,00 €');

        // The payment step left open from before, or a forged form: POST and GET alike.
        $before = count(S::sandbox()->requests());
        $this->assertRefusedWithReason($http->post(self::REDIRECT, [], false), $idCart, $before, $outside);
        $this->assertRefusedWithReason($http->get(self::REDIRECT, false), $idCart, $before, $outside);
        $this->assertSame([], array_slice(S::sandbox()->requests(), $before), 'the remembered refusal answered: no call at all');
    }

    public function testTheMaximumPriceHidesTheOptionAndTheRedirectSaysWhy(): void
    {
        [$http, , $idCart] = S::shopper(5);
        $this->assertStringContainsString('Payez en plusieurs fois avec Sofinco', html_entity_decode(S::paymentStep($http)->body, ENT_QUOTES | ENT_HTML5), 'offered without a maximum');
        S::configure(['SOFINCO_MAX_PRICE' => '100']);
        $page = html_entity_decode(S::paymentStep($http)->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringContainsString('payment-option', $page);
        $this->assertStringNotContainsString('Payez en plusieurs fois avec Sofinco', $page, 'above the maximum: not offered');
        $before = count(S::sandbox()->requests());
        $this->assertRefusedWithReason(
            $http->get(self::REDIRECT, false),
            $idCart,
            $before,
            '~Le montant de votre panier \(1\d\d,\d\d\s€\) dépasse le montant maximum que cette boutique accepte pour un paiement avec Sofinco \(100,00\s€\)\.~u'
        );
        $this->assertSame([], array_slice(S::sandbox()->requests(), $before), 'the maximum decides without asking Sofinco');
        $this->assertNull(S::simulatorOf($http, $http->cartPage()), 'nor is the simulator shown');
    }

    /** The module's log lines (every file of its folder under var/logs). */
    private static function moduleLog(): string
    {
        $dir = (string) S::cli()->json('require_once _PS_MODULE_DIR_ . "sofincosignature/classes/autoload.php"; echo json_encode(SofincoLogger::directory());');
        return implode('', array_map('file_get_contents', glob($dir . '/*.log') ?: []));
    }

    /**
     * A minimum set below Sofinco's range (50 € where its grid starts at 100 €): a 68,82 € cart
     * shows no simulator, as before, but no longer writes an error on every view: Sofinco's
     * refusal of the amount is an answer, asked once and remembered.
     */
    public function testAnAmountSofincoRefusesHidesTheSimulatorWithoutAnErrorPerView(): void
    {
        S::configure(['SOFINCO_MIN_PRICE' => '50']);
        [$http] = S::shopper(3);
        $before = count(S::sandbox()->requests());
        $errors = substr_count(self::moduleLog(), 'simulator hidden');
        for ($i = 0; $i < 3; $i++) {
            $this->assertNull(S::simulatorOf($http, $http->cartPage()), 'view ' . $i);
        }
        $simulations = array_filter(array_slice(S::sandbox()->requests(), $before), fn ($r) => str_starts_with($r['path'], '/loanSimulation'));
        $this->assertCount(1, $simulations, 'Sofinco asked once for the amount');
        $this->assertSame($errors, substr_count(self::moduleLog(), 'simulator hidden'), 'no error logged per view');
        $page = html_entity_decode(S::paymentStep($http)->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringContainsString('payment-option', $page);
        $this->assertStringNotContainsString('Payez en plusieurs fois avec Sofinco', $page, 'nor offered at checkout');
    }

    public function testAMinimumBelowSofincosRangeIsWarnedOnTheConfigurationPage(): void
    {
        $http = new ShopHttp();
        $http->loginAdmin();
        $url = $http->adminUrl('AdminModules', ['configure' => 'sofincosignature']);
        $warning = '~Prix minimum : Sofinco ne finance pas 50,00\s€ pour cette boutique~u';
        $this->assertDoesNotMatchRegularExpression('~Sofinco ne finance pas~u', html_entity_decode($http->get($url)->body, ENT_QUOTES | ENT_HTML5), '100 € is in the range');

        // The merchant saves 50 € (Sofinco's grid starts at 100 €): saved, and warned.
        $form = [
            'SOFINCO_MERCHANT_ID' => S::MERCHANT, 'SOFINCO_NATURE_BIEN' => S::NATURE, 'SOFINCO_Q6' => 'Q6SHOP', 'SOFINCO_X1' => 'X1SHOP',
            'SOFINCO_CLIENT_ID_TEST' => 'sandbox-client', 'SOFINCO_SECRET_TEST' => '', 'SOFINCO_CLIENT_ID_PROD' => 'sandbox-client',
            'SOFINCO_SECRET_PROD' => '', 'SOFINCO_TEST_MODE' => '0', 'SOFINCO_MIN_PRICE' => '50', 'SOFINCO_MAX_PRICE' => '',
            'SOFINCO_DEBUG' => '1', 'SOFINCO_API_URL' => S::sandbox()->url, 'submitSofincoConfig' => '1',
        ];
        $saved = html_entity_decode($http->post($url, $form)->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringContainsString('Réglages enregistrés', $saved);
        $this->assertMatchesRegularExpression($warning, $saved);
        $this->assertMatchesRegularExpression($warning, html_entity_decode($http->get($url)->body, ENT_QUOTES | ENT_HTML5), 'and every time the page is shown');

        // A maximum beyond the range is warned too; one below the minimum is refused.
        $capped = html_entity_decode($http->post($url, ['SOFINCO_MIN_PRICE' => '100', 'SOFINCO_MAX_PRICE' => '9000,00'] + $form)->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringContainsString('Réglages enregistrés', $capped);
        $this->assertMatchesRegularExpression('~Prix maximum : Sofinco ne finance pas 9\s000,00\s€ pour cette boutique~u', $capped);
        $this->assertDoesNotMatchRegularExpression('~Prix minimum : Sofinco ne finance pas~u', $capped);
        $this->assertSame('9000.00', S::cli()->json('echo json_encode(Configuration::get("SOFINCO_MAX_PRICE"));'));
        $refused = html_entity_decode($http->post($url, ['SOFINCO_MIN_PRICE' => '100', 'SOFINCO_MAX_PRICE' => '99'] + $form)->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringContainsString('Prix maximum : il ne peut pas être inférieur au prix minimum.', $refused);
        $this->assertStringNotContainsString('Réglages enregistrés', $refused);
    }
}
