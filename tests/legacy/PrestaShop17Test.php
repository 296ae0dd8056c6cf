<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Legacy\LegacyShopDb as Db;
use Sofinco\Tests\Shop\Support\ShopEnv;
use Sofinco\Tests\Shop\Support\ShopHttp;

/**
 * PrestaShop 1.7.8.11 on PHP 7.4 with the module installed from its zip: the merchant reads,
 * in French, that Sofinco needs PrestaShop 8 on PHP 8.1+ and what to do; the shop keeps
 * selling with its other payment modules, and Sofinco shows nothing to customers.
 */
final class PrestaShop17Test extends TestCase
{
    private const PRODUCT = 1;

    public function testTheShopIsPrestaShop17OnPhp74WithTheModuleInstalled(): void
    {
        $this->assertStringStartsWith('1.7.', ShopEnv::psVersion());
        $module = Db::rows("SELECT version, active FROM ps_module WHERE name = 'sofincosignature'");
        $this->assertCount(1, $module, 'the module is installed');
        $this->assertSame('1', $module[0]['active']);
    }

    public function testTheConfigurationPageSaysInFrenchWhatIsMissingAndWhatToDo(): void
    {
        $http = new ShopHttp();
        $http->loginAdmin();
        $page = $http->adminController('AdminModules', ['configure' => 'sofincosignature']);
        $this->assertSame(200, $page->status);
        $text = html_entity_decode(strip_tags($page->body), ENT_QUOTES | ENT_HTML5, 'UTF-8');
        $this->assertStringContainsString('Sofinco nécessite PrestaShop 8 ou 9 sous PHP 8.1 ou plus récent', $text);
        $this->assertMatchesRegularExpression('~cette boutique tourne sous PrestaShop 1\.7\.8\.\d+ et PHP 7\.4\.\d+~', $text, 'what this shop runs');
        $this->assertStringContainsString('Mettez PrestaShop à jour en version 8 et demandez à votre hébergeur PHP 8.1 ou plus récent, puis installez l\'extension.', $text, 'what to do');
        $this->assertStringContainsString('le paiement Sofinco n\'est pas proposé à vos clients', $text);
        $this->assertStringNotContainsString('Sofinco needs', $text, 'no English left');
        $this->assertStringNotContainsString('Fatal error', $text);
        // The support table says why, this shop's row marked.
        $this->assertSame(1, preg_match('~<tr class="sofinco-support--unsupported sofinco-support--current"[^>]*><td>1\.7\.7 – 1\.7\.8</td>~u', $page->body), 'the 1.7 row is this shop\'s');
        $this->assertStringContainsString('le module s\'installe et indique quoi faire', $text);
    }

    public function testTheProductPageStillSellsAndShowsNoSimulator(): void
    {
        $page = (new ShopHttp())->productPage(self::PRODUCT);
        $this->assertSame(200, $page->status);
        $this->assertMatchesRegularExpression('~\d+,\d\d\s€~u', $page->body, 'a French price');
        $this->assertStringContainsString('add-to-cart', $page->body);
        $this->assertStringNotContainsString('sofinco-simulator', $page->body);
    }

    public function testACustomerStillPaysByBankWire(): void
    {
        $customer = $this->customerWithAddress();
        $http = new ShopHttp();
        $http->get('index.php?controller=authentication');
        $after = $http->post('index.php?controller=authentication', [
            'back' => 'my-account', 'email' => $customer['email'], 'password' => $customer['password'], 'submitLogin' => '1',
        ]);
        $this->assertStringContainsString('mylogout', $after->body, 'logged in');
        $this->assertSame(200, $http->addToCart(self::PRODUCT, 2)->status);

        $page = $http->get('index.php?controller=order');
        if (preg_match('~name="id_address_delivery"\s+value="(\d+)"~', $page->body, $a) === 1) {
            $page = $http->post('index.php?controller=order', ['id_address_delivery' => $a[1], 'confirm-addresses' => '1']);
        }
        if (preg_match('~name="(delivery_option\[\d+\])"[^>]*value="([\d,]+)"~', $page->body, $d) === 1) {
            $page = $http->post('index.php?controller=order', [$d[1] => $d[2], 'confirmDeliveryOption' => '1']);
        }
        $this->assertStringContainsString('module=ps_wirepayment', html_entity_decode($page->body), 'bank wire is offered');
        $this->assertStringNotContainsString('sofinco-payment-option', $page->body, 'Sofinco is not');
        $this->assertSame(1, preg_match('~action="([^"]*module=ps_wirepayment[^"]*controller=validation[^"]*)"~', html_entity_decode($page->body), $m), 'the bank wire form');

        $idCart = (int) Db::rows('SELECT MAX(id_cart) AS id FROM ps_cart WHERE id_customer = ' . (int) $customer['id_customer'])[0]['id'];
        $done = $http->post($m[1], []);
        $this->assertSame(200, $done->status);
        $this->assertStringContainsString('controller=order-confirmation', $done->url);
        $orders = Db::rows('SELECT module, valid FROM ps_orders WHERE id_cart = ' . $idCart);
        $this->assertSame([['module' => 'ps_wirepayment', 'valid' => '0']], $orders, 'one bank-wire order, awaiting payment');
    }

    /** A customer and a French address, as the registration and address forms would store them. */
    private function customerWithAddress(): array
    {
        $email = 'client-' . bin2hex(random_bytes(5)) . '@example.test';
        $password = 'Secret-' . bin2hex(random_bytes(4));
        $http = new ShopHttp();
        $form = $http->get('index.php?controller=authentication&create_account=1');
        $this->assertSame(200, $form->status);
        $created = $http->post('index.php?controller=authentication&create_account=1', [
            'id_gender' => 2, 'firstname' => 'Zoé', 'lastname' => 'Lefèvre', 'email' => $email,
            'password' => $password, 'psgdpr' => 1, 'customer_privacy' => 1, 'submitCreate' => 1,
        ]);
        $this->assertStringContainsString('mylogout', $created->body, 'the account is created: ' . $created->title());
        $addressForm = $http->get('index.php?controller=address');
        $this->assertSame(1, preg_match('~name="token"\s+value="([0-9a-f]{32})"~', $addressForm->body, $token), 'the address form');
        $address = $http->post('index.php?controller=address&id_address=0', [
            'alias' => 'Maison', 'firstname' => 'Zoé', 'lastname' => 'Lefèvre', 'address1' => '12 rue de la Paix',
            'postcode' => '75002', 'city' => 'Paris', 'id_country' => 8, 'phone' => '0612345678', 'submitAddress' => 1,
            'token' => $token[1],
        ]);
        $this->assertSame(200, $address->status);
        $id = Db::rows('SELECT id_customer FROM ps_customer WHERE email = ' . "'" . $email . "'");
        $this->assertCount(1, $id);
        $this->assertCount(1, Db::rows('SELECT id_address FROM ps_address WHERE deleted = 0 AND id_customer = ' . (int) $id[0]['id_customer']), 'the address is stored');
        return ['id_customer' => (int) $id[0]['id_customer'], 'email' => $email, 'password' => $password];
    }
}
