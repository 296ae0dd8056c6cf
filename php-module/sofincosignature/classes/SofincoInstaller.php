<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * Install and uninstall: tables, order states, secrets, defaults (the back-office tab is
 * the module's $tabs: PrestaShop adds and removes it).
 * Uninstall keeps the tables and the states used by orders: order history stays whole.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoInstaller
{
    /** @var Module */
    private $module;
    private $errors = [];

    public function __construct(Module $module)
    {
        $this->module = $module;
    }

    public function errors()
    {
        return $this->errors;
    }

    public function install()
    {
        if (!SofincoSchema::create()) {
            $this->errors[] = 'The Sofinco tables could not be created: ' . Db::getInstance()->getMsgError();
            return false;
        }
        foreach (SofincoConfig::FORM_DEFAULTS as $key => $default) {
            if (Configuration::get($key) === false) {
                Configuration::updateValue($key, $default);
            }
        }
        foreach ([SofincoConfig::CRON_TOKEN, SofincoConfig::RETURN_SECRET] as $key) {
            if (!Configuration::getGlobalValue($key)) {
                Configuration::updateGlobalValue($key, SofincoConfig::newSecret());
            }
        }
        $this->ensureLogsFolder();
        // Without the extension (not installed in this PHP yet) the module still
        // installs: the states come with the extension, and the page says what is missing.
        if (SofincoRuntime::ready() && !SofincoStates::ensureInstalled($this->module->name, true)) {
            $this->errors[] = 'The Sofinco order states could not be created.';
            return false;
        }
        if (!SofincoRuntime::ready()) {
            SofincoLogger::error('installed without the extension: ' . SofincoRuntime::missingReason());
        } else {
            SofincoLogger::notice(sprintf(
                'installed with %s, loaded in PHP %s (%s)',
                SofincoRuntime::extensionVersion(),
                PHP_VERSION,
                SofincoRuntime::threadSafety()
            ));
        }
        return true;
    }

    public function uninstall()
    {
        SofincoStates::retire();
        foreach (array_merge(array_keys(SofincoConfig::FORM_DEFAULTS), array_values(SofincoConfig::SECRET_URLS)) as $key) {
            Configuration::deleteByName($key);
        }
        return true;
    }

    /** The logs folder under var/logs/, with its guards. */
    private function ensureLogsFolder()
    {
        SofincoLogger::ensureDirectory();
    }
}
