<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;

if (!defined('_PS_VERSION_')) {
    define('_PS_VERSION_', '1.7.8.11');
}
require_once __DIR__ . '/../../../php-module/sofincosignature/classes/SofincoRuntime.php';

/**
 * A module upgraded without its extension (issue 33: the typed API is extension 0.2.0):
 * the runtime check names the old version instead of a fatal "class not found" on the pages.
 */
final class ModuleRuntimeVersionTest extends TestCase
{
    public function testAnExtensionOlderThanTheTypedApiIsTooOld(): void
    {
        $this->assertTrue(SofincoRuntime::tooOld('0.1.0'), 'the 2.4.0 module\'s extension');
        $this->assertTrue(SofincoRuntime::tooOld(''), 'a build that does not say');
        $this->assertFalse(SofincoRuntime::tooOld(SofincoRuntime::MIN_EXTENSION));
        $this->assertFalse(SofincoRuntime::tooOld('0.10.0'), 'compared as versions, not text');
    }

    public function testTheLoadedExtensionIsRecentEnoughForThisModule(): void
    {
        // Both engines define Sofinco\VERSION: the build under test is the one the module ships with.
        $this->assertSame(\Sofinco\VERSION, SofincoRuntime::loadedVersion());
        $this->assertFalse(SofincoRuntime::tooOld(SofincoRuntime::loadedVersion()));
    }
}
