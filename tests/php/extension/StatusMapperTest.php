<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\StatusMapper;
use Sofinco\UnknownStatusException;

final class StatusMapperTest extends TestCase
{
    /** @dataProvider codes */
    public function testEverySofincoCodeMapsToItsState(string $code, ?string $state): void
    {
        $this->assertSame($state, StatusMapper::stateFor($code));
    }

    public function codes(): array
    {
        return [
            ['ATT', 'SOFINCO_OS_IN_STUDY'], ['ETU', 'SOFINCO_OS_IN_STUDY'],
            ['CLI', 'SOFINCO_OS_AWAITING_CUSTOMER'], ['AFI', 'SOFINCO_OS_AWAITING_FUNDING'],
            ['FIN', 'SOFINCO_OS_FUNDED'], ['REF', 'SOFINCO_OS_REFUSED'],
            ['ANN', 'SOFINCO_OS_CANCELLED'], ['ABD', 'SOFINCO_OS_CANCELLED'],
            ['NFD', 'SOFINCO_OS_NOT_FOUND'], ['ERR', 'SOFINCO_OS_TECH_ERROR'],
            ['UKW', null], [' etu ', 'SOFINCO_OS_IN_STUDY'], ["fin\n", 'SOFINCO_OS_FUNDED'],
        ];
    }

    public function testAnUnknownCodeThrowsNamingIt(): void
    {
        try {
            StatusMapper::stateFor('ZZT');
            $this->fail('no exception');
        } catch (UnknownStatusException $e) {
            $this->assertStringContainsString('ZZT', $e->getMessage());
        }
    }

    public function testStatesCarryTheSpecLabelsInOrder(): void
    {
        $states = StatusMapper::states();
        $this->assertSame([
            'SOFINCO_OS_IN_STUDY' => 'Dossier en étude Sofinco',
            'SOFINCO_OS_AWAITING_CUSTOMER' => 'Dossier en attente retour client Sofinco',
            'SOFINCO_OS_AWAITING_FUNDING' => 'Dossier en attente de financement Sofinco',
            'SOFINCO_OS_FUNDING_REQUESTED' => 'Financement demandé Sofinco',
            'SOFINCO_OS_FUNDED' => 'Dossier financé Sofinco',
            'SOFINCO_OS_REFUSED' => 'Dossier refusé Sofinco',
            'SOFINCO_OS_CANCELLED' => 'Dossier annulé ou sans suite Sofinco',
            'SOFINCO_OS_NOT_FOUND' => 'Dossier non trouvé Sofinco',
            'SOFINCO_OS_TECH_ERROR' => 'Dossier non traité suite erreur technique Sofinco',
        ], array_column($states, 'label_fr', 'key'));
        foreach ($states as $row) {
            $this->assertSame(['key', 'label_fr', 'label_en', 'color', 'paid', 'logable', 'final', 'group'], array_keys($row));
            $this->assertMatchesRegularExpression('/^#[0-9a-f]{6}$/', $row['color']);
            $this->assertNotSame('', $row['label_en']);
        }
    }

    public function testFlagsAndGroups(): void
    {
        $byKey = array_column(StatusMapper::states(), null, 'key');
        $this->assertSame(['SOFINCO_OS_FUNDED'], array_keys(array_filter($byKey, fn ($r) => $r['paid'])));
        $this->assertSame(
            ['SOFINCO_OS_FUNDED', 'SOFINCO_OS_REFUSED', 'SOFINCO_OS_CANCELLED'],
            array_keys(array_filter($byKey, fn ($r) => $r['final']))
        );
        foreach ($byKey as $key => $row) {
            $this->assertSame($row['group'] === 'validated', $row['logable'], $key);
            $this->assertSame($row['group'], StatusMapper::group($key));
        }
        $this->assertSame('pending', StatusMapper::group('SOFINCO_OS_AWAITING_CUSTOMER'));
        $this->assertSame('validated', StatusMapper::group('SOFINCO_OS_FUNDING_REQUESTED'));
        $this->assertSame('cancelled', StatusMapper::group('SOFINCO_OS_NOT_FOUND'));
    }

    public function testGroupOfAForeignStateThrows(): void
    {
        $this->expectException(UnknownStatusException::class);
        StatusMapper::group('PS_OS_PAYMENT_ACCEPTED');
    }

    public function testOnlyNonFinalModuleStatesAreSynced(): void
    {
        $synced = array_values(array_filter(array_column(StatusMapper::states(), 'key'), [StatusMapper::class, 'isSynced']));
        $this->assertSame([
            'SOFINCO_OS_IN_STUDY', 'SOFINCO_OS_AWAITING_CUSTOMER', 'SOFINCO_OS_AWAITING_FUNDING',
            'SOFINCO_OS_FUNDING_REQUESTED', 'SOFINCO_OS_NOT_FOUND', 'SOFINCO_OS_TECH_ERROR',
        ], $synced);
        $this->assertFalse(StatusMapper::isSynced('PS_OS_SHIPPING'), 'a state set by hand leaves the workflow');
        $this->assertFalse(StatusMapper::isSynced(''));
    }

    public function testFundingOnlyFromAwaitingFunding(): void
    {
        $keys = array_column(StatusMapper::states(), 'key');
        $this->assertSame(['SOFINCO_OS_AWAITING_FUNDING'], array_values(array_filter($keys, [StatusMapper::class, 'canRequestFunding'])));
    }
}
