<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Support\PhpProcess;

/** The committed stub is what the built extension exposes (make stubs regenerates it). */
final class StubDriftTest extends TestCase
{
    public function testCommittedStubMatchesTheBuiltExtension(): void
    {
        $root = dirname(__DIR__, 3);
        $generated = PhpProcess::run(file_get_contents($root . '/tools/gen-stubs.php'));
        $this->assertSame(0, $generated['exit'], $generated['stderr']);
        $this->assertSame(
            file_get_contents($root . '/stubs/sofinco.stub.php'),
            $generated['stdout'],
            'stubs/sofinco.stub.php is out of date: run make stubs'
        );
    }
}
