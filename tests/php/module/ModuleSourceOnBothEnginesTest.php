<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;

// The module's own files, outside PrestaShop: its Configuration is a table of state ids.
if (!defined('_PS_VERSION_')) {
    define('_PS_VERSION_', '1.7.8.11');
}
if (!class_exists('Configuration')) {
    final class Configuration
    {
        /** @var array<string, int> */
        public static $ids = [];

        public static function get($key)
        {
            return self::$ids[$key] ?? false;
        }

        public static function getGlobalValue($key)
        {
            return self::$ids[$key] ?? false;
        }
    }
}
require_once __DIR__ . '/../../../php-module/sofincosignature/classes/SofincoStates.php';
require_once __DIR__ . '/../../../php-module/sofincosignature/classes/SofincoCron.php';
require_once __DIR__ . '/../../../php-module/sofincosignature/classes/SofincoStatusApplier.php';

/**
 * The same module source on both engines (issue 33): these suites run on PHP 7.4 against the
 * phper build (enum-likes are classes of string constants) and on PHP 8.2+ against the
 * ext-php-rs build (backed enums). The module's own classes hand the extension its typed
 * inputs and read its decisions with `===` only, so each assertion below holds on both.
 */
final class ModuleSourceOnBothEnginesTest extends TestCase
{
    protected function setUp(): void
    {
        Configuration::$ids = [];
        $id = 100;
        foreach (SofincoStates::TABLE as $row) {
            Configuration::$ids[$row['key']] = $id++;
        }
    }

    public function testEveryStateTheExtensionNamesHasItsConfigurationKey(): void
    {
        $states = SofincoStates::all();
        $this->assertCount(9, $states);
        foreach ($states as $state) {
            $this->assertStringStartsWith('SOFINCO_OS_', SofincoStates::key($state));
            $this->assertSame($state, SofincoStates::of(SofincoStates::id($state)), 'id and back');
        }
        $this->assertSame('SOFINCO_OS_IN_STUDY', SofincoStates::key(\Sofinco\StatusMapper::stateFor('ETU')));
        $this->assertSame('PS_OS_CANCELED', SofincoStates::key(SofincoStates::state('PrestashopCancelled')));
        $this->assertNull(SofincoStates::of(9999), 'another PrestaShop state is null to the extension');
    }

    public function testAStateReadFromPrestaShopGoesToTheExtensionAndComesBack(): void
    {
        $sync = new \Sofinco\DossierSync(new \Sofinco\SofincoClient(self::config()));
        $request = new \Sofinco\CancelRequest();
        $request->idOrder = 7;
        $request->orderReference = 'MODULE7';
        $request->state = SofincoStates::of(Configuration::$ids['SOFINCO_OS_FUNDED']);
        $decision = $sync->cancel($request);
        $this->assertSame(\Sofinco\CancelAction::NotAllowed, $decision->action, 'a funded order is not cancelled');
        $this->assertTrue(\Sofinco\StatusMapper::canRequestFunding(SofincoStates::of(Configuration::$ids['SOFINCO_OS_AWAITING_FUNDING'])));
        $this->assertSame('validated', \Sofinco\StatusMapper::group(SofincoStates::state('Funded')));
    }

    public function testTheModuleReadsDecisionsWithoutTouchingAnOrderItMustLeave(): void
    {
        $sync = new \Sofinco\DossierSync(new \Sofinco\SofincoClient(self::config()));
        $rows = [];
        foreach ([3, 4] as $id) {
            $row = new \Sofinco\TrackedOrder();
            $row->idOrder = $id;
            $row->contractId = 'SBX' . $id;
            $row->orderReference = 'MODULE' . $id;
            $row->currency = 'EUR';
            $row->state = SofincoStates::of(555); // moved by hand to a state that is not Sofinco's
            $row->orderTotalCents = 100;
            $row->since = time();
            $rows[] = $row;
        }
        $batch = $sync->statuses(null, ...$rows);
        $this->assertSame([3, 4], array_map(function ($d) {
            return $d->idOrder;
        }, $batch->decisions));
        foreach ($batch->decisions as $d) {
            $this->assertSame(\Sofinco\StatusAction::Leave, $d->action);
            // Leave returns before any PrestaShop class is needed (none is loaded here).
            SofincoStatusApplier::apply($d, 555);
        }
        $this->assertSame(['checked' => 2, 'changed' => 0, 'errors' => 0, 'remaining' => 0], array_slice($batch->summary(), 0, 4));
    }

    public function testTheCronVerdictGoesThroughTheExtension(): void
    {
        $this->assertSame(['outcome' => 'dossiers_failed', 'exit_code' => 3, 'http_status' => 502],
            SofincoCron::verdict(['ok' => true, 'summary' => ['errors' => 2]]));
        $this->assertSame('locked', SofincoCron::verdict(['ok' => true, 'locked' => true])['outcome']);
        $this->assertSame('not_run', SofincoCron::verdict(['ok' => false, 'error' => 'x'])['outcome']);
    }

    private static function config(): \Sofinco\ClientConfig
    {
        $c = new \Sofinco\ClientConfig();
        $c->merchantId = '12345678901';
        $c->natureBien = 'ABC';
        $c->q6 = 'Q';
        $c->x1 = 'X';
        $c->clientId = 'id';
        $c->clientSecret = 'secret';
        $c->baseUrl = 'https://127.0.0.1:9';
        $c->allowOtherUrl = true;
        $c->maxRetries = 0;
        return $c;
    }
}
