<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * Kept for crontab lines written for versions before 2.3.0: runs the console command
 *   php bin/console sofinco:cron orders|statuses|funding --env=prod
 * (same output and exit codes), inside PrestaShop's own kernel. New lines use bin/console.
 */
if (PHP_SAPI !== 'cli') {
    header('HTTP/1.1 403 Forbidden');
    exit;
}

$_SERVER['argv'] = ['bin/console', 'sofinco:cron', isset($argv[1]) ? (string) $argv[1] : '', '--env=prod'];
$_SERVER['argc'] = count($_SERVER['argv']);
require dirname(__DIR__, 2) . '/bin/console';
