<?php
declare(strict_types=1);

use Sofinco\Tests\Support\Typed;

use Sofinco\ApiException;
use Sofinco\NotFoundException;
use Sofinco\InvalidInputException;

require_once __DIR__ . '/ClientTestCase.php';

/** Every method of the client against a real sandbox process. */
final class SofincoClientTest extends ClientTestCase
{
    /** An answer object's properties and their values, to compare two answers. */
    private static function values(object $answer): array
    {
        $values = [];
        foreach ((new \ReflectionClass($answer))->getProperties() as $p) {
            $values[$p->getName()] = $answer->{$p->getName()};
        }
        return $values;
    }

    public function testSimulateReturnsOffersInCentsWithTheLegalNotice(): void
    {
        $sim = $this->client()->simulate(129000);
        $this->assertFalse($sim->cached);
        $this->assertSame(
            'Un crédit vous engage et doit être remboursé. Vérifiez vos capacités de remboursement avant de vous engager.',
            $sim->legalNotice
        );
        $this->assertNotEmpty($sim->offers);
        $months = array_map(fn ($o) => $o->durationMonths, $sim->offers);
        $sorted = $months;
        sort($sorted);
        $this->assertSame($sorted, $months, 'offers come shortest first');
        $this->assertSame(min(array_map(fn ($o) => $o->monthlyPaymentCents, $sim->offers)), $sim->lowestMonthlyCents);
        foreach ($sim->offers as $offer) {
            $this->assertInstanceOf(\Sofinco\Offer::class, $offer);
            $this->assertIsInt($offer->monthlyPaymentCents);
            $this->assertIsFloat($offer->taeg);
            $this->assertSame($offer->totalDueCents - 129000, $offer->creditCostCents);
            $this->assertGreaterThanOrEqual($offer->debitRate, $offer->taeg + 0.001);
        }
    }

    public function testDurationsKeepOnlyThoseOffers(): void
    {
        $sim = $this->client()->simulate(129000, [10, 12]);
        $this->assertSame([10, 12], array_map(fn ($o) => $o->durationMonths, $sim->offers));
    }

    public function testWarmCacheMakesNoNetworkCall(): void
    {
        $dir = sys_get_temp_dir() . '/sofinco-cache-' . bin2hex(random_bytes(4));
        $client = $this->client(['cache_dir' => $dir]);
        $cold = $client->simulate(150000);
        $before = count(static::$sandbox->requests());
        $warm = $this->client(['cache_dir' => $dir])->simulate(150000);
        $this->assertTrue($warm->cached);
        $this->assertSame(array_map([self::class, 'values'], $cold->offers), array_map([self::class, 'values'], $warm->offers));
        $this->assertSame($before, count(static::$sandbox->requests()), 'a warm call reaches no server');
        $other = $client->simulate(150100);
        $this->assertFalse($other->cached, 'another amount is another entry');
    }

    /**
     * Issue 31: Sofinco's range as the sandbox's grid reports it (100 € to 8 000 €). An amount
     * it refuses is out of range, remembered for every worker; the merchant's own prices
     * decide without a call.
     */
    public function testAvailabilityFollowsSofincosAnswersAndTheMerchantsPrices(): void
    {
        $dir = sys_get_temp_dir() . '/sofinco-cache-' . bin2hex(random_bytes(4));
        $client = $this->client(['cache_dir' => $dir, 'min_price_cents' => 5000]);
        $this->assertSame(\Sofinco\Availability::Unknown, $client->availability(903000), 'not asked yet: unknown, and no call');
        $this->assertSame([], static::$sandbox->requests());
        $this->assertSame(\Sofinco\Availability::OutOfRange, $client->availability(903000, true), '9 030,00 €: "Montant hors barème"');
        $this->assertSame(\Sofinco\Availability::OutOfRange, $client->availability(6000, true), '60,00 €: below the grid, above the merchant\'s minimum');
        $this->assertSame(\Sofinco\Availability::Offered, $client->availability(129000, true));
        $before = count(static::$sandbox->requests());
        $other = $this->client(['cache_dir' => $dir, 'min_price_cents' => 5000]);
        $this->assertSame(\Sofinco\Availability::OutOfRange, $other->availability(903000, true), 'remembered for another worker');
        $this->assertSame(\Sofinco\Availability::Offered, $other->availability(129000));
        $this->assertSame(\Sofinco\Availability::BelowMinimum, $other->availability(4999, true));
        $capped = $this->client(['cache_dir' => $dir, 'min_price_cents' => 5000, 'max_price_cents' => 100000]);
        $this->assertSame(\Sofinco\Availability::AboveMaximum, $capped->availability(129000, true));
        $this->assertSame($before, count(static::$sandbox->requests()), 'the cache and the prices answered');
        $this->assertTrue(\Sofinco\SofincoClient::priceRangeValid(10000, 0), '0: no maximum');
        $this->assertFalse(\Sofinco\SofincoClient::priceRangeValid(10000, 9999));
        try {
            $this->client(['min_price_cents' => 10000, 'max_price_cents' => 9999]);
            $this->fail('a maximum below the minimum is refused');
        } catch (\Sofinco\ConfigException $e) {
            $this->assertStringContainsString('max_price_cents', $e->getMessage());
        }
    }

    public function testEveryCallCarriesSofincosHeaders(): void
    {
        $client = $this->client(['application_id' => 'PSTEST', 'user_agent' => 'PrestaShop/8.1.2 PHP/8.2']);
        $dossier = $this->signedDossier($client);
        $client->getDossier($dossier->contractId, $dossier->orderReference);
        $requests = static::$sandbox->requests();
        $this->assertGreaterThanOrEqual(4, count($requests));
        $correlations = [];
        foreach ($requests as $r) {
            $h = array_change_key_case($r['headers'], CASE_LOWER);
            $this->assertSame('Q6TEST', $h['context-partnerid'] ?? null, $r['path']);
            $this->assertSame('X1TEST', $h['context-sourceid'] ?? null, $r['path']);
            $this->assertSame('PSTEST', $h['context-applicationid'] ?? null, $r['path']);
            $this->assertMatchesRegularExpression('/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/', $h['correlationid'] ?? '');
            $this->assertStringStartsWith('sofinco-ext/' . \Sofinco\VERSION . ' PrestaShop/8.1.2 PHP/8.2', $h['user-agent'] ?? '');
            $correlations[] = $h['correlationid'];
            if ($r['path'] === '/token') {
                $this->assertStringStartsWith('Basic ', $h['authorization']);
            } else {
                $this->assertStringStartsWith('Bearer ', $h['authorization']);
            }
        }
        $this->assertSame(count($correlations), count(array_unique($correlations)), 'one Correlationid per call');
    }

    public function testJourneyLinkAndBusinessContext(): void
    {
        $reference = self::reference();
        $journey = $this->client()->createJourney(Typed::order(self::order($reference, 129010, [
            'first_name' => 'Marie-Hélène Françoise', 'last_name' => 'de la Fontaine-Saint-Éloi',
        ])));
        $this->assertSame($reference, $journey['order_reference']);
        $this->assertStringStartsWith(static::$sandbox->url . '/journey/', $journey['journey_url']);
        $link = array_values(array_filter(static::$sandbox->requests(), fn ($r) => str_contains($r['path'], 'partnerDataExchange')))[0];
        $body = json_decode($link['body'], true);
        $this->assertSame('OPAQUE', $body['tokenFormat']);
        $context = json_decode($body['businessContext'], true);
        $this->assertSame('Marie-Helene Francoi', $context['customerContext']['firstName'], 'transliterated, cut at 20');
        $this->assertSame('de la Fontaine-Saint', $context['customerContext']['lastName']);
        $this->assertSame('2', $context['customerContext']['civilityCode']);
        $this->assertSame('0612345678', $context['customerContext']['mobileNumber']);
        $this->assertSame(129010, $context['offerContext']['amount']);
        $this->assertTrue($context['offerContext']['awaitingFunding']);
        $this->assertSame('12345678901', $context['providerContext']['businessProviderId']);
    }

    public function testSignedDossierIsFoundWithExactAmountAndSignatureDate(): void
    {
        $client = $this->client();
        $dossier = $this->signedDossier($client, 129010);
        $this->assertSame('ETU', $dossier->status);
        $this->assertSame(129010, $dossier->amountCents);
        $this->assertMatchesRegularExpression('/^\d{4}-\d{2}-\d{2}$/', (string) $dossier->signatureDate);
        $this->assertNull($dossier->fundedAt);
        $this->assertSame(\Sofinco\StatusMapper::withdrawalEnd($dossier->signatureDate), $dossier->withdrawalEnd);
        $this->assertNotNull($dossier->withdrawalEnd);
        $byContract = $client->getDossier($dossier->contractId, $dossier->orderReference);
        $this->assertSame(self::values($dossier), self::values($byContract));
    }

    public function testUnknownDossiers(): void
    {
        $client = $this->client();
        $this->assertNull($client->findDossier('NOSUCHREF1'));
        try {
            $client->getDossier('SBX999999', 'NOSUCHREF1');
            $this->fail('no exception');
        } catch (NotFoundException $e) {
            $this->assertSame(404, $e->getHttpStatus());
            $this->assertInstanceOf(ApiException::class, $e);
        }
    }

    public function testFundingAndItsRepeat(): void
    {
        $client = $this->client();
        $dossier = $this->signedDossier($client);
        static::$sandbox->setStatus($dossier->orderReference, 'AFI');
        $first = $client->requestFunding($dossier->contractId, $dossier->orderReference);
        $this->assertTrue($first['accepted']);
        $this->assertNotSame('', $first['correlation_id']);
        $again = $client->requestFunding($dossier->contractId, $dossier->orderReference);
        $this->assertTrue($again['accepted'], 'a repeat of an accepted request is not an error');
        $funded = $client->getDossier($dossier->contractId, $dossier->orderReference);
        $this->assertSame('FIN', $funded->status);
        $this->assertNotNull($funded->fundedAt);
    }

    public function testFundingADossierStillInStudyIsRefused(): void
    {
        $client = $this->client();
        $dossier = $this->signedDossier($client);
        try {
            $client->requestFunding($dossier->contractId, $dossier->orderReference);
            $this->fail('no exception');
        } catch (ApiException $e) {
            $this->assertSame(409, $e->getHttpStatus());
            $this->assertNotSame('', $e->getMessage());
        }
    }

    public function testCancelAndItsRepeat(): void
    {
        $client = $this->client();
        $dossier = $this->signedDossier($client);
        $this->assertTrue($client->cancelDossier($dossier->contractId, $dossier->orderReference)['accepted']);
        $this->assertTrue($client->cancelDossier($dossier->contractId, $dossier->orderReference)['accepted']);
        $this->assertSame('ANN', $client->findDossier($dossier->orderReference)->status);
    }

    public function testWrongMerchantIsAnApiErrorWithSofincosCode(): void
    {
        $client = $this->client();
        $dossier = $this->signedDossier($client);
        $other = $this->client(['merchant_id' => '99999999999']);
        try {
            $other->getDossier($dossier->contractId, $dossier->orderReference);
            $this->fail('no exception');
        } catch (ApiException $e) {
            $this->assertGreaterThanOrEqual(400, $e->getHttpStatus());
            $this->assertLessThan(500, $e->getHttpStatus());
        }
    }

    public function testBadInputIsRefusedBeforeAnyCall(): void
    {
        $client = $this->client();
        foreach ([
            fn () => $client->simulate(0),
            fn () => $client->simulate(-100),
            fn () => $client->findDossier('lower-case'),
            fn () => $client->getDossier('../token', 'REF1'),
            fn () => $client->createJourney(Typed::order(['order_reference' => 'X'])),
        ] as $call) {
            try {
                $call();
                $this->fail('no exception');
            } catch (InvalidInputException $e) {
                $this->assertNotSame('', $e->getMessage());
            }
        }
        $this->assertSame([], static::$sandbox->requests());
    }

    public function testNotificationBodies(): void
    {
        $client = $this->client();
        $this->assertSame(
            ['order_reference' => 'PS1C42A1', 'amount_cents' => 129010, 'status' => 'ETU'],
            $client->parseNotification('{"ORDER_ID":"ps1c42a1","AMOUNT":1290.10,"CONTRACT_STATUS":"ETU"}')
        );
        foreach (['', 'null', '{"ORDER_ID":1}', str_repeat('[', 10000), '{"ORDER_ID":"A","AMOUNT":1.001,"CONTRACT_STATUS":"ETU"}'] as $bad) {
            try {
                $client->parseNotification($bad);
                $this->fail('no exception for ' . substr($bad, 0, 20));
            } catch (\Sofinco\SofincoException $e) {
                $this->assertNotSame('', $e->getMessage());
            }
        }
    }

    public function testConnectionReport(): void
    {
        $ok = $this->client()->testConnection();
        $this->assertTrue($ok['ok'], $ok['message']);
        $this->assertStringContainsString('token OK', $ok['message']);
        $this->assertSame('ok', $ok['code']);
        $this->assertContains($ok['mode'], ['test', 'production']);
        $this->assertSame('127.0.0.1', $ok['host']);
        $this->assertGreaterThan(0, $ok['offers']);
        $bad = $this->client(['client_secret' => 'wrong-secret'])->testConnection();
        $this->assertFalse($bad['ok']);
        $this->assertSame('auth_refused', $bad['code'], 'a wrong secret is the credentials');
        $this->assertSame('token', $bad['step']);
        $this->assertStringContainsString('token (ClientId/SecretId)', $bad['message']);
        $this->assertStringNotContainsString('wrong-secret', $bad['message']);
        // The sandbox accepts only 12345678901: another well-formed number is Sofinco refusing the merchant.
        $merchant = $this->client(['merchant_id' => '99999999999'])->testConnection();
        $this->assertFalse($merchant['ok']);
        $this->assertSame('merchant_refused', $merchant['code'], $merchant['message']);
        $this->assertSame('simulation', $merchant['step']);
        $this->assertSame(400, $merchant['http_status']);
        $this->assertSame('INVALID_BUSINESS_PROVIDER_ID', $merchant['api_code']);
        $down = $this->client(['base_url' => 'http://127.0.0.1:9', 'max_retries' => 0])->testConnection();
        $this->assertSame('unreachable', $down['code'], $down['message']);
    }
}
