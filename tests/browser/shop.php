<?php
// The browser checks' hands inside the shop (run by tests/browser/*.mjs and run.sh), through
// the shop suite's helpers. Prints one JSON value on stdout.
//   setup            points the module at the sandbox (SOFINCO_SANDBOX_URL), makes the 1 290,00 €
//                    sofa, an armchair in two sizes at two prices (S 1 290,00 €, L 1 790,00 €),
//                    two customers (one approved at once by the sandbox: last name Accord);
//                    prints the URLs and the credentials the tests need
//   order REFERENCE  the order made for a Sofinco reference: id, reference, state key, count
//   sofinco REFERENCE STATUS   Sofinco moves the dossier (sandbox control route), then the
//                    statuses cron follows it; prints the cron's summary
//   dossier STATUS [DAYS] [MODE]   an order made by the orders cron for a dossier Sofinco set to STATUS
//   config           the module's stored settings (secrets hashed)
//   move ID STATE    the merchant sets PrestaShop's state STATE (a configuration key) by hand
//   cron-fails       a statuses run while every call to Sofinco fails (5xx)
declare(strict_types=1);

require __DIR__ . '/../shop/bootstrap.php';

use Sofinco\Tests\Shop\Support\ShopEnv;
use Sofinco\Tests\Shop\Support\ShopHttp;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

/** An armchair whose sizes have different prices: S 1 290,00 € (default), L 1 790,00 €. Made once. */
function armchair(): int
{
    return (int) S::cli()->json('
        $id = (int) Db::getInstance()->getValue("SELECT id_product FROM " . _DB_PREFIX_ . "product WHERE reference = \'SOFINCO-FAUTEUIL\'");
        if (!$id) {
            $p = new Product();
            foreach (Language::getLanguages(false) as $l) { $p->name[$l["id_lang"]] = "Fauteuil club"; $p->link_rewrite[$l["id_lang"]] = "fauteuil-club"; }
            $p->reference = "SOFINCO-FAUTEUIL"; $p->price = 1290; $p->id_tax_rules_group = 0; $p->active = 1;
            $p->id_category_default = (int) Configuration::get("PS_HOME_CATEGORY"); $p->visibility = "both";
            $p->add(); $p->addToCategories([(int) Configuration::get("PS_HOME_CATEGORY")]);
            $size = (int) Db::getInstance()->getValue("SELECT id_attribute_group FROM " . _DB_PREFIX_ . "attribute_group_lang WHERE name IN (\'Size\', \'Taille\') ORDER BY id_attribute_group");
            foreach ([["S", 0, true], ["L", 500, false]] as [$name, $impact, $default]) {
                $attribute = (int) Db::getInstance()->getValue("SELECT a.id_attribute FROM " . _DB_PREFIX_ . "attribute a JOIN " . _DB_PREFIX_ . "attribute_lang al ON al.id_attribute = a.id_attribute WHERE a.id_attribute_group = $size AND al.name = \'$name\'");
                $idPa = (int) $p->addCombinationEntity(0, $impact, 0, 0, 0, 1000, [], "", 0, "", $default);
                (new Combination($idPa))->setAttributes([$attribute]);
                StockAvailable::setQuantity((int) $p->id, $idPa, 1000);
            }
            Product::updateDefaultAttribute((int) $p->id);
            $id = (int) $p->id;
        }
        echo json_encode($id);');
}

$command = $argv[1] ?? '';
switch ($command) {
    case 'setup':
        if (!getenv('SOFINCO_SANDBOX_URL')) {
            fwrite(STDERR, "shop.php setup: SOFINCO_SANDBOX_URL is not set (tests/browser/run.sh starts a sandbox)\n");
            exit(2);
        }
        // This run's sandbox is new: the orders of earlier runs leave the workflow.
        S::forgetEarlierDossiers();
        S::configure(['SOFINCO_DEBUG' => '0']);
        $sofa = S::sofa();
        $armchair = armchair();
        $http = new ShopHttp();
        $product = $http->productPage($sofa);
        $out = [
            'shopUrl' => ShopEnv::get('SHOP_URL'),
            'adminUrl' => ShopEnv::get('ADMIN_URL'),
            'adminEmail' => ShopEnv::get('ADMIN_EMAIL'),
            'adminPass' => ShopEnv::get('ADMIN_PASS'),
            'sandboxUrl' => S::sandbox()->url,
            'sofa' => $sofa,
            'productUrl' => $product->url,
            'armchairUrl' => $http->productPage($armchair)->url,
            'cheapUrl' => $http->productPage(S::PRODUCT)->url,
            'customer' => S::customer('Lefèvre'),
            'approvedCustomer' => S::customer('Accord'),
            'merchantId' => S::MERCHANT,
            'nature' => S::NATURE,
        ];
        echo json_encode($out, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE), "\n";
        break;
    case 'order':
        $reference = strtoupper((string) ($argv[2] ?? ''));
        $rows = S::rows('SELECT so.id_order, o.reference, o.id_cart FROM PREFIX_sofinco_order so JOIN '
            . 'PREFIX_orders o ON o.id_order = so.id_order WHERE so.order_reference = ' . var_export($reference, true));
        $row = $rows[0] ?? null;
        echo json_encode($row === null ? null : [
            'id_order' => (int) $row['id_order'],
            'reference' => $row['reference'],
            'state' => S::stateKeyOfOrder((int) $row['id_order']),
            'orders_of_cart' => count(S::ordersOfCart((int) $row['id_cart'])),
        ], JSON_UNESCAPED_SLASHES), "\n";
        break;
    case 'sofinco':
        S::sandbox()->setStatus((string) ($argv[2] ?? ''), (string) ($argv[3] ?? ''));
        $run = S::cron('statuses');
        if ($run['exit'] !== 0) {
            fwrite(STDERR, "cron statuses failed: {$run['stdout']} {$run['stderr']}\n");
            exit(1);
        }
        echo json_encode($run['result']), "\n";
        break;
    case 'dossier':
        // An order made the quick way: a customer left for Sofinco (in MODE, TEST or
        // PRODUCTION, default the configured one), Sofinco set STATUS (signed DAYS days ago,
        // default 20, a UTC date as the checks compute it), the orders cron made the order.
        // Prints it like `order`.
        $status = (string) ($argv[2] ?? 'ETU');
        $days = (int) ($argv[3] ?? 20);
        $mode = (string) ($argv[4] ?? '');
        [$http, , $idCart] = S::shopper(5);
        $attempt = S::checkout($http, $idCart)['attempt'];
        if ($mode !== '') {
            // As if checked out in that mode (test mode shows the option to employees only,
            // and this customer is not one): the attempt records the mode.
            S::cli()->json('Db::getInstance()->update("sofinco_attempt", ["mode" => ' . var_export($mode, true) . '], "order_reference = \'' . $attempt['order_reference'] . '\'"); echo json_encode(true);');
        }
        S::sandbox()->setStatus($attempt['order_reference'], $status, ['signatureDate' => gmdate('Y-m-d', time() - $days * 86400)]);
        $run = S::cron('orders');
        $rows = S::rows('SELECT so.id_order, o.reference FROM PREFIX_sofinco_order so JOIN PREFIX_orders o ON o.id_order = so.id_order WHERE so.id_cart = ' . (int) $idCart);
        if ($run['exit'] !== 0 || !$rows) {
            fwrite(STDERR, "no order for the dossier: {$run['stdout']} {$run['stderr']}\n");
            exit(1);
        }
        echo json_encode(['id_order' => (int) $rows[0]['id_order'], 'reference' => $rows[0]['reference'], 'sofinco' => $attempt['order_reference'],
            'state' => S::stateKeyOfOrder((int) $rows[0]['id_order'])], JSON_UNESCAPED_SLASHES), "\n";
        break;
    case 'config':
        // The module's stored settings (secrets as a hash): the browser checks compare them.
        $keys = ['SOFINCO_MERCHANT_ID', 'SOFINCO_NATURE_BIEN', 'SOFINCO_Q6', 'SOFINCO_X1', 'SOFINCO_CLIENT_ID_TEST', 'SOFINCO_SECRET_TEST',
            'SOFINCO_CLIENT_ID_PROD', 'SOFINCO_SECRET_PROD', 'SOFINCO_TEST_MODE', 'SOFINCO_MIN_PRICE', 'SOFINCO_MAX_PRICE', 'SOFINCO_DEBUG', 'SOFINCO_API_URL'];
        $rows = S::rows("SELECT name, value, date_upd FROM PREFIX_configuration WHERE name IN ('" . implode("','", $keys) . "') ORDER BY name, id_configuration");
        $out = [];
        foreach ($rows as $row) {
            $secret = strpos($row['name'], 'SECRET') !== false;
            $out[] = [$row['name'], $secret ? hash('sha256', (string) $row['value']) : $row['value'], $row['date_upd']];
        }
        echo json_encode($out, JSON_UNESCAPED_SLASHES), "\n";
        break;
    case 'move':
        // The merchant moves the order to PrestaShop's STATE (e.g. PS_OS_PREPARATION) by hand.
        $idOrder = (int) ($argv[2] ?? 0);
        $key = (string) ($argv[3] ?? 'PS_OS_PREPARATION');
        S::cli()->json('$o = new Order(' . $idOrder . '); Context::getContext()->currency = new Currency((int) $o->id_currency);
            $h = new OrderHistory(); $h->id_order = ' . $idOrder . '; $h->id_employee = 1;
            $h->changeIdOrderState((int) Configuration::get(' . var_export($key, true) . '), $o); $h->add(); echo json_encode(true);');
        echo json_encode(['id_order' => $idOrder, 'state' => S::stateKeyOfOrder($idOrder)]), "\n";
        break;
    case 'cron-fails':
        // A statuses run while every call to Sofinco fails (5xx), then the sandbox recovers.
        S::sandbox()->faults(['fail_rate' => 1.0]);
        $run = S::cron('statuses');
        S::sandbox()->faults(['fail_rate' => 0.0]);
        echo json_encode($run['result']), "\n";
        break;
    default:
        fwrite(STDERR, "usage: php tests/browser/shop.php setup | order REFERENCE | sofinco REFERENCE STATUS | dossier STATUS [DAYS] [MODE] | config | move ID_ORDER STATE_KEY | cron-fails\n");
        exit(2);
}
