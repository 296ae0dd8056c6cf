<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The crons by URL, for hosts without a crontab:
 *   index.php?fc=module&module=sofincosignature&controller=cron&task=orders&token=…
 * The token is generated at install and compared in constant time; a wrong one is a 403.
 * The HTTP status is the extension's verdict on the run (SofincoCron::verdict): 200 done (or
 * another run under way), 502 when Sofinco failed for some dossiers, 500 when the run could
 * not run, 400 for an unknown task; the body is the console command's JSON line.
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
        http_response_code((int) SofincoCron::verdict($result)['http_status']);
        $this->ajaxRender(json_encode($result));
        exit;
    }
}
