<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * PrestaShop keeps a Symfony container that was built during the very request that installs,
 * upgrades or enables a module: its cache:clear skips a container it calls "fresh", and 8.2
 * clears nothing on enable or disable. The module's console command (sofinco:cron, from
 * config/services.yml) would then be missing until the next cache clear, and the merchant's
 * crontab would fail. After such a change the container's loader files are removed at the very
 * end of the request, after PrestaShop's own clear, so the next process builds the container
 * with the module's services as they now are. Nothing else in the cache is touched: not the
 * translation catalogues either (a cold catalogue is rebuilt by every worker at once, and
 * PrestaShop's own rebuild races itself).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoContainerRefresh
{
    /** @var bool install() also runs enable(), uninstall() disable(): one removal is enough */
    private static $registered = false;

    /** Called after install, uninstall, upgrade, enable and disable succeeded. */
    public static function afterModuleChange()
    {
        if (self::$registered) {
            return;
        }
        self::$registered = true;
        // Registered from a shutdown function: it runs after those PrestaShop registered.
        register_shutdown_function(function () {
            register_shutdown_function([self::class, 'removeContainerLoaders']);
        });
    }

    /**
     * Removes var/cache/<env>/<Container>.php (the file a kernel includes to find its compiled
     * container) for each environment; the compiled container beside it is left to Symfony.
     */
    public static function removeContainerLoaders()
    {
        foreach (['prod', 'dev', 'test'] as $env) {
            foreach (glob(_PS_ROOT_DIR_ . '/var/cache/' . $env . '/*Container.php') ?: [] as $loader) {
                @unlink($loader);
            }
        }
    }
}
