<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * Named locks as claim rows in the shop's database: a row in sofinco_lock is inserted (and
 * committed, the shop's connection autocommits) before any side effect, and whoever reads
 * its own token back holds the lock. Unlike GET_LOCK, which is local to one server of a
 * MariaDB Galera cluster, a second claim on another node fails certification or finds the
 * row, so the lock holds for every web and cron server sharing the shop's database.
 * A holder that dies leaves its row until it expires (TTL); re-entrant within a process.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoLock
{
    /** Seconds after which a claim left by a dead process is taken over. */
    public const TTL = 300;
    /** Seconds between two tries while waiting. */
    public const POLL_S = 0.05;

    /** @var array<string, array{token: string, depth: int}> the locks this process holds */
    private static $held = [];

    /** Takes the lock, waiting up to $waitSeconds; false when someone else holds it. */
    public static function acquire($name, $waitSeconds, $ttl = self::TTL)
    {
        $full = self::fullName($name);
        if (isset(self::$held[$full])) {
            ++self::$held[$full]['depth'];
            return true;
        }
        $token = bin2hex(random_bytes(16));
        $deadline = microtime(true) + max(0, (float) $waitSeconds);
        while (true) {
            if (self::claim($full, $token, (int) $ttl)) {
                self::$held[$full] = ['token' => $token, 'depth' => 1];
                return true;
            }
            if (microtime(true) >= $deadline) {
                return false;
            }
            usleep((int) (self::POLL_S * 1000000));
        }
    }

    public static function release($name)
    {
        $full = self::fullName($name);
        if (!isset(self::$held[$full])) {
            return;
        }
        if (--self::$held[$full]['depth'] > 0) {
            return;
        }
        $token = self::$held[$full]['token'];
        unset(self::$held[$full]);
        try {
            Db::getInstance()->execute(sprintf(
                "DELETE FROM `%ssofinco_lock` WHERE name = '%s' AND token = '%s'",
                _DB_PREFIX_,
                pSQL($full),
                pSQL($token)
            ));
        } catch (\Throwable $e) {
            // The database is gone: the claim expires by itself.
        }
    }

    /** Whether this process holds the lock (for assertions in callers that need it). */
    public static function holds($name)
    {
        return isset(self::$held[self::fullName($name)]);
    }

    private static function claim($full, $token, $ttl)
    {
        $db = Db::getInstance();
        $p = _DB_PREFIX_;
        $name = pSQL($full);
        $now = time();
        $db->execute("DELETE FROM `{$p}sofinco_lock` WHERE name = '{$name}' AND expires_at < {$now}");
        // A duplicate key (or, on Galera, a certification conflict) leaves the other's row.
        $db->execute(sprintf(
            "INSERT IGNORE INTO `{$p}sofinco_lock` (name, token, expires_at) VALUES ('%s', '%s', %d)",
            $name,
            pSQL($token),
            $now + $ttl
        ));
        return $db->getValue("SELECT token FROM `{$p}sofinco_lock` WHERE name = '{$name}'", false) === $token;
    }

    /** Lock names are per database (several shops may share a server), at most 64 chars. */
    private static function fullName($name)
    {
        return substr(_DB_NAME_ . '.' . _DB_PREFIX_ . $name, -64);
    }
}
