<?php
declare(strict_types=1);

namespace Sofinco\Tests\Legacy;

use Sofinco\Tests\Shop\Support\ShopEnv;

/** The 1.7 shop's database over loopback TCP: the suite reads what the shop wrote, never more. */
final class LegacyShopDb
{
    private static ?\mysqli $db = null;

    /** @return list<array<string, string|null>> */
    public static function rows(string $sql): array
    {
        if (self::$db === null) {
            self::$db = new \mysqli('127.0.0.1', ShopEnv::get('DB_USER'), ShopEnv::get('DB_PASS'), ShopEnv::get('DB_NAME'), (int) ShopEnv::get('DB_PORT'));
            self::$db->set_charset('utf8mb4');
        }
        return self::$db->query($sql)->fetch_all(MYSQLI_ASSOC);
    }
}
