<?php
declare(strict_types=1);

namespace Sofinco\Tests\Shop\Support;

/**
 * Runs PHP code inside the installed shop in a separate php process (same extra php flags as
 * the web server): `require 'config/config.inc.php'` plus the Symfony container in the context,
 * so PrestaShop's own classes (Customer, Cart, PaymentModule::validateOrder...) work.
 *
 * PrestaShop often stops with die(Tools::displayError()) and exit code 0: a snippet that does
 * not run to its end (die, exit, fatal error, uncaught exception) exits with code 70 here.
 */
final class ShopCli
{
    public const INCOMPLETE_EXIT = 70;

    private string $shopDir;
    /** @var list<string> */
    private array $phpArgs;

    public function __construct(?string $shopDir = null, ?array $phpArgs = null)
    {
        $this->shopDir = $shopDir ?? ShopEnv::get('SHOP_DIR');
        $this->phpArgs = $phpArgs ?? ShopEnv::phpArgs();
    }

    /**
     * Runs $code (PHP statements, no opening tag) after the shop's bootstrap.
     * @return array{exit:int, stdout:string, stderr:string}
     */
    public function run(string $code): array
    {
        $prelude = <<<'PHP'
<?php
register_shutdown_function(static function (): void {
    if (!defined('SHOP_CLI_DONE')) {
        fwrite(STDERR, "ShopCli: the snippet did not run to its end (die/exit/fatal error/exception)\n");
        exit(70);
    }
});
// The snippets may use PHP 8.0's str_* (PrestaShop 1.7.8 ships no polyfill; the module itself
// never calls them: tools/check-php71-syntax.php).
require getenv('SHOP_CLI_POLYFILL');
chdir(getenv('SHOP_CLI_DIR'));
require 'config/config.inc.php';
Context::getContext()->container = PrestaShop\PrestaShop\Adapter\ContainerBuilder::getContainer('front', false);

PHP;
        $script = tempnam(sys_get_temp_dir(), 'shop-cli-');
        if ($script === false) {
            throw new \RuntimeException('cannot create a temporary script');
        }
        file_put_contents($script, $prelude . $code . "\ndefine('SHOP_CLI_DONE', true);\n");
        try {
            return $this->exec(
                array_merge([PHP_BINARY], $this->phpArgs, ['-d', 'display_errors=stderr', '-d', 'memory_limit=1G', $script]),
                ['SHOP_CLI_DIR' => $this->shopDir, 'SHOP_CLI_POLYFILL' => __DIR__ . '/php8-polyfill.php'],
            );
        } finally {
            unlink($script);
        }
    }

    /**
     * Runs $code, which must end by echoing one JSON document on the last line of stdout;
     * throws (with stderr) when it fails. No return type: `mixed` is PHP 8.0+ (the suite runs on 7.4 too).
     * @return mixed
     */
    public function json(string $code)
    {
        $r = $this->run($code);
        if ($r['exit'] !== 0) {
            throw new \RuntimeException("ShopCli snippet failed (exit {$r['exit']}):\n{$r['stderr']}\n{$r['stdout']}");
        }
        $lines = preg_split('/\R/', trim($r['stdout'])) ?: [''];
        return json_decode((string) end($lines), true, 512, JSON_THROW_ON_ERROR);
    }

    /**
     * Runs scripts/shop/shop-module.sh VERB NAME (prestashop:module through the console,
     * --env=prod, with the same php flags). @return array{exit:int, stdout:string, stderr:string}
     */
    public function module(string $verb, string $name): array
    {
        return $this->exec(
            [dirname(__DIR__, 3) . '/scripts/shop/shop-module.sh', $verb, $name],
            ['SHOP_PHP_ARGS' => implode(' ', $this->phpArgs), 'SHOP_WORK' => dirname($this->shopDir)],
        );
    }

    /** @return array{exit:int, stdout:string, stderr:string} */
    private function exec(array $cmd, array $env): array
    {
        $proc = proc_open($cmd, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $this->shopDir, $env + getenv());
        if (!is_resource($proc)) {
            throw new \RuntimeException('cannot start ' . $cmd[0]);
        }
        // Read both pipes without deadlocking on a full stderr buffer.
        stream_set_blocking($pipes[1], false);
        stream_set_blocking($pipes[2], false);
        $stdout = $stderr = '';
        while (!feof($pipes[1]) || !feof($pipes[2])) {
            $read = array_filter([$pipes[1], $pipes[2]], static fn ($p) => !feof($p));
            $w = $e = null;
            if (stream_select($read, $w, $e, 1) === false) {
                break;
            }
            $stdout .= (string) stream_get_contents($pipes[1]);
            $stderr .= (string) stream_get_contents($pipes[2]);
        }
        fclose($pipes[1]);
        fclose($pipes[2]);
        return ['exit' => proc_close($proc), 'stdout' => $stdout, 'stderr' => $stderr];
    }
}
