<?php
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
        $text = $module->l('Ask Sofinco to fund this order? This is irreversible: Sofinco pays the order and the customer\'s credit starts.', 'sofincofundingtext');
        $end = \Sofinco\StatusMapper::withdrawalEnd($signatureDate);
        if ($end === null) {
            return $text . ' ' . $module->l('The signature date is not known: check the customer\'s withdrawal period with Sofinco.', 'sofincofundingtext');
        }
        $running = \Sofinco\StatusMapper::withdrawalRunning($signatureDate, date('Y-m-d'));
        return $text . ' ' . sprintf($running
            ? $module->l('The customer\'s 14-day withdrawal period is still running, until %s.', 'sofincofundingtext')
            : $module->l('The customer\'s withdrawal period ended on %s.', 'sofincofundingtext'), Tools::displayDate($end));
    }
}
