<?php
declare(strict_types=1);

use Sofinco\Tests\Support\Typed;

use Sofinco\ApiException;
use Sofinco\TransportException;

require_once __DIR__ . '/ClientTestCase.php';

/** Retries, error shapes and broken answers, injected by the sandbox. */
final class FaultsTest extends ClientTestCase
{
    protected function tearDown(): void
    {
        static::$sandbox->faults([]);
    }

    public function testSafeCallsAreRetriedThroughFiveHundreds(): void
    {
        static::$sandbox->faults(['fail_rate' => 0.5, 'seed' => 11]);
        $client = $this->client(['max_retries' => 6, 'timeout_ms' => 3005]);
        for ($i = 0; $i < 5; $i++) {
            $this->assertNotEmpty($client->simulate(100000 + $i)->offers);
        }
        $simulations = array_filter(static::$sandbox->requests(), fn ($r) => str_contains($r['path'], 'loanSimulation'));
        $this->assertGreaterThan(5, count($simulations), 'failed attempts were retried');
    }

    /** @dataProvider throttles */
    #[\PHPUnit\Framework\Attributes\DataProvider('throttles')]
    public function testAThrottledCallWaitsWhatSofincoAsksThenSucceeds(int $status): void
    {
        static::$sandbox->faults(['throttle_next' => 1, 'throttle_status' => $status, 'retry_after_s' => 1]);
        $client = $this->client(['max_retries' => 2, 'timeout_ms' => 3008]);
        $started = microtime(true);
        $this->assertNotEmpty($client->simulate(100000)->offers);
        // The backoff alone would have waited 200-400 ms.
        $this->assertGreaterThanOrEqual(1.0, microtime(true) - $started, 'waited the Retry-After');
    }

    /** @dataProvider throttles */
    #[\PHPUnit\Framework\Attributes\DataProvider('throttles')]
    public function testARetryAfterLongerThanTheCallIsNotWaitedFor(int $status): void
    {
        static::$sandbox->faults(['throttle_next' => 1, 'throttle_status' => $status, 'retry_after_s' => 30]);
        $client = $this->client(['max_retries' => 2, 'timeout_ms' => 3009]);
        $started = microtime(true);
        try {
            $client->simulate(100000);
            $this->fail('no exception');
        } catch (ApiException $e) {
            $this->assertSame($status, $e->getHttpStatus());
        }
        $this->assertLessThan(1.0, microtime(true) - $started, 'failed at once, no 30 s sleep');
    }

    public static function throttles(): array
    {
        return ['429' => [429], '503' => [503]];
    }

    /** @dataProvider shapes */
    #[\PHPUnit\Framework\Attributes\DataProvider('shapes')]
    public function testEveryErrorShapeBecomesAnApiExceptionWithCode(string $shape): void
    {
        static::$sandbox->faults(['fail_rate' => 1.0, 'error_shape' => $shape]);
        try {
            $this->client(['max_retries' => 0, 'timeout_ms' => 3006])->simulate(100000);
            $this->fail('no exception');
        } catch (ApiException $e) {
            $this->assertGreaterThanOrEqual(500, $e->getHttpStatus());
            $this->assertNotSame('', $e->getApiCode(), "shape $shape gives a code");
            $this->assertStringContainsString('Sofinco answered', $e->getMessage());
        }
    }

    public static function shapes(): array
    {
        return [['object'], ['array'], ['fault']];
    }

    public function testMalformedAnswersAreApiExceptionsNotCrashes(): void
    {
        static::$sandbox->faults(['malformed_rate' => 1.0]);
        try {
            $this->client(['max_retries' => 0, 'timeout_ms' => 3007])->simulate(100000);
            $this->fail('no exception');
        } catch (ApiException $e) {
            $this->assertSame('INVALID_RESPONSE', $e->getApiCode());
        } catch (TransportException $e) {
            $this->assertStringContainsString('cut off', $e->getMessage());
        }
    }

    public function testTimeoutsAreTransportExceptions(): void
    {
        static::$sandbox->faults(['timeout_rate' => 1.0]);
        $started = microtime(true);
        try {
            $this->client(['max_retries' => 1, 'timeout_ms' => 300])->simulate(100000);
            $this->fail('no exception');
        } catch (TransportException $e) {
            $this->assertStringContainsString('did not answer within 300 ms', $e->getMessage());
        }
        $this->assertLessThan(5.0, microtime(true) - $started, 'bounded by timeout × attempts');
    }

    public function testJourneyIsNotRepeatedAfterAnAmbiguousFailure(): void
    {
        // A token first, so that the fault hits the link call itself.
        $this->client(['max_retries' => 3, 'timeout_ms' => 3008])->simulate(100000);
        static::$sandbox->faults(['fail_rate' => 1.0]);
        try {
            $this->client(['max_retries' => 3, 'timeout_ms' => 3008])->createJourney(Typed::order(self::order(self::reference())));
            $this->fail('no exception');
        } catch (ApiException $e) {
            $links = array_filter(static::$sandbox->requests(), fn ($r) => str_contains($r['path'], 'partnerDataExchange'));
            $this->assertCount(1, $links, 'a link request that may have reached Sofinco is sent once');
        }
    }

    public function testUnreachableHostIsATransportException(): void
    {
        try {
            $this->client(['base_url' => 'http://127.0.0.1:9', 'max_retries' => 1])->findDossier('REF1');
            $this->fail('no exception');
        } catch (TransportException $e) {
            $this->assertStringContainsString('cannot connect', $e->getMessage());
        }
    }
}
