<?php
declare(strict_types=1);

use Sofinco\Tests\Support\Typed;

use PHPUnit\Framework\TestCase;
use Sofinco\SofincoClient;
use Sofinco\Tests\Support\Sandbox;

/** One sandbox per test class, reset before each test. */
abstract class ClientTestCase extends TestCase
{
    protected static ?Sandbox $sandbox = null;

    /** Extra sandbox arguments for the class. */
    protected static function sandboxArgs(): array
    {
        return [];
    }

    public static function setUpBeforeClass(): void
    {
        // The sandbox accepts only this merchant, as Sofinco would.
        static::$sandbox = new Sandbox(array_merge(['--business-provider-id', '12345678901', '--equipment-code', 'ABC'], static::sandboxArgs()));
    }

    public static function tearDownAfterClass(): void
    {
        static::$sandbox = null;
    }

    protected function setUp(): void
    {
        static::$sandbox->reset();
    }

    protected function client(array $overrides = []): SofincoClient
    {
        // Every client logs in debug mode, so the log check (make test) sees real lines.
        $logs = getenv('SOFINCO_TEST_LOGS') ?: sys_get_temp_dir() . '/sofinco-test-logs';
        return new SofincoClient(Typed::config(static::$sandbox->config($overrides + ['log_dir' => $logs, 'debug' => true])));
    }

    /** A fresh reference per call, as the module makes one per attempt. */
    protected static function reference(): string
    {
        return 'T' . strtoupper(bin2hex(random_bytes(6)));
    }

    protected static function order(string $reference, int $amountCents = 129000, array $customer = []): array
    {
        return [
            'order_reference' => $reference,
            'amount_cents' => $amountCents,
            'customer' => $customer + [
                'civility' => 'mrs',
                'first_name' => 'Zoé',
                'last_name' => 'Lefèvre',
                'email' => 'zoe.lefevre@example.fr',
                'phone' => '+33 6 12 34 56 78',
                'address' => ['line1' => "12 rue de l'Église", 'postcode' => '75001', 'city' => 'Paris', 'country' => 'FR'],
            ],
            'return_url' => 'http://127.0.0.1:1/return?ref=' . $reference,
            'notification_url' => 'http://127.0.0.1:1/notify',
        ];
    }

    /** A dossier signed by the customer on the journey page. */
    protected function signedDossier(SofincoClient $client, int $amountCents = 129000): \Sofinco\Dossier
    {
        $reference = self::reference();
        $journey = $client->createJourney(Typed::order(self::order($reference, $amountCents)));
        static::$sandbox->journey($journey['journey_url'], 'sign');
        $dossier = $client->findDossier($reference);
        $this->assertNotNull($dossier);
        return $dossier;
    }
}
