<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\SofincoException;
use Sofinco\StatusMapper;
use Sofinco\Tests\Support\PhpProcess;

/** Panics and wrong types never kill the PHP process. */
final class RobustnessTest extends TestCase
{
    public function testAPanicInsideABindingIsASofincoException(): void
    {
        try {
            \Sofinco\Internal::selfTest('panic');
            $this->fail('no exception');
        } catch (SofincoException $e) {
            $this->assertSame(SofincoException::class, get_class($e));
            $this->assertStringContainsString('self-test panic', $e->getMessage());
        }
        // The same process goes on working.
        $this->assertSame(\Sofinco\OrderState::Funded, StatusMapper::stateFor('FIN'));
        $this->assertSame('ok', \Sofinco\Internal::selfTest('nothing'));
    }

    public function testAnInternalErrorIsASofincoException(): void
    {
        $this->expectException(SofincoException::class);
        $this->expectExceptionMessage('self-test error');
        \Sofinco\Internal::selfTest('error');
    }

    /** @dataProvider wrongArguments */
    #[\PHPUnit\Framework\Attributes\DataProvider('wrongArguments')]
    public function testWrongArgumentTypesAreTypeErrors(callable $call): void
    {
        $this->expectException(\TypeError::class);
        $call();
    }

    public static function wrongArguments(): array
    {
        return [
            'array' => [fn () => StatusMapper::stateFor([])],
            'object' => [fn () => StatusMapper::group(new \stdClass())],
            'array for a string' => [fn () => StatusMapper::canCancel(null, [], '')],
            'missing' => [fn () => StatusMapper::stateFor()],
        ];
    }

    public function testAProcessFullOfBadCallsExitsNormally(): void
    {
        $result = PhpProcess::run(<<<'PHP'
<?php
$caught = 0;
for ($i = 0; $i < 200; $i++) {
    foreach ([fn () => Sofinco\Internal::selfTest('panic'), fn () => Sofinco\StatusMapper::stateFor([]),
              fn () => Sofinco\StatusMapper::stateFor("\0\xff"), fn () => Sofinco\StatusMapper::group(str_repeat('x', 100000))] as $f) {
        try { $f(); } catch (\Throwable $e) { $caught++; }
    }
}
echo "caught=$caught\n";
PHP, ['RUST_BACKTRACE' => '0']);
        $this->assertSame(0, $result['exit'], $result['stderr']);
        $this->assertSame("caught=800\n", $result['stdout']);
    }
}
