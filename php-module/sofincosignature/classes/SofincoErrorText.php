<?php
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
        $l = function ($s) use ($module) {
            return $module->l($s, 'sofincoerrortext');
        };
        if ($e instanceof \Sofinco\AuthException) {
            return $l('Sofinco refused the module\'s credentials (ClientId, SecretId): check the configuration.');
        }
        if ($e instanceof \Sofinco\TransportException) {
            return $l('Sofinco cannot be reached right now: try again in a few minutes.');
        }
        if ($e instanceof \Sofinco\ConfigException) {
            return $l('The module\'s configuration is incomplete or invalid: check it in Modules > Payez en plusieurs fois avec Sofinco.');
        }
        if ($e instanceof \Sofinco\NotFoundException) {
            return $l('Sofinco does not know this dossier.');
        }
        if ($e instanceof \Sofinco\ApiException) {
            $detail = array_filter(['HTTP ' . (int) $e->getHttpStatus(), (string) $e->getApiCode()], function ($part) {
                return $part !== '' && $part !== 'HTTP 0';
            });
            return sprintf($l('Sofinco answered with an error%s.'), $detail ? ' (' . implode(', ', $detail) . ')' : '');
        }
        if ($e instanceof \Sofinco\InvalidInputException || $e instanceof \Sofinco\UnknownStatusException) {
            return $l('Sofinco\'s answer could not be used: see the logs.');
        }
        return $l('Something went wrong while calling Sofinco: see the logs.');
    }
}
