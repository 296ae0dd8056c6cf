<?php
declare(strict_types=1);

use Sofinco\DossierSync;

require_once __DIR__ . '/ClientTestCase.php';

/** Every decision path of the three cron tasks and the notification, against the sandbox. */
final class DossierSyncTest extends ClientTestCase
{
    private function sync(array $options = []): DossierSync
    {
        return new DossierSync($this->client(['timeout_ms' => 3100]), $options);
    }

    private static function attempt(string $reference, int $amountCents = 129000, int $age = 60, int $cart = 1): array
    {
        return ['id_cart' => $cart, 'order_reference' => $reference, 'amount_cents' => $amountCents, 'created_at' => time() - $age];
    }

    private function journey(string $action, int $amountCents = 129000, array $customer = []): string
    {
        $reference = self::reference();
        $journey = $this->client()->createJourney(self::order($reference, $amountCents, $customer));
        if ($action !== 'none') {
            static::$sandbox->journey($journey['journey_url'], $action);
        }
        return $reference;
    }

    public function testCustomerWhoNeverReturnsGetsAnOrder(): void
    {
        $signed = $this->journey('sign');
        $result = $this->sync()->orders([self::attempt($signed, 129000, 600, 42)]);
        $d = $result['decisions'][0];
        $this->assertSame(['id_cart', 'order_reference', 'action', 'state', 'contract_id', 'signature_date', 'reason', 'sofinco_status'], array_keys($d));
        $this->assertSame(42, $d['id_cart']);
        $this->assertSame('create_order', $d['action']);
        $this->assertSame('SOFINCO_OS_IN_STUDY', $d['state']);
        $this->assertNotEmpty($d['contract_id']);
        $this->assertNotEmpty($d['signature_date']);
        $this->assertSame(['checked' => 1, 'changed' => 1, 'errors' => 0, 'remaining' => 0], array_diff_key($result['summary'], ['elapsed_ms' => 0]));
    }

    public function testJourneysNotFinishedWaitThenAreAbandoned(): void
    {
        $open = $this->journey('none');
        $sync = $this->sync(['abandon_after_s' => 3600]);
        $young = $sync->orders([self::attempt($open, 129000, 60), self::attempt('NEVERSENT1', 129000, 60)]);
        $this->assertSame(['wait', 'wait'], array_column($young['decisions'], 'action'));
        $old = $sync->orders([self::attempt('NEVERSENT1', 129000, 7200)]);
        $this->assertSame('abandon', $old['decisions'][0]['action']);
    }

    public function testRefusedAndAbandonedJourneysCloseWithoutAnOrder(): void
    {
        $refused = $this->journey('refuse');
        $left = $this->journey('leave');
        $decisions = $this->sync()->orders([self::attempt($refused), self::attempt($left)])['decisions'];
        $this->assertSame(['abandon', 'abandon'], array_column($decisions, 'action'));
        $this->assertStringContainsString('REF', $decisions[0]['reason']);
        $this->assertStringContainsString('ABD', $decisions[1]['reason']);
        $this->assertSame([null, null], array_column($decisions, 'state'));
    }

    public function testAnAmountMismatchNeverValidates(): void
    {
        $signed = $this->journey('sign', 129000);
        static::$sandbox->setStatus($signed, 'AFI');
        $d = $this->sync()->orders([self::attempt($signed, 99000)])['decisions'][0];
        $this->assertSame('create_order', $d['action']);
        $this->assertSame('SOFINCO_OS_TECH_ERROR', $d['state']);
        $this->assertStringContainsString('amount mismatch', $d['reason']);
    }

    public function testStatusesWalkEtuCliAfiAndRecordTheSignature(): void
    {
        $client = $this->client();
        $reference = $this->journey('sign');
        $dossier = $client->findDossier($reference);
        $order = ['id_order' => 7, 'contract_id' => $dossier['contract_id'], 'order_reference' => $reference,
            'state' => 'SOFINCO_OS_IN_STUDY', 'amount_cents' => 129000, 'since' => time()];
        $sync = $this->sync();
        $none = $sync->statuses([$order])['decisions'][0];
        $this->assertSame('none', $none['action']);
        $this->assertSame($dossier['signature_date'], $none['signature_date'], 'carried with none too');
        foreach (['CLI' => 'SOFINCO_OS_AWAITING_CUSTOMER', 'AFI' => 'SOFINCO_OS_AWAITING_FUNDING'] as $code => $state) {
            static::$sandbox->setStatus($reference, $code);
            $d = $sync->statuses([$order])['decisions'][0];
            $this->assertSame(['set_state', $state], [$d['action'], $d['state']], $code);
            $order['state'] = $state;
        }
    }

    public function testManualStatesAndTheGracePeriodMakeNoCall(): void
    {
        $rows = [
            ['id_order' => 1, 'contract_id' => 'SBX1', 'order_reference' => 'MANUAL1', 'state' => 'PS_OS_SHIPPING', 'amount_cents' => 1, 'since' => time()],
            ['id_order' => 2, 'contract_id' => 'SBX2', 'order_reference' => 'GONE1', 'state' => 'SOFINCO_OS_NOT_FOUND', 'amount_cents' => 1, 'since' => time() - 8 * 86400],
            ['id_order' => 3, 'contract_id' => 'SBX3', 'order_reference' => 'DONE1', 'state' => 'SOFINCO_OS_FUNDED', 'amount_cents' => 1, 'since' => time()],
        ];
        $result = $this->sync()->statuses($rows);
        $this->assertSame(['leave', 'leave', 'leave'], array_column($result['decisions'], 'action'));
        $this->assertSame([], static::$sandbox->requests(), 'no call at all');
    }

    public function testNotFoundKeepsBeingCheckedDuringTheGracePeriod(): void
    {
        $row = ['id_order' => 2, 'contract_id' => '', 'order_reference' => 'GONE2', 'state' => 'SOFINCO_OS_NOT_FOUND', 'amount_cents' => 1, 'since' => time() - 3600];
        $d = $this->sync()->statuses([$row])['decisions'][0];
        $this->assertSame('none', $d['action']);
        $this->assertNotEmpty(static::$sandbox->requests());
    }

    public function testFundingRequestedStaysWhileSofincoSaysAfi(): void
    {
        $reference = $this->journey('sign');
        static::$sandbox->setStatus($reference, 'AFI');
        $dossier = $this->client()->findDossier($reference);
        $row = ['id_order' => 9, 'contract_id' => $dossier['contract_id'], 'order_reference' => $reference,
            'state' => 'SOFINCO_OS_FUNDING_REQUESTED', 'amount_cents' => 129000, 'since' => time()];
        $this->assertSame('none', $this->sync()->statuses([$row])['decisions'][0]['action']);
    }

    public function testFundingIsSentOnceThenFollowedToFunded(): void
    {
        $reference = $this->journey('sign');
        static::$sandbox->setStatus($reference, 'AFI');
        $dossier = $this->client()->findDossier($reference);
        $request = ['id_order' => 5, 'contract_id' => $dossier['contract_id'], 'order_reference' => $reference,
            'amount_cents' => 129000, 'requested_at' => time(), 'sent' => false];
        $sync = $this->sync();
        $sent = $sync->fundings([$request])['decisions'][0];
        $this->assertSame(['id_order', 'action', 'state', 'reason'], array_keys($sent));
        $this->assertSame(['sent', 'SOFINCO_OS_FUNDING_REQUESTED'], [$sent['action'], $sent['state']]);
        $delivers = fn () => count(array_filter(static::$sandbox->requests(), fn ($r) => str_ends_with($r['path'], '/order/deliver')));
        $this->assertSame(1, $delivers());
        $request['sent'] = true;
        $funded = $sync->fundings([$request])['decisions'][0];
        $this->assertSame(['funded', 'SOFINCO_OS_FUNDED'], [$funded['action'], $funded['state']]);
        $this->assertSame(1, $delivers(), 'a request Sofinco accepted is never sent again');
    }

    public function testFundingWhileSofincoIsDownIsKeptForRetry(): void
    {
        $reference = $this->journey('sign');
        static::$sandbox->setStatus($reference, 'AFI');
        $dossier = $this->client()->findDossier($reference);
        static::$sandbox->faults(['fail_rate' => 1.0]);
        $sync = new DossierSync($this->client(['max_retries' => 0, 'timeout_ms' => 3101]));
        $d = $sync->fundings([['id_order' => 5, 'contract_id' => $dossier['contract_id'], 'order_reference' => $reference,
            'amount_cents' => 129000, 'requested_at' => time(), 'sent' => false]])['decisions'][0];
        static::$sandbox->faults([]);
        $this->assertSame('retry', $d['action']);
        $this->assertNull($d['state']);
    }

    public function testUnsentFundingOnARefusedDossierIsAnError(): void
    {
        $reference = $this->journey('sign');
        static::$sandbox->setStatus($reference, 'REF');
        $dossier = $this->client()->findDossier($reference);
        $d = $this->sync()->fundings([['id_order' => 5, 'contract_id' => $dossier['contract_id'], 'order_reference' => $reference,
            'amount_cents' => 129000, 'requested_at' => time(), 'sent' => false]])['decisions'][0];
        $this->assertSame('error', $d['action']);
        $this->assertStringContainsString('REF', $d['reason']);
    }

    public function testOneFailingDossierDoesNotSpoilTheBatch(): void
    {
        $good = $this->journey('sign');
        static::$sandbox->setStatus('BADCODE1', 'XYZ', ['amountCents' => 129000]);
        $result = $this->sync()->orders([self::attempt('BADCODE1'), self::attempt($good)]);
        $this->assertSame(['error', 'create_order'], array_column($result['decisions'], 'action'));
        $this->assertStringContainsString('XYZ', $result['decisions'][0]['reason']);
        $this->assertSame(1, $result['summary']['errors']);
    }

    public function testTheDeadlineLeavesRowsForTheNextRun(): void
    {
        static::$sandbox->faults(['latency_ms' => 150]);
        $rows = [];
        for ($i = 0; $i < 40; $i++) {
            $rows[] = self::attempt('LATE' . $i, 100, 10, $i);
        }
        $result = $this->sync(['concurrency' => 2, 'deadline_ms' => 400])->orders($rows);
        static::$sandbox->faults([]);
        $this->assertGreaterThan(0, $result['summary']['remaining']);
        $this->assertSame(40, $result['summary']['checked'] + $result['summary']['remaining']);
        $this->assertCount($result['summary']['checked'], $result['decisions']);
        $this->assertSame(range(0, $result['summary']['checked'] - 1), array_column($result['decisions'], 'id_cart'), 'in row order');
    }

    public function testNotificationsAreHintsOnly(): void
    {
        $reference = $this->journey('sign');
        $sync = $this->sync();
        // It lies: says FIN. Sofinco's own answer (ETU) decides.
        $d = $sync->notification(json_encode(['ORDER_ID' => strtolower($reference), 'AMOUNT' => 1290.00, 'CONTRACT_STATUS' => 'FIN']), self::attempt($reference));
        $this->assertSame(['create_order', 'SOFINCO_OS_IN_STUDY'], [$d['action'], $d['state']]);
        $before = count(static::$sandbox->requests());
        $other = $sync->notification(json_encode(['ORDER_ID' => 'SOMEONEELSE', 'AMOUNT' => 1, 'CONTRACT_STATUS' => 'FIN']), self::attempt($reference));
        $this->assertSame('none', $other['action']);
        $this->assertSame($before, count(static::$sandbox->requests()), 'no call for another reference');
        $this->expectException(\Sofinco\SofincoException::class);
        $sync->notification('{not json', self::attempt($reference));
    }

    public function testBadOptionsAndRowsAreClearErrors(): void
    {
        try {
            $this->sync(['concurrency' => 0]);
            $this->fail('no exception');
        } catch (\Sofinco\ConfigException $e) {
            $this->assertStringContainsString('concurrency', $e->getMessage());
        }
        $this->expectException(\Sofinco\InvalidInputException::class);
        $this->expectExceptionMessage('row 1: amount_cents');
        $this->sync()->orders([self::attempt('A1'), ['id_cart' => 1, 'order_reference' => 'A2', 'created_at' => 1]]);
    }
}
