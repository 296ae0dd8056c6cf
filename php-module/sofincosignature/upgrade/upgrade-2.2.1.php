<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * 2.2.1: orders take the reference the customer saw at Sofinco (the hook
 * actionGenerateDocumentReference); the offers cache moves out of var/cache (emptied on every
 * module enable/disable) into the module's private folder, so the old one is removed.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

function upgrade_module_2_2_1($module)
{
    if (!SofincoModuleId::restore($module)) {
        return false;
    }
    if (!$module->registerHook('actionGenerateDocumentReference')) {
        return false;
    }
    foreach (glob(rtrim(_PS_CACHE_DIR_, '/') . '/sofinco/*') ?: [] as $file) {
        @unlink($file);
    }
    @rmdir(rtrim(_PS_CACHE_DIR_, '/') . '/sofinco');
    return true;
}
