<?php
/**
 * Install and uninstall: tables, order states, back-office tab, secrets, defaults.
 * Uninstall keeps the tables and the states used by orders: order history stays whole.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoInstaller
{
    const TAB_CLASS = 'AdminSofincoDossiers';

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
        // Without the extension (PHP < 8.1, or not installed yet) the module still
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
        return $this->installTab();
    }

    public function uninstall()
    {
        SofincoStates::retire();
        foreach (array_keys(SofincoConfig::FORM_DEFAULTS) as $key) {
            Configuration::deleteByName($key);
        }
        $id = (int) Tab::getIdFromClassName(self::TAB_CLASS);
        if ($id) {
            (new Tab($id))->delete();
        }
        return true;
    }

    private function installTab()
    {
        if (Tab::getIdFromClassName(self::TAB_CLASS)) {
            return true;
        }
        $tab = new Tab();
        $tab->class_name = self::TAB_CLASS;
        $tab->module = $this->module->name;
        $tab->id_parent = (int) Tab::getIdFromClassName('AdminParentOrders');
        $tab->active = true;
        foreach (Language::getLanguages(false) as $lang) {
            $tab->name[(int) $lang['id_lang']] = 'Dossiers Sofinco signature';
        }
        if (!$tab->add()) {
            $this->errors[] = 'The back-office tab could not be created.';
            return false;
        }
        return true;
    }

    /** The logs folder under var/logs/, with its guards. */
    private function ensureLogsFolder()
    {
        SofincoLogger::ensureDirectory();
    }
}
