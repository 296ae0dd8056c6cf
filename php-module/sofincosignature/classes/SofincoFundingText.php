<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * What both funding buttons (the order page's panel and the Dossiers tab's row) ask before
 * they send: the request is irreversible, and until when the customer may still withdraw
 * (the extension's StatusMapper::withdrawalEnd()).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoFundingText
{
    public static function confirmation(Module $module, $signatureDate)
    {
        $text = $module->getTranslator()->trans('Ask Sofinco to fund this order? This is irreversible: Sofinco pays the order and the customer\'s credit starts.', [], 'Modules.Sofincosignature.Admin');
        $end = \Sofinco\StatusMapper::withdrawalEnd($signatureDate);
        if ($end === null) {
            return $text . ' ' . $module->getTranslator()->trans('The signature date is not known: check the customer\'s withdrawal period with Sofinco.', [], 'Modules.Sofincosignature.Admin');
        }
        $running = \Sofinco\StatusMapper::withdrawalRunning($signatureDate, date('Y-m-d'));
        return $text . ' ' . sprintf($running
            ? $module->getTranslator()->trans('The customer\'s 14-day withdrawal period is still running, until %s.', [], 'Modules.Sofincosignature.Admin')
            : $module->getTranslator()->trans('The customer\'s withdrawal period ended on %s.', [], 'Modules.Sofincosignature.Admin'), Tools::displayDate($end));
    }
}
