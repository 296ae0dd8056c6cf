<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * Shop boundaries in the back office, drawn as PrestaShop draws them for its own order list
 * (the order grid's `o.id_shop IN (getContextListShopID(SHARE_ORDER))`): the Dossiers tab
 * lists the orders of the shops of the current shop context, which, for an employee who is
 * not a super-admin, PrestaShop already narrows to the employee's own shops (config.inc.php
 * caches the shop tree again once the employee is known); the employee's shops are checked
 * here once more. Funding and cancellation act only on an order of a shop the employee
 * manages (Employee::hasAuthOnShop; a super-admin manages every shop).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoShopScope
{
    /**
     * The shops whose orders the tab lists: the current context's shops (with the shop
     * group's order sharing, as PrestaShop's order list), only those the employee manages.
     *
     * @return int[]
     */
    public static function listedShopIds(?Context $context = null)
    {
        $context = $context ?: Context::getContext();
        $employee = isset($context->employee) ? $context->employee : null;
        if (!$employee instanceof Employee || !Validate::isLoadedObject($employee)) {
            return [];
        }
        $ids = [];
        foreach (Shop::getContextListShopID(Shop::SHARE_ORDER) as $id) {
            if ($employee->hasAuthOnShop((int) $id)) {
                $ids[] = (int) $id;
            }
        }
        return array_values(array_unique($ids));
    }

    /** The list's SQL condition on the orders' alias $alias: " AND a.id_shop IN (…)", or nothing listed. */
    public static function sqlRestriction($alias, ?Context $context = null)
    {
        $ids = self::listedShopIds($context);
        return $ids ? ' AND ' . $alias . '.`id_shop` IN (' . implode(', ', $ids) . ') ' : ' AND 0 ';
    }

    /** Whether the context's employee may act on an order of this shop. */
    public static function manages($idShop, ?Context $context = null)
    {
        $context = $context ?: Context::getContext();
        $employee = isset($context->employee) ? $context->employee : null;
        return $employee instanceof Employee && Validate::isLoadedObject($employee) && (int) $idShop > 0
            && $employee->hasAuthOnShop((int) $idShop);
    }

    /**
     * True for an order that exists in a shop the context's employee does not manage: no
     * action on it. An order that does not exist is left to the action's own "no dossier"
     * answer.
     */
    public static function refusesOrder($idOrder, ?Context $context = null)
    {
        $idShop = (int) Db::getInstance()->getValue('SELECT `id_shop` FROM `' . _DB_PREFIX_ . 'orders` WHERE `id_order` = ' . (int) $idOrder);
        return $idShop > 0 && !self::manages($idShop, $context);
    }
}
