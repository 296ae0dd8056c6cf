<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The merchant's words for "Tester la connexion": the extension reports a code and its
 * parameters (SofincoClient::testConnection()), the module says it through translations.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoConnectionText
{
    public static function of(array $report, Module $module)
    {
        $mode = isset($report['mode']) && $report['mode'] === 'test' ? $module->getTranslator()->trans('test (recette)', [], 'Modules.Sofincosignature.Admin') : $module->getTranslator()->trans('production', [], 'Modules.Sofincosignature.Admin');
        $host = isset($report['host']) ? (string) $report['host'] : '';
        $code = isset($report['code']) ? (string) $report['code'] : ($report['ok'] ? 'ok' : 'api_error');
        switch ($code) {
            case 'ok':
                $text = sprintf(
                    $module->getTranslator()->trans('Connection OK with %1$s in %2$s mode: Sofinco gave a token and answered a simulation (%3$d offers for 1 000,00 €). Nothing was saved.', [], 'Modules.Sofincosignature.Admin'),
                    $host,
                    $mode,
                    (int) $report['offers']
                );
                break;
            case 'auth_refused':
                $text = sprintf($module->getTranslator()->trans('Sofinco refused the ClientId or the SecretId of the %s mode. Check them, then test again. Nothing was saved.', [], 'Modules.Sofincosignature.Admin'), $mode);
                break;
            case 'merchant_refused':
                $text = sprintf(
                    $module->getTranslator()->trans('The ClientId and SecretId are right, but Sofinco refused the merchant identifiers (N° de commerçant Web, Nature de bien partenaire, Q6, X1) in %1$s mode%2$s. Nothing was saved.', [], 'Modules.Sofincosignature.Admin'),
                    $mode,
                    self::detail($report)
                );
                break;
            case 'unreachable':
                $text = sprintf($module->getTranslator()->trans('Sofinco (%s) cannot be reached: check the API URL and that the server can open outgoing connections. Nothing was saved.', [], 'Modules.Sofincosignature.Admin'), $host);
                break;
            case 'config':
                $text = $module->getTranslator()->trans('These settings cannot be used to call Sofinco: check the API URL. Nothing was saved.', [], 'Modules.Sofincosignature.Admin');
                break;
            default:
                $text = sprintf($module->getTranslator()->trans('Sofinco answered with an error%s: try again in a few minutes. Nothing was saved.', [], 'Modules.Sofincosignature.Admin'), self::detail($report));
        }
        return sprintf('%s (%d ms)', $text, isset($report['latency_ms']) ? (int) $report['latency_ms'] : 0);
    }

    /** Sofinco's HTTP status and own code, what its support asks for. */
    private static function detail(array $report)
    {
        $parts = [];
        if (!empty($report['http_status'])) {
            $parts[] = 'HTTP ' . (int) $report['http_status'];
        }
        if (isset($report['api_code']) && $report['api_code'] !== '') {
            $parts[] = (string) $report['api_code'];
        }
        return $parts ? ' (' . implode(', ', $parts) . ')' : '';
    }
}
