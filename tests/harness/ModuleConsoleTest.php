<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopCli;

/** Module actions through PrestaShop's console (scripts/shop/shop-module.sh). */
final class ModuleConsoleTest extends TestCase
{
    /** @return array{0: bool, 1: bool} installed, enabled */
    private function state(string $name): array
    {
        return (new ShopCli())->json(sprintf(
            '$id = (int) Module::getModuleIdByName(%1$s); echo json_encode([(bool) Module::isInstalled(%1$s), $id > 0 && (bool) Module::isEnabled(%1$s)]), "\n";',
            var_export($name, true),
        ));
    }

    public function testDisableThenEnableAPaymentModule(): void
    {
        $cli = new ShopCli();
        $this->assertSame([true, true], $this->state('ps_wirepayment'));
        try {
            $r = $cli->module('disable', 'ps_wirepayment');
            $this->assertSame(0, $r['exit'], $r['stderr'] . $r['stdout']);
            $this->assertSame([true, false], $this->state('ps_wirepayment'));
        } finally {
            $r = $cli->module('enable', 'ps_wirepayment');
        }
        $this->assertSame(0, $r['exit'], $r['stderr'] . $r['stdout']);
        $this->assertSame([true, true], $this->state('ps_wirepayment'));
    }

    public function testUninstallThenInstallABundledModule(): void
    {
        $cli = new ShopCli();
        $this->assertTrue($this->state('ps_checkpayment')[0]);
        try {
            $r = $cli->module('uninstall', 'ps_checkpayment');
            $this->assertSame(0, $r['exit'], $r['stderr'] . $r['stdout']);
            $this->assertFalse($this->state('ps_checkpayment')[0]);
        } finally {
            $r = $cli->module('install', 'ps_checkpayment');
        }
        $this->assertSame(0, $r['exit'], $r['stderr'] . $r['stdout']);
        $this->assertSame([true, true], $this->state('ps_checkpayment'));
    }

    public function testAFailedActionFailsEvenWhenTheConsoleExitsZero(): void
    {
        // modules/followup ships without its code: 8.x's console says it cannot install it and
        // exits 0 (shop-module.sh: "did not succeed"); 1.7.8's exits 1 ("failed").
        $r = (new ShopCli())->module('install', 'followup');
        $this->assertNotSame(0, $r['exit']);
        $this->assertMatchesRegularExpression('/prestashop:module install followup (did not succeed|failed)/', $r['stderr']);
    }
}
