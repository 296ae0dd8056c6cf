<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * 2.3.0: the order states' default e-mails (payment at "Dossier financé", cancellation at
 * refusal and cancel) on the states the merchant has not changed (SofincoStates::
 * applyMailDefaultsWhereUntouched says how that is known); the Dossiers tab named per language
 * where it still has the French name everywhere; displayAdminOrder unhooked (its panel is
 * displayAdminOrderMain's on every supported version); the assets registered from
 * actionFrontControllerSetMedia instead of displayHeader. The currencies the merchant enabled
 * stay: the payment option refuses anything but euros anyway. 2.3.0 brings the console command
 * sofinco:cron: the container is rebuilt for it (SofincoContainerRefresh).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

function upgrade_module_2_3_0($module)
{
    require_once dirname(__DIR__) . '/vendor/autoload.php';
    if (!SofincoModuleId::restore($module)) {
        return false;
    }
    if (SofincoRuntime::ready()) {
        SofincoStates::applyMailDefaultsWhereUntouched();
    }
    $idTab = (int) Tab::getIdFromClassName('AdminSofincoDossiers');
    if ($idTab) {
        $tab = new Tab($idTab);
        foreach ($module->tabs[0]['name'] as $iso => $name) {
            $idLang = (int) Language::getIdByIso($iso);
            if ($idLang && isset($tab->name[$idLang]) && $tab->name[$idLang] === 'Dossiers Sofinco signature') {
                $tab->name[$idLang] = $name;
            }
        }
        $tab->save();
    }
    $module->unregisterHook('displayAdminOrder');
    // The assets through actionFrontControllerSetMedia, on the module's pages only.
    $module->registerHook('actionFrontControllerSetMedia');
    $module->unregisterHook('displayHeader');
    SofincoContainerRefresh::afterModuleChange();
    return true;
}
