<?php
// make demo: a real PrestaShop 8.1.2 with the module (installed from its zip), against the
// Sofinco sandbox on loopback, and a scripted purchase end to end as a customer and then as
// the merchant. Reads the shop from SHOP_ENV and the sandbox from SOFINCO_SANDBOX_URL.
declare(strict_types=1);

require __DIR__ . '/../tests/shop/bootstrap.php';

use Sofinco\Tests\Shop\Support\ShopEnv;
use Sofinco\Tests\Shop\Support\ShopHttp;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

function say(string $line = ''): void
{
    echo $line, "\n";
}

function text(string $html): string
{
    return trim((string) preg_replace('/\s+/u', ' ', html_entity_decode(strip_tags(str_replace('<br>', ' ', $html)))));
}

/** The order's state as the merchant reads it: its name in the shop's language. */
function stateName(int $idOrder): string
{
    return (string) S::cli()->json('$o = new Order(' . $idOrder . ');
        echo json_encode((new OrderState((int) $o->current_state, (int) Configuration::get("PS_LANG_DEFAULT")))->name);');
}

/** A cron run's summary as the configuration page words it (the module's SofincoCronInfo). */
function cronSummary(array $run): string
{
    if (!is_array($run['result'])) {
        return 'no answer: ' . $run['stderr'];
    }
    return (string) S::cli()->json('require_once _PS_MODULE_DIR_ . "sofincosignature/classes/autoload.php";
        echo json_encode(SofincoCronInfo::describe(' . var_export($run['result'], true) . ', Module::getInstanceByName("sofincosignature")));');
}

function step(int $n, string $what): void
{
    say();
    say("$n. $what");
}

say('Shop:    ' . ShopEnv::get('SHOP_URL'));
say('Sofinco: ' . S::sandbox()->url . ' (sandbox)');
// Test mode against the sandbox: the dossiers say TEST, and only a browser logged in to the
// back office sees Sofinco on the storefront, as on a live shop being tested.
S::configure(['SOFINCO_DEBUG' => '0', 'SOFINCO_TEST_MODE' => '1']);

step(1, 'The merchant, logged in to the back office, opens a 1 290,00 € product page (test mode)');
$visitor = new ShopHttp();
$visitor->loginAdmin();
// The block as the browser ends up showing it (from the page, or from the offers endpoint
// when the page was rendered before the offers were cached).
$block = [S::simulatorOf($visitor, $visitor->productPage(S::sofa()))];
say('   ' . text(preg_replace('~<details.*</details>~s', '', $block[0] ?? 'no simulator block!')));
preg_match_all('~<tr>\s*<th scope="row">(.*?)</th>\s*<td[^>]*>(.*?)</td>\s*<td[^>]*>(.*?)</td>\s*<td[^>]*>(.*?)</td>\s*<td[^>]*>(.*?)</td>~s', $block[0] ?? '', $rows, PREG_SET_ORDER);
foreach ($rows as $r) {
    say(sprintf('     %-9s %-22s TAEG %-9s total dû %-12s coût %s', text($r[1]), text($r[2]), text($r[3]), text($r[4]), text($r[5])));
}

step(2, 'Zoé (the merchant testing as a customer, in the same browser) logs in, puts the sofa in her cart and goes to the payment step');
$customer = S::customer('Lefèvre');
$http = S::login($customer);
$http->loginAdmin(); // test mode: Sofinco is offered only to a browser logged in to the back office
$http->addToCart(S::sofa(), 1);
$payment = text(S::paymentStep($http)->body);
say('   payment options offered: ' . (strpos($payment, 'Payez en plusieurs fois avec Sofinco') !== false ? '"Payez en plusieurs fois avec Sofinco"' : 'Sofinco is missing!'));
$idCart = (int) S::row('SELECT MAX(id_cart) AS id FROM ps_cart WHERE id_customer = ' . $customer['id_customer'])['id'];

step(3, 'She chooses Sofinco: the attempt is stored, then she is sent to Sofinco');
$out = S::checkout($http, $idCart);
say('   attempt ' . $out['attempt']['order_reference'] . ' for ' . number_format($out['attempt']['amount_cents'] / 100, 2, ',', ' ') . ' €, mode ' . $out['attempt']['mode']);
say('   redirected to ' . $out['location']);

step(4, 'On Sofinco\'s page she ticks "J\'accepte l\'offre de crédit" and signs');
$signed = S::sandbox()->journey($out['location'], 'sign');
say('   Sofinco: ' . (strpos($signed['result']['body'], 'Retour à la boutique') !== false ? 'signed, "Retour à la boutique" offered' : 'unexpected page'));

step(5, 'Sofinco notifies the shop; the shop asks Sofinco itself and creates the order');
$orders = S::settledOrdersOfCart($idCart);
$idOrder = (int) $orders[0]['id_order'];
say('   order #' . $idOrder . ' in "' . stateName($idOrder) . '"');

step(6, 'She clicks "Retour à la boutique"');
$dossiers = S::sandbox()->dossiers();
$return = '';
foreach ($dossiers as $d) {
    if (($d['partnerExternalId'] ?? '') === $out['attempt']['order_reference']) {
        $return = $d['returnUrl'];
    }
}
$page = $http->get($return);
preg_match('~<section class="sofinco-payment-return">(.*?)</section>~s', $page->body, $confirmation);
say('   ' . text($confirmation[1] ?? $page->title()));
say('   orders for her cart: ' . count(S::ordersOfCart($idCart)) . ' (the notification and the return raced; one order)');

step(7, 'Sofinco studies the dossier; the statuses cron follows it');
foreach (['CLI', 'AFI'] as $code) {
    S::sandbox()->setStatus($out['attempt']['order_reference'], $code);
    $run = S::cron('statuses');
    say(sprintf('   Sofinco says %s → cron statuses: %s → order in "%s"', $code, cronSummary($run), stateName($idOrder)));
}

step(8, 'The merchant clicks "Valider la demande de financement" in "Dossiers Sofinco signature"');
$admin = new ShopHttp();
$admin->loginAdmin();
$tab = html_entity_decode($admin->adminController('AdminSofincoDossiers')->body);
// The row's button posts the tab's one form (after the browser's confirmation, which says
// the request is irreversible and until when the customer may withdraw).
preg_match('~<button type="submit" form="sofinco-fund-form" name="id_order" value="' . $idOrder . '"[^>]*onclick="return confirm\(("(?:[^"\\\\]|\\\\.)*")\);"~', $tab, $button);
say('   the browser asks: ' . (isset($button[1]) ? json_decode($button[1]) : 'nothing (no funding button on the row!)'));
preg_match('~<form id="sofinco-fund-form" method="post" action="([^"]+)"~', $tab, $form);
$action = $form[1] ?? '';
$after = $admin->post(preg_match('~^https?://~', $action) ? $action : ShopEnv::get('ADMIN_URL') . ltrim($action, '/'), ['submitSofincoFund' => '1', 'id_order' => $idOrder]);
preg_match('~alert alert-success[^>]*>(.*?)</div>~s', $after->body, $message);
say('   ' . text(preg_replace('~<button.*?</button>~s', '', $message[1] ?? 'no confirmation')));
say('   order in "' . stateName($idOrder) . '"');

step(9, 'The funding cron sees Sofinco\'s FIN');
$run = S::cron('funding');
say('   cron funding: ' . cronSummary($run));
$paid = S::row('SELECT o.valid, (SELECT COUNT(*) FROM ps_order_payment op WHERE op.order_reference = o.reference) AS payments FROM ps_orders o WHERE o.id_order = ' . $idOrder);
say('   order in "' . stateName($idOrder) . '", ' . ((int) $paid['payments'] > 0 ? 'paid' : 'not paid'));

say();
say('Demo complete.');
