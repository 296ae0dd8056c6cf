<?php
declare(strict_types=1);

use Sofinco\Tests\Support\Typed;

use PHPUnit\Framework\TestCase;
use Sofinco\CronRun;
use Sofinco\StatusMapper;

/** How a cron run ended, from its result array: the crontab's exit code and the URL's HTTP status. */
final class CronRunTest extends TestCase
{
    /** @dataProvider results */
    #[\PHPUnit\Framework\Attributes\DataProvider('results')]
    public function testTheVerdictFollowsTheRunsFacts(array $result, string $outcome, int $exit, int $http): void
    {
        $this->assertSame(['outcome' => $outcome, 'exit_code' => $exit, 'http_status' => $http], CronRun::verdict(Typed::cronResult($result)));
    }

    public static function results(): array
    {
        $summary = ['checked' => 12, 'changed' => 1, 'errors' => 0, 'remaining' => 3, 'elapsed_ms' => 40];
        return [
            'done, what is left is for the next run' => [['task' => 'statuses', 'ok' => true, 'summary' => $summary], 'done', 0, 200],
            'one dossier failed' => [['ok' => true, 'summary' => ['errors' => 1] + $summary], 'dossiers_failed', 3, 502],
            'every dossier failed' => [['ok' => true, 'summary' => ['errors' => 12, 'checked' => 12] + $summary], 'dossiers_failed', 3, 502],
            'another run holds the lock' => [['task' => 'orders', 'ok' => true, 'locked' => true], 'locked', 0, 200],
            'could not run' => [['ok' => false, 'error' => 'database error', 'error_code' => 'database'], 'not_run', 1, 500],
            'unknown task' => [['ok' => false, 'error_code' => 'unknown_task'], 'unknown_task', 2, 400],
        ];
    }

    public function testAResultWithoutItsFactsIsRefused(): void
    {
        $result = new \Sofinco\CronResult();
        $result->ok = 'yes';
        $this->expectException(\Sofinco\InvalidInputException::class);
        $this->expectExceptionMessage('result.ok must be a boolean, not a string');
        CronRun::verdict($result);
    }

    public function testNegativeOrNonNumericErrorsAreRefused(): void
    {
        foreach ([-1, '2'] as $errors) {
            try {
                CronRun::verdict(Typed::cronResult(['ok' => true, 'summary' => ['errors' => $errors]]));
                $this->fail('accepted errors ' . var_export($errors, true));
            } catch (\Sofinco\InvalidInputException $e) {
                $this->assertStringContainsString('result.errors', $e->getMessage());
            }
        }
    }

    public function testRefusedAndCancelledReleaseTheStock(): void
    {
        $released = array_values(array_filter(array_column(StatusMapper::states(), 'state'), [StatusMapper::class, 'releasesStock']));
        $this->assertSame([\Sofinco\OrderState::Refused, \Sofinco\OrderState::Cancelled], $released);
    }
}
