<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;

if (!defined('_PS_VERSION_')) {
    define('_PS_VERSION_', '1.7.8.11');
}
require_once __DIR__ . '/../../../php-module/sofincosignature/classes/SofincoEscape.php';

/**
 * The HTML the module builds in PHP (the Dossiers tab, the configuration page) is escaped the
 * same on PHP 7.4 as on 8.1+, whose default flags escape single quotes and 7.4's do not.
 */
final class ModuleEscapeTest extends TestCase
{
    public function testQuotesOfBothKindsAreEscapedOnEveryPhp(): void
    {
        $this->assertSame('&lt;b&gt; l&#039;offre &quot;x&quot; &amp;', SofincoEscape::html('<b> l\'offre "x" &'));
        $this->assertSame('12', SofincoEscape::html(12));
    }
}
