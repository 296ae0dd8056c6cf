<?php
declare(strict_types=1);

use Sofinco\Tests\Support\Typed;

require_once __DIR__ . '/ClientTestCase.php';

/**
 * One PHP worker serving many requests: memory stays flat.
 *
 * @group slow
 */
#[\PHPUnit\Framework\Attributes\Group('slow')]
final class MemoryTest extends ClientTestCase
{
    private static function rssKib(): int
    {
        preg_match('/VmRSS:\s+(\d+) kB/', (string) file_get_contents('/proc/self/status'), $m);
        return (int) $m[1];
    }

    public function testAMillionStatusMapperCallsKeepMemoryFlat(): void
    {
        $codes = ['ATT', 'ETU', 'CLI', 'AFI', 'FIN', 'REF', 'ANN', 'ABD', 'NFD', 'ERR', 'UKW'];
        for ($i = 0; $i < 20000; $i++) {
            \Sofinco\StatusMapper::stateFor($codes[$i % 11]);
        }
        $rss = self::rssKib();
        $heap = memory_get_usage();
        for ($i = 0; $i < 1000000; $i++) {
            $state = \Sofinco\StatusMapper::stateFor($codes[$i % 11]);
            if ($state !== null && $i % 1000 === 0) {
                \Sofinco\StatusMapper::states();
                \Sofinco\StatusMapper::isSynced($state);
                \Sofinco\StatusMapper::group($state);
            }
        }
        $this->assertLessThan(1024, self::rssKib() - $rss, 'RSS grew by less than 1 MiB');
        $this->assertLessThan(64 * 1024, memory_get_usage() - $heap, 'the PHP heap did not grow');
    }

    public function testAHundredThousandDecisionObjectsKeepMemoryFlat(): void
    {
        // Rows a sync leaves without a call: only the Batch and decision objects are made.
        $sync = new \Sofinco\DossierSync(new \Sofinco\SofincoClient(Typed::config(static::$sandbox->config())));
        $rows = [];
        for ($i = 0; $i < 10; $i++) {
            $rows[] = ['id_order' => $i, 'contract_id' => 'SBX' . $i, 'order_reference' => 'MEM' . $i,
                'state' => null, 'order_total_cents' => 100, 'currency' => 'EUR', 'since' => time()];
        }
        $run = function (int $times) use ($sync, $rows): void {
            for ($i = 0; $i < $times; $i++) {
                $batch = $sync->statuses(null, ...Typed::tracked($rows));
                foreach ($batch->decisions as $d) {
                    $d->action;
                    $d->reason;
                }
                $batch->summary();
            }
        };
        $run(1000);
        $rss = self::rssKib();
        $heap = memory_get_usage();
        $run(10000);
        $this->assertSame(\Sofinco\StatusAction::Leave, $sync->statuses(null, ...Typed::tracked($rows))->decisions[9]->action);
        $this->assertLessThan(2 * 1024, self::rssKib() - $rss, 'RSS grew by less than 2 MiB');
        $this->assertLessThan(64 * 1024, memory_get_usage() - $heap, 'the PHP heap did not grow');
    }

    public function testTenThousandSimulationsKeepMemoryFlat(): void
    {
        $client = new \Sofinco\SofincoClient(Typed::config(static::$sandbox->config(['timeout_ms' => 5000])));
        for ($i = 0; $i < 1000; $i++) {
            $client->simulate(100000 + $i);
        }
        $rss = self::rssKib();
        for ($i = 1000; $i < 10000; $i++) {
            $offers = $client->simulate(100000 + $i)->offers;
        }
        $this->assertNotEmpty($offers);
        $this->assertLessThan(4 * 1024, self::rssKib() - $rss, 'RSS grew by less than 4 MiB over 9 000 calls');
    }
}
