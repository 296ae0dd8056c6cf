<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\CancelAction;
use Sofinco\FundingAction;
use Sofinco\OrderAction;
use Sofinco\StatusAction;

/** The enums and read-only classes DossierSync's decisions are made of. */
final class DecisionTypesTest extends TestCase
{
    /** @dataProvider enums */
    #[\PHPUnit\Framework\Attributes\DataProvider('enums')]
    public function testEnumsAreBackedByTheOldActionStrings(string $enum, array $cases): void
    {
        if (PHP_VERSION_ID < 80100) {
            $this->markTestSkipped('PHP 7 engine: the enum-likes are classes of string constants');
        }
        $r = new ReflectionEnum($enum);
        $this->assertTrue($r->isBacked());
        $this->assertSame('string', (string) $r->getBackingType());
        $this->assertSame($cases, array_combine(
            array_map(fn ($c) => $c->name, $enum::cases()),
            array_map(fn ($c) => $c->value, $enum::cases())
        ));
        foreach ($cases as $name => $value) {
            $this->assertSame(constant($enum . '::' . $name), $enum::from($value));
            $this->assertSame($enum::from($value), $enum::tryFrom($value));
        }
        $this->assertNull($enum::tryFrom('no_such_action'));
        $this->expectException(\ValueError::class);
        $enum::from('no_such_action');
    }

    public static function enums(): array
    {
        return [
            'order' => [OrderAction::class, ['CreateOrder' => 'create_order', 'Wait' => 'wait', 'Abandon' => 'abandon', 'Cancelled' => 'cancelled', 'Error' => 'error', 'Ignore' => 'none']],
            'status' => [StatusAction::class, ['SetState' => 'set_state', 'Unchanged' => 'none', 'Leave' => 'leave', 'Error' => 'error']],
            'funding' => [FundingAction::class, ['Sent' => 'sent', 'Retry' => 'retry', 'Funded' => 'funded', 'Closed' => 'closed', 'Unchanged' => 'none', 'Error' => 'error']],
            'cancel' => [CancelAction::class, ['Cancelled' => 'cancelled', 'NotAllowed' => 'not_allowed', 'NotAccepted' => 'not_accepted', 'Error' => 'error']],
            'state' => [\Sofinco\OrderState::class, ['InStudy' => 'in_study', 'AwaitingCustomer' => 'awaiting_customer',
                'AwaitingFunding' => 'awaiting_funding', 'FundingRequested' => 'funding_requested', 'Funded' => 'funded',
                'Refused' => 'refused', 'Cancelled' => 'cancelled', 'NotFound' => 'not_found', 'TechError' => 'tech_error',
                'PrestashopCancelled' => 'prestashop_cancelled']],
        ];
    }

    public function testEnumCasesAreSingletons(): void
    {
        if (PHP_VERSION_ID < 80100) {
            $this->markTestSkipped('PHP 7 engine: the enum-likes are classes of string constants');
        }
        $this->assertSame(OrderAction::CreateOrder, OrderAction::from('create_order'));
        $this->assertNotSame(StatusAction::Unchanged, FundingAction::Unchanged);
        $status = StatusAction::Unchanged;
        $funding = FundingAction::Unchanged;
        $this->assertSame($status->value, $funding->value);
    }

    /**
     * Below PHP 8.1 (the phper build) the enum-likes are final classes whose constants are
     * the 8.1+ enums' backing values: the same cases, in the same order.
     *
     * @dataProvider enums
     */
    #[\PHPUnit\Framework\Attributes\DataProvider('enums')]
    public function testEnumLikesBelowPhp81AreFinalClassesOfTheSameValues(string $enum, array $cases): void
    {
        if (PHP_VERSION_ID >= 80100) {
            $this->markTestSkipped('PHP 8.1+ engine: the enum-likes are backed enums');
        }
        $r = new ReflectionClass($enum);
        $this->assertTrue($r->isFinal());
        $this->assertSame($cases, $r->getConstants());
    }

    /** @dataProvider classes */
    #[\PHPUnit\Framework\Attributes\DataProvider('classes')]
    public function testDecisionClassesExposeTheirProperties(string $class, array $properties): void
    {
        $this->assertTrue(class_exists($class), $class);
        $this->assertSame($properties, array_map(fn ($p) => $p->getName(), (new ReflectionClass($class))->getProperties()));
    }

    public static function classes(): array
    {
        return [
            'batch' => ['Sofinco\Batch', ['decisions', 'checked', 'changed', 'errors', 'remaining', 'elapsedMs']],
            'order' => ['Sofinco\OrderDecision', ['idCart', 'orderReference', 'action', 'state', 'createIn', 'paymentCents', 'paymentEuros',
                'contractId', 'signatureDate', 'withdrawalEnd', 'reason', 'sofincoStatus', 'sofincoAmountCents', 'heldBecause']],
            'status' => ['Sofinco\StatusDecision', ['idOrder', 'action', 'state', 'releaseStock', 'signatureDate', 'withdrawalEnd', 'reason', 'sofincoStatus',
                'sofincoAmountCents', 'heldBecause']],
            'funding' => ['Sofinco\FundingDecision', ['idOrder', 'action', 'state', 'sofincoStatus', 'reason', 'heldBecause']],
            'cancel' => ['Sofinco\CancelDecision', ['idOrder', 'action', 'state', 'releaseStock', 'sofincoStatus', 'reason']],
        ];
    }
}
