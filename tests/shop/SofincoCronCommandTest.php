<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopEnv;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

/** `php bin/console sofinco:cron <task>`: the crons inside PrestaShop's own kernel. */
final class SofincoCronCommandTest extends TestCase
{
    protected function setUp(): void
    {
        S::configure();
        S::sandbox()->faults([]);
    }

    public function testEachTaskRunsAndPrintsItsJsonLine(): void
    {
        foreach (['orders', 'statuses', 'funding'] as $task) {
            $run = S::cron($task);
            $this->assertSame(0, $run['exit'], $task . ': ' . $run['stdout'] . $run['stderr']);
            $this->assertSame($task, $run['result']['task'] ?? null, $run['stdout']);
            $this->assertTrue($run['result']['ok']);
            $this->assertArrayHasKey('checked', $run['result']['summary']);
            $last = S::cli()->json('echo Configuration::getGlobalValue("SOFINCO_CRON_LAST_' . strtoupper($task) . '"), "\n";');
            $this->assertSame($run['result']['at'], $last['at'], 'the run is recorded for the configuration page');
        }
    }

    public function testTheOrdersTaskCreatesTheOrderOfACustomerWhoNeverCameBack(): void
    {
        // validateOrder needs the kernel's container: the command hands it to legacy code.
        [$http, , $idCart] = S::shopper(5);
        $reference = S::checkout($http, $idCart)['attempt']['order_reference'];
        S::sandbox()->setStatus($reference, 'AFI', ['signatureDate' => date('Y-m-d')]);
        $run = S::cron('orders');
        $this->assertSame(0, $run['exit'], $run['stdout'] . $run['stderr']);
        $this->assertGreaterThanOrEqual(1, $run['result']['summary']['changed']);
        $orders = S::ordersOfCart($idCart);
        $this->assertCount(1, $orders);
        $this->assertSame('SOFINCO_OS_AWAITING_FUNDING', S::stateKeyOfOrder((int) $orders[0]['id_order']));
    }

    public function testHumanOutputIsOneSentence(): void
    {
        $run = S::cron('statuses', ['--env=prod', '--human']);
        $this->assertSame(0, $run['exit'], $run['stderr']);
        // One line: the task, then its counts in the shop's words (French on the test shop).
        $this->assertMatchesRegularExpression('/^statuses: [^\n]*\d[^\n]*$/u', trim($run['stdout']));
    }

    public function testAnUnknownTaskExitsTwo(): void
    {
        $run = S::cron('everything');
        $this->assertSame(2, $run['exit']);
        $this->assertStringContainsString('use orders, statuses or funding', $run['stdout'] . $run['stderr']);
    }

    public function testARunThatFailsExitsOne(): void
    {
        // Without the extension the run cannot happen: it says why, and fails.
        $cmd = [PHP_BINARY, ShopEnv::get('SHOP_DIR') . '/bin/console', 'sofinco:cron', 'statuses', '--env=prod'];
        $proc = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, ShopEnv::get('SHOP_DIR'));
        $out = (string) stream_get_contents($pipes[1]);
        $err = (string) stream_get_contents($pipes[2]);
        $exit = proc_close($proc);
        $this->assertSame(1, $exit, $out . $err);
        $result = json_decode(trim($out), true);
        $this->assertFalse($result['ok']);
        $this->assertStringContainsString('sofinco', strtolower($result['error']));
    }

    public function testTheOldCronFileRunsTheSameCommand(): void
    {
        // Crontab lines written for earlier versions keep working.
        $cmd = array_merge([PHP_BINARY], ShopEnv::phpArgs(), [ShopEnv::get('SHOP_DIR') . '/modules/sofincosignature/cron.php', 'bogus']);
        $proc = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, ShopEnv::get('SHOP_DIR'));
        $out = (string) stream_get_contents($pipes[1]) . (string) stream_get_contents($pipes[2]);
        $this->assertSame(2, proc_close($proc), $out);
        $this->assertStringContainsString('unknown task "bogus"', $out);
    }
}
