<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopCli;
use Sofinco\Tests\Shop\Support\ShopHttp;

/** The back office, logged in as the employee the installer created. */
final class BackOfficeTest extends TestCase
{
    public function testEmployeeLogsIn(): void
    {
        $dashboard = (new ShopHttp())->loginAdmin();
        $this->assertSame(200, $dashboard->status);
        $this->assertStringContainsString('Boutique Sofinco', $dashboard->title());
        $this->assertStringNotContainsString('controller=AdminLogin', $dashboard->url);
    }

    public function testWrongPasswordIsRefused(): void
    {
        $this->expectException(\RuntimeException::class);
        $this->expectExceptionMessage('back-office login failed');
        (new ShopHttp())->loginAdmin(null, 'not-the-password');
    }

    public function testOrdersPageListsTheNewestOrders(): void
    {
        // The newest five: a shop reused across runs has more orders than one page shows.
        $references = (new ShopCli())->json(
            'echo json_encode(array_column(Db::getInstance()->executeS('
            . '"SELECT reference FROM " . _DB_PREFIX_ . "orders ORDER BY id_order DESC LIMIT 5"), "reference"));'
        );
        $this->assertCount(5, $references, 'the demo fixtures have five orders at least');

        $http = new ShopHttp();
        $http->loginAdmin();
        $orders = $http->adminController('AdminOrders');
        $this->assertSame(200, $orders->status);
        $this->assertStringStartsWith('Orders', $orders->title());
        $this->assertMatchesRegularExpression('~/sell/orders/?\?_token=~', $orders->url);
        foreach ($references as $reference) {
            $this->assertStringContainsString($reference, $orders->body);
        }
    }

    public function testLegacyControllerIsOpenedWithItsToken(): void
    {
        $http = new ShopHttp();
        $http->loginAdmin();
        $statuses = $http->adminController('AdminStatuses');
        $this->assertSame(200, $statuses->status);
        $this->assertMatchesRegularExpression('/controller=AdminStatuses&token=[0-9a-f]{32}/', $statuses->url);
        $this->assertStringNotContainsString('Invalid security token', $statuses->title());
    }
}
