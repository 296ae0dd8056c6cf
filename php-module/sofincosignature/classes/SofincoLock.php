<?php
/**
 * Named locks in the database (MariaDB/MySQL GET_LOCK): they hold across every web server
 * and cron machine sharing the shop's database, and die with the connection that took
 * them, so a crashed PHP process never leaves a lock behind.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoLock
{
    /** Takes the lock, waiting up to $waitSeconds; false when someone else holds it. */
    public static function acquire($name, $waitSeconds)
    {
        $got = Db::getInstance()->getValue(sprintf(
            "SELECT GET_LOCK('%s', %d)",
            pSQL(self::fullName($name)),
            (int) $waitSeconds
        ));
        return (int) $got === 1;
    }

    public static function release($name)
    {
        Db::getInstance()->getValue(sprintf("SELECT RELEASE_LOCK('%s')", pSQL(self::fullName($name))));
    }

    /** Lock names are per database (several shops may share a server), at most 64 chars. */
    private static function fullName($name)
    {
        return substr(_DB_NAME_ . '.' . _DB_PREFIX_ . $name, -64);
    }
}
