<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopEnv;

/**
 * After a cache clear (a module install, an upgrade, "Vider le cache") and the first visitor's
 * page, many visitors and Sofinco's notifications arrive at once: every one gets its page, none
 * a 500 from PrestaShop's translation catalogue being rebuilt by several workers. (A shop whose
 * French catalogue is empty deletes it on every request, and concurrent workers then die
 * renaming it: the test shop carries a language pack as real shops do.) The very first
 * requests on a cold catalogue race inside PrestaShop's Context::getTranslatorFromLocale,
 * before any module code runs: that window is PrestaShop's, not checked here.
 */
final class ColdTranslationCacheTest extends TestCase
{
    public function testFiftyHitsOnAColdTranslationCacheAllAnswer(): void
    {
        $cache = ShopEnv::get('SHOP_DIR') . '/var/cache/prod/translations';
        foreach (glob($cache . '/*') ?: [] as $file) {
            unlink($file);
        }
        $shop = ShopEnv::get('SHOP_URL');
        $first = curl_init($shop . 'index.php?id_product=1&controller=product');
        curl_setopt_array($first, [CURLOPT_RETURNTRANSFER => true, CURLOPT_FOLLOWLOCATION => true, CURLOPT_TIMEOUT => 120]);
        curl_exec($first);
        $this->assertSame(200, curl_getinfo($first, CURLINFO_RESPONSE_CODE), 'the first visitor after the clear');
        curl_close($first);
        $multi = curl_multi_init();
        $handles = [];
        for ($i = 0; $i < 50; $i++) {
            if ($i % 2 === 0) {
                $ch = curl_init($shop . 'index.php?fc=module&module=sofincosignature&controller=notification');
                curl_setopt_array($ch, [CURLOPT_POST => true, CURLOPT_POSTFIELDS => 'not json']);
            } else {
                $ch = curl_init($shop . 'index.php?id_product=1&controller=product');
                curl_setopt($ch, CURLOPT_FOLLOWLOCATION, true);
            }
            curl_setopt_array($ch, [CURLOPT_RETURNTRANSFER => true, CURLOPT_TIMEOUT => 120]);
            curl_multi_add_handle($multi, $ch);
            $handles[$i] = $ch;
        }
        do {
            curl_multi_exec($multi, $running);
            curl_multi_select($multi, 0.05);
        } while ($running > 0);
        $codes = [];
        foreach ($handles as $i => $ch) {
            $codes[] = ($i % 2 === 0 ? 'notification ' : 'product ') . curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
            curl_multi_remove_handle($multi, $ch);
        }
        $this->assertSame([], array_values(array_filter($codes, fn ($c) => (int) substr($c, -3) >= 500)), 'no 500: ' . implode(', ', array_unique($codes)));
        $this->assertSame(25, count(array_keys($codes, 'product 200', true)), 'every product page renders');
    }
}
