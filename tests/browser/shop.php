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
declare(strict_types=1);

require __DIR__ . '/../shop/bootstrap.php';

use Sofinco\Tests\Shop\Support\ShopEnv;
use Sofinco\Tests\Shop\Support\ShopHttp;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

/** An armchair whose sizes have different prices: S 1 290,00 € (default), L 1 790,00 €. Made once. */
function armchair(): int
{
    return (int) S::cli()->json('
        $id = (int) Db::getInstance()->getValue("SELECT id_product FROM ' . S::P . 'product WHERE reference = \'SOFINCO-FAUTEUIL\'");
        if (!$id) {
            $p = new Product();
            foreach (Language::getLanguages(false) as $l) { $p->name[$l["id_lang"]] = "Fauteuil club"; $p->link_rewrite[$l["id_lang"]] = "fauteuil-club"; }
            $p->reference = "SOFINCO-FAUTEUIL"; $p->price = 1290; $p->id_tax_rules_group = 0; $p->active = 1;
            $p->id_category_default = (int) Configuration::get("PS_HOME_CATEGORY"); $p->visibility = "both";
            $p->add(); $p->addToCategories([(int) Configuration::get("PS_HOME_CATEGORY")]);
            $size = (int) Db::getInstance()->getValue("SELECT id_attribute_group FROM ' . S::P . 'attribute_group_lang WHERE name IN (\'Size\', \'Taille\') ORDER BY id_attribute_group");
            foreach ([["S", 0, true], ["L", 500, false]] as [$name, $impact, $default]) {
                $attribute = (int) Db::getInstance()->getValue("SELECT a.id_attribute FROM ' . S::P . 'attribute a JOIN ' . S::P . 'attribute_lang al ON al.id_attribute = a.id_attribute WHERE a.id_attribute_group = $size AND al.name = \'$name\'");
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
        $rows = S::rows('SELECT so.id_order, o.reference, o.id_cart FROM ' . S::P . 'sofinco_order so JOIN '
            . S::P . 'orders o ON o.id_order = so.id_order WHERE so.order_reference = ' . var_export($reference, true));
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
    default:
        fwrite(STDERR, "usage: php tests/browser/shop.php setup | order REFERENCE | sofinco REFERENCE STATUS\n");
        exit(2);
}
