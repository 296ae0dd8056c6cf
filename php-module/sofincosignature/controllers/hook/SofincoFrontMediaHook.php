<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The module's assets (actionFrontControllerSetMedia), only where it shows something: the
 * stylesheet on the product and cart pages (the simulator), the checkout (the payment
 * option), the order confirmation (its message) and the module's own pages; the script, with
 * the offers endpoint's URL, on the product and cart pages only (views/js/sofinco.js keeps the
 * block true after AJAX refreshes). Every other page loads nothing of the module.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoFrontMediaHook extends SofincoHook
{
    private const SIMULATOR_PAGES = ['product', 'cart'];
    private const STYLED_PAGES = ['product', 'cart', 'order', 'order-confirmation'];

    public function run(array $params)
    {
        $context = Context::getContext();
        $controller = $context->controller;
        if (!$controller || !method_exists($controller, 'registerStylesheet')) {
            return;
        }
        $page = isset($controller->php_self) ? (string) $controller->php_self : '';
        $own = $controller instanceof ModuleFrontController && $controller->module && $controller->module->name === $this->module->name;
        if (!$own && !in_array($page, self::STYLED_PAGES, true)) {
            return;
        }
        $controller->registerStylesheet('module-sofincosignature', 'modules/' . $this->module->name . '/views/css/sofinco.css', ['media' => 'all', 'priority' => 200]);
        if (in_array($page, self::SIMULATOR_PAGES, true) && SofincoRuntime::ready()) {
            $controller->registerJavascript('module-sofincosignature', 'modules/' . $this->module->name . '/views/js/sofinco.js', ['position' => 'bottom', 'priority' => 200]);
            Media::addJsDef(['sofinco_offers_url' => $context->link->getModuleLink($this->module->name, 'offers')]);
        }
    }
}
