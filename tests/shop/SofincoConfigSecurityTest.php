<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopHttp;
use Sofinco\Tests\Shop\Support\SofincoShop as S;
use Sofinco\Tests\Support\Sandbox;

/**
 * Issue 32, items 1 and 5: the stored secret never leaves for an address it was not saved
 * with; the configuration changes only by POST with the admin token; what is stored is
 * exactly what was validated. The real configuration form of the real shop, against the
 * suite's sandbox and a second one standing for another server.
 */
final class SofincoConfigSecurityTest extends TestCase
{
    private const KEYS = ['SOFINCO_MERCHANT_ID', 'SOFINCO_NATURE_BIEN', 'SOFINCO_Q6', 'SOFINCO_X1', 'SOFINCO_CLIENT_ID_TEST', 'SOFINCO_SECRET_TEST',
        'SOFINCO_CLIENT_ID_PROD', 'SOFINCO_SECRET_PROD', 'SOFINCO_TEST_MODE', 'SOFINCO_MIN_PRICE', 'SOFINCO_DEBUG', 'SOFINCO_API_URL',
        'SOFINCO_ALLOW_OTHER_URL', 'SOFINCO_SECRET_URL_TEST', 'SOFINCO_SECRET_URL_PROD'];

    protected function setUp(): void
    {
        S::configure();
        S::sandbox()->faults([]);
    }

    /** Another server on loopback, recording every request it receives. */
    private static function otherServer(array $args = []): Sandbox
    {
        return new Sandbox(array_merge(['--business-provider-id', S::MERCHANT, '--equipment-code', S::NATURE], $args));
    }

    private static function configPage(ShopHttp $http): string
    {
        return $http->adminUrl('AdminModules', ['configure' => 'sofincosignature']);
    }

    /** The form as the browser posts it, good values, secrets left empty ("keep"). */
    private static function form(array $overrides = []): array
    {
        return $overrides + [
            'SOFINCO_MERCHANT_ID' => S::MERCHANT, 'SOFINCO_NATURE_BIEN' => S::NATURE, 'SOFINCO_Q6' => 'Q6SHOP', 'SOFINCO_X1' => 'X1SHOP',
            'SOFINCO_CLIENT_ID_TEST' => Sandbox::CLIENT_ID, 'SOFINCO_SECRET_TEST' => '', 'SOFINCO_CLIENT_ID_PROD' => Sandbox::CLIENT_ID,
            'SOFINCO_SECRET_PROD' => '', 'SOFINCO_TEST_MODE' => '0', 'SOFINCO_MIN_PRICE' => '100', 'SOFINCO_DEBUG' => '1',
            'SOFINCO_API_URL' => S::sandbox()->url, 'SOFINCO_ALLOW_OTHER_URL' => '0', 'sofincoConfigForm' => '1',
        ];
    }

    /** The module's settings as the database holds them (name => [value, date_upd]), not Configuration's cache. */
    private static function stored(): array
    {
        $rows = S::rows("SELECT name, value, date_upd FROM PREFIX_configuration WHERE name IN ('" . implode("','", self::KEYS) . "') ORDER BY name, id_configuration");
        $out = [];
        foreach ($rows as $row) {
            $out[$row['name']] = [$row['value'], $row['date_upd']];
        }
        return $out;
    }

    private static function storedValue(string $key): ?string
    {
        $row = S::row("SELECT value FROM PREFIX_configuration WHERE name = '" . $key . "' AND (id_shop IS NULL OR id_shop = 0) AND (id_shop_group IS NULL OR id_shop_group = 0)");
        return $row === null ? null : (string) $row['value'];
    }

    /** Requests $server received that carry the stored client secret in any form. */
    private static function carryingTheSecret(Sandbox $server, string $id = Sandbox::CLIENT_ID, string $secret = Sandbox::CLIENT_SECRET): array
    {
        $basic = base64_encode($id . ':' . $secret);
        return array_values(array_filter($server->requests(), function (array $r) use ($basic, $secret) {
            $text = json_encode($r, JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
            return str_contains($text, $basic) || str_contains($text, $secret);
        }));
    }

    private static function text(string $html): string
    {
        return html_entity_decode($html, ENT_QUOTES | ENT_HTML5, 'UTF-8');
    }

    /**
     * The SecretId left empty ("keep") and the API URL changed to another server: neither
     * "Tester la connexion" nor "Enregistrer" sends anything there, and the page says why in
     * French. Typed again, the secret goes there (the other server does listen), and from
     * then on it is bound to that address.
     */
    public function testTheStoredSecretIsNotSentToAChangedApiUrl(): void
    {
        $other = self::otherServer();
        $http = new ShopHttp();
        $http->loginAdmin();
        $url = self::configPage($http);
        $before = self::stored();

        foreach (['submitSofincoTest', 'submitSofincoConfig'] as $button) {
            $page = self::text($http->post($url, self::form(['SOFINCO_API_URL' => $other->url, $button => '1']))->body);
            $this->assertSame([], self::carryingTheSecret($other), "$button: the stored secret went to the other server");
            $this->assertSame([], $other->requests(), "$button: the other server received a request");
            $this->assertStringContainsString('SecretId (production) : saisissez-le de nouveau', $page, $button);
            $this->assertStringContainsString('n\'est jamais envoyé à une nouvelle ; rien n\'a été envoyé', $page, $button);
            foreach (['Connexion réussie', 'Réglages enregistrés', 'Sofinco refuse'] as $never) {
                $this->assertStringNotContainsString($never, $page, "$button: $never");
            }
        }
        $this->assertSame($before, self::stored(), 'nothing was saved');

        // Test mode uses the recette secret, saved with the same API URL: the same refusal.
        $page = self::text($http->post($url, self::form(['SOFINCO_API_URL' => $other->url, 'SOFINCO_TEST_MODE' => '1', 'submitSofincoTest' => '1']))->body);
        $this->assertStringContainsString('SecretId (recette) : saisissez-le de nouveau', $page);
        $this->assertSame([], $other->requests());

        // Typed again, the secret goes to the new address: the other server does receive it.
        $typed = self::form(['SOFINCO_API_URL' => $other->url, 'SOFINCO_SECRET_PROD' => Sandbox::CLIENT_SECRET]);
        $page = self::text($http->post($url, $typed + ['submitSofincoTest' => '1'])->body);
        $this->assertStringContainsString('Connexion réussie avec 127.0.0.1 en mode production', $page);
        $this->assertNotEmpty(self::carryingTheSecret($other), 'the typed secret reached the other server');
        $this->assertSame($before, self::stored(), 'testing saved nothing');

        // Saved with it, the secret is bound to the new address, and goes to no other.
        $page = self::text($http->post($url, $typed + ['submitSofincoConfig' => '1'])->body);
        $this->assertStringContainsString('Réglages enregistrés', $page);
        $this->assertSame($other->url . '/', self::storedValue('SOFINCO_SECRET_URL_PROD'));
        $this->assertSame($other->url, self::storedValue('SOFINCO_API_URL'));
        $third = self::otherServer();
        foreach (['submitSofincoTest', 'submitSofincoConfig'] as $button) {
            $page = self::text($http->post($url, self::form(['SOFINCO_API_URL' => $third->url, $button => '1']))->body);
            $this->assertStringContainsString('SecretId (production) : saisissez-le de nouveau', $page, $button);
            $this->assertStringContainsString($other->url . '/', $page, 'the page names the address the secret was saved with');
        }
        $this->assertSame([], $third->requests());
        $this->assertSame($other->url, self::storedValue('SOFINCO_API_URL'));
    }

    /**
     * A crafted link, followed through PrestaShop's "Invalid security token" page (which
     * offers it again with a token), changes nothing and sends nothing: only a POST acts.
     */
    public function testALinkChangesNothingAndSendsNothing(): void
    {
        $other = self::otherServer();
        $http = new ShopHttp();
        $http->loginAdmin();
        $before = self::stored();
        $marker = self::logDir() . '/sofinco-2000-01-01.log';
        S::cli()->json('file_put_contents(' . var_export($marker, true) . ', "kept\n"); echo json_encode(true);');

        foreach (['submitSofincoConfig', 'submitSofincoTest', 'submitSofincoPurgeLogs'] as $button) {
            $page = $http->adminController('AdminModules', ['configure' => 'sofincosignature', $button => '1']
                + self::form(['SOFINCO_API_URL' => $other->url]));
            $this->assertSame([], self::carryingTheSecret($other), "$button: the stored secret went to the other server");
            $this->assertSame([], $other->requests(), "$button: the other server received a request");
            $this->assertSame($before, self::stored(), "$button: a setting changed");
            $this->assertSame(200, $page->status, $button);
            $this->assertStringContainsString('name="SOFINCO_MERCHANT_ID"', $page->body, "$button: the configuration page answered");
            $text = self::text($page->body);
            foreach (['Réglages enregistrés', 'Connexion réussie', 'SecretId (production) : saisissez-le', 'Les fichiers de logs ont été supprimés'] as $never) {
                $this->assertStringNotContainsString($never, $text, "$button: $never");
            }
        }
        $this->assertTrue((bool) S::cli()->json('echo json_encode(is_file(' . var_export($marker, true) . '));'), 'a link purged the logs');
        S::cli()->json('@unlink(' . var_export($marker, true) . '); echo json_encode(true);');
    }

    /**
     * An API URL with spaces (or anything but a clean https URL) is refused by the extension,
     * nothing saved; in production another host than Sofinco's needs "Autoriser une autre URL
     * d'API", and the page warns while it is on.
     */
    public function testAnApiUrlWithSpacesOrAnotherHostIsRefused(): void
    {
        $http = new ShopHttp();
        $http->loginAdmin();
        $url = self::configPage($http);
        $before = self::stored();
        $sandbox = S::sandbox()->url;
        foreach ([$sandbox . '/ x', $sandbox . ' ', ' ' . $sandbox, 'https://evil.example.test/a b', 'https://user:pw@evil.example.test', 'https://evil.example.test/?x=1'] as $apiUrl) {
            foreach (['submitSofincoConfig', 'submitSofincoTest'] as $button) {
                // The secret typed: the URL alone is refused.
                $page = self::text($http->post($url, self::form(['SOFINCO_API_URL' => $apiUrl, 'SOFINCO_SECRET_PROD' => Sandbox::CLIENT_SECRET, $button => '1']))->body);
                $this->assertStringContainsString('URL de l\'API : laissez vide, ou une adresse https complète, sans espaces', $page, "$button '$apiUrl'");
                $this->assertStringNotContainsString('Réglages enregistrés', $page, "'$apiUrl'");
                $this->assertStringNotContainsString('Connexion réussie', $page, "'$apiUrl'");
            }
        }
        $this->assertSame($before, self::stored(), 'nothing was saved');

        $proxy = 'https://proxy.example.test';
        $page = self::text($http->post($url, self::form(['SOFINCO_API_URL' => $proxy, 'SOFINCO_SECRET_PROD' => Sandbox::CLIENT_SECRET, 'submitSofincoConfig' => '1']))->body);
        $this->assertStringContainsString('URL de l\'API : en production, seulement les adresses de Sofinco (api.sofinco.fr, rct-api.sofinco.fr)', $page);
        $this->assertSame($before, self::stored(), 'nothing was saved');
        $this->assertStringContainsString('Autoriser une autre URL d\'API', $page, 'the setting is on the page');
        $this->assertStringNotContainsString('Une autre URL d\'API est autorisée', $page, 'no warning while it is off');

        $page = self::text($http->post($url, self::form(['SOFINCO_API_URL' => $proxy, 'SOFINCO_SECRET_PROD' => Sandbox::CLIENT_SECRET,
            'SOFINCO_ALLOW_OTHER_URL' => '1', 'submitSofincoConfig' => '1']))->body);
        $this->assertStringContainsString('Réglages enregistrés', $page);
        $this->assertStringContainsString('Une autre URL d\'API est autorisée', $page, 'the page warns while another URL is allowed');
        $this->assertSame($proxy, self::storedValue('SOFINCO_API_URL'));
        $this->assertSame($proxy . '/', self::storedValue('SOFINCO_SECRET_URL_PROD'));
        $this->assertStringContainsString('Une autre URL d\'API est autorisée', self::text($http->get($url)->body), 'and on every visit');
    }

    /**
     * "ab<cd>ef" and "<b>x</b>" are stored exactly (read from the database, not
     * PrestaShop's cache), used exactly (a server that knows only those credentials accepts
     * them), and never put into the page unescaped.
     */
    public function testWhatIsTypedIsWhatIsStoredAndUsed(): void
    {
        $id = '<b>x</b>';
        $secret = 'ab<cd>ef';
        $strict = self::otherServer(['--client-id', $id, '--client-secret', $secret]);
        $http = new ShopHttp();
        $http->loginAdmin();
        $url = self::configPage($http);
        $raw = $http->post($url, self::form(['SOFINCO_API_URL' => $strict->url, 'SOFINCO_CLIENT_ID_PROD' => $id, 'SOFINCO_SECRET_PROD' => $secret,
            'submitSofincoConfig' => '1']))->body;
        $this->assertStringContainsString('Réglages enregistrés', self::text($raw));
        $this->assertSame($id, self::storedValue('SOFINCO_CLIENT_ID_PROD'));
        $this->assertSame($secret, self::storedValue('SOFINCO_SECRET_PROD'));
        $this->assertSame($strict->url . '/', self::storedValue('SOFINCO_SECRET_URL_PROD'));
        $this->assertStringNotContainsString($id, $raw, 'the ClientId is escaped on the page');
        $this->assertStringContainsString(htmlspecialchars($id), $raw, 'the ClientId is shown back, escaped');
        $this->assertStringNotContainsString($secret, $raw, 'the secret is never shown back');
        $this->assertStringNotContainsString(htmlspecialchars($secret), $raw, 'the secret is never shown back');

        // The stored values are the ones sent: the secret kept, the test succeeds.
        $page = $http->post($url, self::form(['SOFINCO_API_URL' => $strict->url, 'SOFINCO_CLIENT_ID_PROD' => $id, 'submitSofincoTest' => '1']))->body;
        $this->assertStringContainsString('Connexion réussie avec 127.0.0.1 en mode production', self::text($page));
        $this->assertNotEmpty(self::carryingTheSecret($strict, $id, $secret));
        $this->assertStringNotContainsString($secret, $page);
    }

    private static function logDir(): string
    {
        return (string) S::cli()->json('require_once _PS_MODULE_DIR_ . "sofincosignature/classes/autoload.php"; echo json_encode(SofincoLogger::directory());');
    }
}
