<?php
// The shop suite runs against the real PrestaShop started by scripts/shop/shop-up.sh (make
// test-shop): read its connection facts from shop.env and stop at once if it is not there.
declare(strict_types=1);

require_once __DIR__ . '/support/php8-polyfill.php';
require_once __DIR__ . '/support/ShopEnv.php';
require_once __DIR__ . '/support/ShopResponse.php';
require_once __DIR__ . '/support/ShopHttp.php';
require_once __DIR__ . '/support/ShopCli.php';
require_once __DIR__ . '/support/SofincoShop.php';
require_once dirname(__DIR__, 2) . '/tools/php/Sandbox.php';

use Sofinco\Tests\Shop\Support\ShopEnv;

$envFile = getenv('SHOP_ENV') ?: (getenv('SHOP_WORK') ?: dirname(__DIR__, 2) . '/.work') . '/shop.env';
try {
    ShopEnv::load($envFile);
} catch (\RuntimeException $e) {
    fwrite(STDERR, $e->getMessage() . "\nStart the shop first: make shop-up (or scripts/shop/shop-up.sh); make test-shop does both.\n");
    exit(1);
}
