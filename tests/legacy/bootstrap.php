<?php
// The PrestaShop 1.7 suite: the host's PHPUnit drives, over HTTP only, a PrestaShop 1.7.8.11
// on PHP 7.4 (the bullseye chroot, scripts/matrix/ps17-check.sh), whose facts are in SHOP_ENV.
declare(strict_types=1);

require_once __DIR__ . '/../shop/support/ShopEnv.php';
require_once __DIR__ . '/../shop/support/ShopResponse.php';
require_once __DIR__ . '/../shop/support/ShopHttp.php';
require_once __DIR__ . '/LegacyShopDb.php';

try {
    \Sofinco\Tests\Shop\Support\ShopEnv::load((string) getenv('SHOP_ENV'));
} catch (\RuntimeException $e) {
    fwrite(STDERR, $e->getMessage() . "\nRun it through scripts/matrix/ps17-check.sh (make test-matrix).\n");
    exit(1);
}
