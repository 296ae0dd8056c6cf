<?php
declare(strict_types=1);

use Sofinco\AuthException;

require_once __DIR__ . '/ClientTestCase.php';

/** Token caching, expiry and refresh. */
final class TokenTest extends ClientTestCase
{
    private static function tokenCalls(): int
    {
        return count(array_filter(static::$sandbox->requests(), fn ($r) => $r['path'] === '/token'));
    }

    public function testOneTokenServesEveryClientOfTheWorker(): void
    {
        $config = ['client_id' => 'sandbox-client', 'timeout_ms' => 3001];
        $this->client($config)->simulate(100000);
        $this->client($config)->simulate(110000);
        $this->client($config)->findDossier('NOSUCH1');
        $this->assertSame(1, self::tokenCalls());
    }

    public function testAnExpiredTokenIsRefreshedOnceAndTheCallSucceeds(): void
    {
        $config = ['timeout_ms' => 3002];
        $this->client($config)->simulate(100000);
        // The sandbox's clock moves past the token's life: its next use gets a 401.
        static::$sandbox->advanceClock(5000);
        $sim = $this->client($config)->simulate(100000);
        $this->assertNotEmpty($sim->offers);
        // The client's own clock says the token is still good: only Sofinco's 401 can
        // have made it fetch the second one.
        $this->assertSame(2, self::tokenCalls());
    }

    public function testWrongCredentialsAreAnAuthException(): void
    {
        try {
            $this->client(['client_secret' => 'not-the-secret'])->simulate(100000);
            $this->fail('no exception');
        } catch (AuthException $e) {
            $this->assertStringContainsString('ClientId/SecretId', $e->getMessage());
            $this->assertStringNotContainsString('not-the-secret', $e->getMessage());
        }
    }
}
