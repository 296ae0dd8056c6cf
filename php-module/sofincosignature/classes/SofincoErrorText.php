<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The merchant's words for an exception of the extension: its class says what went wrong,
 * Sofinco's HTTP status and code are added as they are; the English message of the
 * extension goes to the logs, never to a page.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoErrorText
{
    public static function of(\Throwable $e, Module $module)
    {
        if ($e instanceof \Sofinco\AuthException) {
            return $module->getTranslator()->trans('Sofinco refused the module\'s credentials (ClientId, SecretId): check the configuration.', [], 'Modules.Sofincosignature.Admin');
        }
        if ($e instanceof \Sofinco\TransportException) {
            return $module->getTranslator()->trans('Sofinco cannot be reached right now: try again in a few minutes.', [], 'Modules.Sofincosignature.Admin');
        }
        if ($e instanceof \Sofinco\ConfigException) {
            return $module->getTranslator()->trans('The module\'s configuration is incomplete or invalid: check it in Modules > Payez en plusieurs fois avec Sofinco.', [], 'Modules.Sofincosignature.Admin');
        }
        if ($e instanceof \Sofinco\NotFoundException) {
            return $module->getTranslator()->trans('Sofinco does not know this dossier.', [], 'Modules.Sofincosignature.Admin');
        }
        if ($e instanceof \Sofinco\ApiException) {
            $detail = array_filter(['HTTP ' . (int) $e->getHttpStatus(), (string) $e->getApiCode()], function ($part) {
                return $part !== '' && $part !== 'HTTP 0';
            });
            return sprintf($module->getTranslator()->trans('Sofinco answered with an error%s.', [], 'Modules.Sofincosignature.Admin'), $detail ? ' (' . implode(', ', $detail) . ')' : '');
        }
        if ($e instanceof \Sofinco\InvalidInputException || $e instanceof \Sofinco\UnknownStatusException) {
            return $module->getTranslator()->trans('Sofinco\'s answer could not be used: see the logs.', [], 'Modules.Sofincosignature.Admin');
        }
        return $module->getTranslator()->trans('Something went wrong while calling Sofinco: see the logs.', [], 'Modules.Sofincosignature.Admin');
    }
}
