<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * Builds the extension's objects for a shop. The one place the module creates them.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoClientFactory
{
    /** @return \Sofinco\SofincoClient */
    public static function client(Module $module, $idShop = null)
    {
        return new \Sofinco\SofincoClient(SofincoConfig::clientConfig($module, $idShop));
    }

    /**
     * A client for a page a customer waits on (the simulator, the payment option): two
     * seconds at most, no retry.
     *
     * @return \Sofinco\SofincoClient
     */
    public static function quickClient(Module $module, $idShop = null)
    {
        $config = SofincoConfig::clientConfig($module, $idShop);
        $config->timeoutMs = 2000;
        $config->connectTimeoutMs = 1000;
        $config->maxRetries = 0;
        return new \Sofinco\SofincoClient($config);
    }

    /**
     * A client for form values not saved yet ("Tester la connexion"); $secretUrl: where the
     * secret among them was saved, when it is the stored one (null: typed on the form).
     *
     * @return \Sofinco\SofincoClient
     */
    public static function clientFor(Module $module, array $formValues, $secretUrl = null)
    {
        return new \Sofinco\SofincoClient(SofincoConfig::clientConfigFrom($module, $formValues, null, $secretUrl));
    }

    /**
     * @param int|null $concurrency calls in flight at once (null: the extension's default)
     * @param int|null $deadlineMs a batch ends by this (null: the extension's default)
     *
     * @return \Sofinco\DossierSync
     */
    public static function sync(Module $module, $idShop = null, $concurrency = null, $deadlineMs = null)
    {
        $options = new \Sofinco\SyncOptions();
        $options->concurrency = $concurrency === null ? null : (int) $concurrency;
        $options->deadlineMs = $deadlineMs === null ? null : (int) $deadlineMs;
        return new \Sofinco\DossierSync(self::client($module, $idShop), $options);
    }
}
