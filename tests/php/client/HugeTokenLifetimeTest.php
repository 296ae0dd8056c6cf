<?php
declare(strict_types=1);

require_once __DIR__ . '/ClientTestCase.php';

/** The gateway announces a year; the token really lives 120 s. The client refreshes. */
final class HugeTokenLifetimeTest extends ClientTestCase
{
    protected static function sandboxArgs(): array
    {
        return ['--token-expires-in', '31536000', '--token-ttl', '120'];
    }

    public function testAnOverlongLifetimeIsNotBelieved(): void
    {
        $config = ['timeout_ms' => 3004];
        $this->client($config)->simulate(100000);
        // What the client believes: at most the one-hour clamp (less its early refresh),
        // not the year announced. Without the clamp this is 31 535 880 s.
        $refreshIn = \Sofinco\Internal::tokenRefreshIn($this->client($config));
        $this->assertNotNull($refreshIn);
        $this->assertLessThanOrEqual(3600, $refreshIn);
        $this->assertGreaterThan(3000, $refreshIn, 'the clamp, not a zero lifetime');
        // And when the token dies sooner than even that, the 401 refresh still rescues.
        static::$sandbox->advanceClock(200);
        $this->assertNotEmpty($this->client($config)->simulate(100000)->offers);
    }
}
