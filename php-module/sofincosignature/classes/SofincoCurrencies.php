<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/** Which currencies the module is enabled for: euros only, Sofinco lends in euros. */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoCurrencies
{
    /** Enables the module for the shops' currencies it may take ($module->limited_currencies). */
    public static function restrictAtInstall(Module $module, array $shops)
    {
        $isoCodes = array_map('pSQL', $module->limited_currencies);
        $p = _DB_PREFIX_;
        foreach ($shops as $idShop) {
            $ok = Db::getInstance()->execute(sprintf(
                "INSERT IGNORE INTO `{$p}module_currency` (`id_module`, `id_shop`, `id_currency`)
                 SELECT %d, %d, `id_currency` FROM `{$p}currency` WHERE deleted = 0 AND iso_code IN ('%s')",
                (int) $module->id,
                (int) $idShop,
                implode("', '", $isoCodes)
            ));
            if (!$ok) {
                return false;
            }
        }
        return true;
    }
}
