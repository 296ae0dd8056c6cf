<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopEnv;
use Sofinco\Tests\Shop\Support\ShopHttp;
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

    /** `php modules/sofincosignature/cron.php TASK`, as crontab lines of earlier versions run it. */
    private static function oldCronFile(string $task): array
    {
        $cmd = array_merge([PHP_BINARY], ShopEnv::phpArgs(), [ShopEnv::get('SHOP_DIR') . '/modules/sofincosignature/cron.php', $task]);
        $proc = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, ShopEnv::get('SHOP_DIR'));
        $out = (string) stream_get_contents($pipes[1]);
        $err = (string) stream_get_contents($pipes[2]);
        $lines = preg_split('/\R/', trim($out)) ?: [''];
        return ['exit' => proc_close($proc), 'result' => json_decode((string) end($lines), true), 'stdout' => $out . $err];
    }

    /** The statuses task by its URL: [HTTP status, JSON body]. */
    private static function cronUrl(string $task): array
    {
        $token = S::cli()->json('echo json_encode(Configuration::getGlobalValue("SOFINCO_CRON_TOKEN"));');
        $r = (new ShopHttp())->get(ShopEnv::get('SHOP_URL') . 'index.php?fc=module&module=sofincosignature&controller=cron&task=' . $task . '&token=' . $token);
        return [$r->status, json_decode($r->body, true), $r->body];
    }

    public function testAStatusesRunWhereSofincoFailsForEveryDossierSaysSoInItsExitCodeAndHttpStatus(): void
    {
        // Crontab mail and exit-code monitoring see only the exit code, a web cron service only
        // the HTTP status: a run where every lookup failed must not look like a success.
        $ids = S::followedOrders(2, 'ETU', 'XF' . strtoupper(bin2hex(random_bytes(3))));
        try {
            S::sandbox()->faults(['fail_rate' => 1.0]);
            $run = S::cron('statuses');
            $old = self::oldCronFile('statuses');
            [$status, $body, $raw] = self::cronUrl('statuses');
        } finally {
            S::sandbox()->faults([]);
            S::forgetOrders($ids);
        }
        $this->assertSame(3, $run['exit'], $run['stdout'] . $run['stderr']);
        $this->assertTrue($run['result']['ok'], 'the run itself went through: the JSON line as before');
        $this->assertGreaterThanOrEqual(2, $run['result']['summary']['errors'], $run['stdout']);
        $this->assertSame('dossiers_failed', $run['result']['outcome'] ?? null, $run['stdout']);
        $this->assertSame(3, $old['exit'], 'cron.php of earlier crontab lines: ' . $old['stdout']);
        $this->assertSame('dossiers_failed', $old['result']['outcome'] ?? null, $old['stdout']);
        $this->assertSame(502, $status, $raw);
        $this->assertTrue($body['ok'], $raw);
        $this->assertSame('dossiers_failed', $body['outcome'] ?? null, $raw);
        $this->assertGreaterThanOrEqual(2, $body['summary']['errors'], $raw);
    }

    public function testACleanStatusesRunExitsZero(): void
    {
        $ids = S::followedOrders(2, 'AFI', 'XC' . strtoupper(bin2hex(random_bytes(3))));
        try {
            $run = S::cron('statuses');
            [$status, $body, $raw] = self::cronUrl('statuses');
        } finally {
            S::forgetOrders($ids);
        }
        $this->assertSame(0, $run['exit'], $run['stdout'] . $run['stderr']);
        $this->assertSame(0, $run['result']['summary']['errors'], $run['stdout']);
        $this->assertGreaterThanOrEqual(2, $run['result']['summary']['changed'], 'both orders moved to AFI: ' . $run['stdout']);
        $this->assertSame('done', $run['result']['outcome'] ?? null, $run['stdout']);
        $this->assertSame(200, $status, $raw);
        $this->assertSame('done', $body['outcome'] ?? null, $raw);
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
