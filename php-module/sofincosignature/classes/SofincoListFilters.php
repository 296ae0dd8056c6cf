<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * Makes a legacy admin list's filter values safe before PrestaShop builds SQL from them.
 * Core writes some filter types into SQL unquoted (PrestaShop 8.1.2 puts a `price` filter
 * after `=` with only pSQL, so `0 OR (SELECT ...)` reads any table): whatever core does with
 * a type, a numeric filter here is a number and a select filter is one of its choices.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoListFilters
{
    /**
     * Cleans the request's and the cookie's values of "<listId>Filter_<key>" in place.
     * $resolve maps a filter key to its field definition as core does (filterToField).
     */
    public static function clean($listId, $cookiePrefix, Cookie $cookie, callable $resolve)
    {
        $marker = $listId . 'Filter_';
        foreach (['_POST', '_GET'] as $source) {
            foreach ($GLOBALS[$source] as $name => $value) {
                if (is_string($name) && stripos($name, $marker) === 0) {
                    $clean = self::value($resolve, substr($name, strlen($marker)), $value);
                    if ($clean === null) {
                        unset($GLOBALS[$source][$name], $_REQUEST[$name]);
                    } else {
                        $GLOBALS[$source][$name] = $clean;
                    }
                }
            }
        }
        foreach ($cookie->getFamily($cookiePrefix . $marker) as $name => $value) {
            $clean = self::value($resolve, substr($name, strlen($cookiePrefix . $marker)), $value);
            if ($clean === null) {
                unset($cookie->{$name});
            } elseif ($clean !== $value) {
                $cookie->{$name} = $clean;
            }
        }
    }

    /** The safe form of one value, or null to drop the filter. */
    private static function value(callable $resolve, $key, $value)
    {
        $parts = explode('!', $key);
        $field = $resolve($key, count($parts) > 1 ? $parts[1] : $parts[0]);
        if (!$field) {
            return $value; // core ignores keys that name no field
        }
        $type = isset($field['filter_type']) ? $field['filter_type'] : (isset($field['type']) ? $field['type'] : 'text');
        if ($type === 'date' || $type === 'datetime') {
            return $value; // core checks each end with Validate::isDate and quotes it
        }
        if (is_array($value)) {
            return null;
        }
        $value = trim((string) $value);
        if ($value === '') {
            return $value;
        }
        if (in_array($type, ['int', 'bool'], true)) {
            return (string) (int) $value; // as core's (int): "1 OR 1=1" is 1
        }
        if (in_array($type, ['price', 'decimal', 'float'], true)) {
            // "129,90", "1 290,00 €" or "0 OR (SELECT ...)": the leading number only, as a cast.
            $number = str_replace(',', '.', preg_replace('/[\s\x{00A0}\x{202F}€]+/u', '', $value));
            return preg_match('/^-?\d{1,12}(\.\d{1,6})?$/', $number) ? $number : (string) (float) $number;
        }
        if ($type === 'select') {
            $list = isset($field['list']) && is_array($field['list']) ? $field['list'] : [];
            return array_key_exists($value, $list) ? $value : null;
        }
        return $value; // text: core quotes it ('%...%' after pSQL)
    }
}
