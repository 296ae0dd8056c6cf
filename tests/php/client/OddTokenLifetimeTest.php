<?php
declare(strict_types=1);

require_once __DIR__ . '/ClientTestCase.php';

/** The gateway announces expires_in = 0: the client clamps it and still reuses its token. */
final class OddTokenLifetimeTest extends ClientTestCase
{
    protected static function sandboxArgs(): array
    {
        return ['--token-expires-in', '0'];
    }

    public function testZeroLifetimeIsClampedNotALoop(): void
    {
        $config = ['timeout_ms' => 3003];
        for ($i = 0; $i < 5; $i++) {
            $this->client($config)->simulate(100000 + $i);
        }
        $tokens = array_filter(static::$sandbox->requests(), fn ($r) => $r['path'] === '/token');
        $this->assertCount(1, $tokens);
    }
}
