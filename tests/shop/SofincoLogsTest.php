<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopEnv;
use Sofinco\Tests\Shop\Support\ShopHttp;
use Sofinco\Tests\Shop\Support\SofincoShop as S;

/** The logs folder (spec-fr.md §10): daily files, closed to the web, sized and emptied from the page. */
final class SofincoLogsTest extends TestCase
{
    /** var/logs/sofincosignature-<16 hex from the shop's secret key>. */
    private static function dir(): string
    {
        $dir = (string) S::cli()->json('require_once _PS_MODULE_DIR_ . "sofincosignature/classes/autoload.php"; echo json_encode(SofincoLogger::directory());');
        self::assertMatchesRegularExpression('~^' . preg_quote(ShopEnv::get('SHOP_DIR'), '~') . '/var/logs/sofincosignature-[0-9a-f]{16}$~', $dir);
        return $dir;
    }

    public function testLogsAreWrittenDailyAndClosedToTheWeb(): void
    {
        S::configure(['SOFINCO_DEBUG' => '1']);
        S::cron('statuses');
        $dir = self::dir();
        $this->assertFileExists($dir . '/sofinco-' . (new DateTime('now', new DateTimeZone('Europe/Paris')))->format('Y-m-d') . '.log');
        $htaccess = (string) file_get_contents($dir . '/.htaccess');
        $this->assertStringContainsString('Require all denied', $htaccess);
        $this->assertStringContainsString('Deny from all', $htaccess);
        $index = (new ShopHttp())->get('var/logs/' . basename($dir) . '/index.php', false);
        $this->assertSame(403, $index->status);
        $this->assertSame('', trim($index->body));
    }

    public function testTheConfigurationPageSizesAndEmptiesTheFolder(): void
    {
        S::configure(['SOFINCO_DEBUG' => '1']);
        S::cron('statuses');
        $http = new ShopHttp();
        $http->loginAdmin();
        $url = $http->adminUrl('AdminModules', ['configure' => 'sofincosignature']);
        $page = html_entity_decode($http->get($url)->body, ENT_QUOTES | ENT_HTML5);
        $this->assertMatchesRegularExpression('~class="sofinco-logs-size">[0-9.,]+\s*[kKMG]?[oB]~u', $page);
        $after = html_entity_decode($http->post($url, ['submitSofincoPurgeLogs' => '1'])->body, ENT_QUOTES | ENT_HTML5);
        $this->assertStringContainsString('Les fichiers de logs ont été supprimés', $after);
        $this->assertSame([], glob(self::dir() . '/*.log'));
        $this->assertFileExists(self::dir() . '/index.php', 'the guards stay');
        S::cron('statuses');
        $this->assertNotEmpty(glob(self::dir() . '/*.log'), 'logging goes on after emptying');
    }

    /**
     * The offers, the rendered blocks and the shared token live in the module's private folder:
     * under var/ (denied to the web by PrestaShop), outside var/cache (emptied on every module
     * enable/disable), its name derived from the shop's secret, readable by the PHP user only.
     */
    public function testThePrivateStoreLivesWherePrestaShopClosesTheWeb(): void
    {
        (new ShopHttp())->get(S::offersUrl(['where' => 'product', 'product' => S::sofa()]));
        $paths = S::cli()->json('require_once _PS_MODULE_DIR_ . "sofincosignature/classes/autoload.php";
            echo json_encode(["offers" => SofincoConfig::cacheDirectory(1), "token" => SofincoPrivateStore::tokenFile(1), "root" => SofincoPrivateStore::root()]);');
        $shop = ShopEnv::get('SHOP_DIR');
        $this->assertMatchesRegularExpression('~^' . preg_quote($shop, '~') . '/var/sofincosignature-[0-9a-f]{16}/shop-1/offers$~', $paths['offers'], 'under var/, never var/cache, the module or the web root');
        $this->assertNotEmpty(glob($paths['offers'] . '/sim-*.json'), 'the offers are cached there');
        $this->assertSame(0700, fileperms(dirname($paths['offers'])) & 0777);
        $this->assertSame(0600, fileperms($paths['token']) & 0777, 'the token: the PHP user only');
        $this->assertFileExists($paths['root'] . '/index.php');
        $this->assertSame(403, (new ShopHttp())->get(substr($paths['root'], strlen($shop) + 1) . '/index.php')->status);
        $htaccess = (string) file_get_contents($shop . '/var/.htaccess');
        $this->assertStringContainsString('Deny from all', $htaccess, 'PrestaShop denies var/ to the web');
        $this->assertStringContainsString('Require all denied', $htaccess);
    }
}
