<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
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
}
