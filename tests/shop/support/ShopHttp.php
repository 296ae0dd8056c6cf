<?php
declare(strict_types=1);

namespace Sofinco\Tests\Shop\Support;

/**
 * A small HTTP client for the shop on loopback, with its own cookie jar: a storefront visitor
 * (product page, add to cart with the static token, cart page) or, after loginAdmin(), the
 * back-office employee (admin controllers with their tokens).
 */
final class ShopHttp
{
    private string $jar;
    private string $shopUrl;
    private string $adminUrl;

    public function __construct(?string $shopUrl = null, ?string $adminUrl = null)
    {
        $this->shopUrl = $shopUrl ?? ShopEnv::get('SHOP_URL');
        $this->adminUrl = $adminUrl ?? ShopEnv::get('ADMIN_URL');
        $jar = tempnam(sys_get_temp_dir(), 'shop-cookies-');
        if ($jar === false) {
            throw new \RuntimeException('cannot create a cookie jar');
        }
        $this->jar = $jar;
    }

    public function __destruct()
    {
        if (is_file($this->jar)) {
            unlink($this->jar);
        }
    }

    /** The cookie jar file, for requests made in parallel with curl_multi as this visitor. */
    public function cookieJar(): string
    {
        return $this->jar;
    }

    /** GET; $url is absolute or relative to the shop's root. */
    public function get(string $url, bool $follow = true): ShopResponse
    {
        return $this->request('GET', $url, null, $follow);
    }

    /** POST form fields (application/x-www-form-urlencoded; nested arrays allowed). */
    public function post(string $url, array $fields, bool $follow = true): ShopResponse
    {
        return $this->request('POST', $url, http_build_query($fields), $follow);
    }

    /** POST a JSON body (the back office's own API calls, e.g. the translations editor). */
    public function postJson(string $url, array $data): ShopResponse
    {
        return $this->request('POST', $url, json_encode($data, JSON_THROW_ON_ERROR), true, ['Content-Type: application/json']);
    }

    // ---- storefront visitor ----

    public function home(): ShopResponse
    {
        return $this->get($this->shopUrl);
    }

    public function productPage(int $idProduct): ShopResponse
    {
        return $this->get('index.php?controller=product&id_product=' . $idProduct);
    }

    /** The storefront's static token (prestashop.static_token) from a page's HTML. */
    public static function staticToken(string $html): string
    {
        if (preg_match('/"static_token":"([0-9a-f]{32})"/', $html, $m) !== 1) {
            throw new \RuntimeException('no static_token in the page');
        }
        return $m[1];
    }

    /**
     * Adds a product to the visitor's cart the way the product page's form does (cart
     * controller, action=update, add=1, static token). $groups: attribute group id => attribute id;
     * empty picks the product page's preselected combination.
     */
    public function addToCart(int $idProduct, int $qty = 1, array $groups = []): ShopResponse
    {
        $page = $this->productPage($idProduct);
        if ($page->status !== 200) {
            throw new \RuntimeException("product $idProduct page answers {$page->status}");
        }
        if ($groups === []) {
            $groups = self::preselectedGroups($page->body);
        }
        return $this->post('index.php?controller=cart', [
            'token' => self::staticToken($page->body),
            'id_product' => $idProduct,
            'id_customization' => 0,
            'group' => $groups,
            'qty' => $qty,
            'add' => 1,
            'action' => 'update',
        ]);
    }

    public function cartPage(): ShopResponse
    {
        return $this->get('index.php?controller=cart&action=show');
    }

    // ---- back office ----

    /**
     * Logs into the back office: fetches the login page, posts email/passwd with the form's
     * hidden fields, follows the redirects to the dashboard. Throws when still on the login page.
     */
    public function loginAdmin(?string $email = null, ?string $password = null): ShopResponse
    {
        $loginUrl = $this->adminUrl . 'index.php?controller=AdminLogin';
        $page = $this->get($loginUrl);
        if ($page->status !== 200 || !str_contains($page->body, 'id="login_form"')) {
            throw new \RuntimeException("no login form at $loginUrl (HTTP {$page->status})");
        }
        $fields = self::hiddenFields($page->body, 'login_form');
        $fields['email'] = $email ?? ShopEnv::get('ADMIN_EMAIL');
        $fields['passwd'] = $password ?? ShopEnv::get('ADMIN_PASS');
        $fields['submitLogin'] = '1';
        $fields['stay_logged_in'] = '1';
        $after = $this->post($loginUrl, $fields);
        if ($after->status !== 200 || str_contains($after->body, 'id="login_form"')) {
            throw new \RuntimeException("back-office login failed (HTTP {$after->status} at {$after->url}, title '{$after->title()}')");
        }
        return $after;
    }

    /**
     * Opens a back-office controller (legacy name such as AdminOrders) as the logged-in
     * employee and returns the page. Migrated pages redirect to their Symfony route with a
     * token; legacy ones answer "Invalid security token" first, whose link carries the token.
     */
    public function adminController(string $controller, array $params = []): ShopResponse
    {
        $url = $this->adminUrl . 'index.php?' . http_build_query(['controller' => $controller] + $params);
        $page = $this->get($url);
        if (str_contains($page->title(), 'Invalid security token')
            && preg_match('~href="([^"]*controller=' . preg_quote($controller, '~') . '[^"]*token=[0-9a-f]{32}[^"]*)"~', $page->body, $m) === 1) {
            $page = $this->get(html_entity_decode($m[1], ENT_QUOTES | ENT_HTML5, 'UTF-8'));
        }
        if (str_contains($page->body, 'id="login_form"')) {
            throw new \RuntimeException("$controller: not logged in (call loginAdmin() first)");
        }
        return $page;
    }

    /** The token-bearing URL the back office ended on for a controller. */
    public function adminUrl(string $controller, array $params = []): string
    {
        return $this->adminController($controller, $params)->url;
    }

    // ---- internals ----

    private function request(string $method, string $url, ?string $body, bool $follow, array $extraHeaders = []): ShopResponse
    {
        if (preg_match('~^https?://~', $url) !== 1) {
            $url = str_starts_with($url, '/')
                ? rtrim($this->shopUrl, '/') . $url
                : $this->shopUrl . $url;
        }
        $headers = [];
        $ch = curl_init($url);
        curl_setopt_array($ch, [
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_FOLLOWLOCATION => $follow,
            CURLOPT_MAXREDIRS => 10,
            CURLOPT_COOKIEJAR => $this->jar,
            CURLOPT_COOKIEFILE => $this->jar,
            CURLOPT_CONNECTTIMEOUT => 10,
            CURLOPT_TIMEOUT => 120,
            CURLOPT_USERAGENT => 'sofinco-shop-tests',
            CURLOPT_HEADERFUNCTION => static function ($ch, string $line) use (&$headers): int {
                if (preg_match('~^HTTP/~', $line) === 1) {
                    $headers = []; // a new response (redirects): keep the last one's headers
                } elseif (str_contains($line, ':')) {
                    [$name, $value] = explode(':', $line, 2);
                    $headers[strtolower(trim($name))][] = trim($value);
                }
                return strlen($line);
            },
        ]);
        if ($extraHeaders !== []) {
            curl_setopt($ch, CURLOPT_HTTPHEADER, $extraHeaders);
        }
        if ($method === 'POST') {
            curl_setopt($ch, CURLOPT_POST, true);
            curl_setopt($ch, CURLOPT_POSTFIELDS, (string) $body);
            // After a 302 the browser GETs the target; so does curl with POSTREDIR unset.
        }
        $out = curl_exec($ch);
        if ($out === false) {
            $error = curl_error($ch);
            curl_close($ch);
            throw new \RuntimeException("$method $url: $error");
        }
        $response = new ShopResponse(
            (int) curl_getinfo($ch, CURLINFO_RESPONSE_CODE),
            (string) curl_getinfo($ch, CURLINFO_EFFECTIVE_URL),
            $headers,
            (string) $out,
        );
        curl_close($ch);
        return $response;
    }

    /** @return array<string, string> name => value of the hidden inputs of the form with this id */
    private static function hiddenFields(string $html, string $formId): array
    {
        $doc = new \DOMDocument();
        $previous = libxml_use_internal_errors(true);
        $doc->loadHTML($html);
        libxml_clear_errors();
        libxml_use_internal_errors($previous);
        $form = $doc->getElementById($formId);
        $fields = [];
        if ($form !== null) {
            foreach ($form->getElementsByTagName('input') as $input) {
                if (strtolower($input->getAttribute('type')) === 'hidden' && $input->getAttribute('name') !== '') {
                    $fields[$input->getAttribute('name')] = $input->getAttribute('value');
                }
            }
        }
        return $fields;
    }

    /** @return array<int, int> attribute group id => attribute id preselected on a product page */
    private static function preselectedGroups(string $html): array
    {
        $groups = [];
        // <select name="group[1]"> ... <option value="1" selected="selected">
        if (preg_match_all('~<select[^>]*name="group\[(\d+)\]"[^>]*>(.*?)</select>~s', $html, $selects, PREG_SET_ORDER) > 0) {
            foreach ($selects as $s) {
                if (preg_match('~<option value="(\d+)"[^>]*selected~', $s[2], $o) === 1) {
                    $groups[(int) $s[1]] = (int) $o[1];
                }
            }
        }
        // <input type="radio" name="group[2]" value="8" checked="checked">
        if (preg_match_all('~<input[^>]*name="group\[(\d+)\]"[^>]*value="(\d+)"[^>]*checked~', $html, $radios, PREG_SET_ORDER) > 0) {
            foreach ($radios as $r) {
                $groups[(int) $r[1]] = (int) $r[2];
            }
        }
        return $groups;
    }
}
