<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\StatusMapper;
use Sofinco\UnknownStatusException;

final class StatusMapperTest extends TestCase
{
    /** @dataProvider codes */
    #[\PHPUnit\Framework\Attributes\DataProvider('codes')]
    public function testEverySofincoCodeMapsToItsState(string $code, $state): void
    {
        $this->assertSame($state, StatusMapper::stateFor($code));
    }

    public static function codes(): array
    {
        return [
            ['ATT', \Sofinco\OrderState::InStudy], ['ETU', \Sofinco\OrderState::InStudy],
            ['CLI', \Sofinco\OrderState::AwaitingCustomer], ['AFI', \Sofinco\OrderState::AwaitingFunding],
            ['FIN', \Sofinco\OrderState::Funded], ['REF', \Sofinco\OrderState::Refused],
            ['ANN', \Sofinco\OrderState::Cancelled], ['ABD', \Sofinco\OrderState::Cancelled],
            ['NFD', \Sofinco\OrderState::NotFound], ['ERR', \Sofinco\OrderState::TechError],
            ['UKW', null], [' etu ', \Sofinco\OrderState::InStudy], ["fin\n", \Sofinco\OrderState::Funded],
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

    public function testStatesComeInWorkflowOrderWithStateFinalAndGroupOnly(): void
    {
        $states = StatusMapper::states();
        $this->assertSame([
            \Sofinco\OrderState::InStudy, \Sofinco\OrderState::AwaitingCustomer, \Sofinco\OrderState::AwaitingFunding,
            \Sofinco\OrderState::FundingRequested, \Sofinco\OrderState::Funded, \Sofinco\OrderState::Refused,
            \Sofinco\OrderState::Cancelled, \Sofinco\OrderState::NotFound, \Sofinco\OrderState::TechError,
        ], array_column($states, 'state'));
        foreach ($states as $row) {
            // Labels, colours and the paid/logable flags are the module's (SofincoStates).
            $this->assertSame(['state', 'final', 'group'], array_keys($row));
            $this->assertIsBool($row['final']);
        }
    }

    public function testFlagsAndGroups(): void
    {
        $rows = StatusMapper::states();
        $this->assertSame(
            [\Sofinco\OrderState::Funded, \Sofinco\OrderState::Refused, \Sofinco\OrderState::Cancelled],
            array_column(array_values(array_filter($rows, fn ($r) => $r['final'])), 'state')
        );
        foreach ($rows as $row) {
            $this->assertSame($row['group'], StatusMapper::group($row['state']));
        }
        $this->assertSame(
            [\Sofinco\OrderState::AwaitingFunding, \Sofinco\OrderState::FundingRequested, \Sofinco\OrderState::Funded],
            array_column(array_values(array_filter($rows, fn ($r) => $r['group'] === 'validated')), 'state')
        );
        $this->assertSame('pending', StatusMapper::group(\Sofinco\OrderState::AwaitingCustomer));
        $this->assertSame('validated', StatusMapper::group(\Sofinco\OrderState::FundingRequested));
        $this->assertSame('cancelled', StatusMapper::group(\Sofinco\OrderState::NotFound));
    }

    public function testGroupOfAForeignStateThrows(): void
    {
        // PrestaShop's own "Annulé" is an OrderState, not one of the module's states.
        $this->expectException(UnknownStatusException::class);
        StatusMapper::group(\Sofinco\OrderState::PrestashopCancelled);
    }

    public function testOnlyNonFinalModuleStatesAreSynced(): void
    {
        $synced = array_values(array_filter(array_column(StatusMapper::states(), 'state'), [StatusMapper::class, 'isSynced']));
        $this->assertSame([
            \Sofinco\OrderState::InStudy, \Sofinco\OrderState::AwaitingCustomer, \Sofinco\OrderState::AwaitingFunding,
            \Sofinco\OrderState::FundingRequested, \Sofinco\OrderState::NotFound, \Sofinco\OrderState::TechError,
        ], $synced);
        $this->assertFalse(StatusMapper::isSynced(null), 'a state set by hand leaves the workflow');
        $this->assertFalse(StatusMapper::isSynced(\Sofinco\OrderState::PrestashopCancelled));
    }

    public function testFundingOnlyFromAwaitingFunding(): void
    {
        $keys = array_column(StatusMapper::states(), 'state');
        $this->assertSame([\Sofinco\OrderState::AwaitingFunding], array_values(array_filter($keys, [StatusMapper::class, 'canRequestFunding'])));
    }

    public function testCancelOnlyWhileTheDossierIsAliveInAModuleState(): void
    {
        foreach ([\Sofinco\OrderState::InStudy, \Sofinco\OrderState::AwaitingCustomer, \Sofinco\OrderState::AwaitingFunding, \Sofinco\OrderState::FundingRequested] as $state) {
            $this->assertTrue(StatusMapper::canCancel($state, 'ETU', 'SBX1'));
        }
        $this->assertFalse(StatusMapper::canCancel(null, 'ETU', 'SBX1'), 'moved by hand');
        $this->assertFalse(StatusMapper::canCancel(\Sofinco\OrderState::Funded, 'FIN', 'SBX1'));
        $this->assertFalse(StatusMapper::canCancel(\Sofinco\OrderState::AwaitingFunding, 'FIN', 'SBX1'), 'Sofinco already funded');
        $this->assertFalse(StatusMapper::canCancel(\Sofinco\OrderState::Cancelled, 'ANN', 'SBX1'));
        $this->assertFalse(StatusMapper::canCancel(\Sofinco\OrderState::InStudy, 'ETU', ''), 'no contract number');
        $this->assertFalse(StatusMapper::canCancel(\Sofinco\OrderState::InStudy, 'ETU', '  '));
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
        $this->assertFalse(method_exists(StatusMapper::class, 'prestashopCancelledKey'), 'it is OrderState::PrestashopCancelled');
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
