<?php
declare(strict_types=1);

use Sofinco\Tests\Support\Typed;

use Sofinco\Batch;
use Sofinco\CancelAction;
use Sofinco\CancelDecision;
use Sofinco\DossierSync;
use Sofinco\FundingAction;
use Sofinco\FundingDecision;
use Sofinco\OrderAction;
use Sofinco\OrderDecision;
use Sofinco\StatusAction;
use Sofinco\StatusDecision;
use Sofinco\StatusMapper;

require_once __DIR__ . '/ClientTestCase.php';

/** Every decision path of the three cron tasks and the notification, against the sandbox. */
final class DossierSyncTest extends ClientTestCase
{
    private function sync(array $options = []): DossierSync
    {
        return new DossierSync($this->client(['timeout_ms' => 3100]), Typed::options($options));
    }

    /** The actions of a batch's decisions, in row order. */
    private static function actions(Batch $batch): array
    {
        return array_map(fn ($d) => $d->action, $batch->decisions);
    }

    /** The calls the sandbox received whose path ends with $suffix. */
    private static function calls(string $suffix): int
    {
        return count(array_filter(static::$sandbox->requests(), fn ($r) => str_ends_with($r['path'], $suffix)));
    }

    /**
     * The sandbox's own record of a dossier (contract_id, status, signature_date): the rows
     * below are built from Sofinco's side, not from SofincoClient's answers.
     */
    private static function dossier(string $reference): array
    {
        foreach (static::$sandbox->dossiers() as $d) {
            if ($d['partnerExternalId'] === $reference) {
                return ['contract_id' => $d['contractId'], 'status' => $d['status'], 'signature_date' => $d['signatureDate'] ?: null];
            }
        }
        throw new \RuntimeException("no sandbox dossier $reference");
    }

    private static function attempt(string $reference, int $amountCents = 129000, int $age = 60, int $cart = 1): array
    {
        return ['id_cart' => $cart, 'order_reference' => $reference, 'cart_total_cents' => $amountCents, 'currency' => 'EUR', 'created_at' => time() - $age];
    }

    private function journey(string $action, int $amountCents = 129000, array $customer = []): string
    {
        $reference = self::reference();
        $journey = $this->client()->createJourney(Typed::order(self::order($reference, $amountCents, $customer)));
        if ($action !== 'none') {
            static::$sandbox->journey($journey['journey_url'], $action);
        }
        return $reference;
    }

    public function testCustomerWhoNeverReturnsGetsAnOrder(): void
    {
        $signed = $this->journey('sign');
        $result = $this->sync()->orders(null, ...Typed::attempts([self::attempt($signed, 129000, 600, 42)]));
        $this->assertInstanceOf(Batch::class, $result);
        $d = $result->decisions[0];
        $this->assertInstanceOf(OrderDecision::class, $d);
        $this->assertSame(42, $d->idCart);
        $this->assertSame($signed, $d->orderReference);
        $this->assertSame(OrderAction::CreateOrder, $d->action);
        $this->assertSame(\Sofinco\OrderState::InStudy, $d->state);
        $this->assertSame(\Sofinco\OrderState::InStudy, $d->createIn);
        $this->assertSame(0, $d->paymentCents, 'nothing booked as paid before FIN');
        $this->assertSame(0.0, $d->paymentEuros);
        $this->assertSame('ETU', $d->sofincoStatus);
        $this->assertNotEmpty($d->contractId);
        $this->assertNotEmpty($d->signatureDate);
        $this->assertSame(StatusMapper::withdrawalEnd($d->signatureDate), $d->withdrawalEnd);
        $this->assertNotNull($d->withdrawalEnd);
        $s = $result->summary();
        $this->assertSame([1, 1, 0, 0], [$s['checked'], $s['changed'], $s['errors'], $s['remaining']]);
        $this->assertSame([1, 1, 0, 0], [$result->checked, $result->changed, $result->errors, $result->remaining]);
    }

    public function testJourneysNotFinishedWaitThenAreAbandoned(): void
    {
        $open = $this->journey('none');
        $sync = $this->sync(['abandon_after_s' => 3600]);
        $young = $sync->orders(null, ...Typed::attempts([self::attempt($open, 129000, 60), self::attempt('NEVERSENT1', 129000, 60)]));
        $this->assertSame([OrderAction::Wait, OrderAction::Wait], self::actions($young));
        $old = $sync->orders(null, ...Typed::attempts([self::attempt('NEVERSENT1', 129000, 7200)]));
        $this->assertSame(OrderAction::Abandon, $old->decisions[0]->action);
    }

    public function testRefusedAndAbandonedJourneysCloseWithoutAnOrder(): void
    {
        $refused = $this->journey('refuse');
        $left = $this->journey('leave');
        $decisions = $this->sync()->orders(null, ...Typed::attempts([self::attempt($refused), self::attempt($left)]))->decisions;
        $this->assertSame([OrderAction::Abandon, OrderAction::Abandon], array_map(fn ($d) => $d->action, $decisions));
        $this->assertStringContainsString('REF', $decisions[0]->reason);
        $this->assertStringContainsString('ABD', $decisions[1]->reason);
        $this->assertSame([null, null], array_map(fn ($d) => $d->state, $decisions));
    }

    public function testAnAmountMismatchNeverValidates(): void
    {
        $signed = $this->journey('sign', 129000);
        static::$sandbox->setStatus($signed, 'AFI');
        $d = $this->sync()->orders(null, ...Typed::attempts([self::attempt($signed, 99000)]))->decisions[0];
        $this->assertSame(OrderAction::CreateOrder, $d->action);
        $this->assertSame(\Sofinco\OrderState::TechError, $d->state);
        $this->assertSame(0, $d->paymentCents, 'a mismatched amount is never booked');
        $this->assertStringContainsString('amount mismatch', $d->reason);
    }

    public function testStatusesWalkEtuCliAfiAndRecordTheSignature(): void
    {
        $reference = $this->journey('sign');
        $dossier = self::dossier($reference);
        $order = ['id_order' => 7, 'contract_id' => $dossier['contract_id'], 'order_reference' => $reference,
            'state' => \Sofinco\OrderState::InStudy, 'order_total_cents' => 129000, 'currency' => 'EUR', 'since' => time()];
        $sync = $this->sync();
        $none = $sync->statuses(null, ...Typed::tracked([$order]))->decisions[0];
        $this->assertInstanceOf(StatusDecision::class, $none);
        $this->assertSame(7, $none->idOrder);
        $this->assertSame(StatusAction::Unchanged, $none->action);
        $this->assertSame($dossier['signature_date'], $none->signatureDate, 'carried with none too');
        $this->assertSame(StatusMapper::withdrawalEnd($dossier['signature_date']), $none->withdrawalEnd);
        foreach (['CLI' => \Sofinco\OrderState::AwaitingCustomer, 'AFI' => \Sofinco\OrderState::AwaitingFunding] as $code => $state) {
            static::$sandbox->setStatus($reference, $code);
            $d = $sync->statuses(null, ...Typed::tracked([$order]))->decisions[0];
            $this->assertSame([StatusAction::SetState, $state], [$d->action, $d->state], $code);
            $this->assertFalse($d->releaseStock, $code);
            $this->assertSame($code, $d->sofincoStatus);
            $order['state'] = $state;
        }
    }

    public function testManualStatesAndTheGracePeriodMakeNoCall(): void
    {
        $rows = [
            ['id_order' => 1, 'contract_id' => 'SBX1', 'order_reference' => 'MANUAL1', 'state' => null, 'order_total_cents' => 1, 'currency' => 'EUR', 'since' => time()],
            ['id_order' => 2, 'contract_id' => 'SBX2', 'order_reference' => 'GONE1', 'state' => \Sofinco\OrderState::NotFound, 'order_total_cents' => 1, 'currency' => 'EUR', 'since' => time() - 8 * 86400],
            ['id_order' => 3, 'contract_id' => 'SBX3', 'order_reference' => 'DONE1', 'state' => \Sofinco\OrderState::Funded, 'order_total_cents' => 1, 'currency' => 'EUR', 'since' => time()],
        ];
        $result = $this->sync()->statuses(null, ...Typed::tracked($rows));
        $this->assertSame([StatusAction::Leave, StatusAction::Leave, StatusAction::Leave], self::actions($result));
        $this->assertSame([1, 2, 3], array_map(fn ($d) => $d->idOrder, $result->decisions));
        $this->assertSame([], static::$sandbox->requests(), 'no call at all');
    }

    public function testNotFoundKeepsBeingCheckedDuringTheGracePeriod(): void
    {
        $row = ['id_order' => 2, 'contract_id' => '', 'order_reference' => 'GONE2', 'state' => \Sofinco\OrderState::NotFound, 'order_total_cents' => 1, 'currency' => 'EUR', 'since' => time() - 3600];
        $d = $this->sync()->statuses(null, ...Typed::tracked([$row]))->decisions[0];
        $this->assertSame(StatusAction::Unchanged, $d->action);
        $this->assertNotEmpty(static::$sandbox->requests());
    }

    public function testFundingRequestedStaysWhileSofincoSaysAfi(): void
    {
        $reference = $this->journey('sign');
        static::$sandbox->setStatus($reference, 'AFI');
        $dossier = self::dossier($reference);
        $row = ['id_order' => 9, 'contract_id' => $dossier['contract_id'], 'order_reference' => $reference,
            'state' => \Sofinco\OrderState::FundingRequested, 'order_total_cents' => 129000, 'currency' => 'EUR', 'since' => time()];
        $this->assertSame(StatusAction::Unchanged, $this->sync()->statuses(null, ...Typed::tracked([$row]))->decisions[0]->action);
    }

    public function testFundingIsSentOnceThenFollowedToFunded(): void
    {
        $reference = $this->journey('sign');
        static::$sandbox->setStatus($reference, 'AFI');
        $dossier = self::dossier($reference);
        $request = ['id_order' => 5, 'contract_id' => $dossier['contract_id'], 'order_reference' => $reference,
            'order_total_cents' => 129000, 'currency' => 'EUR', 'requested_at' => time(), 'sent' => false];
        $sync = $this->sync();
        $sent = $sync->fundings(null, ...Typed::fundings([$request]))->decisions[0];
        $this->assertInstanceOf(FundingDecision::class, $sent);
        $this->assertSame(5, $sent->idOrder);
        $this->assertSame([FundingAction::Sent, \Sofinco\OrderState::FundingRequested], [$sent->action, $sent->state]);
        $this->assertSame(1, self::calls('/order/deliver'));
        $request['sent'] = true;
        $funded = $sync->fundings(null, ...Typed::fundings([$request]))->decisions[0];
        $this->assertSame([FundingAction::Funded, \Sofinco\OrderState::Funded], [$funded->action, $funded->state]);
        $this->assertSame('FIN', $funded->sofincoStatus);
        $this->assertSame(1, self::calls('/order/deliver'), 'a request Sofinco accepted is never sent again');
    }

    public function testFundingWhileSofincoIsDownIsKeptForRetry(): void
    {
        $reference = $this->journey('sign');
        static::$sandbox->setStatus($reference, 'AFI');
        $dossier = self::dossier($reference);
        static::$sandbox->faults(['fail_rate' => 1.0]);
        $sync = new DossierSync($this->client(['max_retries' => 0, 'timeout_ms' => 3101]));
        $d = $sync->fundings(null, ...Typed::fundings([['id_order' => 5, 'contract_id' => $dossier['contract_id'], 'order_reference' => $reference,
            'order_total_cents' => 129000, 'currency' => 'EUR', 'requested_at' => time(), 'sent' => false]]))->decisions[0];
        static::$sandbox->faults([]);
        $this->assertSame(FundingAction::Retry, $d->action);
        $this->assertNull($d->state);
    }

    /** Refused after the click: the request is closed, nothing sent, and no error for every later run. */
    public function testFundingOnARefusedDossierIsClosedNotAnErrorEveryRun(): void
    {
        $reference = $this->journey('sign');
        static::$sandbox->setStatus($reference, 'REF');
        $dossier = self::dossier($reference);
        $batch = $this->sync()->fundings(null, ...Typed::fundings([['id_order' => 5, 'contract_id' => $dossier['contract_id'], 'order_reference' => $reference,
            'order_total_cents' => 129000, 'currency' => 'EUR', 'requested_at' => time(), 'sent' => false]]));
        $d = $batch->decisions[0];
        $this->assertSame(FundingAction::Closed, $d->action);
        $this->assertSame('REF', $d->sofincoStatus);
        $this->assertStringContainsString('REF', $d->reason);
        $this->assertSame(0, $batch->errors);
        $this->assertSame(0, self::calls('/order/deliver'), 'nothing sent');
    }

    public function testOneFailingDossierDoesNotSpoilTheBatch(): void
    {
        $good = $this->journey('sign');
        static::$sandbox->setStatus('BADCODE1', 'XYZ', ['amountCents' => 129000]);
        $result = $this->sync()->orders(null, ...Typed::attempts([self::attempt('BADCODE1'), self::attempt($good)]));
        $this->assertSame([OrderAction::Error, OrderAction::CreateOrder], self::actions($result));
        $this->assertStringContainsString('XYZ', $result->decisions[0]->reason);
        $this->assertSame(1, $result->errors);
        $this->assertSame(1, $result->summary()['errors']);
    }

    public function testTheDeadlineLeavesRowsForTheNextRun(): void
    {
        static::$sandbox->faults(['latency_ms' => 150]);
        $rows = [];
        for ($i = 0; $i < 40; $i++) {
            $rows[] = self::attempt('LATE' . $i, 100, 10, $i);
        }
        $result = $this->sync(['concurrency' => 2, 'deadline_ms' => 1000])->orders(null, ...Typed::attempts($rows));
        static::$sandbox->faults([]);
        $this->assertGreaterThan(0, $result->remaining);
        $this->assertSame(40, $result->checked + $result->remaining);
        $this->assertSame($result->summary()['remaining'], $result->remaining);
        $this->assertCount($result->checked, $result->decisions);
        // Rows finished by the deadline, in row order: a row cut in flight may sit before one
        // that finished (two calls at a time), so the decided rows need not be a prefix.
        $ids = array_map(fn ($d) => $d->idCart, $result->decisions);
        $ordered = $ids;
        sort($ordered);
        $this->assertSame($ordered, $ids, 'in row order');
        $this->assertSame(count($ids), count(array_unique($ids)), 'each row decided once');
    }

    public function testACallStillWaitingAtTheDeadlineIsDroppedNotWaitedFor(): void
    {
        // Every answer takes 2 s; the batch has 300 ms, then the module needs its time.
        static::$sandbox->faults(['latency_ms' => 2000]);
        $rows = [];
        for ($i = 0; $i < 6; $i++) {
            $rows[] = self::attempt('SLOW' . $i, 100, 10, $i);
        }
        $started = microtime(true);
        $result = $this->sync(['concurrency' => 4])->orders(300, ...Typed::attempts($rows));
        $wall = microtime(true) - $started;
        static::$sandbox->faults([]);
        $this->assertLessThan(0.8, $wall, 'ended by its deadline');
        $this->assertSame([0, 6], [$result->checked, $result->remaining], 'cut calls count as remaining, not as errors');
        $this->assertSame([], $result->decisions);
    }

    public function testTheSummaryOfTheDecisionsAppliedCountsTheOthersAsRemaining(): void
    {
        $rows = [];
        foreach ([1, 2, 3] as $i) {
            static::$sandbox->setStatus('BADSUM' . $i, 'XYZ', ['amountCents' => 129000]);
            $rows[] = self::attempt('BADSUM' . $i, 129000, 60, $i);
        }
        $result = $this->sync()->orders(null, ...Typed::attempts($rows));
        $this->assertSame(3, $result->errors);
        $first = $result->summaryOfFirst(1);
        $this->assertSame([1, 1, 2], [$first['checked'], $first['errors'], $first['remaining']]);
        $this->assertEquals($result->summary(), $result->summaryOfFirst(3));
        $this->assertEquals($result->summary(), $result->summaryOfFirst(99));
        $this->expectException(\Sofinco\InvalidInputException::class);
        $result->summaryOfFirst(-1);
    }

    public function testNotificationsAreHintsOnly(): void
    {
        $reference = $this->journey('sign');
        $sync = $this->sync();
        // It lies: says FIN. Sofinco's own answer (ETU) decides.
        $d = $sync->notification(json_encode(['ORDER_ID' => strtolower($reference), 'AMOUNT' => 1290.00, 'CONTRACT_STATUS' => 'FIN']), Typed::attempt(self::attempt($reference)));
        $this->assertInstanceOf(OrderDecision::class, $d);
        $this->assertSame([OrderAction::CreateOrder, \Sofinco\OrderState::InStudy], [$d->action, $d->state]);
        $before = count(static::$sandbox->requests());
        $other = $sync->notification(json_encode(['ORDER_ID' => 'SOMEONEELSE', 'AMOUNT' => 1, 'CONTRACT_STATUS' => 'FIN']), Typed::attempt(self::attempt($reference)));
        $this->assertSame(OrderAction::Ignore, $other->action);
        $this->assertSame($before, count(static::$sandbox->requests()), 'no call for another reference');
        $this->expectException(\Sofinco\SofincoException::class);
        $sync->notification('{not json', Typed::attempt(self::attempt($reference)));
    }

    public function testASecondSignedDossierForAnOrderedCartIsCancelledAtSofinco(): void
    {
        $first = $this->journey('sign');
        $second = $this->journey('sign');
        $ordered = self::attempt($second) + ['ordered_as' => $first];
        $d = $this->sync()->orders(null, ...Typed::attempts([$ordered]))->decisions[0];
        $this->assertSame(OrderAction::Cancelled, $d->action, $d->reason);
        $this->assertStringContainsString($first, $d->reason);
        $this->assertSame('ANN', self::dossier($second)['status'], 'the second credit is cancelled at Sofinco');
        $this->assertSame('ETU', self::dossier($first)['status'], 'the order\'s own dossier is untouched');
        // The attempt the order was made from is not a second one.
        $same = $this->sync()->orders(null, ...Typed::attempts([self::attempt($first) + ['ordered_as' => strtolower($first)]]))->decisions[0];
        $this->assertSame(OrderAction::CreateOrder, $same->action);
    }

    public function testACartInAnotherCurrencyMakesNoOrderAndIsHeld(): void
    {
        $signed = $this->journey('sign', 129000);
        $row = ['currency' => 'USD', 'cart_total_cents' => 129000] + self::attempt($signed);
        $d = $this->sync()->orders(null, ...Typed::attempts([$row]))->decisions[0];
        $this->assertSame(OrderAction::Wait, $d->action, $d->reason);
        $this->assertSame('currency', $d->heldBecause);
        $this->assertSame(129000, $d->sofincoAmountCents);
    }

    public function testAnOrderEnlargedAfterSigningIsHeldNeverApproved(): void
    {
        $signed = $this->journey('sign', 129000);
        static::$sandbox->setStatus($signed, 'AFI');
        $dossier = self::dossier($signed);
        $row = ['id_order' => 41, 'contract_id' => $dossier['contract_id'], 'order_reference' => $signed,
            'state' => \Sofinco\OrderState::TechError, 'order_total_cents' => 258000, 'currency' => 'EUR', 'since' => time()];
        $d = $this->sync()->statuses(null, ...Typed::tracked([$row]))->decisions[0];
        $this->assertSame(StatusAction::Unchanged, $d->action, $d->reason);
        $this->assertSame('amount', $d->heldBecause);
        $this->assertSame(129000, $d->sofincoAmountCents);
        $created = $this->sync()->orders(null, ...Typed::attempts([self::attempt($signed)]))->decisions[0];
        $this->assertSame(\Sofinco\OrderState::AwaitingFunding, $created->stateForOrder(129000, 'EUR'));
        $this->assertSame(\Sofinco\OrderState::TechError, $created->stateForOrder(258000, 'EUR'), 'the cart grew before validateOrder');
        $this->assertSame(\Sofinco\OrderState::TechError, $created->stateForOrder(129000, 'USD'));
        $this->assertNull($created->heldForOrder(129000, 'EUR'));
        $this->assertSame('amount', $created->heldForOrder(258000, 'EUR'), 'the reason too is the extension\'s');
        $this->assertSame('currency', $created->heldForOrder(129000, 'USD'));
    }

    public function testAContractIdTheClientRefusesIsAnErrorAndNothingIsSent(): void
    {
        $before = static::$sandbox->requests();
        $row = ['id_order' => 42, 'contract_id' => '../contracts', 'order_reference' => 'NOSUCH1',
            'state' => \Sofinco\OrderState::InStudy, 'order_total_cents' => 129000, 'currency' => 'EUR', 'since' => time()];
        $batch = $this->sync()->statuses(null, ...Typed::tracked([$row]));
        $d = $batch->decisions[0];
        $this->assertSame(StatusAction::Error, $d->action, 'refused by the client, not "unknown to Sofinco"');
        $this->assertNull($d->state);
        $this->assertStringContainsString('contract id', $d->reason);
        $this->assertSame(1, $batch->errors);
        $this->assertSame($before, static::$sandbox->requests(), 'nothing reached Sofinco');
    }

    public function testCancelRefusesAHandMovedOrderWithoutAnyCall(): void
    {
        $reference = $this->journey('sign');
        $dossier = self::dossier($reference);
        $sync = $this->sync();
        $before = static::$sandbox->requests();
        foreach ([
            'moved by hand' => [null, 'ETU', $dossier['contract_id']],
            'funded' => [\Sofinco\OrderState::AwaitingFunding, 'FIN', $dossier['contract_id']],
            'no contract' => [\Sofinco\OrderState::InStudy, 'ETU', ''],
            'already final' => [\Sofinco\OrderState::Refused, 'REF', $dossier['contract_id']],
        ] as $case => [$state, $status, $contract]) {
            $this->assertFalse(StatusMapper::canCancel($state, $status, $contract), $case);
            $d = $sync->cancel(Typed::cancel(['id_order' => 31, 'contract_id' => $contract, 'order_reference' => $reference,
                'state' => $state, 'sofinco_status' => $status]));
            $this->assertInstanceOf(CancelDecision::class, $d);
            $this->assertSame(31, $d->idOrder, $case);
            $this->assertSame(CancelAction::NotAllowed, $d->action, $case);
            $this->assertNull($d->state, $case);
            $this->assertFalse($d->releaseStock, $case);
        }
        $this->assertSame($before, static::$sandbox->requests(), 'no request reached Sofinco');
        $this->assertSame(0, self::calls('/order/cancel'));
        $this->assertSame('ETU', self::dossier($reference)['status'], 'the dossier is untouched');
    }

    public function testCancelOfACancellableOrderCancelsTheDossierAndReleasesStock(): void
    {
        $reference = $this->journey('sign');
        $dossier = self::dossier($reference);
        $this->assertTrue(StatusMapper::canCancel(\Sofinco\OrderState::InStudy, 'ETU', $dossier['contract_id']));
        $d = $this->sync()->cancel(Typed::cancel(['id_order' => 32, 'contract_id' => $dossier['contract_id'], 'order_reference' => $reference,
            'state' => \Sofinco\OrderState::InStudy, 'sofinco_status' => 'ETU']));
        $this->assertSame(32, $d->idOrder);
        $this->assertSame(CancelAction::Cancelled, $d->action, $d->reason);
        $this->assertSame(\Sofinco\OrderState::Cancelled, $d->state);
        $this->assertTrue($d->releaseStock);
        $this->assertSame('ANN', $d->sofincoStatus);
        $this->assertSame(1, self::calls('/order/cancel'));
    }

    public function testACancelRequestMissingFieldsIsAClearErrorAndSendsNothing(): void
    {
        try {
            $this->sync()->cancel(Typed::cancel(['id_order' => '31', 'contract_id' => 'SBX1']));
            $this->fail('no exception');
        } catch (\Sofinco\InvalidInputException $e) {
            $this->assertStringContainsString('request.id_order', $e->getMessage());
            $this->assertStringContainsString('request.order_reference', $e->getMessage());
        }
        $bare = $this->sync()->cancel(Typed::cancel(['id_order' => 31, 'order_reference' => 'BARE1']));
        $this->assertSame(CancelAction::NotAllowed, $bare->action, 'no state, no status, no contract: not cancellable');
        $this->assertSame([], static::$sandbox->requests());
    }

    public function testAFundingRequestWithoutAContractNumberIsNeverSent(): void
    {
        $reference = $this->journey('sign');
        static::$sandbox->setStatus($reference, 'AFI');
        $before = static::$sandbox->requests();
        $batch = $this->sync()->fundings(null, ...Typed::fundings([
            ['id_order' => 11, 'contract_id' => '', 'order_reference' => $reference, 'order_total_cents' => 129000, 'currency' => 'EUR', 'requested_at' => time(), 'sent' => false],
            ['id_order' => 12, 'contract_id' => '   ', 'order_reference' => $reference, 'order_total_cents' => 129000, 'currency' => 'EUR', 'requested_at' => time(), 'sent' => false],
        ]));
        $this->assertSame([11, 12], array_map(fn ($d) => $d->idOrder, $batch->decisions));
        $this->assertSame([FundingAction::Error, FundingAction::Error], self::actions($batch));
        $this->assertStringContainsString('contract number', $batch->decisions[0]->reason);
        $this->assertSame($before, static::$sandbox->requests(), 'no request at all');
        $this->assertSame(0, self::calls('/order/deliver'), 'never sent');
        $this->assertSame(2, $batch->errors);
    }

    public function testDecisionsAreReadOnly(): void
    {
        $batch = $this->sync()->statuses(null, ...Typed::tracked([
            ['id_order' => 4, 'contract_id' => 'SBX4', 'order_reference' => 'MANUAL4', 'state' => null, 'order_total_cents' => 1, 'currency' => 'EUR', 'since' => time()],
        ]));
        $d = $batch->decisions[0];
        foreach ([fn () => $batch->checked = 5, fn () => $batch->decisions = [], fn () => $d->state = \Sofinco\OrderState::Funded,
                  fn () => $d->action = StatusAction::SetState, fn () => $d->idOrder = 99] as $i => $write) {
            try {
                $write();
                $this->fail("write $i went through");
            } catch (\Exception $e) {
                $this->assertSame('No setter available for this property.', $e->getMessage());
            }
        }
        $this->assertSame([4, StatusAction::Leave, null, 1], [$d->idOrder, $d->action, $d->state, $batch->checked]);
        $copy = $batch->decisions;
        $copy[0] = null;
        $this->assertInstanceOf(StatusDecision::class, $batch->decisions[0], 'decisions is handed out as a copy');
    }

    public function testDecisionClassesCannotBeMadeFromPhp(): void
    {
        foreach ([Batch::class, OrderDecision::class, StatusDecision::class, FundingDecision::class, CancelDecision::class] as $class) {
            try {
                new $class();
                $this->fail("$class instantiated");
            } catch (\Throwable $e) {
                $this->assertStringContainsString('cannot instantiate', $e->getMessage(), $class);
            }
        }
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
        $this->expectExceptionMessage('row 1: cart_total_cents must be an integer, not a string');
        $this->sync()->orders(null, ...Typed::attempts([self::attempt('A1'), ['id_cart' => 1, 'order_reference' => 'A2', 'currency' => 'EUR', 'cart_total_cents' => '12.90', 'created_at' => 1]]));
    }
}
