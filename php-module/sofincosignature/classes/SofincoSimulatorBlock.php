<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The simulator block's HTML for an amount, from the rendered-block cache when warm. Shared by
 * the page hooks (cache only: never a call to Sofinco) and the offers endpoint (may ask).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoSimulatorBlock
{
    /**
     * The block, '' when Sofinco offers nothing for the amount, null when unknown yet (cold
     * cache and $ask false).
     *
     * @return string|null
     */
    public static function html(SofincoSignature $module, Context $context, $amountCents, $where, $ask)
    {
        $idShop = (int) $context->shop->id;
        $key = SofincoFragmentCache::key($module, $context, $amountCents, $where);
        $html = SofincoFragmentCache::get($idShop, $key);
        if ($html !== null) {
            return $html;
        }
        $view = SofincoSimulatorView::forAmount($module, $context, $amountCents, $ask);
        if ($view === null) {
            return $ask ? '' : null;
        }
        $context->smarty->assign(['sofinco' => $view, 'sofinco_where' => $where]);
        $html = $module->display($module->getLocalPath() . 'sofincosignature.php', 'views/templates/hook/simulator.tpl');
        SofincoFragmentCache::put($idShop, $key, $html);
        return $html;
    }
}
