<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * 2.4.0: sofinco_order keeps what Sofinco lends (sofinco_amount_cents) and why a dossier is
 * held (held), since decisions now compare Sofinco's dossier with the order's own total;
 * the confirmation page's message moves to displayOrderConfirmation (above the order table);
 * the module's templates are compiled again, now with their {l} texts escaped (SofincoEscape).
 * sofinco_order also keeps each order's Sofinco state (id_sofinco_state, the Dossiers tab's
 * "État Sofinco"), which a refused or cancelled order no longer shows once it is in
 * PrestaShop's "Annulé": orders made before are given the last module state of their history.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

function upgrade_module_2_4_0($module)
{
    require_once dirname(__DIR__) . '/vendor/autoload.php';
    if (!SofincoModuleId::restore($module) || !SofincoSchema::create()) {
        return false;
    }
    if (!SofincoSchema::fillSofincoStates(SofincoStates::moduleIds())) {
        return false;
    }
    $module->registerHook('displayOrderConfirmation');
    $module->unregisterHook('displayPaymentReturn');
    Tools::clearSmartyCache();
    SofincoContainerRefresh::afterModuleChange();
    return true;
}
