<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopEnv;
use Sofinco\Tests\Shop\Support\ShopHttp;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

/** Issue 21's attacks, replayed against the real shop; each asserts the safe outcome. */
final class SofincoHostileTest extends TestCase
{
    protected function setUp(): void
    {
        S::configure();
        S::sandbox()->faults([]);
    }

    protected function tearDown(): void
    {
        S::sandbox()->faults(['echo' => false, 'fail_rate' => 0.0]);
    }

    private static function logDir(): string
    {
        return (string) S::cli()->json('require_once _PS_MODULE_DIR_ . "sofincosignature/classes/autoload.php"; echo json_encode(SofincoLogger::directory());');
    }

    /** An order made by the orders cron from a dossier Sofinco has in study. */
    private function order(): void
    {
        [$http, , $idCart] = S::shopper(5);
        $attempt = S::checkout($http, $idCart)['attempt'];
        S::sandbox()->setStatus($attempt['order_reference'], 'ETU');
        $run = S::cron('orders');
        $this->assertSame(0, $run['exit'], $run['stderr']);
        $this->assertCount(1, S::ordersOfCart($idCart));
    }

    /** The Sofinco references the Dossiers tab shows for one Amount filter, and how long it took. */
    private function filterByAmount(ShopHttp $http, string $value): array
    {
        $url = $http->adminUrl('AdminSofincoDossiers');
        $started = microtime(true);
        $page = $http->post($url, ['submitFilterorders' => '1', 'ordersFilter_a!total_paid_tax_incl' => $value]);
        $elapsed = microtime(true) - $started;
        $this->assertSame(200, $page->status);
        $http->post($url, ['submitResetorders' => '1']);
        $shown = [];
        foreach (S::rows('SELECT order_reference FROM ps_sofinco_order') as $row) {
            if (str_contains($page->body, $row['order_reference'])) {
                $shown[] = $row['order_reference'];
            }
        }
        return [$shown, $elapsed];
    }

    public function testAmountFilterInjectionReadsNothingAndWaitsForNothing(): void
    {
        $this->order();
        $http = new ShopHttp();
        $http->loginAdmin();
        [$plain, $plainTime] = $this->filterByAmount($http, '0');
        $this->assertSame([], $plain, 'no order costs 0 €');
        // The admin's e-mail starts with "a" (97): a boolean read of ps_employee.
        $boolean = '0 OR (SELECT ASCII(SUBSTRING(email FROM 1 FOR 1)) FROM ps_employee ORDER BY id_employee LIMIT 1)=97';
        [$rows] = $this->filterByAmount($http, $boolean);
        $this->assertSame($plain, $rows, 'the boolean payload shows the same rows as the plain value');
        [$rows, $time] = $this->filterByAmount($http, '0 OR SLEEP(2)');
        $this->assertSame($plain, $rows);
        $this->assertLessThan($plainTime + 1.5, $time, 'no SLEEP ran');
        [$rows] = $this->filterByAmount($http, "0' OR '1'='1");
        $this->assertSame($plain, $rows);
    }

    /**
     * A debug-mode purchase, crons, "Tester la connexion" and a cancel against a gateway that
     * echoes the request in its errors and writes its JSON with spaces: none of the planted
     * values (client secret, Basic credentials, tokens, the customer's e-mail, phone, name,
     * street) is in a log file, a page, a cron summary or an exception message.
     */
    public function testAnEchoingGatewayLeavesNoSecretOrCustomerDataAnywhere(): void
    {
        $lastName = 'Zanzibarov';
        $http = new ShopHttp();
        $http->loginAdmin();
        $configUrl = $http->adminUrl('AdminModules', ['configure' => 'sofincosignature']);
        $http->post($configUrl, ['submitSofincoPurgeLogs' => '1']);
        S::sandbox()->faults(['echo' => true]); // spaced JSON, token answer included
        [$shopper, $customer, $idCart] = S::shopper(5, $lastName);
        $attempt = S::checkout($shopper, $idCart)['attempt'];
        $this->assertNotNull($attempt, 'the journey was created against spaced JSON');
        S::sandbox()->setStatus($attempt['order_reference'], 'ETU');
        $pages = [];
        $this->assertSame(0, S::cron('orders')['exit']);
        $idOrder = (int) S::ordersOfCart($idCart)[0]['id_order'];

        // Now every call fails with an error quoting the request.
        S::sandbox()->faults(['echo' => true, 'fail_rate' => 1.0]);
        [$second, , $idCart2] = S::shopper(5, $lastName);
        // The customer's own page carries their own details (PrestaShop's JS): checked for secrets only.
        $storefront = S::checkout($second, $idCart2)['response']->body;
        $runs = [S::cron('statuses'), S::cron('orders'), S::cron('funding')];
        $pages[] = $http->post($configUrl, ['submitSofincoTest' => '1'])->body;
        $pages[] = $http->get($configUrl)->body; // the crons' last-run summaries
        $pages[] = $http->post($http->adminUrl('AdminSofincoDossiers'), ['submitSofincoCancel' => '1', 'id_order' => $idOrder])->body;
        $pages[] = $http->adminController('AdminSofincoDossiers')->body;
        S::sandbox()->faults(['echo' => false, 'fail_rate' => 0.0]);

        $tokens = [];
        foreach (S::sandbox()->requests() as $r) {
            foreach ($r['headers'] as $name => $value) {
                if (strtolower($name) === 'authorization' && preg_match('~^Bearer (\S+)~', $value, $m)) {
                    $tokens[$m[1]] = true;
                }
            }
        }
        $this->assertNotEmpty($tokens);
        $secrets = array_merge(array_keys($tokens), [
            \Sofinco\Tests\Support\Sandbox::CLIENT_SECRET,
            base64_encode(\Sofinco\Tests\Support\Sandbox::CLIENT_ID . ':' . \Sofinco\Tests\Support\Sandbox::CLIENT_SECRET),
        ]);
        foreach ($secrets as $value) {
            $this->assertStringNotContainsString($value, html_entity_decode($storefront), 'secret on the storefront');
        }
        $planted = array_merge($secrets, [
            $customer['email'], '0612345678', '06 12 34 56 78', $lastName, strtoupper($lastName), '12 rue de la Paix',
        ]);
        $texts = ['cron output' => implode("\n", array_map(fn ($r) => $r['stdout'] . $r['stderr'], $runs))];
        foreach ($pages as $i => $page) {
            $texts['page ' . $i] = html_entity_decode($page);
        }
        $texts['cron summaries'] = json_encode(S::cli()->json('echo json_encode(Db::getInstance()->executeS("SELECT name, value FROM ' . S::P . 'configuration WHERE name LIKE \'SOFINCO_CRON_LAST%\'"));'), JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
        $texts['attempts'] = json_encode(S::rows('SELECT * FROM ' . S::P . 'sofinco_attempt WHERE id_cart IN (' . $idCart . ',' . $idCart2 . ')'), JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
        $logs = glob(self::logDir() . '/*.log') ?: [];
        $this->assertNotEmpty($logs);
        foreach ($logs as $file) {
            $texts[basename($file)] = (string) file_get_contents($file);
        }
        $this->assertStringContainsString('INFO', $texts[basename($logs[0])], 'debug lines were written');
        $this->assertStringContainsString('Bad request: Authorization', implode("\n", $texts), 'the echoing errors were met');
        foreach ($texts as $where => $text) {
            // The Dossiers list shows the customer's name in its Customer column, by design.
            $lookFor = in_array($where, ['page 2', 'page 3'], true) ? array_diff($planted, [$lastName]) : $planted;
            foreach ($lookFor as $value) {
                $this->assertStringNotContainsString($value, $text, "planted value in $where");
            }
        }
    }

    /** The logs under guessable web paths answer nothing on php -S (which ignores .htaccess). */
    public function testLogsAreNotReachableOverHttp(): void
    {
        S::configure(['SOFINCO_DEBUG' => '1']);
        S::cron('statuses');
        $name = 'sofinco-' . gmdate('Y-m-d') . '.log';
        $this->assertFileExists(self::logDir() . '/' . $name);
        $web = new ShopHttp();
        foreach (['modules/sofincosignature/logs/' . $name, 'var/logs/' . $name, 'var/logs/sofincosignature/' . $name] as $path) {
            $this->assertNotSame(200, $web->get($path, false)->status, $path);
        }
        $this->assertStringNotContainsString(ShopEnv::get('SHOP_DIR') . '/modules', self::logDir());
    }
}
