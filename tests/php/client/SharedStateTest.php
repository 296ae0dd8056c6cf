<?php
declare(strict_types=1);

use Sofinco\Tests\Support\Typed;

require_once __DIR__ . '/ClientTestCase.php';

use Sofinco\Tests\Support\PhpProcess;

/**
 * What the PHP workers of one shop share through files (issue 23): cached offers read without
 * any network call, a failed simulation remembered for a short window (a Sofinco that is down
 * costs one call per window, not one per page), and one token for every worker.
 */
final class SharedStateTest extends ClientTestCase
{
    private static function dir(): string
    {
        return sys_get_temp_dir() . '/sofinco-shared-' . bin2hex(random_bytes(4));
    }

    private static function calls(array $requests, string $path): int
    {
        return count(array_filter($requests, fn ($r) => str_starts_with($r['path'], $path)));
    }

    public function testCachedSimulationNeverCallsSofinco(): void
    {
        $dir = self::dir();
        $client = $this->client(['cache_dir' => $dir]);
        $this->assertNull($client->cachedSimulation(150000), 'cold: nothing, and no call');
        $this->assertSame([], static::$sandbox->requests());
        $client->simulate(150000);
        $before = count(static::$sandbox->requests());
        $cached = $this->client(['cache_dir' => $dir])->cachedSimulation(150000);
        $this->assertNotNull($cached);
        $this->assertTrue($cached->cached);
        $this->assertSame($before, count(static::$sandbox->requests()));
        $this->assertSame(48, $cached->representative->durationMonths, 'the headline offer is the lowest monthly payment');
    }

    public function testAFailureIsRememberedForEveryAmountThenForgotten(): void
    {
        $dir = self::dir();
        static::$sandbox->faults(['fail_rate' => 1.0]);
        $client = $this->client(['cache_dir' => $dir, 'max_retries' => 0]);
        try {
            $client->simulate(150000);
            $this->fail('Sofinco is down');
        } catch (\Sofinco\SofincoException $e) {
        }
        $calls = count(static::$sandbox->requests());
        $this->assertGreaterThan(0, $calls);
        foreach ([150000, 90000, 250000] as $amount) {
            try {
                $this->client(['cache_dir' => $dir, 'max_retries' => 0])->simulate($amount);
                $this->fail('still in the failure window');
            } catch (\Sofinco\TransportException $e) {
                $this->assertStringContainsString('moments ago', $e->getMessage());
            }
        }
        $this->assertSame($calls, count(static::$sandbox->requests()), 'no call inside the window, whatever the amount');
        static::$sandbox->faults([]);
        $this->assertNotEmpty($this->client(['cache_dir' => $dir, 'failure_ttl_s' => 0])->simulate(150000)->offers, 'after the window Sofinco is asked again');
        $this->assertNotEmpty($this->client(['cache_dir' => $dir])->simulate(90000)->offers, 'a success ends the window');
    }

    public function testOneTokenForEveryWorkerOfTheShop(): void
    {
        $dir = self::dir();
        $file = $dir . '/token.json';
        $config = var_export(static::$sandbox->config(['token_file' => $file]), true);
        // Three PHP processes, as three PHP-FPM workers would be: one token call in all.
        for ($i = 0; $i < 3; $i++) {
            $run = PhpProcess::run('<?php $c = new Sofinco\SofincoClient(\Sofinco\Tests\Support\Typed::config(' . $config . ')); echo count($c->simulate(' . (150000 + $i) . ')->offers);');
            $this->assertSame(0, $run['exit'], $run['stderr']);
        }
        $requests = static::$sandbox->requests();
        $this->assertSame(1, self::calls($requests, '/token'), 'the workers share one token');
        $this->assertSame(3, self::calls($requests, '/loanSimulation'));
        $this->assertSame(0600, fileperms($file) & 0777, 'only the shop\'s PHP user reads it');
        $this->assertStringNotContainsString(\Sofinco\Tests\Support\Sandbox::CLIENT_SECRET, (string) file_get_contents($file));
        // Nor the bearer token itself: the file holds it sealed with a key only the secret gives
        // (a server that serves PrestaShop's var/ folder hands out nothing usable).
        $simulations = array_values(array_filter($requests, fn ($r) => str_contains($r['path'], '/loanSimulation')));
        $bearer = substr((string) (array_change_key_case($simulations[0]['headers'])['authorization'] ?? ''), strlen('Bearer '));
        $this->assertGreaterThan(10, strlen($bearer));
        $this->assertStringNotContainsString($bearer, (string) file_get_contents($file), 'no bearer token at rest');
        // Sofinco forgets the token (a restart): the first worker gets a new one, the next reuses it.
        static::$sandbox->reset();
        for ($i = 0; $i < 2; $i++) {
            $run = PhpProcess::run('<?php $c = new Sofinco\SofincoClient(\Sofinco\Tests\Support\Typed::config(' . $config . ')); echo count($c->simulate(' . (160000 + $i) . ')->offers);');
            $this->assertSame(0, $run['exit'], $run['stderr']);
        }
        $this->assertSame(1, self::calls(static::$sandbox->requests(), '/token'));
    }
}
