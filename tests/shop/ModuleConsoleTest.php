<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopCli;

/** Module actions through PrestaShop's console (scripts/shop/shop-module.sh). */
final class ModuleConsoleTest extends TestCase
{
    private function state(string $name): array
    {
        return (new ShopCli())->json(sprintf(
            '$id = (int) Module::getModuleIdByName(%1$s); echo json_encode(["installed" => (bool) Module::isInstalled(%1$s), "enabled" => $id > 0 && (bool) Module::isEnabled(%1$s)]), "\n";',
            var_export($name, true),
        ));
    }

    public function testDisableThenEnableAPaymentModule(): void
    {
        $cli = new ShopCli();
        $this->assertSame(['installed' => true, 'enabled' => true], $this->state('ps_wirepayment'));
        try {
            $r = $cli->module('disable', 'ps_wirepayment');
            $this->assertSame(0, $r['exit'], $r['stderr'] . $r['stdout']);
            $this->assertSame(['installed' => true, 'enabled' => false], $this->state('ps_wirepayment'));
        } finally {
            $r = $cli->module('enable', 'ps_wirepayment');
        }
        $this->assertSame(0, $r['exit'], $r['stderr'] . $r['stdout']);
        $this->assertSame(['installed' => true, 'enabled' => true], $this->state('ps_wirepayment'));
    }

    public function testUninstallThenInstallABundledModule(): void
    {
        $cli = new ShopCli();
        $this->assertTrue($this->state('ps_checkpayment')['installed']);
        try {
            $r = $cli->module('uninstall', 'ps_checkpayment');
            $this->assertSame(0, $r['exit'], $r['stderr'] . $r['stdout']);
            $this->assertFalse($this->state('ps_checkpayment')['installed']);
        } finally {
            $r = $cli->module('install', 'ps_checkpayment');
        }
        $this->assertSame(0, $r['exit'], $r['stderr'] . $r['stdout']);
        $this->assertSame(['installed' => true, 'enabled' => true], $this->state('ps_checkpayment'));
    }

    public function testAFailedActionFailsEvenWhenTheConsoleExitsZero(): void
    {
        // modules/followup ships without its code: the console says it cannot install it, exit 0.
        $r = (new ShopCli())->module('install', 'followup');
        $this->assertNotSame(0, $r['exit']);
        $this->assertStringContainsString('did not succeed', $r['stderr']);
    }
}
