<?php
/**
 * The configuration page (spec-fr.md §3, §4, §9, §10): Sofinco's identifiers, credentials
 * per environment, test mode, minimum price, debug; "Tester la connexion"; the cron lines
 * and their last runs; the logs. Multishop-aware through Configuration's shop context.
 * Secrets are never shown back: an empty secret field keeps the stored one.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoConfigPage
{
    /** @var SofincoSignature */
    private $module;
    private $messages = '';

    public function __construct(SofincoSignature $module)
    {
        $this->module = $module;
    }

    public function render()
    {
        if (SofincoRuntime::ready()) {
            SofincoStates::ensureInstalled($this->module->name);
        }
        // Each button posts its own name (the form's hidden field is not one of them): the
        // test button tests what was typed and saves nothing.
        if (Tools::isSubmit('submitSofincoTest')) {
            $this->testConnection();
        } elseif (Tools::isSubmit('submitSofincoConfig')) {
            $this->save();
        } elseif (Tools::isSubmit('submitSofincoPurgeLogs')) {
            SofincoLogger::purge();
            $this->messages .= $this->module->displayConfirmation($this->module->l('The log files were deleted.', 'sofincoconfigpage'));
        }
        return $this->runtimeNotice() . $this->messages . $this->form() . $this->cronPanel() . $this->logsPanel()
            . (new SofincoSupportMatrix($this->module))->render();
    }

    private function runtimeNotice()
    {
        $missing = SofincoRuntime::missingReason($this->module);
        if ($missing !== null) {
            return $this->module->displayError($missing);
        }
        return $this->module->displayInformation(sprintf(
            $this->module->l('Extension %s loaded in PHP %s (%s).', 'sofincoconfigpage'),
            SofincoRuntime::extensionVersion(),
            PHP_VERSION,
            SofincoRuntime::threadSafety()
        ));
    }

    /** @return string[] field => problem */
    private function validate(array $values)
    {
        $problems = [];
        $l = function ($s) {
            return $this->module->l($s, 'sofincoconfigpage');
        };
        // A line break or tab in an identifier would be sent to Sofinco in a header.
        foreach ($values as $key => $value) {
            if (preg_match('/[\x00-\x1F\x7F]/', $value)) {
                $problems[] = sprintf($l('%s: line breaks, tabs and other control characters are not allowed.'), $this->label($key));
            }
        }
        if (!preg_match('/^[A-Z0-9]{11}$/', $values[SofincoConfig::MERCHANT_ID])) {
            $problems[] = $l('N° de commerçant Web: 11 upper-case letters or digits, as Sofinco gave it.');
        }
        if (!preg_match('/^[A-Z0-9]{3}$/', $values[SofincoConfig::NATURE_BIEN])) {
            $problems[] = $l('Nature de bien partenaire: 3 upper-case letters or digits.');
        }
        foreach ([SofincoConfig::Q6 => 'Paramètre Q6', SofincoConfig::X1 => 'Paramètre X1'] as $key => $label) {
            // No < or >: PrestaShop strips tags on save, so "<q6>" would be stored empty.
            if (!preg_match('/^[\x21-\x3B\x3D\x3F-\x7E]{1,64}$/', $values[$key])) {
                $problems[] = sprintf($l('%s: required, printable characters without spaces.'), $label);
            }
        }
        $test = $values[SofincoConfig::TEST_MODE] === '1';
        $idKey = $test ? SofincoConfig::CLIENT_ID_TEST : SofincoConfig::CLIENT_ID_PROD;
        $secretKey = $test ? SofincoConfig::SECRET_TEST : SofincoConfig::SECRET_PROD;
        if ($values[$idKey] === '') {
            $problems[] = $test ? $l('ClientId (recette) is required in test mode.') : $l('ClientId (production) is required in production mode.');
        }
        if ($values[$secretKey] === '') {
            $problems[] = $test ? $l('SecretId (recette) is required in test mode.') : $l('SecretId (production) is required in production mode.');
        }
        if (!preg_match('/^\d{1,6}([.,]\d{1,2})?$/', $values[SofincoConfig::MIN_PRICE])) {
            $problems[] = $l('Minimum price: an amount in euros, such as 150 or 150,00.');
        }
        $url = $values[SofincoConfig::API_URL];
        if ($url !== '' && !preg_match('#^https://[^\s/]+#', $url) && !preg_match('#^http://(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?(/|$)#', $url)) {
            $problems[] = $l('API URL: leave it empty, or an https address (http only to this machine).');
        }
        foreach (SofincoConfig::CRON_LIMITS as $key => $bounds) {
            if (!ctype_digit($values[$key]) || (int) $values[$key] < $bounds[0] || (int) $values[$key] > $bounds[1]) {
                $problems[] = sprintf($l('%s: a whole number from %d to %d.'), $this->label($key), $bounds[0], $bounds[1]);
            }
        }
        return $problems;
    }

    /** The field's name as the form shows it. */
    private function label($key)
    {
        $labels = [
            SofincoConfig::MERCHANT_ID => 'N° de commerçant Web', SofincoConfig::NATURE_BIEN => 'Nature de bien partenaire',
            SofincoConfig::Q6 => 'Paramètre Q6', SofincoConfig::X1 => 'Paramètre X1',
            SofincoConfig::CLIENT_ID_TEST => 'ClientId (recette)', SofincoConfig::SECRET_TEST => 'SecretId (recette)',
            SofincoConfig::CLIENT_ID_PROD => 'ClientId (production)', SofincoConfig::SECRET_PROD => 'SecretId (production)',
            SofincoConfig::API_URL => 'API URL',
            SofincoConfig::CRON_CONCURRENCY => $this->module->l('Cron: calls at once (advanced)', 'sofincoconfigpage'),
            SofincoConfig::CRON_DEADLINE_S => $this->module->l('Cron: longest run (advanced)', 'sofincoconfigpage'),
        ];
        return isset($labels[$key]) ? $labels[$key] : $key;
    }

    private function submitted()
    {
        $values = [];
        foreach (SofincoConfig::FORM_DEFAULTS as $key => $default) {
            $value = trim((string) Tools::getValue($key, ''));
            if (in_array($key, SofincoConfig::SECRETS, true) && $value === '') {
                // Empty means "keep": the stored secret is never sent to the browser.
                $value = SofincoConfig::get($key);
            } elseif (isset(SofincoConfig::CRON_LIMITS[$key]) && $value === '') {
                $value = $default;
            }
            $values[$key] = $value;
        }
        $values[SofincoConfig::MERCHANT_ID] = strtoupper($values[SofincoConfig::MERCHANT_ID]);
        $values[SofincoConfig::NATURE_BIEN] = strtoupper($values[SofincoConfig::NATURE_BIEN]);
        $values[SofincoConfig::TEST_MODE] = $values[SofincoConfig::TEST_MODE] === '1' ? '1' : '0';
        $values[SofincoConfig::DEBUG] = $values[SofincoConfig::DEBUG] === '1' ? '1' : '0';
        return $values;
    }

    private function save()
    {
        $values = $this->submitted();
        $problems = $this->validate($values);
        if ($problems) {
            $this->messages .= $this->module->displayError(implode('<br>', array_map('htmlspecialchars', $problems)));
            return;
        }
        $before = [];
        foreach ($values as $key => $value) {
            $before[$key] = Configuration::get($key);
            $values[$key] = $key === SofincoConfig::MIN_PRICE ? str_replace(',', '.', $value) : $value;
            Configuration::updateValue($key, $values[$key]);
        }
        // What was checked must be what is stored: PrestaShop cleans values on save.
        $changed = [];
        foreach ($values as $key => $value) {
            if ((string) Configuration::get($key) !== $value) {
                $changed[] = $this->label($key);
            }
        }
        if ($changed) {
            foreach ($before as $key => $value) {
                Configuration::updateValue($key, $value === false ? '' : $value);
            }
            $this->messages .= $this->module->displayError(htmlspecialchars(sprintf(
                $this->module->l('Not saved: PrestaShop would store %s differently from what you typed (remove < > and control characters).', 'sofincoconfigpage'),
                implode(', ', $changed)
            )));
            return;
        }
        $this->messages .= $this->module->displayConfirmation($this->module->l('Settings saved.', 'sofincoconfigpage'));
    }

    /** "Tester la connexion" with the values on the form, saved or not; stores nothing. */
    private function testConnection()
    {
        if (!SofincoRuntime::ready()) {
            $this->messages .= $this->module->displayError(SofincoRuntime::missingReason($this->module));
            return;
        }
        $values = $this->submitted();
        $problems = $this->validate($values);
        if ($problems) {
            $this->messages .= $this->module->displayError(implode('<br>', array_map('htmlspecialchars', $problems)));
            return;
        }
        try {
            $report = SofincoClientFactory::clientFor($this->module, $values)->testConnection();
        } catch (\Throwable $e) {
            $this->messages .= $this->module->displayError(htmlspecialchars(SofincoErrorText::of($e, $this->module)));
            return;
        }
        $text = htmlspecialchars(SofincoConnectionText::of($report, $this->module));
        $this->messages .= $report['ok'] ? $this->module->displayConfirmation($text) : $this->module->displayError($text);
    }

    private function form()
    {
        $l = function ($s) {
            return $this->module->l($s, 'sofincoconfigpage');
        };
        $switch = function ($name, $label, $desc = '') use ($l) {
            return ['type' => 'switch', 'name' => $name, 'label' => $label, 'desc' => $desc, 'is_bool' => true, 'values' => [
                ['id' => $name . '_on', 'value' => 1, 'label' => $l('Yes')],
                ['id' => $name . '_off', 'value' => 0, 'label' => $l('No')],
            ]];
        };
        $secretDesc = $l('Stored; leave empty to keep it.');
        $fields = [[
            'form' => [
                'legend' => ['title' => $l('Sofinco settings'), 'icon' => 'icon-cogs'],
                'input' => [
                    ['type' => 'text', 'name' => SofincoConfig::MERCHANT_ID, 'label' => 'N° de commerçant Web', 'required' => true, 'maxlength' => 11],
                    ['type' => 'text', 'name' => SofincoConfig::NATURE_BIEN, 'label' => 'Nature de bien partenaire', 'required' => true, 'maxlength' => 3],
                    ['type' => 'text', 'name' => SofincoConfig::Q6, 'label' => 'Paramètre Q6', 'required' => true],
                    ['type' => 'text', 'name' => SofincoConfig::X1, 'label' => 'Paramètre X1', 'required' => true],
                    ['type' => 'text', 'name' => SofincoConfig::CLIENT_ID_TEST, 'label' => 'ClientId (recette)'],
                    ['type' => 'password', 'name' => SofincoConfig::SECRET_TEST, 'label' => 'SecretId (recette)', 'desc' => $secretDesc],
                    ['type' => 'text', 'name' => SofincoConfig::CLIENT_ID_PROD, 'label' => 'ClientId (production)'],
                    ['type' => 'password', 'name' => SofincoConfig::SECRET_PROD, 'label' => 'SecretId (production)', 'desc' => $secretDesc],
                    $switch(SofincoConfig::TEST_MODE, $l('Test mode'), $l('Yes: Sofinco\'s recette environment, and the simulator and the payment option are shown only to visitors logged in to the back office in the same browser.')),
                    ['type' => 'text', 'name' => SofincoConfig::MIN_PRICE, 'label' => $l('Minimum price'), 'suffix' => '€', 'class' => 'fixed-width-md',
                        'desc' => $l('The simulator and the payment option appear from this amount. Keep it in line with your Sofinco contract.')],
                    $switch(SofincoConfig::DEBUG, $l('Debug mode'), $l('Writes every call to Sofinco in the logs (secrets, e-mails and phones masked).')),
                    ['type' => 'text', 'name' => SofincoConfig::API_URL, 'label' => $l('API URL (advanced)'),
                        'desc' => $l('Empty: Sofinco\'s recette or production by the test mode. Another address only for a proxy or the sandbox.')],
                    ['type' => 'text', 'name' => SofincoConfig::CRON_CONCURRENCY, 'label' => $this->label(SofincoConfig::CRON_CONCURRENCY), 'class' => 'fixed-width-sm',
                        'desc' => $l('From 1 to 32 (default 8): how many dossiers a cron run asks Sofinco about at once.')],
                    ['type' => 'text', 'name' => SofincoConfig::CRON_DEADLINE_S, 'label' => $this->label(SofincoConfig::CRON_DEADLINE_S), 'suffix' => 's', 'class' => 'fixed-width-sm',
                        'desc' => $l('From 5 to 300 seconds (default 50): a run ends by then, calls and order updates included, and leaves the rest to the next run. Keep it below the time between two runs.')],
                ],
                'submit' => ['title' => $l('Save'), 'name' => 'submitSofincoConfig'],
                'buttons' => [['type' => 'submit', 'name' => 'submitSofincoTest', 'title' => $l('Tester la connexion'), 'icon' => 'process-icon-refresh', 'class' => 'pull-right']],
            ],
        ]];
        $helper = new HelperForm();
        $helper->module = $this->module;
        $helper->name_controller = $this->module->name;
        $helper->identifier = 'id_module';
        $helper->token = Tools::getAdminTokenLite('AdminModules');
        // The link service, as PrestaShop 9 documents it (AdminController::$currentIndex is legacy).
        $helper->currentIndex = $this->configureLink(false);
        $helper->default_form_language = (int) Configuration::get('PS_LANG_DEFAULT');
        $helper->show_toolbar = false;
        // Not a button's name: PrestaShop posts this hidden field with every button.
        $helper->submit_action = 'sofincoConfigForm';
        $values = [];
        foreach (SofincoConfig::FORM_DEFAULTS as $key => $default) {
            $values[$key] = in_array($key, SofincoConfig::SECRETS, true) ? '' : SofincoConfig::get($key);
        }
        if (Tools::isSubmit('submitSofincoConfig') || Tools::isSubmit('submitSofincoTest')) {
            // A refused or tested form comes back as typed, secrets excepted.
            foreach ($this->submitted() as $key => $value) {
                $values[$key] = in_array($key, SofincoConfig::SECRETS, true) ? '' : $value;
            }
        }
        $helper->tpl_vars = ['fields_value' => $values];
        return $helper->generateForm($fields);
    }

    private function cronPanel()
    {
        Context::getContext()->smarty->assign([
            'sofinco_crons' => SofincoCronInfo::all($this->module),
        ]);
        return $this->module->display($this->module->getLocalPath() . 'sofincosignature.php', 'views/templates/admin/crons.tpl');
    }

    private function logsPanel()
    {
        Context::getContext()->smarty->assign([
            'sofinco_logs_dir' => 'var/logs/' . basename(SofincoLogger::directory()),
            'sofinco_logs_size' => Tools::formatBytes(SofincoLogger::size(), 1),
            'sofinco_action' => $this->configureLink(true),
        ]);
        return $this->module->display($this->module->getLocalPath() . 'sofincosignature.php', 'views/templates/admin/logs.tpl');
    }

    /** This page's URL (AdminModules, configure=sofincosignature), with its admin token or without (HelperForm adds it). */
    private function configureLink($withToken)
    {
        return Context::getContext()->link->getAdminLink('AdminModules', $withToken, [], ['configure' => $this->module->name]);
    }
}
