<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The crons by URL, for hosts without a crontab:
 *   index.php?fc=module&module=sofincosignature&controller=cron&task=orders&token=…
 * The token is generated at install and compared in constant time; a wrong one is a 403.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoSignatureCronModuleFrontController extends ModuleFrontController
{
    public $ajax = true;

    public function postProcess()
    {
        $token = (string) Tools::getValue('token');
        $expected = (string) Configuration::getGlobalValue(SofincoConfig::CRON_TOKEN);
        header('Content-Type: application/json');
        if ($expected === '' || !hash_equals($expected, $token)) {
            http_response_code(403);
            $this->ajaxRender(json_encode(['ok' => false, 'error' => 'forbidden']));
            exit;
        }
        ignore_user_abort(true);
        @set_time_limit(120);
        $result = (new SofincoCron($this->module))->run((string) Tools::getValue('task'));
        http_response_code($result['ok'] ? 200 : (isset($result['error']) && strpos($result['error'], 'unknown task') === 0 ? 400 : 500));
        $this->ajaxRender(json_encode($result));
        exit;
    }
}
