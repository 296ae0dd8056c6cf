<?php
/**
 * TEST-ONLY negative control for make test-cluster (never shipped; the dist zip is built from
 * php-module/): SofincoLock reduced to MariaDB's GET_LOCK, which a Galera cluster does not
 * replicate, so two web servers on two nodes can both hold "the" lock. Same API as the
 * module's class; scripts/cluster/test-cluster.sh copies it over the installed one.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoLock
{
    const TTL = 300;

    /** @var array<string, int> */
    private static $held = [];

    public static function acquire($name, $waitSeconds, $ttl = self::TTL)
    {
        $full = self::fullName($name);
        if (isset(self::$held[$full])) {
            ++self::$held[$full];
            return true;
        }
        $got = (int) Db::getInstance()->getValue(sprintf("SELECT GET_LOCK('%s', %d)", pSQL($full), max(0, (int) ceil((float) $waitSeconds))), false);
        if ($got !== 1) {
            return false;
        }
        self::$held[$full] = 1;
        return true;
    }

    public static function release($name)
    {
        $full = self::fullName($name);
        if (!isset(self::$held[$full]) || --self::$held[$full] > 0) {
            return;
        }
        unset(self::$held[$full]);
        try {
            Db::getInstance()->getValue(sprintf("SELECT RELEASE_LOCK('%s')", pSQL($full)), false);
        } catch (\Throwable $e) {
        }
    }

    public static function holds($name)
    {
        return isset(self::$held[self::fullName($name)]);
    }

    private static function fullName($name)
    {
        return substr(_DB_NAME_ . '.' . _DB_PREFIX_ . $name, -64);
    }
}
