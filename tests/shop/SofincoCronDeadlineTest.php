<?php
declare(strict_types=1);

namespace Sofinco\Tests\Shop;

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopHttp;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

/**
 * Issue 23 point 4: a statuses run ends by the merchant's deadline, the calls to Sofinco and
 * PrestaShop's order-state changes both, and `remaining` says exactly how many followed
 * orders it did not check or did not update; the next run takes them first.
 */
final class SofincoCronDeadlineTest extends TestCase
{
    private const SETTINGS = ['SOFINCO_CRON_CONCURRENCY', 'SOFINCO_CRON_DEADLINE_S'];

    /** @var int[] */
    private array $orders = [];

    protected function setUp(): void
    {
        S::configure();
    }

    protected function tearDown(): void
    {
        S::sandbox()->faults([]);
        S::cli()->json('foreach (' . var_export(self::SETTINGS, true) . ' as $k) { Configuration::deleteByName($k); }
            echo json_encode(true);');
        // Gone, so later runs of other tests do not wait for them.
        S::forgetOrders($this->orders);
    }

    private static function settings(int $concurrency, int $deadlineS): void
    {
        S::cli()->json('Configuration::updateValue("SOFINCO_CRON_CONCURRENCY", "' . $concurrency . '");
            Configuration::updateValue("SOFINCO_CRON_DEADLINE_S", "' . $deadlineS . '"); echo json_encode(true);');
    }

    /** How many orders the statuses task follows now, and how many it did not touch since $since. */
    private static function followed(int $since = 0): array
    {
        return S::cli()->json('require_once _PS_MODULE_DIR_ . "sofincosignature/classes/autoload.php";
            $ids = [];
            foreach (SofincoStates::all() as $s) { if (\Sofinco\StatusMapper::isSynced($s)) { $ids[] = SofincoStates::id($s); } }
            $rows = SofincoDossiers::followed($ids);
            $untouched = array_filter($rows, function ($r) { return strtotime($r["date_upd"]) < ' . $since . '; });
            echo json_encode(["all" => count($rows), "untouched" => count($untouched)]);');
    }

    private function inStudy(): int
    {
        $state = S::stateId('SOFINCO_OS_IN_STUDY');
        return count(S::rows('SELECT id_order FROM PREFIX_orders WHERE current_state = ' . $state
            . ' AND id_order IN (' . implode(',', $this->orders) . ')'));
    }

    public function testARunCutByItsDeadlineEndsOnTimeAndTheNextRunTakesWhatItLeft(): void
    {
        $this->orders = S::followedOrders(60, 'CLI', 'DEADLN' . substr(bin2hex(random_bytes(3)), 0, 4));
        // One call at a time, 300 ms each: the 60 lookups alone would take 18 s.
        self::settings(1, 5);
        S::sandbox()->faults(['latency_ms' => 300]);
        sleep(1); // date_upd has whole seconds: every row touched by this run is after $since
        $since = time();
        $before = self::followed();

        $started = microtime(true);
        $run = S::cron('statuses');
        $wall = microtime(true) - $started;

        $this->assertSame(0, $run['exit'], $run['stderr']);
        $summary = $run['result']['summary'];
        // The process's own start and PrestaShop's bootstrap come on top of the run's 5 s.
        $this->assertLessThan(5.0 + 2.5, $wall, 'the run ends by its deadline: ' . json_encode($run['result']));
        $this->assertGreaterThan(0, $summary['checked']);
        $this->assertGreaterThan(0, $summary['remaining']);
        $this->assertSame($before['all'], $summary['checked'] + $summary['remaining'], 'every followed order is checked or remaining');
        $this->assertSame(self::followed($since)['untouched'], $summary['remaining'], 'remaining: exactly the orders this run did not update');
        $this->assertGreaterThan(0, $this->inStudy(), 'the deadline left some of ours');

        S::sandbox()->faults([]);
        self::settings(8, 50);
        $next = S::cron('statuses');
        $this->assertSame(0, $next['exit'], $next['stderr']);
        $this->assertSame(0, $next['result']['summary']['remaining'], json_encode($next['result']));
        $this->assertSame(0, $this->inStudy(), 'the next run moved the rest to "en attente client"');
    }

    /**
     * The configuration form as the browser sends it: every field with the value the page
     * shows, then $changes typed over it, with the Save button.
     */
    private static function submitForm(array $changes): string
    {
        $http = new ShopHttp();
        $http->loginAdmin();
        $url = $http->adminUrl('AdminModules', ['configure' => 'sofincosignature']);
        $dom = new \DOMDocument();
        @$dom->loadHTML($http->get($url)->body);
        $fields = [];
        foreach ((new \DOMXPath($dom))->query('//form[@id="configuration_form"]//input[@name]') as $input) {
            $type = $input->getAttribute('type');
            if (in_array($type, ['radio', 'checkbox'], true) && !$input->hasAttribute('checked')) {
                continue;
            }
            if ($type !== 'submit') {
                $fields[$input->getAttribute('name')] = $input->getAttribute('value');
            }
        }
        foreach (array_keys($changes) as $name) {
            self::assertArrayHasKey($name, $fields, "the form has $name");
        }
        return html_entity_decode($http->post($url, $changes + $fields + ['submitSofincoConfig' => '1'])->body, ENT_QUOTES | ENT_HTML5);
    }

    private static function stored(string $key)
    {
        return S::cli()->json('echo json_encode(Configuration::get(' . var_export($key, true) . '));');
    }

    public function testConcurrencyAndDeadlineAreAdvancedSettingsWithBounds(): void
    {
        $refused = self::submitForm(['SOFINCO_CRON_CONCURRENCY' => '33', 'SOFINCO_CRON_DEADLINE_S' => '4']);
        $this->assertStringContainsString('Cron : appels simultanés (avancé) : un nombre entier de 1 à 32.', $refused);
        $this->assertStringContainsString('Cron : durée maximale d\'une exécution (avancé) : un nombre entier de 5 à 300.', $refused);
        $this->assertFalse(self::stored('SOFINCO_CRON_CONCURRENCY'), 'nothing stored');

        $saved = self::submitForm(['SOFINCO_CRON_CONCURRENCY' => '16', 'SOFINCO_CRON_DEADLINE_S' => '120']);
        $this->assertStringContainsString('Réglages enregistrés', $saved);
        $this->assertSame(['16', '120'], [self::stored('SOFINCO_CRON_CONCURRENCY'), self::stored('SOFINCO_CRON_DEADLINE_S')]);
        $this->assertStringContainsString('value="16"', self::submitForm([]) ?: '', 'shown back');
    }
}
