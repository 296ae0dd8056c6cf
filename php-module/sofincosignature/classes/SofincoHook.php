<?php
/** What every hook handler has: the module. Each handler is one class in controllers/hook/. */
if (!defined('_PS_VERSION_')) {
    exit;
}

abstract class SofincoHook
{
    /** @var SofincoSignature */
    protected $module;

    public function __construct(SofincoSignature $module)
    {
        $this->module = $module;
    }
}
