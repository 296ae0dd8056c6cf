<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;

final class ExtensionLoadsTest extends TestCase
{
    public function testEveryClassOfThePhpApiExists(): void
    {
        foreach ([
            'Sofinco\SofincoException', 'Sofinco\ConfigException', 'Sofinco\AuthException',
            'Sofinco\TransportException', 'Sofinco\ApiException', 'Sofinco\NotFoundException',
            'Sofinco\UnknownStatusException', 'Sofinco\StatusMapper', 'Sofinco\DossierSync', 'Sofinco\Batch',
            'Sofinco\OrderDecision', 'Sofinco\StatusDecision', 'Sofinco\FundingDecision', 'Sofinco\CancelDecision',
        ] as $class) {
            $this->assertTrue(class_exists($class), $class);
        }
        foreach (['Sofinco\OrderAction', 'Sofinco\StatusAction', 'Sofinco\FundingAction', 'Sofinco\CancelAction'] as $enum) {
            // PHP 7.x and 8.0 (the phper build): final classes of constants.
            $this->assertTrue(PHP_VERSION_ID >= 80100 ? enum_exists($enum) : class_exists($enum), $enum);
        }
    }

    public function testVersionConstantIsTheCrateVersion(): void
    {
        $cargo = file_get_contents(__DIR__ . '/../../../Cargo.toml');
        $this->assertSame(1, preg_match('/^version = "([^"]+)"/m', $cargo, $m));
        $this->assertSame($m[1], \Sofinco\VERSION);
        $this->assertSame($m[1], phpversion('sofinco'));
    }

    public function testPhpinfoSectionSaysWhatTheBuildIs(): void
    {
        $info = \Sofinco\Tests\Support\PhpProcess::run('<?php phpinfo(INFO_MODULES);');
        $this->assertSame(0, $info['exit'], $info['stderr']);
        $this->assertStringContainsString('sofinco support => enabled', $info['stdout']);
        $this->assertStringContainsString('version => ' . \Sofinco\VERSION, $info['stdout']);
        $this->assertStringContainsString('built for PHP => ' . PHP_VERSION, $info['stdout']);
        // One engine per PHP: ext-php-rs on 8.1+, phper below (docs/php-api.md).
        $this->assertMatchesRegularExpression('/ext-php-rs => 0\.16\.\d+|phper => 0\.17\.\d+/', $info['stdout']);
        $this->assertMatchesRegularExpression('/rustc => rustc \d+\.\d+/', $info['stdout']);
    }
}
