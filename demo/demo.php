<?php
// make demo: the whole story through PHP and the real extension, against the sandbox on
// loopback. Simulation → journey → signature on the journey page → notification →
// dossier followed to AFI → funding request → FIN.
declare(strict_types=1);

require __DIR__ . '/../tools/php/Sandbox.php';
require __DIR__ . '/../tools/php/Typed.php';

use Sofinco\Tests\Support\Sandbox;
use Sofinco\Tests\Support\Typed;

if (!extension_loaded('sofinco')) {
    fwrite(STDERR, "The sofinco extension is not loaded.\n");
    exit(1);
}

function say(string $line = ''): void
{
    echo $line, "\n";
}

// The module's presentation of the extension's state keys (what the merchant reads in the
// back office); the class file only needs PrestaShop's guard constant to be read.
define('_PS_VERSION_', 'demo');
require_once __DIR__ . '/../php-module/sofincosignature/classes/SofincoStates.php';

/** «Sofinco application under review» (in_study): the module's name, then the extension's state. */
function state(?\Sofinco\OrderState $state): string
{
    if ($state === null) {
        return 'no change';
    }
    $key = SofincoStates::key($state);
    $name = SofincoStates::TABLE[$state->name]['name'] ?? $key;
    return "«{$name}» ({$state->value}, $key)";
}

function euros(int $cents): string
{
    // The French format: "1 290,00 €" (narrow no-break space for thousands).
    return number_format($cents / 100, 2, ',', "\u{202F}") . "\u{00A0}€";
}

function free_port(): int
{
    $socket = stream_socket_server('tcp://127.0.0.1:0');
    $port = (int) substr(strrchr(stream_socket_get_name($socket, false), ':'), 1);
    fclose($socket);
    return $port;
}

say(sprintf('sofinco extension %s in PHP %s', \Sofinco\VERSION, PHP_VERSION));
$sandbox = new Sandbox();
say("Sofinco sandbox listening on {$sandbox->url}");

// The shop's notification endpoint, played by a tiny PHP server.
$inbox = tempnam(sys_get_temp_dir(), 'sofinco-inbox-');
$port = free_port();
$listener = proc_open([PHP_BINARY, '-S', "127.0.0.1:$port", __DIR__ . '/notification-listener.php'],
    [1 => ['file', '/dev/null', 'w'], 2 => ['file', '/dev/null', 'w']], $pipes, null, ['SOFINCO_DEMO_INBOX' => $inbox] + getenv());
usleep(300000);

$client = new Sofinco\SofincoClient(Typed::config($sandbox->config(['user_agent' => 'sofinco-demo'])));

say("\n1. Product page: simulation for " . euros(129000));
$sim = $client->simulate(129000);
say(sprintf('   %-8s %14s %8s %8s %14s %12s', 'durée', 'mensualité', 'taux', 'TAEG', 'total dû', 'coût'));
foreach ($sim->offers as $o) {
    say(sprintf('   %-8s %14s %7.2f%% %7.2f%% %14s %12s', $o->durationMonths . ' mois', euros($o->monthlyPaymentCents),
        $o->debitRate, $o->taeg, euros($o->totalDueCents), euros($o->creditCostCents)));
}
say('   ' . $sim->legalNotice);

$reference = 'DEMO' . strtoupper(base_convert((string) time(), 10, 36));
say("\n2. Checkout: the customer picks Sofinco; attempt $reference");
$journey = $client->createJourney(Typed::order([
    'order_reference' => $reference,
    'amount_cents' => 129000,
    'customer' => ['civility' => 'mrs', 'first_name' => 'Zoé', 'last_name' => 'Lefèvre', 'email' => 'zoe@example.test',
        'phone' => '06 12 34 56 78', 'address' => ['line1' => '12 rue de la Paix', 'postcode' => '75002', 'city' => 'Paris', 'country' => 'FR']],
    'return_url' => "http://127.0.0.1:$port/return?ref=$reference",
    'notification_url' => "http://127.0.0.1:$port/notify",
    'duration_months' => 10,
]));
say('   redirected to ' . $journey['journey_url']);

say("\n3. On Sofinco's page the customer ticks the box and signs");
$signed = $sandbox->journey($journey['journey_url'], 'sign');
say('   journey page: HTTP ' . $signed['page']['status'] . ', signed: HTTP ' . $signed['result']['status']
    . (strpos($signed['result']['body'], 'Retour à la boutique') !== false ? ', "Retour à la boutique" offered' : ''));

say("\n4. Sofinco notifies the shop");
$body = '';
for ($i = 0; $i < 50 && $body === ''; $i++) {
    usleep(100000);
    $body = trim((string) file_get_contents($inbox));
}
$hint = $client->parseNotification($body);
say("   received $body");
say(sprintf('   a hint only: the shop asks Sofinco itself about %s', $hint['order_reference']));

$sync = new Sofinco\DossierSync($client);
$attempt = ['id_cart' => 42, 'order_reference' => $reference, 'cart_total_cents' => 129000, 'currency' => 'EUR', 'created_at' => time()];
$decision = $sync->notification($body, Typed::attempt($attempt));
say(sprintf('   decision: %s in %s (contract %s, signed %s)', $decision->action->value, state($decision->state), $decision->contractId, $decision->signatureDate));

say("\n5. The statuses cron follows the dossier while Sofinco studies it");
$order = ['id_order' => 1, 'contract_id' => $decision->contractId, 'order_reference' => $reference,
    'state' => $decision->state, 'order_total_cents' => 129000, 'currency' => 'EUR', 'since' => time()];
foreach (['CLI', 'AFI'] as $code) {
    $sandbox->setStatus($reference, $code);
    $d = $sync->statuses(null, ...Typed::tracked([$order]))->decisions[0];
    say(sprintf('   Sofinco says %s → %s %s', $code, $d->action->value, state($d->state)));
    $order['state'] = $d->state ?? $order['state'];
}

say("\n6. The merchant clicks \"Valider la demande de financement\"");
$request = ['id_order' => 1, 'contract_id' => $decision->contractId, 'order_reference' => $reference,
    'order_total_cents' => 129000, 'currency' => 'EUR', 'requested_at' => time(), 'sent' => false];
$d = $sync->fundings(null, ...Typed::fundings([$request]))->decisions[0];
say(sprintf('   funding cron: %s → %s', $d->action->value, state($d->state)));
$request['sent'] = true;
$d = $sync->fundings(null, ...Typed::fundings([$request]))->decisions[0];
say(sprintf('   next run: %s → %s', $d->action->value, state($d->state)));
$dossier = $client->getDossier($decision->contractId, $reference);
say(sprintf('   Sofinco: %s, funded on %s, %s', $dossier->status, $dossier->fundedAt, euros($dossier->amountCents)));

proc_terminate($listener);
proc_close($listener);
unlink($inbox);
$sandbox->stop();
say("\nsandbox stopped. Demo complete.");
