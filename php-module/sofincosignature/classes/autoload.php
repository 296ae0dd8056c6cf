<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * Older includes (upgrade scripts, tests, the soak) name this file: the module's classes are
 * loaded by the Composer classmap in vendor/ (scripts/dist.sh dumps it).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

require_once dirname(__DIR__) . '/vendor/autoload.php';
