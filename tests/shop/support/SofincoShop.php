<?php
declare(strict_types=1);

namespace Sofinco\Tests\Shop\Support;

use Sofinco\Tests\Support\Sandbox;

/**
 * The module inside the real shop, against a real sandbox process: configuration, customers
 * with a storefront session, carts, crons, database reads. One sandbox for the whole suite.
 */
final class SofincoShop
{
    public const MERCHANT = '12345678901';
    /** The second shop's merchant number (multishop tests). */
    public const MERCHANT2 = '22222222222';
    public const NATURE = 'ABC';
    /** Product 1 of the demo catalogue costs 22,94 €: five make a cart above the minimum. */
    public const PRODUCT = 1;

    private static ?Sandbox $sandbox = null;
    private static ?ShopCli $cli = null;

    public static function sandbox(): Sandbox
    {
        if (self::$sandbox === null) {
            // The demo's shop keeps its sandbox running (SOFINCO_SANDBOX_URL); the tests start their own.
            $url = getenv('SOFINCO_SANDBOX_URL') ?: null;
            self::$sandbox = new Sandbox(['--business-provider-id', self::MERCHANT . ',' . self::MERCHANT2, '--equipment-code', self::NATURE], $url);
            if ($url === null) {
                self::forgetEarlierDossiers();
            }
        }
        return self::$sandbox;
    }

    /**
     * A new sandbox knows none of the dossiers of earlier runs on this shop, and gives their
     * contract numbers to new ones: every statuses or funding run would then fail for them
     * ("orderId does not match the contract", exit 3). Their orders leave the workflow
     * (PrestaShop's "Annulé", as a merchant's hand would) and their funding requests close.
     * Called when a suite starts its sandbox (here, and tests/browser/shop.php setup).
     */
    public static function forgetEarlierDossiers(): void
    {
        self::cli()->json('try {
            $db = Db::getInstance(); $p = _DB_PREFIX_;
            $ids = [];
            foreach (["SOFINCO_OS_IN_STUDY", "SOFINCO_OS_AWAITING_CUSTOMER", "SOFINCO_OS_AWAITING_FUNDING", "SOFINCO_OS_FUNDING_REQUESTED",
                "SOFINCO_OS_NOT_FOUND", "SOFINCO_OS_TECH_ERROR"] as $key) { $ids[] = (int) Configuration::getGlobalValue($key); }
            $db->execute("UPDATE {$p}orders o JOIN {$p}sofinco_order so ON so.id_order = o.id_order
                SET o.current_state = " . (int) Configuration::get("PS_OS_CANCELED") . " WHERE o.current_state IN (" . implode(",", $ids) . ")");
            $db->execute("UPDATE {$p}sofinco_order SET funding_closed = 1 WHERE funding_requested_at IS NOT NULL AND funding_closed = 0");
        } catch (Throwable $e) { /* no tables yet */ } echo json_encode(true);');
    }

    /** The module's version, as its config.xml says. */
    public static function moduleVersion(): string
    {
        $xml = simplexml_load_file(dirname(__DIR__, 3) . '/php-module/sofincosignature/config.xml');
        return (string) $xml->version;
    }

    public static function cli(): ShopCli
    {
        return self::$cli ??= new ShopCli();
    }

    /** Configures the module against the sandbox (production mode unless told), fresh offer cache. */
    public static function configure(array $overrides = []): void
    {
        $values = $overrides + [
            'SOFINCO_MERCHANT_ID' => self::MERCHANT,
            'SOFINCO_NATURE_BIEN' => self::NATURE,
            'SOFINCO_Q6' => 'Q6SHOP',
            'SOFINCO_X1' => 'X1SHOP',
            'SOFINCO_CLIENT_ID_TEST' => Sandbox::CLIENT_ID,
            'SOFINCO_SECRET_TEST' => Sandbox::CLIENT_SECRET,
            'SOFINCO_CLIENT_ID_PROD' => Sandbox::CLIENT_ID,
            'SOFINCO_SECRET_PROD' => Sandbox::CLIENT_SECRET,
            'SOFINCO_TEST_MODE' => '0',
            'SOFINCO_MIN_PRICE' => '100',
            'SOFINCO_MAX_PRICE' => '',
            'SOFINCO_DEBUG' => '1',
            'SOFINCO_API_URL' => self::sandbox()->url,
            'SOFINCO_ALLOW_OTHER_URL' => '0',
            // Secrets written here, as an older version would have: saved with the API URL above.
            'SOFINCO_SECRET_URL_TEST' => '',
            'SOFINCO_SECRET_URL_PROD' => '',
            // The suite's pages make many simulations a minute on purpose; SofincoAnonymousLoadTest
            // checks the extension's default budget.
            'SOFINCO_SIMULATIONS_PER_MINUTE' => '6000',
        ];
        self::cli()->json('foreach (' . var_export($values, true) . ' as $k => $v) { Configuration::updateValue($k, $v); }
            require_once _PS_MODULE_DIR_ . "sofincosignature/classes/autoload.php";
            // A cold start: no offers, no rendered blocks, no remembered failure.
            // (and the cache of modules before 2.2.1, so the suite also runs against them)
            if (method_exists("SofincoPrivateStore", "purgeCaches")) {
                SofincoPrivateStore::purgeCaches();
            } else {
                $dirs = class_exists("SofincoPrivateStore") ? [SofincoPrivateStore::root() . "/shop-*/offers", SofincoPrivateStore::root() . "/shop-*/fragments"] : [_PS_CACHE_DIR_ . "sofinco"];
                foreach ($dirs as $d) { foreach (glob("$d/*") ?: [] as $f) { if (is_file($f)) { unlink($f); } } }
            }
            // Every order takes stock: keep the demo product available for the next carts.
            foreach (array_merge([["id_product_attribute" => 0]], Product::getProductAttributesIds(' . self::PRODUCT . ')) as $pa) {
                StockAvailable::setQuantity(' . self::PRODUCT . ', (int) $pa["id_product_attribute"], 100000);
            }
            echo json_encode(true);');
    }

    /**
     * The simulator block a visitor ends up seeing on a page: the one rendered inline, or,
     * when the page left an empty slot (offers not cached yet), the one the offers endpoint
     * gives, as views/js/sofinco.js fetches it. Null when nothing is shown.
     */
    public static function simulatorOf(ShopHttp $http, ShopResponse $page): ?string
    {
        $html = $page->body;
        if (preg_match('~<section class="sofinco-simulator.*?</section>~s', $html, $m)) {
            return html_entity_decode($m[0], ENT_QUOTES | ENT_HTML5);
        }
        $slot = self::pendingSlot($html);
        if ($slot === null) {
            return null;
        }
        $block = $http->get(self::offersUrl($slot))->body;
        return preg_match('~<section class="sofinco-simulator.*?</section>~s', $block, $m) ? html_entity_decode($m[0], ENT_QUOTES | ENT_HTML5) : null;
    }

    /** The data-sofinco-* attributes of the first slot the page left to the browser, or null. */
    public static function pendingSlot(string $html): ?array
    {
        if (!preg_match('~<div class="sofinco-slot"([^>]*data-sofinco-pending[^>]*)>~', $html, $m)) {
            return null;
        }
        preg_match_all('~data-sofinco-([a-z]+)="([^"]*)"~', $m[1], $attrs, PREG_SET_ORDER);
        $slot = [];
        foreach ($attrs as $a) {
            $slot[$a[1]] = $a[2];
        }
        return $slot;
    }

    /** The offers endpoint's URL for a slot (relative to the shop's root). */
    public static function offersUrl(array $slot): string
    {
        $query = ['fc' => 'module', 'module' => 'sofincosignature', 'controller' => 'offers', 'ajax' => 1, 'where' => $slot['where'] ?? 'product'];
        if (isset($slot['product'])) {
            $query['id_product'] = $slot['product'];
            $query['id_product_attribute'] = $slot['attribute'] ?? 0;
        }
        return 'index.php?' . http_build_query($query);
    }

    /** A 1 290,00 € product (no tax), made once: the demo catalogue has nothing above 40 €. */
    public static function sofa(): int
    {
        return (int) self::cli()->json('
            $id = (int) Db::getInstance()->getValue("SELECT id_product FROM " . _DB_PREFIX_ . "product WHERE reference = \'SOFINCO-CANAPE\'");
            if (!$id) {
                $p = new Product();
                foreach (Language::getLanguages(false) as $l) { $p->name[$l["id_lang"]] = "Canapé trois places"; $p->link_rewrite[$l["id_lang"]] = "canape-trois-places"; }
                $p->reference = "SOFINCO-CANAPE"; $p->price = 1290; $p->id_tax_rules_group = 0; $p->active = 1;
                $p->id_category_default = (int) Configuration::get("PS_HOME_CATEGORY"); $p->visibility = "both";
                $p->add(); $p->addToCategories([(int) Configuration::get("PS_HOME_CATEGORY")]);
                StockAvailable::setQuantity((int) $p->id, 0, 1000);
                $id = (int) $p->id;
            }
            echo json_encode($id);');
    }

    /** A new customer with a French address; returns its id, e-mail and password. */
    public static function customer(string $lastName = 'Lefèvre'): array
    {
        $email = 'client-' . bin2hex(random_bytes(5)) . '@example.test';
        $password = 'Secret-' . bin2hex(random_bytes(4));
        return self::cli()->json('
            $c = new Customer();
            $c->firstname = "Zoé"; $c->lastname = ' . var_export($lastName, true) . ';
            $c->email = ' . var_export($email, true) . ';
            $c->passwd = Tools::hash(' . var_export($password, true) . ');
            $c->id_gender = 2; $c->active = 1;
            $c->add();
            $a = new Address();
            $a->id_customer = $c->id; $a->alias = "Maison"; $a->firstname = "Zoé"; $a->lastname = $c->lastname;
            $a->address1 = "12 rue de la Paix"; $a->postcode = "75002"; $a->city = "Paris";
            $a->id_country = (int) Country::getByIso("FR"); $a->phone_mobile = "0612345678";
            $a->add();
            echo json_encode(["id_customer" => (int) $c->id, "email" => $c->email, "password" => ' . var_export($password, true) . ']);');
    }

    /** A storefront session logged in as $customer. */
    public static function login(array $customer): ShopHttp
    {
        $http = new ShopHttp();
        $page = $http->get('index.php?controller=authentication');
        $after = $http->post('index.php?controller=authentication', [
            'back' => 'my-account',
            'email' => $customer['email'],
            'password' => $customer['password'],
            'submitLogin' => '1',
        ]);
        if (!str_contains($after->body, 'logout') && !str_contains($after->body, 'mylogout')) {
            throw new \RuntimeException('storefront login failed: ' . $after->title() . ' ' . $page->status);
        }
        return $http;
    }

    /** A logged-in customer with $qty of the demo product in the cart; returns [http, customer, id_cart]. */
    public static function shopper(int $qty = 5, string $lastName = 'Lefèvre'): array
    {
        $customer = self::customer($lastName);
        $http = self::login($customer);
        $added = $http->addToCart(self::PRODUCT, $qty);
        if ($added->status !== 200) {
            throw new \RuntimeException('add to cart failed: HTTP ' . $added->status);
        }
        $idCart = (int) self::cli()->json('echo json_encode((int) Db::getInstance()->getValue("SELECT MAX(id_cart) FROM " . _DB_PREFIX_ . "cart WHERE id_customer = ' . $customer['id_customer'] . '"));');
        if ($idCart === 0) {
            throw new \RuntimeException('the product could not be added to the cart: ' . substr($added->body, 0, 300));
        }
        return [$http, $customer, $idCart];
    }

    /**
     * Walks PrestaShop's checkout to its payment step (addresses confirmed, first carrier
     * chosen) and returns that page, with its payment options.
     */
    public static function paymentStep(ShopHttp $http): \Sofinco\Tests\Shop\Support\ShopResponse
    {
        $page = $http->get('index.php?controller=order');
        if (preg_match('~name="id_address_delivery"\s+value="(\d+)"~', $page->body, $a) === 1) {
            $page = $http->post('index.php?controller=order', ['id_address_delivery' => $a[1], 'confirm-addresses' => '1']);
        }
        if (preg_match('~name="(delivery_option\[\d+\])"[^>]*value="([\d,]+)"~', $page->body, $d) === 1) {
            $page = $http->post('index.php?controller=order', [$d[1] => $d[2], 'confirmDeliveryOption' => '1']);
        }
        return $page;
    }

    /** The customer leaves for Sofinco: the redirect controller's answer and the attempt. */
    public static function checkout(ShopHttp $http, int $idCart): array
    {
        $r = $http->get('index.php?fc=module&module=sofincosignature&controller=redirect', false);
        $attempt = self::row('SELECT * FROM PREFIX_sofinco_attempt WHERE id_cart = ' . $idCart . ' ORDER BY id_sofinco_attempt DESC');
        return ['response' => $r, 'location' => (string) $r->header('Location'), 'attempt' => $attempt];
    }

    /**
     * Runs a query inside the shop. Tables are written PREFIX_name, as in PrestaShop's own
     * install SQL: the shop's prefix (_DB_PREFIX_) is put there, never assumed.
     * @return list<array<string, mixed>>
     */
    public static function rows(string $sql): array
    {
        return self::cli()->json('echo json_encode(Db::getInstance()->executeS(str_replace("PREFIX_", _DB_PREFIX_, ' . var_export($sql, true) . ')) ?: []);');
    }

    public static function row(string $sql): ?array
    {
        $rows = self::rows($sql);
        return $rows[0] ?? null;
    }

    public static function ordersOfCart(int $idCart): array
    {
        return self::rows('SELECT o.id_order, o.current_state, o.total_paid_tax_incl, o.module, o.valid FROM PREFIX_orders o WHERE o.id_cart = ' . $idCart);
    }

    /**
     * The cart's orders once an order exists and its creation is over (validateOrder writes
     * the order row before its state and the module's record): what a test waits for.
     */
    public static function settledOrdersOfCart(int $idCart, float $seconds = 10.0): array
    {
        return self::eventually(function () use ($idCart) {
            $orders = self::ordersOfCart($idCart);
            $recorded = self::row('SELECT id_order FROM PREFIX_sofinco_order WHERE id_cart = ' . $idCart);
            foreach ($orders as $o) {
                if ((int) $o['current_state'] === 0) {
                    return [];
                }
            }
            return $orders && $recorded ? $orders : [];
        }, $seconds);
    }

    public static function stateId(string $key): int
    {
        return (int) self::cli()->json('echo json_encode((int) Configuration::getGlobalValue(' . var_export($key, true) . '));');
    }

    public static function stateKeyOfOrder(int $idOrder): string
    {
        return (string) self::cli()->json('require_once _PS_MODULE_DIR_ . "sofincosignature/classes/autoload.php";
            $id = (int) (new Order(' . $idOrder . '))->current_state;
            $state = SofincoStates::of($id);
            echo json_encode($state === null ? "PS_STATE_" . $id : SofincoStates::key($state));');
    }

    /**
     * $n orders in "Dossier en étude Sofinco", each with its dossier at the sandbox in
     * $code, made quickly: copies of the demo shop's first order (its lines too), not
     * checkouts. Their dossier rows say they were checked long ago, so a statuses run
     * reads them first. Returns their ids.
     */
    public static function followedOrders(int $n, string $code, string $prefix): array
    {
        // Each dossier lends the copied order's own total, which every decision checks.
        $total = (int) self::cli()->json('require_once _PS_MODULE_DIR_ . "sofincosignature/classes/autoload.php"; $p = _DB_PREFIX_;
            $template = (int) Db::getInstance()->getValue("SELECT MIN(id_order) FROM {$p}orders WHERE id_order NOT IN (SELECT id_order FROM {$p}sofinco_order)");
            echo json_encode(SofincoDossiers::orderFacts($template)["order_total_cents"]);');
        $rows = [];
        for ($i = 0; $i < $n; $i++) {
            $reference = sprintf('%s%06d', $prefix, $i);
            $d = self::sandbox()->setStatus($reference, $code, ['amountCents' => $total]);
            $rows[] = [$reference, (string) ($d['contractId'] ?? $d['contract_id'])];
        }
        return self::cli()->json('
            $db = Db::getInstance(); $p = _DB_PREFIX_;
            $template = (int) $db->getValue("SELECT MIN(id_order) FROM {$p}orders WHERE id_order NOT IN (SELECT id_order FROM {$p}sofinco_order)");
            $state = (int) Configuration::getGlobalValue("SOFINCO_OS_IN_STUDY");
            $lines = array_diff(array_column($db->executeS("SHOW COLUMNS FROM {$p}order_detail"), "Field"), ["id_order_detail", "id_order"]);
            $ids = [];
            foreach (' . var_export($rows, true) . ' as [$reference, $contract]) {
                $o = (new Order($template))->duplicateObject();
                $id = (int) $o->id;
                // Its own cart (a copy of the template one) and reference: PrestaShop walks every
                // order of a cart and of a reference on each state change.
                $cart = (int) (new Cart((int) $o->id_cart))->duplicateObject()->id;
                $db->execute("UPDATE {$p}orders SET current_state = $state, id_cart = $cart, reference = \'" . Order::generateReference() . "\' WHERE id_order = $id");
                $db->execute("INSERT INTO {$p}order_detail (id_order, " . implode(",", $lines) . ") SELECT $id, " . implode(",", $lines) . " FROM {$p}order_detail WHERE id_order = $template");
                $db->insert("order_history", ["id_order" => $id, "id_order_state" => $state, "id_employee" => 0, "date_add" => date("Y-m-d H:i:s")]);
                $db->insert("sofinco_order", ["id_order" => $id, "id_cart" => $cart, "id_shop" => (int) $o->id_shop, "order_reference" => $reference,
                    "contract_id" => $contract, "sofinco_status" => "ETU", "amount_cents" => ' . $total . ', "mode" => "NC",
                    "date_add" => "2000-01-01 00:00:00", "date_upd" => "2000-01-01 00:00:00"]);
                $ids[] = $id;
            }
            echo json_encode($ids);');
    }

    /** Deletes orders made by followedOrders() (and their carts): they would slow later runs. */
    public static function forgetOrders(array $ids): void
    {
        if (!$ids) {
            return;
        }
        self::cli()->json('$db = Db::getInstance(); $p = _DB_PREFIX_; $in = "' . implode(',', array_map('intval', $ids)) . '";
            $db->execute("DELETE c FROM {$p}cart c JOIN {$p}orders o ON o.id_cart = c.id_cart WHERE o.id_order IN ($in)");
            foreach (["order_detail", "order_history", "sofinco_order", "orders"] as $t) { $db->execute("DELETE FROM {$p}$t WHERE id_order IN ($in)"); }
            echo json_encode(true);');
    }

    /** Runs a cron task from the command line, as crontab would: PrestaShop's console. */
    public static function cron(string $task, array $options = ['--env=prod']): array
    {
        $cmd = array_merge([PHP_BINARY], ShopEnv::phpArgs(), [ShopEnv::get('SHOP_DIR') . '/bin/console', 'sofinco:cron', $task], $options);
        $proc = proc_open($cmd, [1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, ShopEnv::get('SHOP_DIR'));
        $out = (string) stream_get_contents($pipes[1]);
        $err = (string) stream_get_contents($pipes[2]);
        $exit = proc_close($proc);
        $lines = preg_split('/\R/', trim($out)) ?: [''];
        $json = json_decode((string) end($lines), true);
        return ['exit' => $exit, 'result' => is_array($json) ? $json : null, 'stdout' => $out, 'stderr' => $err];
    }

    /** Waits until $check returns a truthy value (the sandbox notifies in the background). */
    public static function eventually(callable $check, float $seconds = 10.0)
    {
        $deadline = microtime(true) + $seconds;
        do {
            $value = $check();
            if ($value) {
                return $value;
            }
            usleep(200000);
        } while (microtime(true) < $deadline);
        return $value;
    }
}
