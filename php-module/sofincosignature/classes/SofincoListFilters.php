<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * Makes a legacy admin list's filters safe before PrestaShop builds SQL from them.
 * Core writes some filter types into SQL unquoted (PrestaShop 8.1.2 puts a `price` filter
 * after `=` with only pSQL, so `0 OR (SELECT ...)` reads any table): whatever core does with
 * a type, a numeric filter here is a number and a select filter is one of its choices.
 * Core also takes a filter posted under a column's name instead of its filter key
 * (`ordersFilter_state_name` for `a!current_state`) and writes that name into WHERE, where
 * no such column exists: an SQL error, kept in the employee's cookie and repeated on every
 * visit. Here each filter is known under its filter key only: another name of a column is
 * moved to the column's filter key, a key that names no column is dropped (request and
 * cookie alike).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoListFilters
{
    /**
     * Cleans the request's and the cookie's "<listId>Filter_<key>" filters in place.
     * $fields is the list's fields_list (column => definition, with its filter_key).
     */
    public static function clean($listId, $cookiePrefix, Cookie $cookie, array $fields)
    {
        $marker = $listId . 'Filter_';
        foreach (['_POST', '_GET'] as $source) {
            foreach ($GLOBALS[$source] as $name => $value) {
                if (!is_string($name) || stripos($name, $marker) !== 0) {
                    continue;
                }
                unset($GLOBALS[$source][$name], $_REQUEST[$name]);
                $column = self::column($fields, (string) substr($name, strlen($marker)));
                $clean = $column === null ? null : self::value($fields[$column], $value, false);
                if ($clean === null) {
                    continue;
                }
                $canonical = $marker . self::filterKey($fields, $column);
                // The filter key itself wins over another name of the same column.
                if ($canonical === $name || !array_key_exists($canonical, $GLOBALS[$source])) {
                    $GLOBALS[$source][$canonical] = $clean;
                }
            }
        }
        $family = $cookie->getFamily($cookiePrefix . $marker);
        foreach ($family as $name => $value) {
            $column = self::column($fields, (string) substr($name, strlen($cookiePrefix . $marker)));
            $clean = $column === null ? null : self::value($fields[$column], $value, true);
            $canonical = $column === null ? null : $cookiePrefix . $marker . self::filterKey($fields, $column);
            if ($clean === null || $canonical !== $name) {
                unset($cookie->{$name});
            }
            if ($clean === null) {
                continue;
            }
            if ($canonical !== $name) {
                if (!array_key_exists($canonical, $family)) {
                    $cookie->{$canonical} = $clean;
                }
            } elseif ($clean !== $value) {
                $cookie->{$name} = $clean;
            }
        }
    }

    /**
     * The column a filter key names, as core's filterToField finds it (a column's filter
     * key, else the name after "alias!"), or null.
     */
    private static function column(array $fields, $key)
    {
        foreach ($fields as $column => $field) {
            if (is_array($field) && isset($field['filter_key']) && (string) $field['filter_key'] === $key) {
                return (string) $column;
            }
        }
        $parts = explode('!', $key);
        $name = count($parts) > 1 ? $parts[1] : $parts[0];
        return array_key_exists($name, $fields) && is_array($fields[$name]) ? (string) $name : null;
    }

    /** The key core turns into SQL for a column: its filter_key, or its name. */
    private static function filterKey(array $fields, $column)
    {
        return isset($fields[$column]['filter_key']) ? (string) $fields[$column]['filter_key'] : (string) $column;
    }

    /** The safe form of one value, or null to drop the filter. $stored: the cookie's form. */
    private static function value(array $field, $value, $stored)
    {
        $type = isset($field['filter_type']) ? $field['filter_type'] : (isset($field['type']) ? $field['type'] : 'text');
        if ($type === 'date' || $type === 'datetime') {
            // From and to, two strings (core checks each with Validate::isDate and quotes
            // it); the cookie keeps them as JSON, as core writes them.
            $dates = is_string($value) && $stored ? json_decode($value, true) : $value;
            if (!is_array($dates)) {
                return null;
            }
            $ends = [];
            foreach ([0, 1] as $i) {
                $ends[] = isset($dates[$i]) && is_scalar($dates[$i]) ? trim((string) $dates[$i]) : '';
            }
            return $stored ? json_encode($ends) : $ends;
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
