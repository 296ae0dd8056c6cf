<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopEnv;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

/** Uninstall and reinstall keep the order history; a PHP without the extension says so. */
final class SofincoLifecycleTest extends TestCase
{
    protected function setUp(): void
    {
        S::configure();
    }

    public function testUninstallAndReinstallKeepTheOrderHistory(): void
    {
        [$http, , $idCart] = S::shopper(5);
        $attempt = S::checkout($http, $idCart)['attempt'];
        S::sandbox()->setStatus($attempt['order_reference'], 'ETU');
        S::cron('orders');
        $order = S::ordersOfCart($idCart)[0];
        $state = (int) $order['current_state'];
        $historyBefore = S::rows('SELECT id_order_state FROM PREFIX_order_history WHERE id_order = ' . $order['id_order']);

        $out = S::cli()->module('uninstall', 'sofincosignature');
        $this->assertSame(0, $out['exit'], $out['stdout'] . $out['stderr']);
        $kept = S::row('SELECT os.hidden, os.deleted, osl.name FROM PREFIX_order_state os JOIN PREFIX_order_state_lang osl ON osl.id_order_state = os.id_order_state
            WHERE os.id_order_state = ' . $state . ' LIMIT 1');
        $this->assertSame(1, (int) $kept['hidden'], 'a state used by orders is hidden, not deleted');
        $this->assertSame(0, (int) $kept['deleted']);
        $this->assertSame('Dossier en étude Sofinco', $kept['name'], 'the order still shows its label');
        $this->assertSame($historyBefore, S::rows('SELECT id_order_state FROM PREFIX_order_history WHERE id_order = ' . $order['id_order']));
        $this->assertNotNull(S::row('SELECT id_order FROM PREFIX_sofinco_order WHERE id_order = ' . $order['id_order']), 'the dossier is kept');
        $this->assertNull(S::row("SELECT id_tab FROM PREFIX_tab WHERE class_name = 'AdminSofincoDossiers'"));

        $out = S::cli()->module('install', 'sofincosignature');
        $this->assertSame(0, $out['exit'], $out['stdout'] . $out['stderr']);
        S::configure();
        $this->assertSame($state, S::stateId('SOFINCO_OS_IN_STUDY'), 'the same state comes back');
        $this->assertSame(0, (int) S::row('SELECT hidden FROM PREFIX_order_state WHERE id_order_state = ' . $state)['hidden']);
        $this->assertCount(9, S::rows("SELECT id_order_state FROM PREFIX_order_state WHERE module_name = 'sofincosignature' AND deleted = 0"), 'no duplicated states');
        S::sandbox()->setStatus($attempt['order_reference'], 'CLI');
        S::cron('statuses');
        $this->assertSame('SOFINCO_OS_AWAITING_CUSTOMER', S::stateKeyOfOrder((int) $order['id_order']), 'the old order is followed again');
    }

    /**
     * PrestaShop keeps a container built during the request that installs or enables a module
     * (its cache clear skips a "fresh" one; enable clears nothing): the crontab's console
     * command must be there all the same, from the very next process.
     */
    public function testTheCronCommandIsThereRightAfterInstallingOnAnEmptyCache(): void
    {
        $this->moduleAction('uninstall');
        self::emptySymfonyCache();
        $this->moduleAction('install');
        S::configure();
        $this->assertTheCronCommandRuns();
    }

    public function testTheCronCommandIsThereRightAfterEnablingOnAnEmptyCache(): void
    {
        $this->moduleAction('disable');
        self::emptySymfonyCache();
        $this->moduleAction('enable');
        $this->assertTheCronCommandRuns();
    }

    /**
     * The module re-enabled, then upgraded from the console (a deploy): the container is
     * rebuilt in the upgrade's process, where PrestaShop hands the upgrade scripts an instance
     * without its id; a failed registerHook() would turn the module off.
     */
    public function testAConsoleUpgradeAfterReEnablingKeepsTheModuleOn(): void
    {
        $this->moduleAction('disable');
        $this->moduleAction('enable');
        S::cli()->json('Db::getInstance()->update("module", ["version" => "2.2.0"], "name = \'sofincosignature\'"); echo json_encode(true);');
        $this->moduleAction('upgrade');
        $row = S::row("SELECT id_module, version, active FROM PREFIX_module WHERE name = 'sofincosignature'");
        $this->assertSame(S::moduleVersion(), $row['version']);
        $this->assertSame(1, (int) $row['active'], 'still enabled');
        $this->assertNotNull(S::row("SELECT hm.id_module FROM PREFIX_hook_module hm JOIN PREFIX_hook h ON h.id_hook = hm.id_hook
            WHERE h.name = 'actionGenerateDocumentReference' AND hm.id_module = " . (int) $row['id_module']));
        $this->assertTheCronCommandRuns();
    }

    /** A shop on 2.2.x (assets from displayHeader on every page) upgraded to this version. */
    public function testTheUpgradeMovesTheAssetsFromDisplayHeaderToActionFrontControllerSetMedia(): void
    {
        S::cli()->json('$m = Module::getInstanceByName("sofincosignature"); $m->registerHook("displayHeader"); $m->unregisterHook("actionFrontControllerSetMedia");
            Db::getInstance()->update("module", ["version" => "2.2.1"], "name = \'sofincosignature\'"); echo json_encode(true);');
        $this->moduleAction('upgrade');
        $hooks = array_column(S::rows("SELECT h.name FROM PREFIX_hook_module hm JOIN PREFIX_hook h ON h.id_hook = hm.id_hook
            JOIN PREFIX_module m ON m.id_module = hm.id_module WHERE m.name = 'sofincosignature'"), 'name');
        $this->assertContains('actionFrontControllerSetMedia', $hooks);
        $this->assertNotContains('displayHeader', $hooks);
    }

    private function moduleAction(string $verb): void
    {
        $out = S::cli()->module($verb, 'sofincosignature');
        $this->assertSame(0, $out['exit'], $verb . ': ' . $out['stdout'] . $out['stderr']);
    }

    /** What crontab runs: PrestaShop's console, the module's command. */
    private function assertTheCronCommandRuns(): void
    {
        $run = S::cron('statuses');
        $this->assertSame(0, $run['exit'], $run['stdout'] . $run['stderr']);
        $this->assertSame('statuses', $run['result']['task'] ?? null, $run['stdout'] . $run['stderr']);
    }

    /** As "Vider le cache" or a deploy leaves it: no compiled container at all. */
    private static function emptySymfonyCache(): void
    {
        $dir = ShopEnv::get('SHOP_DIR') . '/var/cache/prod';
        exec('rm -rf ' . escapeshellarg($dir), $ignored, $rc);
        self::assertSame(0, $rc);
        self::assertDirectoryDoesNotExist($dir);
    }

    public function testAPhpWithoutTheExtensionSaysWhatIsMissingAndHowToGetIt(): void
    {
        // A PHP process without the extension, bootstrapped as the back office is.
        $script = tempnam(sys_get_temp_dir(), 'sofinco-bare-');
        file_put_contents($script, '<?php
            chdir(' . var_export(ShopEnv::get('SHOP_DIR'), true) . ');
            define("_PS_ADMIN_DIR_", getcwd() . "/" . ' . var_export(ShopEnv::get('ADMIN_DIR'), true) . ');
            require "config/config.inc.php";
            $ctx = Context::getContext();
            $ctx->container = PrestaShop\PrestaShop\Adapter\ContainerBuilder::getContainer("front", false);
            $ctx->employee = new Employee(1);
            $ctx->controller = new AdminModulesController();
            AdminController::$currentIndex = "index.php?controller=AdminModules";
            $module = Module::getInstanceByName("sofincosignature");
            $cart = new Cart((int) Db::getInstance()->getValue("SELECT MAX(id_cart) FROM " . _DB_PREFIX_ . "cart"));
            echo json_encode([
                "loaded" => extension_loaded("sofinco"),
                "warning" => $module->warning,
                "page" => $module->getContent(),
                "options" => count($module->hookPaymentOptions(["cart" => $cart])),
                "simulator" => $module->hookDisplayShoppingCartFooter(["cart" => $cart]),
            ]);');
        $proc = proc_open([PHP_BINARY, '-d', 'display_errors=stderr', $script], [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes);
        $stdout = (string) stream_get_contents($pipes[1]);
        $stderr = (string) stream_get_contents($pipes[2]);
        proc_close($proc);
        unlink($script);
        $lines = preg_split('/\R/', trim($stdout)) ?: [''];
        $seen = json_decode((string) end($lines), true);
        $this->assertIsArray($seen, $stderr . $stdout);
        $this->assertFalse($seen['loaded']);
        // Worded in French for the merchant (the back office's language).
        $expected = sprintf('n\'est pas chargée dans ce PHP (%s, %s)', PHP_VERSION, PHP_ZTS ? 'thread-safe (ZTS)' : 'non-thread-safe (NTS)');
        $this->assertStringContainsString($expected, html_entity_decode($seen['warning'], ENT_QUOTES));
        $this->assertStringContainsString($expected, html_entity_decode($seen['page'], ENT_QUOTES), 'the configuration page says it too');
        $this->assertStringContainsString('extension=sofinco', html_entity_decode($seen['page'], ENT_QUOTES | ENT_HTML5));
        // Exactly what installs it for this PHP: its minor version and mode, its own folders.
        $page = html_entity_decode($seen['page'], ENT_QUOTES);
        $minor = PHP_MAJOR_VERSION . '.' . PHP_MINOR_VERSION;
        $mode = PHP_ZTS ? 'ZTS' : 'NTS';
        $this->assertStringContainsString(rtrim((string) ini_get('extension_dir'), '/'), $page, 'the folder the .so goes to');
        if (PHP_VERSION_ID < 80100) {
            // PHP 7.1-8.0: the release's archive of the phper build for this PHP (no PIE there).
            $this->assertStringContainsString('_php' . $minor . '-', $seen['warning'], 'the archive for this PHP');
            $this->assertStringContainsString('Installez l\'archive de cette version compilée pour PHP ' . $minor . ' ' . $mode, $page);
            $this->assertStringContainsString('cargo build --release -p sofinco-php7', $page);
        } else {
            $this->assertStringContainsString('make build PHP_CONFIG=', $seen['warning'], 'the command that builds it for this PHP');
            $this->assertStringContainsString('Construisez-la pour ce PHP (' . $minor . ' ' . $mode . ')', $page);
            $this->assertSame(1, preg_match('#make build PHP_CONFIG=(\S+),#', $page, $m), $page);
            $phpConfig = $m[1];
            $this->assertFileExists($phpConfig, 'the php-config the page names exists');
            $this->assertSame(PHP_VERSION, trim((string) shell_exec(escapeshellarg($phpConfig) . ' --version')), 'and describes this very PHP');
            $this->assertStringContainsString('pie install sofincosignature/sofinco --with-php-config=' . $phpConfig, $page);
            $this->assertStringContainsString(rtrim((string) ini_get('extension_dir'), '/') . '/sofinco.so', $page);
        }
        $this->assertSame(0, $seen['options'], 'no payment option');
        $this->assertSame('', $seen['simulator'], 'no simulator, no error');

        $cmd = [PHP_BINARY, ShopEnv::get('SHOP_DIR') . '/modules/sofincosignature/cron.php', 'orders'];
        $proc = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, ShopEnv::get('SHOP_DIR'));
        $out = stream_get_contents($pipes[1]);
        $this->assertSame(1, proc_close($proc), 'the cron fails loudly');
        $this->assertStringContainsString('not loaded in this PHP', (string) $out);
    }
}
