<?php
/** The simulator block on product pages and on the cart page (spec-fr.md §4). */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoSimulatorHook extends SofincoHook
{
    public function runForProduct(array $params)
    {
        if (!isset($params['product']) || !SofincoRuntime::ready()) {
            return '';
        }
        $product = $params['product'];
        $price = is_array($product) || $product instanceof ArrayAccess ? $product['price_amount'] : null;
        if ($price === null && isset($product->id)) {
            $price = Product::getPriceStatic((int) $product->id, true);
        }
        return $this->render(\Sofinco\StatusMapper::cents((float) $price), 'product');
    }

    public function runForCart(array $params)
    {
        $cart = isset($params['cart']) ? $params['cart'] : Context::getContext()->cart;
        if (!SofincoRuntime::ready() || !Validate::isLoadedObject($cart)) {
            return '';
        }
        return $this->render(SofincoPaymentGate::cartCents($cart), 'cart');
    }

    private function render($amountCents, $where)
    {
        $context = Context::getContext();
        // The block follows the payment option's rules, so nobody is shown an offer they
        // cannot take.
        if (SofincoPaymentGate::refusal($context, $amountCents, $context->currency) !== null) {
            return '';
        }
        $view = SofincoSimulatorView::forAmount($this->module, $context, $amountCents);
        if ($view === null) {
            return '';
        }
        $context->smarty->assign(['sofinco' => $view, 'sofinco_where' => $where]);
        return $this->module->display($this->module->getLocalPath() . 'sofincosignature.php', 'views/templates/hook/simulator.tpl');
    }
}
