<?php
declare(strict_types=1);

use Sofinco\Tests\Support\Typed;

use PHPUnit\Framework\TestCase;
use Sofinco\SofincoClient;

/** TLS is verified: a self-signed gateway is refused, and accepted once its CA is configured. */
final class TlsTest extends TestCase
{
    private static string $dir;
    /** @var resource */
    private static $server;
    private static int $port;

    public static function setUpBeforeClass(): void
    {
        self::$dir = sys_get_temp_dir() . '/sofinco-tls-' . bin2hex(random_bytes(4));
        mkdir(self::$dir);
        // A private CA and a server certificate it signs, as a gateway behind a company CA.
        file_put_contents(self::$dir . '/leaf.ext', "basicConstraints=CA:FALSE\nsubjectAltName=IP:127.0.0.1,DNS:localhost\n");
        exec(sprintf('openssl req -x509 -newkey rsa:2048 -nodes -keyout %1$s/ca.key -out %1$s/ca.pem -days 1 -subj /CN=Test-CA 2>&1'
            . ' && openssl req -newkey rsa:2048 -nodes -keyout %1$s/key.pem -out %1$s/leaf.csr -subj /CN=127.0.0.1 2>&1'
            . ' && openssl x509 -req -in %1$s/leaf.csr -CA %1$s/ca.pem -CAkey %1$s/ca.key -CAcreateserial -out %1$s/cert.pem -days 1 -extfile %1$s/leaf.ext 2>&1', self::$dir), $out, $code);
        if ($code !== 0) {
            throw new \RuntimeException('openssl failed: ' . implode("\n", $out));
        }
        self::$server = proc_open(['python3', dirname(__DIR__, 3) . '/tools/php/tls-server.py', self::$dir . '/cert.pem', self::$dir . '/key.pem'],
            [1 => ['pipe', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes);
        self::$port = (int) fgets($pipes[1]);
    }

    public static function tearDownAfterClass(): void
    {
        proc_terminate(self::$server);
        proc_close(self::$server);
        array_map('unlink', glob(self::$dir . '/*') ?: []);
        array_map('unlink', glob(self::$dir . '/.*.srl') ?: []);
        rmdir(self::$dir);
    }

    private static function client(array $extra = []): SofincoClient
    {
        return new SofincoClient(Typed::config($extra + ['merchant_id' => '12345678901', 'nature_bien' => 'ABC', 'q6' => 'Q', 'x1' => 'X',
            'client_id' => 'id', 'client_secret' => 'secret', 'base_url' => 'https://127.0.0.1:' . self::$port, 'max_retries' => 0]));
    }

    public function testASelfSignedGatewayIsRefused(): void
    {
        $this->assertGreaterThan(0, self::$port);
        $report = self::client()->testConnection();
        $this->assertFalse($report['ok']);
        $this->assertMatchesRegularExpression('/certificate|UnknownIssuer/i', $report['message']);
    }

    public function testTheSameGatewayIsTrustedWithItsCa(): void
    {
        $report = self::client(['ca_file' => self::$dir . '/ca.pem'])->testConnection();
        // TLS and the token went through; the fake gateway has no simulation route.
        $this->assertStringNotContainsString('certificate', $report['message']);
        $this->assertStringContainsString('simulation', $report['message']);
        $this->assertStringContainsString('404', $report['message']);
    }

    public function testAMissingCaFileIsAConfigurationError(): void
    {
        $this->expectException(\Sofinco\ConfigException::class);
        self::client(['ca_file' => self::$dir . '/nope.pem'])->simulate(100000);
    }
}
