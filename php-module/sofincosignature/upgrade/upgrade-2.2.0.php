<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * 2.2.0: locks as claim rows (sofinco_lock, safe on a Galera cluster), funding requests
 * closed by a flag instead of Sofinco's code, and no "0000-00-00" signature dates (older
 * versions stored an absent date that way).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

function upgrade_module_2_2_0($module)
{
    require_once dirname(__DIR__) . '/vendor/autoload.php';
    if (!SofincoSchema::create()) {
        return false;
    }
    $db = Db::getInstance();
    $p = _DB_PREFIX_;
    if (
        !$db->executeS("SHOW COLUMNS FROM `{$p}sofinco_order` LIKE 'funding_closed'")
        && !$db->execute("ALTER TABLE `{$p}sofinco_order` ADD `funding_closed` TINYINT(1) NOT NULL DEFAULT 0 AFTER `funding_sent`")
    ) {
        return false;
    }
    $funded = SofincoStates::fundedId();
    if ($funded) {
        $db->execute("UPDATE `{$p}sofinco_order` so JOIN `{$p}orders` o ON o.id_order = so.id_order
            SET so.funding_closed = 1 WHERE o.current_state = {$funded}");
    }
    $db->execute("UPDATE `{$p}sofinco_order` SET signature_date = NULL WHERE CAST(signature_date AS CHAR) = '0000-00-00'");
    return true;
}
