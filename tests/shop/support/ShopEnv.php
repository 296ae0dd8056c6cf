<?php
declare(strict_types=1);

namespace Sofinco\Tests\Shop\Support;

/** The facts scripts/shop/*.sh wrote to <work>/shop.env (KEY=value or KEY='value' lines). */
final class ShopEnv
{
    /** @var array<string, string> */
    private static array $values = [];

    public static function load(string $file): void
    {
        if (!is_file($file)) {
            throw new \RuntimeException("No shop environment file at $file.");
        }
        $values = [];
        foreach (file($file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) ?: [] as $line) {
            if (preg_match('/^([A-Z_][A-Z0-9_]*)=(.*)$/', $line, $m) !== 1) {
                continue;
            }
            $value = $m[2];
            if (strlen($value) >= 2 && $value[0] === "'" && substr($value, -1) === "'") {
                $value = substr($value, 1, -1);
            }
            $values[$m[1]] = $value;
        }
        foreach (['SHOP_URL', 'ADMIN_URL', 'ADMIN_EMAIL', 'ADMIN_PASS', 'SHOP_DIR', 'DB_NAME'] as $key) {
            if (($values[$key] ?? '') === '') {
                throw new \RuntimeException("$file has no $key: the shop is not fully up.");
            }
        }
        self::$values = $values;
    }

    public static function get(string $key): string
    {
        if (!isset(self::$values[$key])) {
            throw new \RuntimeException("shop.env has no $key");
        }
        return self::$values[$key];
    }

    /** Extra php flags for processes run inside the shop: env SHOP_PHP_ARGS, else those the web server got. */
    public static function phpArgs(): array
    {
        $args = getenv('SHOP_PHP_ARGS');
        if ($args === false) {
            $args = self::$values['WEB_PHP_ARGS'] ?? '';
        }
        return preg_split('/\s+/', trim($args), -1, PREG_SPLIT_NO_EMPTY) ?: [];
    }

    /** The installed PrestaShop's version (_PS_VERSION_ of its tree), whatever the release. */
    public static function psVersion(): string
    {
        // src/Core/Version.php from 8.0 on, AppKernel::VERSION in 1.7.
        foreach (['/src/Core/Version.php', '/app/AppKernel.php'] as $file) {
            $code = (string) @file_get_contents(self::get('SHOP_DIR') . $file);
            if (preg_match("~const VERSION = '([^']+)'~", $code, $m) === 1) {
                return $m[1];
            }
        }
        $settings = (string) @file_get_contents(self::get('SHOP_DIR') . '/config/settings.inc.php');
        return preg_match("~_PS_VERSION_', '([^']+)'~", $settings, $m) === 1 ? $m[1] : '';
    }
}
