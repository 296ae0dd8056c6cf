<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopCli;

/** PrestaShop's own classes, driven from a PHP process inside the shop. */
final class CliOrderTest extends TestCase
{
    public function testValidateOrderWithAnExistingPaymentModuleCreatesExactlyOneOrder(): void
    {
        $r = (new ShopCli())->json(<<<'PHP'
$ctx = Context::getContext();
$db = Db::getInstance();
$lang = (int) Configuration::get('PS_LANG_DEFAULT');
$currency = new Currency((int) Configuration::get('PS_CURRENCY_DEFAULT'));

$customer = new Customer();
$customer->firstname = 'Jeanne';
$customer->lastname = 'Essai';
$customer->email = 'jeanne.' . bin2hex(random_bytes(6)) . '@example.test';
$customer->passwd = Tools::hash(bin2hex(random_bytes(8)));
$customer->id_lang = $lang;
if (!$customer->add()) { throw new RuntimeException('customer'); }

$address = new Address();
$address->id_customer = (int) $customer->id;
$address->alias = 'Domicile';
$address->firstname = 'Jeanne';
$address->lastname = 'Essai';
$address->address1 = '1 rue de la Paix';
$address->postcode = '75002';
$address->city = 'Paris';
$address->id_country = (int) Country::getByIso('FR');
if (!$address->add()) { throw new RuntimeException('address'); }

$cart = new Cart();
$cart->id_customer = (int) $customer->id;
$cart->id_address_delivery = (int) $address->id;
$cart->id_address_invoice = (int) $address->id;
$cart->id_lang = $lang;
$cart->id_currency = (int) $currency->id;
$cart->secure_key = $customer->secure_key;
$cart->id_shop = (int) $ctx->shop->id;
$cart->id_shop_group = (int) $ctx->shop->id_shop_group;
$cart->id_carrier = (int) Carrier::getCarriers($lang, true)[0]['id_carrier'];
if (!$cart->add()) { throw new RuntimeException('cart'); }
// Cart::updateQty needs the customer and cart in the context.
$ctx->customer = $customer;
$ctx->cart = $cart;
$ctx->currency = $currency;
if (!$cart->updateQty(1, 1, (int) Product::getDefaultAttribute(1))) { throw new RuntimeException('updateQty'); }
$cart->setDeliveryOption([(int) $address->id => $cart->id_carrier . ',']);
$cart->update();

$count = fn () => (int) $db->getValue('SELECT COUNT(*) FROM ' . _DB_PREFIX_ . 'orders');
$before = $count();
$module = Module::getInstanceByName('ps_wirepayment');
$total = (float) $cart->getOrderTotal(true, Cart::BOTH);
$module->validateOrder((int) $cart->id, (int) Configuration::get('PS_OS_BANKWIRE'), $total, $module->displayName,
    null, [], (int) $currency->id, false, $customer->secure_key);
$order = new Order((int) $module->currentOrder);
echo json_encode([
    'before' => $before,
    'after' => $count(),
    'orders_of_cart' => (int) $db->getValue('SELECT COUNT(*) FROM ' . _DB_PREFIX_ . 'orders WHERE id_cart = ' . (int) $cart->id),
    'id_order' => (int) $order->id,
    'id_customer' => (int) $order->id_customer,
    'customer' => (int) $customer->id,
    'module' => $order->module,
    'state' => (int) $order->current_state,
    'bankwire' => (int) Configuration::get('PS_OS_BANKWIRE'),
    'total_paid' => (float) $order->total_paid,
    'total' => $total,
    'reference' => $order->reference,
]), "\n";
PHP);
        $this->assertSame($r['before'] + 1, $r['after'], 'exactly one new order');
        $this->assertSame(1, $r['orders_of_cart']);
        $this->assertGreaterThan(0, $r['id_order']);
        $this->assertSame($r['customer'], $r['id_customer']);
        $this->assertSame('ps_wirepayment', $r['module']);
        $this->assertSame($r['bankwire'], $r['state']);
        $this->assertGreaterThan(0.0, $r['total_paid']);
        $this->assertEqualsWithDelta($r['total'], $r['total_paid'], 0.001);
        $this->assertMatchesRegularExpression('/^[A-Z]{9}$/', $r['reference']);
    }

    public function testSnippetThatDiesIsReportedAsFailed(): void
    {
        // PrestaShop's die(Tools::displayError()) exits 0; ShopCli turns it into a failure.
        $r = (new ShopCli())->run('die(Tools::displayError());');
        $this->assertSame(ShopCli::INCOMPLETE_EXIT, $r['exit']);
        $this->assertStringContainsString('did not run to its end', $r['stderr']);
    }

    public function testSnippetRunsWithTheServersPhpFlags(): void
    {
        $r = (new ShopCli())->run('echo PHP_VERSION, " ", extension_loaded("sofinco") ? "sofinco" : "-", "\n";');
        $this->assertSame(0, $r['exit'], $r['stderr']);
        $this->assertMatchesRegularExpression('/^[78]\.\d+\.\d+ /', $r['stdout']);
        $flags = implode(' ', \Sofinco\Tests\Shop\Support\ShopEnv::phpArgs());
        if (str_contains($flags, 'libsofinco')) {
            $this->assertStringContainsString('sofinco', $r['stdout'], 'the extension named in SHOP_PHP_ARGS is loaded');
        } else {
            $this->assertStringEndsWith("-\n", $r['stdout']);
        }
    }
}
