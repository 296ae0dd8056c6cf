<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The simulator block on product pages and on the cart page (spec-fr.md §4). A page never
 * calls Sofinco: it shows the block from the rendered-block cache or the offers cache, else
 * an empty slot that views/js/sofinco.js fills from the offers endpoint. The same slot is
 * refilled when the cart or the combination changes (PrestaShop's AJAX refresh).
 */
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
        $lazy = is_array($product) || $product instanceof ArrayAccess;
        $price = $lazy ? $product['price_amount'] : null;
        $idProduct = $lazy ? (int) $product['id_product'] : (int) $product->id;
        $idAttribute = $lazy && isset($product['id_product_attribute']) ? (int) $product['id_product_attribute'] : 0;
        if ($price === null && $idProduct > 0) {
            $price = Product::getPriceStatic($idProduct, true, $idAttribute);
        }
        $slot = ['product' => $idProduct, 'attribute' => $idAttribute];
        return $this->slot(\Sofinco\StatusMapper::cents((float) $price), 'product', $slot);
    }

    public function runForCart(array $params)
    {
        $cart = isset($params['cart']) ? $params['cart'] : Context::getContext()->cart;
        if (!SofincoRuntime::ready() || !Validate::isLoadedObject($cart)) {
            return '';
        }
        return $this->slot(self::cartCents($cart), 'cart', []);
    }

    /**
     * The cart's total incl. tax: the figure PrestaShop already presented to this page (its
     * getOrderTotal(true)) when the hook shows the visitor's own cart, so the page does not
     * compute the cart a second time; else computed.
     */
    private static function cartCents(Cart $cart)
    {
        $context = Context::getContext();
        $presented = $context->smarty->getTemplateVars('cart');
        if ($context->cart && (int) $context->cart->id === (int) $cart->id && isset($presented['totals']['total_including_tax']['amount'])) {
            return \Sofinco\StatusMapper::cents((float) $presented['totals']['total_including_tax']['amount']);
        }
        return SofincoPaymentGate::cartCents($cart);
    }

    private function slot($amountCents, $where, array $data)
    {
        $context = Context::getContext();
        // The block follows the payment option's rules, so nobody is shown an offer they
        // cannot take. Outside the prices or Sofinco's range the slot stays, empty, for a
        // later cart change; the page never calls Sofinco (cache only).
        if (SofincoPaymentGate::refusal($context, $amountCents, $context->currency) !== null) {
            return '';
        }
        $availability = SofincoPaymentGate::availability($this->module, $context, $amountCents, false);
        $html = SofincoPaymentGate::offerable($availability) ? SofincoSimulatorBlock::html($this->module, $context, $amountCents, $where, false) : '';
        $attributes = 'class="sofinco-slot" data-sofinco-where="' . $where . '"';
        foreach ($data as $name => $value) {
            $attributes .= ' data-sofinco-' . $name . '="' . (int) $value . '"';
        }
        if ($html === null) {
            // Cold: the browser asks the offers endpoint; the page does not wait.
            $attributes .= ' data-sofinco-pending="1"';
            $html = '';
        }
        return '<div ' . $attributes . '>' . $html . '</div>';
    }
}
