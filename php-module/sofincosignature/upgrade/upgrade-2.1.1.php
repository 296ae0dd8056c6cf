<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * 2.1.1 moves the logs from modules/sofincosignature/logs/ (served by web servers that ignore
 * .htaccess) to PrestaShop's var/logs/, then removes the old folder; adds the
 * sofinco_notify_claim table (one lookup per reference per window for notifications).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

function upgrade_module_2_1_1($module)
{
    require_once dirname(__DIR__) . '/vendor/autoload.php';
    if (!SofincoSchema::create()) {
        return false;
    }
    $dir = SofincoLogger::ensureDirectory();
    if (!is_dir($dir)) {
        return false;
    }
    $old = SofincoLogger::legacyDirectory();
    foreach (glob($old . '/*.log') ?: [] as $file) {
        $target = $dir . '/' . basename($file);
        if (is_file($target)) {
            // Both folders wrote that day: keep every line.
            @file_put_contents($target, (string) file_get_contents($file), FILE_APPEND | LOCK_EX);
            @unlink($file);
        } elseif (!@rename($file, $target)) {
            return false;
        }
    }
    foreach (['.htaccess', 'index.php'] as $guard) {
        @unlink($old . '/' . $guard);
    }
    @rmdir($old);
    return true;
}
