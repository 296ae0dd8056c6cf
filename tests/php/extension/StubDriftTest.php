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
        $committed = (string) file_get_contents($root . '/stubs/sofinco.stub.php');
        $this->assertSame(
            self::asThisEngine($committed),
            self::asThisEngine($generated['stdout']),
            'stubs/sofinco.stub.php is out of date: run make stubs'
        );
    }

    /**
     * The stub as this PHP's engine can show it. On PHP 8.1+ (ext-php-rs) the stub itself.
     * On PHP 7.1-8.0 (phper) everything but the methods' signatures is compared: classes,
     * constants, enum-likes (written in their 8.1+ form from Internal::apiDescription()),
     * properties with their types, defaults and docs, and every method's name. phper on PHP
     * 7 declares no class, nullable or enum type in an internal method's arginfo (and
     * OrderState is a string there), so the signatures are the 8.1+ build's to write.
     */
    private static function asThisEngine(string $stub): string
    {
        if (PHP_VERSION_ID >= 80100) {
            return $stub;
        }
        return (string) preg_replace('/^( *public (?:static )?function \w+)\(.*$/m', '$1(…)', $stub);
    }

    public function testTheStubWritesEnumsAndReadOnlyProperties(): void
    {
        $stub = file_get_contents(dirname(__DIR__, 3) . '/stubs/sofinco.stub.php');
        $this->assertStringContainsString("    enum OrderAction: string\n    {\n        case CreateOrder = 'create_order';", $stub);
        $this->assertStringContainsString("        case Ignore = 'none';", $stub);
        $this->assertStringContainsString("        case PrestashopCancelled = 'prestashop_cancelled';", $stub);
        $this->assertStringNotContainsString('function from(', $stub, 'implicit enum methods are not written');
        $this->assertStringNotContainsString('@property-read mixed', $stub, 'every property has its real type');
    }

    public function testPropertiesHaveTheirTypesAndDocs(): void
    {
        $stub = file_get_contents(dirname(__DIR__, 3) . '/stubs/sofinco.stub.php');
        $this->assertStringContainsString("     * @property-read int \$idCart The cart the attempt paid for.\n", $stub);
        $this->assertStringContainsString("     * @property-read ?\\Sofinco\\OrderState \$createIn ", $stub);
        $this->assertStringContainsString("     * @property-read int \$elapsedMs ", $stub);
        $this->assertStringContainsString("        /** E-mail address. */\n        public string \$email = '';\n", $stub);
        $this->assertStringContainsString("        public ?\\Sofinco\\OrderState \$state = null;\n", $stub);
        $this->assertStringContainsString("        public ?string \$mode = 'test';\n", $stub);
    }

    public function testOutputsAreDeclaredNotConstructibleAndBatchesVariadic(): void
    {
        $stub = file_get_contents(dirname(__DIR__, 3) . '/stubs/sofinco.stub.php');
        $this->assertMatchesRegularExpression('/class OrderDecision\n    \{\n        private function __construct\(\) \{\}/', $stub);
        $this->assertMatchesRegularExpression('/final class JourneyOrder\n    \{\n/', $stub);
        $this->assertStringContainsString('public function orders(?int $deadlineMs, \\Sofinco\\Attempt ...$attempts): \\Sofinco\\Batch {}', $stub);
        $this->assertStringNotContainsString('function __set(', $stub);
    }
}
