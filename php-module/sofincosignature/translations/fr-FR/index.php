<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * Nothing to see here: every folder of the module has this guard.
 */
header('Expires: Mon, 26 Jul 1997 05:00:00 GMT');
header('Last-Modified: ' . gmdate('D, d M Y H:i:s') . ' GMT');
header('Cache-Control: no-store, no-cache, must-revalidate');
header('Pragma: no-cache');
header('Location: ../');
exit;
