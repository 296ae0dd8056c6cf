<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\StatusMapper;
use Sofinco\UnknownStatusException;

final class StatusMapperTest extends TestCase
{
    /** @dataProvider codes */
    #[\PHPUnit\Framework\Attributes\DataProvider('codes')]
    public function testEverySofincoCodeMapsToItsState(string $code, ?string $state): void
    {
        $this->assertSame($state, StatusMapper::stateFor($code));
    }

    public static function codes(): array
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

    public function testStatesComeInWorkflowOrderWithKeyFinalAndGroupOnly(): void
    {
        $states = StatusMapper::states();
        $this->assertSame([
            'SOFINCO_OS_IN_STUDY', 'SOFINCO_OS_AWAITING_CUSTOMER', 'SOFINCO_OS_AWAITING_FUNDING',
            'SOFINCO_OS_FUNDING_REQUESTED', 'SOFINCO_OS_FUNDED', 'SOFINCO_OS_REFUSED',
            'SOFINCO_OS_CANCELLED', 'SOFINCO_OS_NOT_FOUND', 'SOFINCO_OS_TECH_ERROR',
        ], array_column($states, 'key'));
        foreach ($states as $row) {
            // Labels, colours and the paid/logable flags are the module's (SofincoStates).
            $this->assertSame(['key', 'final', 'group'], array_keys($row));
            $this->assertIsBool($row['final']);
        }
    }

    public function testFlagsAndGroups(): void
    {
        $byKey = array_column(StatusMapper::states(), null, 'key');
        $this->assertSame(
            ['SOFINCO_OS_FUNDED', 'SOFINCO_OS_REFUSED', 'SOFINCO_OS_CANCELLED'],
            array_keys(array_filter($byKey, fn ($r) => $r['final']))
        );
        foreach ($byKey as $key => $row) {
            $this->assertSame($row['group'], StatusMapper::group($key));
        }
        $this->assertSame(
            ['SOFINCO_OS_AWAITING_FUNDING', 'SOFINCO_OS_FUNDING_REQUESTED', 'SOFINCO_OS_FUNDED'],
            array_keys(array_filter($byKey, fn ($r) => $r['group'] === 'validated'))
        );
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

    public function testCancelOnlyWhileTheDossierIsAliveInAModuleState(): void
    {
        foreach (['SOFINCO_OS_IN_STUDY', 'SOFINCO_OS_AWAITING_CUSTOMER', 'SOFINCO_OS_AWAITING_FUNDING', 'SOFINCO_OS_FUNDING_REQUESTED'] as $state) {
            $this->assertTrue(StatusMapper::canCancel($state, 'ETU', 'SBX1'), $state);
        }
        $this->assertFalse(StatusMapper::canCancel('PS_OS_SHIPPING', 'ETU', 'SBX1'), 'moved by hand');
        $this->assertFalse(StatusMapper::canCancel('SOFINCO_OS_FUNDED', 'FIN', 'SBX1'));
        $this->assertFalse(StatusMapper::canCancel('SOFINCO_OS_AWAITING_FUNDING', 'FIN', 'SBX1'), 'Sofinco already funded');
        $this->assertFalse(StatusMapper::canCancel('SOFINCO_OS_CANCELLED', 'ANN', 'SBX1'));
        $this->assertFalse(StatusMapper::canCancel('SOFINCO_OS_IN_STUDY', 'ETU', ''), 'no contract number');
        $this->assertFalse(StatusMapper::canCancel('SOFINCO_OS_IN_STUDY', 'ETU', '  '));
    }

    public function testWithdrawalEndIsFourteenDaysAfterAValidSignature(): void
    {
        $this->assertSame('2026-01-24', StatusMapper::withdrawalEnd('2026-01-10'));
        $this->assertNull(StatusMapper::withdrawalEnd('0000-00-00'), 'MySQL\'s zero date is no signature');
        $this->assertNull(StatusMapper::withdrawalEnd(null));
        $this->assertNull(StatusMapper::withdrawalEnd(''));
        $this->assertNull(StatusMapper::withdrawalEnd('not a date'));
        $this->assertTrue(StatusMapper::withdrawalRunning(date('Y-m-d')));
        $this->assertFalse(StatusMapper::withdrawalRunning('2020-01-01'));
        $this->assertFalse(StatusMapper::withdrawalRunning('0000-00-00'));
        $this->assertFalse(StatusMapper::withdrawalRunning(null));
    }

    public function testClosedReasonAndPrestashopCancelledKey(): void
    {
        $this->assertSame('refused', StatusMapper::closedReason('REF'));
        $this->assertSame('cancelled', StatusMapper::closedReason('ANN'));
        $this->assertSame('abandoned', StatusMapper::closedReason('ABD'));
        $this->assertSame('closed', StatusMapper::closedReason('NFD'));
        $this->assertSame('PS_OS_CANCELED', StatusMapper::prestashopCancelledKey());
    }

    public function testCentsAreExact(): void
    {
        $this->assertSame(11470, StatusMapper::cents(114.7), 'the float 114.7 is just above 114.70');
        $this->assertSame(129010, StatusMapper::cents('1290.10'));
        $this->assertSame(1200, StatusMapper::cents(12));
        $this->assertSame(1200, StatusMapper::cents('12'));
        $this->assertSame(30, StatusMapper::cents(0.1 + 0.2));
        foreach (['1.234', 'abc', ''] as $bad) {
            try {
                StatusMapper::cents($bad);
                $this->fail("cents('$bad') did not throw");
            } catch (\Sofinco\SofincoException $e) {
                $this->assertInstanceOf(\Sofinco\InvalidInputException::class, $e);
            }
        }
        $this->expectException(\Sofinco\InvalidInputException::class);
        StatusMapper::cents([]);
    }
}
