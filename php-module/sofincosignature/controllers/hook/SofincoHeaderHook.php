<?php
/** The simulator's stylesheet, on the pages that show it. */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoHeaderHook extends SofincoHook
{
    public function run(array $params)
    {
        $controller = Context::getContext()->controller;
        if ($controller && method_exists($controller, 'registerStylesheet')) {
            $controller->registerStylesheet('module-sofincosignature', 'modules/' . $this->module->name . '/views/css/sofinco.css', ['media' => 'all', 'priority' => 200]);
        }
        return '';
    }
}
