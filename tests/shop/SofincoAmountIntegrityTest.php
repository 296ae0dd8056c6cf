<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopHttp;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

/**
 * Every euro Sofinco funds is the euro the shop books (issue 31), as customers do it: the
 * cart enlarged in another tab before signing, the shop's currency switched after leaving,
 * two tabs and two signed credits for one cart; and a contract id the client refuses.
 */
final class SofincoAmountIntegrityTest extends TestCase
{
    protected function setUp(): void
    {
        S::configure();
        S::sandbox()->faults([]);
    }

    /** A shopper with 5 items who chose Sofinco: [http, id_cart, attempt, journey URL]. */
    private function leaveForSofinco(): array
    {
        [$http, , $idCart] = S::shopper(5);
        $out = S::checkout($http, $idCart);
        $this->assertSame(302, $out['response']->status);
        return [$http, $idCart, $out['attempt'], $out['location']];
    }

    private static function returnUrl(string $journeyUrl): string
    {
        foreach (S::sandbox()->dossiers() as $d) {
            if (($d['link'] ?? '') === $journeyUrl) {
                return $d['returnUrl'];
            }
        }
        throw new RuntimeException('no dossier for ' . $journeyUrl);
    }

    /** "114,72" for 11472 (the amounts here stay under 1 000 €). */
    private static function euros(int $cents): string
    {
        return sprintf('%d,%02d', intdiv($cents, 100), $cents % 100);
    }

    private static function payments(int $idOrder): array
    {
        return S::rows('SELECT op.amount FROM PREFIX_order_payment op JOIN PREFIX_orders o ON o.reference = op.order_reference WHERE o.id_order = ' . $idOrder);
    }

    private static function deliveries(string $reference): int
    {
        return count(array_filter(S::sandbox()->requests(), fn ($r) => str_ends_with($r['path'], '/order/deliver') && str_contains($r['query'], $reference)));
    }

    private static function sandboxStatus(string $reference): string
    {
        foreach (S::sandbox()->dossiers() as $d) {
            if ($d['partnerExternalId'] === $reference) {
                return $d['status'];
            }
        }
        return '';
    }

    /** The shop's dollar at $rate to the euro (made once; its rate set each time). */
    private static function dollar(float $rate): int
    {
        return (int) S::cli()->json('
            $id = (int) Currency::getIdByIsoCode("USD", 0, true);
            $c = new Currency($id ?: null);
            if (!$id) {
                $c->iso_code = "USD"; $c->numeric_iso_code = "840"; $c->precision = 2; $c->active = 1;
                foreach (Language::getLanguages(false) as $l) { $c->name[$l["id_lang"]] = "Dollar des États-Unis"; $c->symbol[$l["id_lang"]] = "$"; }
            }
            $c->conversion_rate = ' . var_export($rate, true) . '; $c->active = 1; $c->deleted = 0;
            $c->save(); $c->associateTo([1]);
            Db::getInstance()->update("currency_shop", ["conversion_rate" => ' . var_export($rate, true) . '], "id_currency = " . (int) $c->id);
            echo json_encode((int) $c->id);');
    }

    public function testACartEnlargedAfterTheJourneyIsHeldNeverFundedNeverPaid(): void
    {
        [$http, $idCart, $attempt, $journey] = $this->leaveForSofinco();
        $reference = $attempt['order_reference'];
        // In another tab, before signing: a sixth item. Sofinco lends for five.
        $this->assertSame(200, $http->addToCart(S::PRODUCT, 1)->status);
        S::sandbox()->journey($journey, 'sign');
        $idOrder = (int) S::settledOrdersOfCart($idCart)[0]['id_order'];
        $order = S::row('SELECT total_paid_tax_incl FROM PREFIX_orders WHERE id_order = ' . $idOrder);
        $dossier = S::row('SELECT * FROM PREFIX_sofinco_order WHERE id_order = ' . $idOrder);
        $this->assertSame('SOFINCO_OS_TECH_ERROR', S::stateKeyOfOrder($idOrder), 'held at creation');
        $this->assertSame('amount', $dossier['held']);
        $this->assertSame((int) $attempt['amount_cents'], (int) $dossier['sofinco_amount_cents'], 'Sofinco lends what the customer left with');
        $this->assertGreaterThan((int) $dossier['sofinco_amount_cents'], (int) round((float) $order['total_paid_tax_incl'] * 100));

        // Sofinco approves: the order stays held (the old code moved it to "en attente de financement").
        S::sandbox()->setStatus($reference, 'AFI');
        S::cron('statuses');
        $this->assertSame('SOFINCO_OS_TECH_ERROR', S::stateKeyOfOrder($idOrder));

        // The merchant's click on a crafted POST: refused, nothing sent.
        $admin = new ShopHttp();
        $admin->loginAdmin();
        $panel = html_entity_decode($admin->adminController('AdminOrders', ['id_order' => $idOrder, 'vieworder' => 1])->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringNotContainsString('Valider la demande de financement', $panel);
        // The merchant may resolve it by cancelling the dossier at Sofinco: the button is there.
        $this->assertStringContainsString('Annuler le dossier chez Sofinco', $panel);
        $admin->post($admin->adminUrl('AdminSofincoDossiers'), ['submitSofincoFund' => 1, 'id_order' => $idOrder]);
        $this->assertSame(0, self::deliveries($reference), 'never a funding request for a held order');

        // Sofinco funds anyway: still held, nothing booked as paid.
        S::sandbox()->setStatus($reference, 'FIN');
        S::cron('statuses');
        S::cron('funding');
        $this->assertSame('SOFINCO_OS_TECH_ERROR', S::stateKeyOfOrder($idOrder));
        $this->assertSame([], self::payments($idOrder), 'no payment for a credit that does not pay the order');

        // The merchant sees both amounts, on the order page and in the tab.
        $panel = html_entity_decode($admin->adminController('AdminOrders', ['id_order' => $idOrder, 'vieworder' => 1])->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringContainsString('sofinco-held', $panel);
        $this->assertStringContainsString('Bloquée : le dossier Sofinco ne finance pas cette commande', $panel);
        $lent = self::euros((int) $dossier['sofinco_amount_cents']);
        $total = self::euros((int) round((float) $order['total_paid_tax_incl'] * 100));
        $this->assertMatchesRegularExpression('~Montant financé par Sofinco</dt><dd[^>]*>' . $lent . '\s€~u', $panel);
        $this->assertMatchesRegularExpression('~Total de la commande</dt><dd[^>]*>' . $total . '\s€~u', $panel);
        $tab = html_entity_decode($admin->get($admin->adminUrl('AdminSofincoDossiers', ['ordersFilter_so!order_reference' => $reference, 'submitFilterorders' => 1]))->body, ENT_QUOTES | ENT_HTML5);
        $this->assertMatchesRegularExpression('~' . $total . '\s€<br><span class="badge badge-danger sofinco-held"[^>]*>Sofinco ' . $lent . '\s€~u', $tab);
    }

    public function testACartSwitchedToDollarsMakesNoOrderUntilItIsBackInEuros(): void
    {
        foreach ([1.08, 1.00] as $rate) {
            $usd = self::dollar($rate);
            [$http, $idCart, $attempt, $journey] = $this->leaveForSofinco();
            // The customer picks dollars in the header's currency selector.
            $http->get('index.php?SubmitCurrency=1&id_currency=' . $usd);
            $this->assertSame($usd, (int) S::row('SELECT id_currency FROM PREFIX_cart WHERE id_cart = ' . $idCart)['id_currency']);
            S::sandbox()->setStatus($attempt['order_reference'], 'ETU');
            $back = html_entity_decode($http->get(self::returnUrl($journey))->body, ENT_QUOTES | ENT_HTML5);
            $this->assertStringContainsString('Votre panier n\'est plus en euros', $back, "rate $rate");
            $this->assertSame([], S::ordersOfCart($idCart), "no order in dollars at rate $rate");
            S::cron('orders');
            $this->assertSame([], S::ordersOfCart($idCart), "the orders cron makes none either at rate $rate");
            $this->assertSame('open', S::row("SELECT status FROM PREFIX_sofinco_attempt WHERE order_reference = '{$attempt['order_reference']}'")['status']);

            // Back in euros, the same return link, reloaded as the page asks, makes the order
            // (a reload inside the return link's lookup window waits for the next one).
            $http->get('index.php?SubmitCurrency=1&id_currency=1');
            $orders = S::eventually(function () use ($http, $journey, $idCart) {
                $http->get(self::returnUrl($journey));
                return S::settledOrdersOfCart($idCart, 1.0);
            }, 20.0);
            $this->assertCount(1, $orders);
            $this->assertSame('SOFINCO_OS_IN_STUDY', S::stateKeyOfOrder((int) $orders[0]['id_order']));
            $this->assertSame('EUR', S::row('SELECT c.iso_code FROM PREFIX_orders o JOIN PREFIX_currency c ON c.id_currency = o.id_currency WHERE o.id_order = ' . (int) $orders[0]['id_order'])['iso_code']);
        }
    }

    public function testTwoTabsTwoSignedCreditsGiveOneOrderAndTheOtherDossierIsCancelled(): void
    {
        [$http, $idCart, $first, $journeyA] = $this->leaveForSofinco();
        // The payment option opened again in a second tab: a second journey for the same cart.
        $second = S::checkout($http, $idCart);
        $this->assertSame(302, $second['response']->status);
        $this->assertNotSame($first['order_reference'], $second['attempt']['order_reference']);
        S::sandbox()->journey($journeyA, 'sign');
        $idOrder = (int) S::settledOrdersOfCart($idCart)[0]['id_order'];
        S::sandbox()->journey($second['location'], 'sign');
        // The second tab's return: the cart's one order is confirmed, the second credit cancelled.
        $http->get(self::returnUrl($second['location']));
        $this->assertSame('ANN', S::eventually(fn () => self::sandboxStatus($second['attempt']['order_reference']) === 'ANN' ? 'ANN' : null),
            'the second signed dossier is cancelled at Sofinco');
        $this->assertSame('ETU', self::sandboxStatus($first['order_reference']), 'the order\'s own dossier stays');
        $this->assertCount(1, S::ordersOfCart($idCart));
        $this->assertSame('cancelled', S::row("SELECT status FROM PREFIX_sofinco_attempt WHERE order_reference = '{$second['attempt']['order_reference']}'")['status']);
        $admin = new ShopHttp();
        $admin->loginAdmin();
        $panel = html_entity_decode($admin->adminController('AdminOrders', ['id_order' => $idOrder, 'vieworder' => 1])->body, ENT_QUOTES | ENT_HTML5);
        $this->assertMatchesRegularExpression('~sofinco-other-cancelled"><span class="sofinco-other-reference">' . $second['attempt']['order_reference'] . '</span>: signé, puis annulé chez Sofinco~u', $panel);
    }

    public function testASecondSignedDossierLeftUnreturnedIsCancelledByTheOrdersCron(): void
    {
        [$http, $idCart, $first, $journeyA] = $this->leaveForSofinco();
        $second = S::checkout($http, $idCart)['attempt'];
        S::sandbox()->journey($journeyA, 'sign');
        S::settledOrdersOfCart($idCart);
        // Signed on Sofinco's side only (no notification, no return): the cron finds it.
        S::sandbox()->setStatus($second['order_reference'], 'AFI');
        S::cron('orders');
        $this->assertSame('ANN', self::sandboxStatus($second['order_reference']));
        $this->assertCount(1, S::ordersOfCart($idCart));
        $this->assertSame('cancelled', S::row("SELECT status FROM PREFIX_sofinco_attempt WHERE order_reference = '{$second['order_reference']}'")['status']);
    }

    public function testAContractIdTheClientRefusesIsAnErrorNotAnUnknownDossier(): void
    {
        [, $idCart, , $journey] = $this->leaveForSofinco();
        S::sandbox()->journey($journey, 'sign');
        $idOrder = (int) S::settledOrdersOfCart($idCart)[0]['id_order'];
        $contract = S::row('SELECT contract_id FROM PREFIX_sofinco_order WHERE id_order = ' . $idOrder)['contract_id'];
        S::cli()->json('Db::getInstance()->update("sofinco_order", ["contract_id" => "BAD/../ID", "date_upd" => "2000-01-01 00:00:00"], "id_order = ' . $idOrder . '"); echo json_encode(true);');
        $before = count(S::sandbox()->requests());
        try {
            $run = S::cron('statuses');
        } finally {
            // Every later statuses run would fail on it (and exit 3): its real contract back.
            S::cli()->json('Db::getInstance()->update("sofinco_order", ["contract_id" => "' . $contract . '"], "id_order = ' . $idOrder . '"); echo json_encode(true);');
        }
        $this->assertGreaterThanOrEqual(1, $run['result']['summary']['errors'] ?? 0, $run['stdout']);
        $this->assertSame('SOFINCO_OS_IN_STUDY', S::stateKeyOfOrder($idOrder), 'not "Dossier non trouvé"');
        $asked = array_filter(array_slice(S::sandbox()->requests(), $before), fn ($r) => str_contains($r['path'], 'BAD'));
        $this->assertSame([], array_values($asked), 'nothing sent for a contract id the client refuses');
    }
}
