<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * PrestaShop's console (prestashop:module upgrade) can hand the upgrade scripts a module
 * instance without its id: outside a controller, Module's own cache is emptied after each
 * instance is built, and an instance built from a partial cache (after the kernel rebuilt its
 * container) gets no id. registerHook() then returns false and PrestaShop turns the module
 * off. The upgrade scripts give the instance its id back first.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoModuleId
{
    /** @return bool whether the instance now has the id of the installed module */
    public static function restore(Module $module)
    {
        if (empty($module->id)) {
            $module->id = (int) Module::getModuleIdByName($module->name);
        }
        return !empty($module->id);
    }
}
