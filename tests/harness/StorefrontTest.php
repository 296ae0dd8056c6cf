<?php
declare(strict_types=1);

use PHPUnit\Framework\TestCase;
use Sofinco\Tests\Shop\Support\ShopHttp;

/** The French storefront of the real shop, as a visitor sees it. */
final class StorefrontTest extends TestCase
{
    public function testHomePageIsFrench(): void
    {
        $home = (new ShopHttp())->home();
        $this->assertSame(200, $home->status);
        $this->assertStringContainsString('<html lang="fr-FR">', $home->body);
    }

    public function testDemoProductPageShowsAFrenchPrice(): void
    {
        $page = (new ShopHttp())->productPage(1);
        $this->assertSame(200, $page->status);
        $this->assertStringContainsString('T-shirt imprimé colibri', $page->body);
        // 19,12 € excl. tax + 20 % French VAT, formatted the French way with a no-break space.
        $this->assertStringContainsString("22,94\u{a0}€", $page->body);
        $this->assertMatchesRegularExpression('/"static_token":"[0-9a-f]{32}"/', $page->body);
    }

    public function testVisitorAddsAProductToTheCart(): void
    {
        $visitor = new ShopHttp();
        $added = $visitor->addToCart(1, 2);
        $this->assertSame(200, $added->status);

        $cart = $visitor->cartPage();
        $this->assertSame(200, $cart->status);
        $this->assertStringContainsString('T-shirt imprimé colibri', $cart->body);
        $this->assertStringContainsString('cart-products-count">(2)', $cart->body);

        // A second visitor has a cart of its own (1.7.8's empty cart page suggests the T-shirt).
        $this->assertStringContainsString('cart-products-count">(0)', (new ShopHttp())->cartPage()->body);
    }
}
