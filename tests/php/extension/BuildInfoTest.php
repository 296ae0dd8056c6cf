<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;

/** The extension says which PHP it was built for, and it is the PHP that loaded it. */
final class BuildInfoTest extends TestCase
{
    public function testBuildInfoNamesThisPhp(): void
    {
        $info = \Sofinco\Internal::buildInfo();
        $this->assertSame(
            ['version', 'php', 'php_api', 'thread_safety', 'zts', 'php_debug', 'arch', 'profile', 'date', 'rustc', 'ext_php_rs'],
            array_keys($info)
        );
        $this->assertSame(\Sofinco\VERSION, $info['version']);
        $this->assertSame(PHP_VERSION, $info['php']);
        $this->assertSame(PHP_VERSION, \Sofinco\BUILD_PHP);
        $this->assertSame((bool) PHP_ZTS, $info['zts']);
        $this->assertSame(PHP_ZTS ? 'zts' : 'nts', $info['thread_safety']);
        $this->assertSame((bool) PHP_DEBUG, $info['php_debug']);
        $this->assertSame(php_uname('m'), $info['arch']);
        $this->assertStringContainsString((string) $info['php_api'], (string) ini_get('extension_dir') . ' ' . PHP_EXTENSION_DIR);
        $this->assertMatchesRegularExpression('/^\d{4}-\d\d-\d\d$/', $info['date']);
    }

    public function testPhpinfoSaysWhatTheBuildIsFor(): void
    {
        ob_start();
        phpinfo(INFO_MODULES);
        $text = (string) ob_get_clean();
        $this->assertStringContainsString('built for PHP => ' . PHP_VERSION, $text);
        $this->assertStringContainsString('thread safety => ' . (PHP_ZTS ? 'enabled (ZTS)' : 'disabled (NTS)'), $text);
        $this->assertStringContainsString('PHP API => ', $text);
    }
}
