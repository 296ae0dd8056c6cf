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
 * Each row names its holder's database connection (server, its start, connection id): a
 * claimer on the same database server that finds the holder's connection gone (a killed cron
 * or web worker: the server closes its connection at once; a restarted server: another start)
 * removes that row and claims at once. A holder whose liveness cannot be seen from here (on
 * another Galera node) keeps its row until it expires (TTL). Re-entrant within a process.
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
    /** @var array{0: string, 1: int}|null the database server this process talks to: host:port, start */
    private static $server;

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
        // The owner names the connection making the claim (CONNECTION_ID() at this very query).
        $db->execute(sprintf(
            "INSERT IGNORE INTO `{$p}sofinco_lock` (name, token, owner, expires_at) VALUES ('%s', '%s', CONCAT('%s', CONNECTION_ID()), %d)",
            $name,
            pSQL($token),
            pSQL(self::serverPrefix()),
            $now + $ttl
        ));
        $row = $db->getRow("SELECT token, owner FROM `{$p}sofinco_lock` WHERE name = '{$name}'", false);
        if ($row && $row['token'] !== $token && self::ownerIsGone((string) $row['owner'])) {
            // Its holder died: its row goes (only that row), and the claim is made again.
            $db->execute(sprintf("DELETE FROM `{$p}sofinco_lock` WHERE name = '%s' AND token = '%s'", $name, pSQL($row['token'])));
            return self::claim($full, $token, $ttl);
        }
        return $row && $row['token'] === $token;
    }

    /** "host:port|start|": the database server a claim row's connection id belongs to. */
    private static function serverPrefix()
    {
        $server = self::server();
        return $server === null ? '' : $server[0] . '|' . $server[1] . '|';
    }

    /**
     * Whether a row's holder is certainly dead: its connection was to this very database
     * server (host and port: Galera nodes differ) and that server no longer has it, or
     * restarted since. Anything unsure (another node, an older row) counts as alive.
     */
    private static function ownerIsGone($owner)
    {
        $parts = explode('|', $owner);
        $server = self::server();
        if (count($parts) !== 3 || $server === null || $parts[0] !== $server[0] || !ctype_digit($parts[2])) {
            return false;
        }
        if (abs((int) $parts[1] - $server[1]) > 2) {
            return true; // the server restarted: every connection of its former start is gone
        }
        $alive = Db::getInstance()->getValue('SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID = ' . (int) $parts[2], false);
        return $alive !== false && (int) $alive === 0;
    }

    /** The database server (host:port) and when it started, to the second (read once). */
    private static function server()
    {
        if (self::$server === null) {
            $row = Db::getInstance()->getRow("SELECT CONCAT(@@hostname, ':', @@port) AS server,
                UNIX_TIMESTAMP() - (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS WHERE VARIABLE_NAME = 'UPTIME') AS started", false);
            if (!$row || !isset($row['server'], $row['started'])) {
                return null;
            }
            self::$server = [(string) $row['server'], (int) $row['started']];
        }
        return self::$server;
    }

    /** Lock names are per database (several shops may share a server), at most 64 chars. */
    private static function fullName($name)
    {
        return substr(_DB_NAME_ . '.' . _DB_PREFIX_ . $name, -64);
    }
}
