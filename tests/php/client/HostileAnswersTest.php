<?php
declare(strict_types=1);

use Sofinco\Tests\Support\Typed;

use PHPUnit\Framework\TestCase;
use Sofinco\ApiException;
use Sofinco\SofincoClient;
use Sofinco\SofincoException;
use Sofinco\Tests\Support\PhpProcess;

/** Answers no real Sofinco sends: clear exceptions, bounded memory, a living process. */
final class HostileAnswersTest extends TestCase
{
    /** @var resource */
    private static $server;
    private static string $url;
    private static int $port;

    private static function start(string $mode): void
    {
        $socket = stream_socket_server('tcp://127.0.0.1:0');
        self::$port = (int) substr(strrchr(stream_socket_get_name($socket, false), ':'), 1);
        fclose($socket);
        self::$url = 'http://127.0.0.1:' . self::$port;
        self::$server = proc_open([PHP_BINARY, '-n', '-S', '127.0.0.1:' . self::$port, dirname(__DIR__, 3) . '/tools/php/hostile-server.php'],
            [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, null, ['HOSTILE_MODE' => $mode] + getenv());
        for ($i = 0; $i < 50 && !@fsockopen('127.0.0.1', self::$port); $i++) {
            usleep(50000);
        }
    }

    protected function tearDown(): void
    {
        if (is_resource(self::$server)) {
            proc_terminate(self::$server);
            proc_close(self::$server);
        }
    }

    private function client(): SofincoClient
    {
        return new SofincoClient(Typed::config(['merchant_id' => '12345678901', 'nature_bien' => 'ABC', 'q6' => 'Q', 'x1' => 'X',
            'client_id' => 'id', 'client_secret' => 'secret-' . self::$port, 'base_url' => self::$url, 'max_retries' => 0, 'timeout_ms' => 20000]));
    }

    /** @dataProvider hugeModes */
    #[\PHPUnit\Framework\Attributes\DataProvider('hugeModes')]
    public function testFiftyMegabyteAnswersAreRefusedWithBoundedMemory(string $mode): void
    {
        self::start($mode);
        $result = PhpProcess::run('<?php
            $c = new Sofinco\SofincoClient(\Sofinco\Tests\Support\Typed::config(' . var_export(['merchant_id' => '12345678901', 'nature_bien' => 'ABC', 'q6' => 'Q', 'x1' => 'X',
                'client_id' => 'id', 'client_secret' => 's', 'base_url' => self::$url, 'max_retries' => 0, 'timeout_ms' => 20000], true) . '));
            try { $c->simulate(100000); echo "no exception\n"; }
            catch (Sofinco\ApiException $e) { echo get_class($e), " ", $e->getApiCode(), "\n"; }
            catch (Sofinco\SofincoException $e) { echo get_class($e), " ", $e->getMessage(), "\n"; }
            preg_match("/VmHWM:\s+(\d+)/", file_get_contents("/proc/self/status"), $m);
            echo "peak_kib=", $m[1], "\n";');
        $this->assertSame(0, $result['exit'], $result['stderr']);
        $this->assertStringContainsString('Sofinco\ApiException RESPONSE_TOO_LARGE', $result['stdout']);
        preg_match('/peak_kib=(\d+)/', $result['stdout'], $m);
        $this->assertLessThan(48 * 1024, (int) $m[1], 'peak RSS stays far below the 50 MB answer');
    }

    public static function hugeModes(): array
    {
        return [['huge'], ['huge-chunked']];
    }

    public function testDeeplyNestedJsonIsAnApiException(): void
    {
        self::start('nested');
        try {
            $this->client()->simulate(100000);
            $this->fail('no exception');
        } catch (ApiException $e) {
            $this->assertSame('INVALID_RESPONSE', $e->getApiCode());
            $this->assertStringContainsString('cannot be read', $e->getMessage());
        }
    }

    public function testWrongTypesAreAnApiException(): void
    {
        self::start('types');
        $this->expectException(ApiException::class);
        $this->expectExceptionMessage('cannot be read');
        $this->client()->simulate(100000);
    }

    public function testHostileArgumentsAreClearErrors(): void
    {
        self::start('types');
        $client = $this->client();
        foreach ([
            fn () => $client->simulate(PHP_INT_MAX),
            fn () => $client->simulate(-1),
            fn () => $client->simulate(100000, [0, 500]),
            fn () => $client->findDossier("\xff\xfe"),
            fn () => $client->findDossier(str_repeat('A', 10000)),
            fn () => $client->getDossier("C1\0", 'REF1'),
            fn () => $client->parseNotification(str_repeat('a', 70000)),
        ] as $i => $call) {
            try {
                $call();
                $this->fail("case $i: no exception");
            } catch (SofincoException $e) {
                $this->assertNotSame('', $e->getMessage(), "case $i");
            } catch (\TypeError $e) {
                // Not a PHP string at all (or not UTF-8 for a typed string argument).
                $this->assertStringContainsString('argument', $e->getMessage(), "case $i");
            }
        }
    }
}
