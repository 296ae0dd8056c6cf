<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The module's tables.
 * - sofinco_attempt: one row per checkout attempt, stored before the customer leaves for
 *   Sofinco (the reference is what Sofinco calls orderId / partnerExternalId).
 * - sofinco_order: one row per order created from a dossier; its unique id_cart is the
 *   last line of defence against a second order for one cart. amount_cents is the cart
 *   when the customer left (history only: decisions read the order's own total);
 *   sofinco_amount_cents what Sofinco last said the dossier lends; held why the dossier
 *   does not pay for the order ("amount", "currency"), NULL when it does.
 *   id_sofinco_state: the module state the order was last moved to (what the extension
 *   decided), still there once the order goes on to PrestaShop's "Annulé" (the Dossiers
 *   tab's "État Sofinco").
 * - sofinco_lock: the claim rows of SofincoLock (one per lock held, with the database
 *   connection that holds it, so a dead holder's row is taken over at once).
 * - sofinco_notify_claim: when a notification last triggered a lookup of a reference
 *   (SofincoNotifyGate).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoSchema
{
    public static function create()
    {
        $engine = _MYSQL_ENGINE_;
        $p = _DB_PREFIX_;
        $queries = [
            "CREATE TABLE IF NOT EXISTS `{$p}sofinco_attempt` (
                `id_sofinco_attempt` INT UNSIGNED NOT NULL AUTO_INCREMENT,
                `id_shop` INT UNSIGNED NOT NULL,
                `id_cart` INT UNSIGNED NOT NULL,
                `order_reference` VARCHAR(20) NOT NULL,
                `amount_cents` BIGINT NOT NULL,
                `mode` VARCHAR(12) NOT NULL,
                `status` VARCHAR(12) NOT NULL DEFAULT 'open',
                `id_order` INT UNSIGNED NULL,
                `reason` VARCHAR(255) NOT NULL DEFAULT '',
                `created_at` INT UNSIGNED NOT NULL,
                `updated_at` INT UNSIGNED NOT NULL,
                PRIMARY KEY (`id_sofinco_attempt`),
                UNIQUE KEY `order_reference` (`order_reference`),
                KEY `id_cart` (`id_cart`),
                KEY `status` (`status`, `created_at`)
            ) ENGINE={$engine} DEFAULT CHARSET=utf8mb4",
            "CREATE TABLE IF NOT EXISTS `{$p}sofinco_order` (
                `id_sofinco_order` INT UNSIGNED NOT NULL AUTO_INCREMENT,
                `id_order` INT UNSIGNED NOT NULL,
                `id_cart` INT UNSIGNED NOT NULL,
                `id_shop` INT UNSIGNED NOT NULL,
                `order_reference` VARCHAR(20) NOT NULL,
                `contract_id` VARCHAR(64) NOT NULL DEFAULT '',
                `sofinco_status` VARCHAR(8) NOT NULL DEFAULT '',
                `id_sofinco_state` INT UNSIGNED NOT NULL DEFAULT 0,
                `amount_cents` BIGINT NOT NULL,
                `sofinco_amount_cents` BIGINT NULL,
                `held` VARCHAR(16) NULL,
                `signature_date` DATE NULL,
                `mode` VARCHAR(12) NOT NULL DEFAULT 'NC',
                `funding_requested_at` INT UNSIGNED NULL,
                `funding_sent` TINYINT(1) NOT NULL DEFAULT 0,
                `funding_closed` TINYINT(1) NOT NULL DEFAULT 0,
                `date_add` DATETIME NOT NULL,
                `date_upd` DATETIME NOT NULL,
                PRIMARY KEY (`id_sofinco_order`),
                UNIQUE KEY `id_cart` (`id_cart`),
                UNIQUE KEY `id_order` (`id_order`),
                KEY `order_reference` (`order_reference`),
                KEY `id_sofinco_state` (`id_sofinco_state`)
            ) ENGINE={$engine} DEFAULT CHARSET=utf8mb4",
            "CREATE TABLE IF NOT EXISTS `{$p}sofinco_lock` (
                `name` VARCHAR(64) NOT NULL,
                `token` CHAR(32) NOT NULL,
                `owner` VARCHAR(128) NOT NULL DEFAULT '',
                `expires_at` INT UNSIGNED NOT NULL,
                PRIMARY KEY (`name`)
            ) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4",
            "CREATE TABLE IF NOT EXISTS `{$p}sofinco_notify_claim` (
                `order_reference` VARCHAR(20) NOT NULL,
                `claimed_at` INT UNSIGNED NOT NULL,
                PRIMARY KEY (`order_reference`),
                KEY `claimed_at` (`claimed_at`)
            ) ENGINE={$engine} DEFAULT CHARSET=utf8mb4",
        ];
        foreach ($queries as $sql) {
            if (!Db::getInstance()->execute($sql)) {
                return false;
            }
        }
        return self::addMissingColumns();
    }

    /** Columns later versions added to an existing table (install and upgrades alike). */
    private static function addMissingColumns()
    {
        $db = Db::getInstance();
        $p = _DB_PREFIX_;
        $columns = [
            'sofinco_order' => [
                'sofinco_amount_cents' => 'BIGINT NULL AFTER `amount_cents`',
                'held' => 'VARCHAR(16) NULL AFTER `sofinco_amount_cents`',
                'id_sofinco_state' => 'INT UNSIGNED NOT NULL DEFAULT 0 AFTER `sofinco_status`, ADD KEY `id_sofinco_state` (`id_sofinco_state`)',
            ],
            'sofinco_lock' => [
                'owner' => "VARCHAR(128) NOT NULL DEFAULT '' AFTER `token`",
            ],
        ];
        foreach ($columns as $table => $definitions) {
            foreach ($definitions as $column => $definition) {
                if (
                    !$db->executeS("SHOW COLUMNS FROM `{$p}{$table}` LIKE '{$column}'")
                    && !$db->execute("ALTER TABLE `{$p}{$table}` ADD `{$column}` {$definition}")
                ) {
                    return false;
                }
            }
        }
        return true;
    }

    /**
     * 2.4.0: id_sofinco_state of the orders made before it, from the last module state in each
     * order's history (a refused or cancelled order is in PrestaShop's "Annulé" by now, its
     * module state just before).
     */
    public static function fillSofincoStates(array $moduleStateIds)
    {
        $ids = array_filter(array_map('intval', $moduleStateIds));
        if (!$ids) {
            return true;
        }
        $p = _DB_PREFIX_;
        return Db::getInstance()->execute("UPDATE `{$p}sofinco_order` so SET so.id_sofinco_state = COALESCE((
                SELECT oh.id_order_state FROM `{$p}order_history` oh
                WHERE oh.id_order = so.id_order AND oh.id_order_state IN (" . implode(',', $ids) . ")
                ORDER BY oh.date_add DESC, oh.id_order_history DESC LIMIT 1), 0)
            WHERE so.id_sofinco_state = 0");
    }
}
