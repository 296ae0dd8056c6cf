<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/** What every hook handler has: the module. Each handler is one class in controllers/hook/. */
if (!defined('_PS_VERSION_')) {
    exit;
}

abstract class SofincoHook
{
    /** @var SofincoSignature */
    protected $module;

    public function __construct(SofincoSignature $module)
    {
        $this->module = $module;
    }
}
