<?php
/**
 * The module's order states, made from the extension's table (StatusMapper::states()):
 * their ids are kept in Configuration under each state's key.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoStates
{
    /** The PrestaShop id of a module state key, 0 when not installed. */
    public static function id($key)
    {
        return (int) Configuration::getGlobalValue($key);
    }

    /** The module state key of a PrestaShop state id, or the id as text for other states. */
    public static function keyOf($idOrderState)
    {
        foreach (self::keys() as $key) {
            if (self::id($key) === (int) $idOrderState) {
                return $key;
            }
        }
        return 'PS_STATE_' . (int) $idOrderState;
    }

    public static function keys()
    {
        $keys = [];
        foreach (\Sofinco\StatusMapper::states() as $row) {
            $keys[] = $row['key'];
        }
        return $keys;
    }

    /** Creates the missing states (idempotent); also shows again states hidden at uninstall. */
    public static function ensureInstalled($moduleName)
    {
        if (!SofincoRuntime::ready()) {
            return false;
        }
        foreach (\Sofinco\StatusMapper::states() as $row) {
            $state = new OrderState(self::id($row['key']));
            if (!Validate::isLoadedObject($state)) {
                $state = new OrderState();
            }
            foreach (Language::getLanguages(false) as $lang) {
                $state->name[(int) $lang['id_lang']] = $lang['iso_code'] === 'fr' ? $row['label_fr'] : $row['label_en'];
            }
            $state->module_name = $moduleName;
            $state->color = $row['color'];
            $state->paid = (bool) $row['paid'];
            $state->logable = (bool) $row['logable'];
            $state->invoice = (bool) $row['paid'];
            $state->shipped = false;
            $state->delivery = false;
            $state->send_email = false;
            $state->unremovable = true;
            $state->hidden = false;
            $state->deleted = false;
            if (!$state->save()) {
                return false;
            }
            Configuration::updateGlobalValue($row['key'], (int) $state->id);
        }
        return true;
    }

    /**
     * At uninstall: states used by orders are hidden (order history keeps its labels);
     * unused ones are deleted.
     */
    public static function retire()
    {
        $p = _DB_PREFIX_;
        $rows = Db::getInstance()->executeS("SELECT id_order_state FROM `{$p}order_state` WHERE module_name = 'sofincosignature'");
        foreach ($rows ?: [] as $row) {
            $id = (int) $row['id_order_state'];
            $used = (int) Db::getInstance()->getValue("SELECT COUNT(*) FROM `{$p}order_history` WHERE id_order_state = {$id}")
                + (int) Db::getInstance()->getValue("SELECT COUNT(*) FROM `{$p}orders` WHERE current_state = {$id}");
            $state = new OrderState($id);
            if ($used > 0) {
                $state->hidden = true;
                $state->unremovable = true;
                $state->save();
            } else {
                $state->deleted = true;
                $state->save();
            }
        }
        return true;
    }
}
