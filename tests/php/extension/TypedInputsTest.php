<?php
// The typed boundary (docs/php-api.md): input classes built with `new`, their defaults,
// unknown properties refused, problems named by the core; outputs neither built nor
// written by PHP. Parses on PHP 7.4: the phper engine runs it too.
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\InvalidInputException;

final class TypedInputsTest extends TestCase
{
    private static function client(): \Sofinco\SofincoClient
    {
        $config = new \Sofinco\ClientConfig();
        $config->merchantId = '12345678901';
        $config->natureBien = 'ABC';
        $config->q6 = 'Q6TEST';
        $config->x1 = 'X1TEST';
        $config->clientId = 'id';
        $config->clientSecret = 'secret';
        // Nothing listens there: every test here must fail before any call.
        $config->baseUrl = 'http://127.0.0.1:1';
        $config->maxRetries = 0;
        return new \Sofinco\SofincoClient($config);
    }

    public function testInputsAreBuiltWithTheDescriptionsDefaults(): void
    {
        $config = new \Sofinco\ClientConfig();
        $this->assertSame('test', $config->mode);
        $this->assertNull($config->merchantId);
        $this->assertFalse($config->allowOtherUrl);
        $this->assertNull($config->timeoutMs);
        $order = new \Sofinco\JourneyOrder();
        $this->assertSame('', $order->orderReference);
        $this->assertSame(0, $order->amountCents);
        $this->assertNull($order->customer);
        $this->assertNull((new \Sofinco\TrackedOrder())->state);
        $this->assertFalse((new \Sofinco\FundingRequest())->sent);
    }

    public function testWritingAnUndeclaredPropertyIsRefused(): void
    {
        $classes = ['ClientConfig', 'Address', 'Customer', 'JourneyOrder', 'Attempt', 'TrackedOrder',
            'FundingRequest', 'CancelRequest', 'SyncOptions', 'CronResult'];
        foreach ($classes as $class) {
            $name = 'Sofinco\\' . $class;
            $object = new $name();
            try {
                $object->merchant_id = '12345678901';
                $this->fail($class . ' accepted an undeclared property');
            } catch (InvalidInputException $e) {
                $this->assertStringContainsString('merchant_id', $e->getMessage());
            }
        }
    }

    public function testAnObjectKeepsItsNestedObjectsByReference(): void
    {
        $order = new \Sofinco\JourneyOrder();
        $order->customer = new \Sofinco\Customer();
        $order->customer->email = 'zoe@example.fr';
        $this->assertSame('zoe@example.fr', $order->customer->email);
    }

    public function testABadJourneyOrderNamesEveryProblemBeforeAnyCall(): void
    {
        $order = new \Sofinco\JourneyOrder();
        $order->amountCents = '129000';
        $order->customer = new \Sofinco\Customer();
        $order->customer->email = ['zoe@example.fr'];
        try {
            self::client()->createJourney($order);
            $this->fail('a bad order was sent');
        } catch (InvalidInputException $e) {
            $message = $e->getMessage();
            $this->assertStringStartsWith('createJourney: ', $message);
            foreach (['order_reference is required', 'amount_cents must be an integer, not a string',
                'return_url is required', 'customer.email must be a string, not an array',
                'customer.address is required'] as $problem) {
                $this->assertStringContainsString($problem, $message);
            }
        }
    }

    public function testAWrongObjectWhereACustomerGoesIsNamed(): void
    {
        $order = new \Sofinco\JourneyOrder();
        $order->customer = new \Sofinco\Address();
        $this->expectException(InvalidInputException::class);
        $this->expectExceptionMessage('customer must be a Sofinco\\Customer, not a Sofinco\\Address');
        self::client()->createJourney($order);
    }

    public function testBatchRowsAreTypedAndNamedByTheirIndex(): void
    {
        $sync = new \Sofinco\DossierSync(self::client());
        $good = new \Sofinco\Attempt();
        $good->idCart = 4;
        $good->orderReference = 'SOF-4';
        $good->currency = 'EUR';
        $bad = new \Sofinco\Attempt();
        $bad->createdAt = 'yesterday';
        try {
            $sync->orders(0, $good, $bad);
            $this->fail('a bad row was accepted');
        } catch (InvalidInputException $e) {
            $this->assertStringContainsString('orders: row 1: order_reference is required', $e->getMessage());
            $this->assertStringContainsString('row 1: created_at must be an integer, not a string', $e->getMessage());
            $this->assertStringNotContainsString('row 0', $e->getMessage());
        }
        $this->assertSame(0, $sync->orders(null)->checked, 'no rows, no call');
        $this->expectException(\TypeError::class);
        $sync->orders(null, new \Sofinco\TrackedOrder());
    }

    public function testAStateThatIsNotAnOrderStateIsNamed(): void
    {
        $request = new \Sofinco\CancelRequest();
        $request->idOrder = 7;
        $request->orderReference = 'SOF-7';
        $request->state = 'SOFINCO_OS_IN_STUDY';
        $this->expectException(InvalidInputException::class);
        $this->expectExceptionMessage('request.state must be a Sofinco\\OrderState');
        (new \Sofinco\DossierSync(self::client()))->cancel($request);
    }

    public function testAnOrderInAnotherStateIsNotCancelledAndNothingIsSent(): void
    {
        $request = new \Sofinco\CancelRequest();
        $request->idOrder = 7;
        $request->contractId = 'SBX7';
        $request->orderReference = 'SOF-7';
        $request->state = null;
        $request->sofincoStatus = 'ETU';
        $decision = (new \Sofinco\DossierSync(self::client()))->cancel($request);
        $this->assertSame(\Sofinco\CancelAction::NotAllowed, $decision->action);
        $this->assertNull($decision->state);
    }

    public function testOptionsOutOfRangeAreAConfigError(): void
    {
        $options = new \Sofinco\SyncOptions();
        $options->concurrency = 0;
        $options->graceS = -1;
        try {
            new \Sofinco\DossierSync(self::client(), $options);
            $this->fail('bad options accepted');
        } catch (\Sofinco\ConfigException $e) {
            $this->assertStringContainsString('concurrency must be from 1 to 256', $e->getMessage());
            $this->assertStringContainsString('grace_s must be from 0', $e->getMessage());
        }
    }

    public function testAClientConfigOfTheWrongTypesGivesItsProblemsByKey(): void
    {
        $config = new \Sofinco\ClientConfig();
        $config->merchantId = '12345678901';
        $config->timeoutMs = 'fast';
        $keys = array_column(\Sofinco\SofincoClient::checkConfig($config), 'code', 'key');
        $this->assertSame('invalid', $keys['timeout_ms']);
        $this->assertSame('required', $keys['client_id']);
        $this->assertArrayNotHasKey('merchant_id', $keys);
    }

    public function testOutputsCannotBeBuiltNorWritten(): void
    {
        foreach (['OrderDecision', 'StatusDecision', 'FundingDecision', 'CancelDecision', 'Batch', 'Offer', 'Simulation', 'Dossier'] as $class) {
            $name = 'Sofinco\\' . $class;
            try {
                new $name();
                $this->fail('new ' . $class . ' was allowed');
            } catch (\Throwable $e) {
                $this->assertNotInstanceOf(\PHPUnit\Framework\AssertionFailedError::class, $e);
            }
        }
        $batch = (new \Sofinco\DossierSync(self::client()))->orders(null);
        foreach (['checked', 'undeclared'] as $property) {
            try {
                $batch->{$property} = 3;
                $this->fail('wrote ' . $property);
            } catch (\Throwable $e) {
                $this->assertNotInstanceOf(\PHPUnit\Framework\AssertionFailedError::class, $e);
            }
        }
        $this->assertSame(0, $batch->checked);
    }

    public function testTheApiDescriptionNamesEveryClassWithTypedDocumentedProperties(): void
    {
        $api = \Sofinco\Internal::apiDescription();
        foreach ($api['classes'] as $class => $described) {
            $this->assertTrue(class_exists($class), $class);
            $this->assertContains($described['kind'], ['input', 'output']);
            foreach ($described['properties'] as $name => $p) {
                $this->assertNotSame('', $p['type'], $class . '::' . $name);
                $this->assertNotSame('', $p['doc'], $class . '::' . $name);
                if ($described['kind'] === 'input') {
                    $object = new $class();
                    $this->assertSame($p['default'], $object->{$name}, $class . '::' . $name);
                }
            }
        }
        $this->assertSame('in_study', $api['enums']['Sofinco\\OrderState']['cases']['InStudy']);
        $this->assertSame('tech_error', $api['enums']['Sofinco\\OrderState']['cases']['TechError']);
    }

    public function testOrderStateIsABackedEnumOnPhp81(): void
    {
        if (PHP_VERSION_ID < 80100) {
            $this->markTestSkipped('PHP 7 engine: OrderState is a class of string constants');
        }
        $this->assertInstanceOf(\BackedEnum::class, \Sofinco\OrderState::Funded);
        $this->assertSame(\Sofinco\OrderState::Funded, \Sofinco\StatusMapper::stateFor('FIN'));
    }
}
