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
        static::$sandbox->advanceClock(200);
        $this->assertNotEmpty($this->client($config)->simulate(100000)->offers);
    }
}
