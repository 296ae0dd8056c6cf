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

    public function testTheStubWritesEnumsAndReadOnlyProperties(): void
    {
        $stub = file_get_contents(dirname(__DIR__, 3) . '/stubs/sofinco.stub.php');
        $this->assertStringContainsString("    enum OrderAction: string\n    {\n        case CreateOrder = 'create_order';", $stub);
        $this->assertStringContainsString("        case Ignore = 'none';", $stub);
        $this->assertStringContainsString("     * @property-read mixed \$idCart\n", $stub);
        $this->assertStringContainsString("     * @property-read mixed \$elapsedMs\n", $stub);
        $this->assertStringNotContainsString('function from(', $stub, 'implicit enum methods are not written');
        $this->assertStringNotContainsString('@property-read mixed $message', $stub, 'inherited properties are not written');
    }
}
