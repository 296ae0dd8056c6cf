<?php
declare(strict_types=1);

use Sofinco\Tests\Support\Typed;

use Sofinco\ApiException;
use Sofinco\SofincoClient;
use Sofinco\Tests\Support\Sandbox;

/**
 * Issue 21 against the extension alone: a gateway that echoes the request in its errors and
 * writes JSON with spaces (the sandbox's echo fault). No planted value in a log line or an
 * exception message.
 */
final class RedactionTest extends ClientTestCase
{
    private string $logs;

    protected function setUp(): void
    {
        parent::setUp();
        $this->logs = sys_get_temp_dir() . '/sofinco-redaction-' . bin2hex(random_bytes(4));
    }

    protected function tearDown(): void
    {
        array_map('unlink', glob($this->logs . '/*') ?: []);
        @rmdir($this->logs);
    }

    private function echoingClient(): SofincoClient
    {
        return new SofincoClient(Typed::config(static::$sandbox->config(['log_dir' => $this->logs, 'debug' => true, 'max_retries' => 0])));
    }

    /** @return string[] the bearer tokens the sandbox saw */
    private static function tokens(): array
    {
        $tokens = [];
        foreach (static::$sandbox->requests() as $r) {
            foreach ($r['headers'] as $name => $value) {
                if (strtolower($name) === 'authorization' && preg_match('~^Bearer (\S+)~', $value, $m)) {
                    $tokens[] = $m[1];
                }
            }
        }
        return array_values(array_unique($tokens));
    }

    private function assertNothingPlanted(string $text, array $extra = []): void
    {
        $planted = array_merge($extra, [Sandbox::CLIENT_SECRET, base64_encode(Sandbox::CLIENT_ID . ':' . Sandbox::CLIENT_SECRET),
            'zoe.lefevre@example.fr', '0612345678', '12 34 56 78', 'Lefèvre', 'LEFEVRE', "12 rue de l'Église", 'RUE DE L']);
        foreach ($planted as $value) {
            $this->assertStringNotContainsStringIgnoringCase($value, $text, 'planted value');
        }
    }

    public function testSpacedJsonAnswersAreLoggedRedacted(): void
    {
        static::$sandbox->faults(['echo' => true]);
        $client = $this->echoingClient();
        $reference = self::reference();
        $journey = $client->createJourney(Typed::order(self::order($reference)));
        $this->assertNotEmpty($journey['journey_url']);
        $client->simulate(129000);
        $tokens = self::tokens();
        $this->assertNotEmpty($tokens);
        $log = implode("\n", array_map('file_get_contents', glob($this->logs . '/*.log') ?: []));
        $this->assertStringContainsString('"access_token":"***"', $log, 'the token answer was logged, redacted');
        $this->assertNothingPlanted($log, $tokens);
    }

    public function testErrorsThatEchoTheRequestKeepNoneOfIt(): void
    {
        $client = $this->echoingClient();
        $client->simulate(129000); // a token first, so later calls carry a Bearer
        static::$sandbox->faults(['echo' => true, 'fail_rate' => 1.0]);
        $messages = [];
        foreach ([fn () => $client->createJourney(Typed::order(self::order(self::reference()))), fn () => $client->findDossier(self::reference()),
            fn () => $client->testConnection()] as $call) {
            try {
                $result = $call();
                $messages[] = json_encode($result, JSON_UNESCAPED_UNICODE);
            } catch (ApiException $e) {
                $messages[] = $e->getMessage();
            }
        }
        $text = implode("\n", $messages);
        $this->assertStringContainsString('Bad request: Authorization', $text, 'the echo was met');
        $log = implode("\n", array_map('file_get_contents', glob($this->logs . '/*.log') ?: []));
        $this->assertNothingPlanted($text . "\n" . $log, self::tokens());
    }
}
