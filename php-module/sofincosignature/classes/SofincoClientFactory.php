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
    public static function client(Module $module, $idShop = null, array $overrides = [])
    {
        $class = 'Sofinco\\SofincoClient';
        return new $class($overrides + SofincoConfig::clientConfig($module, $idShop));
    }

    /**
     * A client for form values not saved yet ("Tester la connexion"); $secretUrl: where the
     * secret among them was saved, when it is the stored one (null: typed on the form).
     *
     * @return \Sofinco\SofincoClient
     */
    public static function clientFor(Module $module, array $formValues, $secretUrl = null)
    {
        $class = 'Sofinco\\SofincoClient';
        return new $class(SofincoConfig::clientConfigFrom($module, $formValues, null, $secretUrl));
    }

    /** @return \Sofinco\DossierSync */
    public static function sync(Module $module, array $options = [], $idShop = null)
    {
        $class = 'Sofinco\\DossierSync';
        return new $class(self::client($module, $idShop), $options);
    }
}
