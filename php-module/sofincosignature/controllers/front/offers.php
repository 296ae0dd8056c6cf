<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The simulator block for the browser (views/js/sofinco.js): what a page shows when the
 * offers were not cached yet, or after the cart or the combination changed. The amount is
 * always PrestaShop's own price of a visible product or the visitor's cart, never a figure
 * from the request, so nobody can make the shop ask Sofinco for arbitrary amounts. Sofinco
 * gets a short budget (2 s, no retry) and a failure is remembered for a minute by the
 * extension, so a Sofinco that is down costs one bounded call per window, not one per visit.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoSignatureOffersModuleFrontController extends ModuleFrontController
{
    public $ajax = true;

    public function displayAjax()
    {
        header('Content-Type: text/html; charset=utf-8');
        header('Cache-Control: private, no-store');
        header('X-Robots-Tag: noindex');
        echo $this->block();
        exit;
    }

    /** '' when nothing is to be shown (outside the prices or Sofinco's range, no offers, Sofinco unreachable). */
    private function block()
    {
        if (!SofincoRuntime::ready() || !$this->module->active) {
            return '';
        }
        $where = Tools::getValue('where') === 'cart' ? 'cart' : 'product';
        $amount = $where === 'cart' ? $this->cartCents() : $this->productCents();
        $context = $this->context;
        if ($amount <= 0 || SofincoPaymentGate::refusal($context, $amount, $context->currency) !== null) {
            return '';
        }
        // Outside the prices or Sofinco's range: nothing, and no error (Sofinco's refusal of
        // the amount is an answer, remembered by the extension, not a failure). Sofinco is
        // asked here at most once per amount, within the shop's budget of simulations per
        // minute (the extension's): whatever a visitor does, the calls stay bounded.
        if (SofincoPaymentGate::availability($this->module, $context, $amount, true) !== \Sofinco\Availability::Offered) {
            return '';
        }
        return (string) SofincoSimulatorBlock::html($this->module, $context, $amount, $where, false);
    }

    private function cartCents()
    {
        $cart = $this->context->cart;
        return Validate::isLoadedObject($cart) && $cart->nbProducts() > 0 ? SofincoPaymentGate::cartCents($cart) : 0;
    }

    private function productCents()
    {
        $idProduct = (int) Tools::getValue('id_product');
        $idAttribute = (int) Tools::getValue('id_product_attribute');
        $product = new Product($idProduct, false, (int) $this->context->language->id, (int) $this->context->shop->id);
        if (!Validate::isLoadedObject($product) || !$product->active || $product->visibility === 'none') {
            return 0;
        }
        if ($idAttribute > 0 && (int) Db::getInstance()->getValue('SELECT id_product FROM `' . _DB_PREFIX_ . 'product_attribute` WHERE id_product_attribute = ' . $idAttribute) !== $idProduct) {
            return 0;
        }
        return \Sofinco\StatusMapper::cents((float) Product::getPriceStatic($idProduct, true, $idAttribute ?: null));
    }
}
