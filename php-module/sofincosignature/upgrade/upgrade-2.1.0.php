<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * 2.1.0 adds the "Mode" column of the Dossiers tab (TEST or PRODUCTION); dossiers made
 * before it get NC (spec-fr.md §10), and the tables are created if an older install had none.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

function upgrade_module_2_1_0($module)
{
    require_once dirname(__DIR__) . '/vendor/autoload.php';
    if (!SofincoSchema::create()) {
        return false;
    }
    $p = _DB_PREFIX_;
    foreach (['sofinco_order', 'sofinco_attempt'] as $table) {
        $has = Db::getInstance()->executeS("SHOW COLUMNS FROM `{$p}{$table}` LIKE 'mode'");
        if (!$has && !Db::getInstance()->execute("ALTER TABLE `{$p}{$table}` ADD `mode` VARCHAR(12) NOT NULL DEFAULT 'NC'")) {
            return false;
        }
    }
    return SofincoStates::ensureInstalled($module->name) || !SofincoRuntime::ready();
}
