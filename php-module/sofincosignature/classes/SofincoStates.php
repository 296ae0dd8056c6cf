<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The module's order states, made from the extension's table (StatusMapper::states()):
 * their ids are kept in Configuration under each state's key.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoStates
{
    /**
     * The one table mapping the extension's order states (\Sofinco\OrderState, by case
     * name) to PrestaShop's Configuration keys, and how each module state looks in
     * PrestaShop: names (English, worded per language from the module's catalogue at
     * install), colour and flags are presentation, the module's (the extension keeps only
     * code -> state -> group). Only the funded state is paid; approved states count as
     * validated (logable) but book no payment, since orders are never created in them
     * (StatusMapper's creation path). PrestaShop's own "Annulé" closes the table: refused and
     * cancelled orders go there to give their stock back. No other file names these keys
     * (tools/check-order-states.php).
     */
    public const TABLE = [
        'InStudy' => ['key' => 'SOFINCO_OS_IN_STUDY', 'name' => 'Sofinco application under review', 'color' => '#4169e1', 'logable' => false, 'paid' => false],
        'AwaitingCustomer' => ['key' => 'SOFINCO_OS_AWAITING_CUSTOMER', 'name' => 'Sofinco application awaiting the customer', 'color' => '#ff8c00', 'logable' => false, 'paid' => false],
        'AwaitingFunding' => ['key' => 'SOFINCO_OS_AWAITING_FUNDING', 'name' => 'Sofinco application approved, awaiting funding request', 'color' => '#8a2be2', 'logable' => true, 'paid' => false],
        'FundingRequested' => ['key' => 'SOFINCO_OS_FUNDING_REQUESTED', 'name' => 'Sofinco funding requested', 'color' => '#20b2aa', 'logable' => true, 'paid' => false],
        'Funded' => ['key' => 'SOFINCO_OS_FUNDED', 'name' => 'Sofinco application funded', 'color' => '#32cd32', 'logable' => true, 'paid' => true],
        'Refused' => ['key' => 'SOFINCO_OS_REFUSED', 'name' => 'Sofinco application refused', 'color' => '#dc143c', 'logable' => false, 'paid' => false],
        'Cancelled' => ['key' => 'SOFINCO_OS_CANCELLED', 'name' => 'Sofinco application cancelled or abandoned', 'color' => '#8b0000', 'logable' => false, 'paid' => false],
        'NotFound' => ['key' => 'SOFINCO_OS_NOT_FOUND', 'name' => 'Sofinco application not found', 'color' => '#a9a9a9', 'logable' => false, 'paid' => false],
        'TechError' => ['key' => 'SOFINCO_OS_TECH_ERROR', 'name' => 'Sofinco application not processed (technical error)', 'color' => '#696969', 'logable' => false, 'paid' => false],
        'PrestashopCancelled' => ['key' => 'PS_OS_CANCELED'],
    ];

    /** The case of \Sofinco\OrderState named $case (an enum case on 8.1+, a string on PHP 7). */
    public static function state($case)
    {
        return constant('\\Sofinco\\OrderState::' . $case);
    }

    /** The Configuration key of an order state (for ids and logs). */
    public static function key($state)
    {
        foreach (array_keys(self::TABLE) as $case) {
            if (self::state($case) === $state) {
                return self::TABLE[$case]['key'];
            }
        }
        return '';
    }

    /** The PrestaShop id of an order state, 0 when not installed. */
    public static function id($state)
    {
        return self::idOfKey(self::key($state));
    }

    /** The PrestaShop id of a key of the table (no extension needed: upgrades use it). */
    public static function idOfKey($key)
    {
        if ($key === self::TABLE['PrestashopCancelled']['key']) {
            return (int) Configuration::get($key);
        }
        return $key === '' ? 0 : (int) Configuration::getGlobalValue($key);
    }

    /** The PrestaShop ids of the module's own states (no extension needed). */
    public static function moduleIds()
    {
        $ids = [];
        foreach (self::TABLE as $case => $row) {
            if ($case !== 'PrestashopCancelled') {
                $ids[] = self::idOfKey($row['key']);
            }
        }
        return $ids;
    }

    /** The PrestaShop id of the funded state (no extension needed: upgrade 2.2.0). */
    public static function fundedId()
    {
        return self::idOfKey(self::TABLE['Funded']['key']);
    }

    /** The PrestaShop id of PrestaShop's own cancelled state. */
    public static function prestashopCancelledId()
    {
        return self::idOfKey(self::TABLE['PrestashopCancelled']['key']);
    }

    /**
     * The order state of a PrestaShop state id: one of the module's, PrestaShop's own
     * cancelled state, or null for any other state (the extension's `state = null`).
     */
    public static function of($idOrderState)
    {
        // Without the extension there is no OrderState to name (and nothing to decide).
        if (!class_exists('Sofinco\\OrderState')) {
            return null;
        }
        foreach (self::TABLE as $case => $row) {
            $id = self::idOfKey($row['key']);
            if ($id && $id === (int) $idOrderState) {
                return self::state($case);
            }
        }
        return null;
    }

    /** The module's order states, in workflow order (StatusMapper::states()). */
    public static function all()
    {
        $states = [];
        foreach (\Sofinco\StatusMapper::states() as $row) {
            $states[] = $row['state'];
        }
        return $states;
    }

    /** The table's row of a module state. */
    private static function row($state)
    {
        foreach (self::TABLE as $case => $row) {
            if (self::state($case) === $state) {
                return $row;
            }
        }
        return null;
    }

    /**
     * The e-mail a new state sends by default, as PrestaShop's own payment states do: the
     * payment confirmation when Sofinco funds, the cancellation when the dossier is refused or
     * cancelled. The merchant changes them in Orders > Statuses; nothing here rewrites them.
     */
    public const MAIL_DEFAULTS = [
        'Funded' => 'payment',
        'Refused' => 'order_canceled',
        'Cancelled' => 'order_canceled',
    ];

    /**
     * Creates the states that are missing; a state that exists is never rewritten, so the
     * merchant's names, colours and e-mail choices (Orders > Statuses) stay. $restore (the
     * installer) shows again the states the last uninstall hid.
     */
    public static function ensureInstalled($moduleName, $restore = false)
    {
        if (!SofincoRuntime::ready()) {
            return false;
        }
        foreach (self::all() as $sofincoState) {
            $key = self::key($sofincoState);
            $state = new OrderState(self::idOfKey($key));
            if (Validate::isLoadedObject($state) && !$state->deleted) {
                if ($restore && $state->hidden) {
                    $state->hidden = false;
                    $state->save();
                }
                continue;
            }
            $state = self::newState($sofincoState, $moduleName);
            if (!$state->save()) {
                return false;
            }
            Configuration::updateGlobalValue($key, (int) $state->id);
        }
        return true;
    }

    private static function newState($sofincoState, $moduleName)
    {
        $look = self::row($sofincoState);
        $case = array_search($look, self::TABLE, true);
        $state = new OrderState();
        $template = isset(self::MAIL_DEFAULTS[$case]) ? self::MAIL_DEFAULTS[$case] : '';
        foreach (Language::getLanguages(false) as $lang) {
            $state->name[(int) $lang['id_lang']] = SofincoCatalogue::admin($look['name'], $lang['locale']);
            $state->template[(int) $lang['id_lang']] = $template;
        }
        $state->module_name = $moduleName;
        $state->color = $look['color'];
        $state->paid = $look['paid'];
        $state->logable = $look['logable'];
        $state->invoice = $look['paid'];
        $state->shipped = false;
        $state->delivery = false;
        $state->send_email = $template !== '';
        $state->unremovable = true;
        $state->hidden = false;
        $state->deleted = false;
        return $state;
    }

    /**
     * Upgrade to 2.3.0: the e-mail defaults, only on states still as versions up to 2.2.0 made
     * them (no e-mail, no template in any language). A state whose e-mail the merchant turned on
     * or whose template they set is theirs and left alone.
     *
     * @return array the keys of the states given their default e-mail
     */
    public static function applyMailDefaultsWhereUntouched()
    {
        $applied = [];
        $p = _DB_PREFIX_;
        foreach (self::MAIL_DEFAULTS as $case => $template) {
            $key = self::TABLE[$case]['key'];
            $id = self::idOfKey($key);
            if (!$id) {
                continue;
            }
            $touched = (int) Db::getInstance()->getValue("SELECT COUNT(*) FROM `{$p}order_state` os
                LEFT JOIN `{$p}order_state_lang` osl ON osl.id_order_state = os.id_order_state AND osl.template <> ''
                WHERE os.id_order_state = {$id} AND (os.send_email = 1 OR osl.id_order_state IS NOT NULL)");
            if ($touched) {
                continue;
            }
            $state = new OrderState($id);
            if (!Validate::isLoadedObject($state)) {
                continue;
            }
            $state->send_email = true;
            foreach (Language::getLanguages(false) as $lang) {
                $state->template[(int) $lang['id_lang']] = $template;
            }
            if ($state->save()) {
                $applied[] = $key;
            }
        }
        return $applied;
    }

    /**
     * At uninstall: states used by orders are hidden (order history keeps its labels);
     * unused ones are deleted.
     */
    public static function retire()
    {
        $p = _DB_PREFIX_;
        $rows = Db::getInstance()->executeS("SELECT id_order_state FROM `{$p}order_state` WHERE module_name = 'sofincosignature'");
        foreach ($rows ?: [] as $row) {
            $id = (int) $row['id_order_state'];
            $used = (int) Db::getInstance()->getValue("SELECT COUNT(*) FROM `{$p}order_history` WHERE id_order_state = {$id}")
                + (int) Db::getInstance()->getValue("SELECT COUNT(*) FROM `{$p}orders` WHERE current_state = {$id}");
            $state = new OrderState($id);
            if ($used > 0) {
                $state->hidden = true;
                $state->unremovable = true;
                $state->save();
            } else {
                $state->deleted = true;
                $state->save();
            }
        }
        return true;
    }
}
