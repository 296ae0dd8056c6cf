<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The simulator's stylesheet, and on product and cart pages its script with the offers
 * endpoint's URL (views/js/sofinco.js keeps the block true after AJAX refreshes).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoHeaderHook extends SofincoHook
{
    public function run(array $params)
    {
        $context = Context::getContext();
        $controller = $context->controller;
        if (!$controller || !method_exists($controller, 'registerStylesheet')) {
            return '';
        }
        $controller->registerStylesheet('module-sofincosignature', 'modules/' . $this->module->name . '/views/css/sofinco.css', ['media' => 'all', 'priority' => 200]);
        $page = isset($controller->php_self) ? $controller->php_self : '';
        if (($page === 'product' || $page === 'cart') && SofincoRuntime::ready()) {
            $controller->registerJavascript('module-sofincosignature', 'modules/' . $this->module->name . '/views/js/sofinco.js', ['position' => 'bottom', 'priority' => 200]);
            Media::addJsDef(['sofinco_offers_url' => $context->link->getModuleLink($this->module->name, 'offers')]);
        }
        return '';
    }
}
