<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * The configuration page (spec-fr.md §3, §4, §9, §10): Sofinco's identifiers, credentials
 * per environment, test mode, minimum and maximum price (warned when Sofinco refuses them),
 * debug; "Tester la connexion"; the cron lines and their last runs; the logs. Multishop-aware
 * through Configuration's shop context.
 * Secrets are never shown back: an empty secret field keeps the stored one, which the
 * extension then sends only to the API URL it was saved with. Every action is a POST
 * (with PrestaShop's admin token): a link changes nothing and sends nothing.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoConfigPage
{
    /** @var SofincoSignature */
    private $module;
    private $messages = '';
    /** @var string|null test, save or purge: the POSTed button */
    private $action;
    /** @var bool[] secret key => typed on this POST (not kept from storage) */
    private $typedSecrets = [];

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
        $this->action = self::postedAction();
        if ($this->action === 'test') {
            $this->testConnection();
        } elseif ($this->action === 'save') {
            $this->save();
        } elseif ($this->action === 'purge') {
            SofincoLogger::purge();
            $this->messages .= $this->module->displayConfirmation(SofincoEscape::html($this->module->getTranslator()->trans('The log files were deleted.', [], 'Modules.Sofincosignature.Admin')));
        } elseif ($this->action === 'purge-cache') {
            SofincoPrivateStore::purgeCaches();
            $this->messages .= $this->module->displayConfirmation(SofincoEscape::html($this->module->getTranslator()->trans('The simulator\'s cache was emptied: Sofinco is asked again for each amount.', [], 'Modules.Sofincosignature.Admin')));
        }
        return $this->runtimeNotice() . $this->storedNotice() . $this->messages . $this->rangeWarnings() . $this->form() . $this->cronPanel() . $this->logsPanel()
            . (new SofincoSupportMatrix($this->module))->render();
    }

    /**
     * The button of a POST, or null. Not Tools::isSubmit, which also reads the query string:
     * a link (PrestaShop's "Invalid security token" page offers one to follow) must neither
     * test, nor save, nor purge.
     */
    private static function postedAction()
    {
        if (!isset($_SERVER['REQUEST_METHOD']) || strtoupper((string) $_SERVER['REQUEST_METHOD']) !== 'POST') {
            return null;
        }
        foreach (['submitSofincoTest' => 'test', 'submitSofincoConfig' => 'save', 'submitSofincoPurgeLogs' => 'purge', 'submitSofincoPurgeCache' => 'purge-cache'] as $button => $action) {
            if (isset($_POST[$button])) {
                return $action;
            }
        }
        return null;
    }

    /** A field as POSTed, untouched (Tools::getValue strips backslashes and reads GET too). */
    private static function posted($key)
    {
        return isset($_POST[$key]) && is_string($_POST[$key]) ? $_POST[$key] : '';
    }

    /**
     * What the page says about the stored settings: a warning while another API URL is
     * allowed in production, and why the extension refuses them when it does (a secret saved
     * for another URL, a URL production refuses).
     */
    private function storedNotice()
    {
        $t = $this->module->getTranslator();
        $out = '';
        if (SofincoConfig::get(SofincoConfig::ALLOW_OTHER_URL) === '1') {
            $out .= $this->module->displayWarning(SofincoEscape::html($t->trans('Another API URL is allowed: in production, the module may send your Sofinco credentials and your customers\' data to an address that is not Sofinco\'s. Turn it off unless that address is a proxy you trust.', [], 'Modules.Sofincosignature.Admin')));
        }
        if (!SofincoRuntime::ready() || !SofincoConfig::isConfigured()) {
            return $out;
        }
        $test = SofincoConfig::testMode();
        $secretKey = $test ? SofincoConfig::SECRET_TEST : SofincoConfig::SECRET_PROD;
        $class = 'Sofinco\\SofincoClient';
        $problems = [];
        foreach ($class::checkConfig(SofincoConfig::clientConfig($this->module)) as $problem) {
            if (in_array($problem['key'], ['base_url', 'client_secret_url'], true)) {
                $problems[] = $this->wordProblem($problem, $secretKey, SofincoConfig::secretUrl($secretKey));
            }
        }
        if ($problems) {
            $out .= $this->module->displayWarning(SofincoEscape::html($t->trans('The saved settings cannot be used, nothing is sent to Sofinco:', [], 'Modules.Sofincosignature.Admin'))
                . '<br>' . implode('<br>', array_map('htmlspecialchars', $problems)));
        }
        return $out;
    }

    /** The merchant's sentence for one of the extension's problems (SofincoClient::checkConfig). */
    private function wordProblem(array $problem, $secretKey, $savedUrl)
    {
        $t = $this->module->getTranslator();
        switch ($problem['code']) {
            case 'url_not_sofinco':
                return $t->trans('API URL: in production, only Sofinco\'s addresses (api.sofinco.fr, rct-api.sofinco.fr) or this machine, unless "Allow another API URL" is on.', [], 'Modules.Sofincosignature.Admin');
            case 'url_not_clean':
            case 'url_plain_http':
                return $t->trans('API URL: leave it empty, or a complete https address without spaces, user name, "?" or "#" (http only to this machine).', [], 'Modules.Sofincosignature.Admin');
            case 'secret_for_another_url':
                return sprintf(
                    $t->trans('%1$s: type it again. The stored one was saved for another API address (%2$s) and is never sent to a new one; nothing was sent.', [], 'Modules.Sofincosignature.Admin'),
                    $this->label($secretKey),
                    $savedUrl === '' ? '?' : $savedUrl
                );
        }
        return sprintf($t->trans('%1$s: refused by the Sofinco extension (%2$s).', [], 'Modules.Sofincosignature.Admin'), $this->label($problem['key']), $problem['message']);
    }

    private function runtimeNotice()
    {
        $missing = SofincoRuntime::missingReason($this->module);
        if ($missing !== null) {
            return $this->module->displayError(SofincoEscape::html($missing));
        }
        return $this->module->displayInformation(SofincoEscape::html(sprintf(
            $this->module->getTranslator()->trans('Extension %s loaded in PHP %s (%s).', [], 'Modules.Sofincosignature.Admin'),
            SofincoRuntime::extensionVersion(),
            PHP_VERSION,
            SofincoRuntime::threadSafety()
        )));
    }

    /**
     * Issue 31: a minimum or maximum price Sofinco does not finance for this merchant. The
     * simulator and the payment option then never appear for those amounts, which a merchant
     * would otherwise only notice as a simulator that vanishes. Sofinco publishes no range:
     * the extension asks for each saved price once (a simulation, 2 s, no retry; the answer
     * is cached as the storefront's are) and says whether it is out of Sofinco's range.
     * Nothing is said when Sofinco cannot be reached: "Tester la connexion" is for that.
     */
    private function rangeWarnings()
    {
        $idShop = (int) Context::getContext()->shop->id;
        if (!SofincoRuntime::ready() || !SofincoConfig::isConfigured($idShop)) {
            return '';
        }
        $checks = [
            [SofincoConfig::minPriceCents($idShop), $this->module->getTranslator()->trans('Minimum price: Sofinco does not finance %s for this shop (outside the amounts of its offers). The simulator and the payment option will appear only from the lowest amount Sofinco finances: set the minimum price to the lowest amount of your Sofinco contract.', [], 'Modules.Sofincosignature.Admin')],
            [SofincoConfig::maxPriceCents($idShop), $this->module->getTranslator()->trans('Maximum price: Sofinco does not finance %s for this shop (outside the amounts of its offers). The simulator and the payment option will not appear above the highest amount Sofinco finances: set the maximum price to the highest amount of your Sofinco contract, or leave it empty.', [], 'Modules.Sofincosignature.Admin')],
        ];
        $html = '';
        try {
            $client = SofincoPaymentGate::quickClient($this->module, Context::getContext());
            foreach ($checks as $check) {
                list($cents, $text) = $check;
                if ($cents > 0 && $client->availability($cents, true) === \Sofinco\Availability::OutOfRange) {
                    $html .= $this->module->displayWarning(SofincoEscape::html(sprintf($text, SofincoPrices::format($cents))));
                }
            }
        } catch (\Throwable $e) {
            SofincoLogger::error('price range not checked: ' . SofincoLogger::describe($e));
        }
        return $html;
    }

    /** @return string[] field => problem */
    private function validate(array $values)
    {
        $problems = [];
        // A line break or tab in an identifier would be sent to Sofinco in a header.
        foreach ($values as $key => $value) {
            if (preg_match('/[\x00-\x1F\x7F]/', $value)) {
                $problems[] = sprintf($this->module->getTranslator()->trans('%s: line breaks, tabs and other control characters are not allowed.', [], 'Modules.Sofincosignature.Admin'), $this->label($key));
            }
        }
        if (!preg_match('/^[A-Z0-9]{11}$/', $values[SofincoConfig::MERCHANT_ID])) {
            $problems[] = $this->module->getTranslator()->trans('N° de commerçant Web: 11 upper-case letters or digits, as Sofinco gave it.', [], 'Modules.Sofincosignature.Admin');
        }
        if (!preg_match('/^[A-Z0-9]{3}$/', $values[SofincoConfig::NATURE_BIEN])) {
            $problems[] = $this->module->getTranslator()->trans('Nature de bien partenaire: 3 upper-case letters or digits.', [], 'Modules.Sofincosignature.Admin');
        }
        foreach ([SofincoConfig::Q6 => 'Paramètre Q6', SofincoConfig::X1 => 'Paramètre X1'] as $key => $label) {
            // No < or >: PrestaShop strips tags on save, so "<q6>" would be stored empty.
            if (!preg_match('/^[\x21-\x3B\x3D\x3F-\x7E]{1,64}$/', $values[$key])) {
                $problems[] = sprintf($this->module->getTranslator()->trans('%s: required, printable characters without spaces.', [], 'Modules.Sofincosignature.Admin'), $label);
            }
        }
        $test = $values[SofincoConfig::TEST_MODE] === '1';
        $idKey = $test ? SofincoConfig::CLIENT_ID_TEST : SofincoConfig::CLIENT_ID_PROD;
        $secretKey = $test ? SofincoConfig::SECRET_TEST : SofincoConfig::SECRET_PROD;
        if ($values[$idKey] === '') {
            $problems[] = $test ? $this->module->getTranslator()->trans('ClientId (recette) is required in test mode.', [], 'Modules.Sofincosignature.Admin') : $this->module->getTranslator()->trans('ClientId (production) is required in production mode.', [], 'Modules.Sofincosignature.Admin');
        }
        if ($values[$secretKey] === '') {
            $problems[] = $test ? $this->module->getTranslator()->trans('SecretId (recette) is required in test mode.', [], 'Modules.Sofincosignature.Admin') : $this->module->getTranslator()->trans('SecretId (production) is required in production mode.', [], 'Modules.Sofincosignature.Admin');
        }
        $prices = true;
        if (!preg_match('/^\d{1,6}([.,]\d{1,2})?$/', $values[SofincoConfig::MIN_PRICE])) {
            $problems[] = $this->module->getTranslator()->trans('Minimum price: an amount in euros, such as 150 or 150,00.', [], 'Modules.Sofincosignature.Admin');
            $prices = false;
        }
        if ($values[SofincoConfig::MAX_PRICE] !== '' && !preg_match('/^\d{1,6}([.,]\d{1,2})?$/', $values[SofincoConfig::MAX_PRICE])) {
            $problems[] = $this->module->getTranslator()->trans('Maximum price: empty for none, or an amount in euros, such as 3000 or 3000,00.', [], 'Modules.Sofincosignature.Admin');
            $prices = false;
        }
        // The extension compares them (the rule its client applies to min/max_price_cents).
        $minCents = SofincoConfig::priceCents($values[SofincoConfig::MIN_PRICE]);
        $maxCents = SofincoConfig::priceCents($values[SofincoConfig::MAX_PRICE]);
        if ($prices && SofincoRuntime::ready() && !\Sofinco\SofincoClient::priceRangeValid($minCents, $maxCents)) {
            $problems[] = $this->module->getTranslator()->trans('Maximum price: it cannot be below the minimum price.', [], 'Modules.Sofincosignature.Admin');
        }
        foreach (SofincoConfig::CRON_LIMITS as $key => $bounds) {
            if (!ctype_digit($values[$key]) || (int) $values[$key] < $bounds[0] || (int) $values[$key] > $bounds[1]) {
                $problems[] = sprintf($this->module->getTranslator()->trans('%s: a whole number from %d to %d.', [], 'Modules.Sofincosignature.Admin'), $this->label($key), $bounds[0], $bounds[1]);
            }
        }
        // The extension decides the rest: the API URL, and whether the stored secret may go
        // to it (only to the URL it was saved with: a changed URL, or a mode that changes the
        // host, needs the SecretId typed again).
        if (!SofincoRuntime::ready()) {
            $problems[] = SofincoRuntime::missingReason($this->module);
            return $problems;
        }
        $kept = !isset($this->typedSecrets[$secretKey]) && $values[$secretKey] !== '';
        $savedUrl = $kept ? SofincoConfig::secretUrl($secretKey) : null;
        $class = 'Sofinco\\SofincoClient';
        $fieldProblems = $problems;
        foreach ($class::checkConfig(SofincoConfig::clientConfigFrom($this->module, $values, null, $savedUrl)) as $problem) {
            // The fields checked above are already worded; anything else the extension finds is said too.
            if (in_array($problem['key'], ['base_url', 'client_secret_url', 'allow_other_url'], true) || !$fieldProblems) {
                $problems[] = $this->wordProblem($problem, $secretKey, (string) $savedUrl);
            }
        }
        return array_values(array_unique($problems));
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
            SofincoConfig::MIN_PRICE => $this->module->getTranslator()->trans('Minimum price', [], 'Modules.Sofincosignature.Admin'),
            SofincoConfig::MAX_PRICE => $this->module->getTranslator()->trans('Maximum price', [], 'Modules.Sofincosignature.Admin'),
            SofincoConfig::ALLOW_OTHER_URL => $this->module->getTranslator()->trans('Allow another API URL', [], 'Modules.Sofincosignature.Admin'),
            SofincoConfig::SECRET_URLS[SofincoConfig::SECRET_TEST] => 'SecretId (recette)',
            SofincoConfig::SECRET_URLS[SofincoConfig::SECRET_PROD] => 'SecretId (production)',
            SofincoConfig::CRON_CONCURRENCY => $this->module->getTranslator()->trans('Cron: calls at once (advanced)', [], 'Modules.Sofincosignature.Admin'),
            SofincoConfig::CRON_DEADLINE_S => $this->module->getTranslator()->trans('Cron: longest run (advanced)', [], 'Modules.Sofincosignature.Admin'),
        ];
        return isset($labels[$key]) ? $labels[$key] : $key;
    }

    private function submitted()
    {
        $values = [];
        $this->typedSecrets = [];
        foreach (SofincoConfig::FORM_DEFAULTS as $key => $default) {
            // The API URL goes to the extension as typed: a space in it is refused, not trimmed away.
            $value = $key === SofincoConfig::API_URL ? self::posted($key) : trim(self::posted($key));
            if (in_array($key, SofincoConfig::SECRETS, true) && $value === '') {
                // Empty means "keep": the stored secret is never sent to the browser.
                $value = SofincoConfig::get($key);
            } elseif (in_array($key, SofincoConfig::SECRETS, true)) {
                $this->typedSecrets[$key] = true;
            } elseif (isset(SofincoConfig::CRON_LIMITS[$key]) && $value === '') {
                $value = $default;
            }
            $values[$key] = $value;
        }
        $values[SofincoConfig::MERCHANT_ID] = strtoupper($values[SofincoConfig::MERCHANT_ID]);
        $values[SofincoConfig::NATURE_BIEN] = strtoupper($values[SofincoConfig::NATURE_BIEN]);
        $values[SofincoConfig::TEST_MODE] = $values[SofincoConfig::TEST_MODE] === '1' ? '1' : '0';
        $values[SofincoConfig::DEBUG] = $values[SofincoConfig::DEBUG] === '1' ? '1' : '0';
        $values[SofincoConfig::ALLOW_OTHER_URL] = $values[SofincoConfig::ALLOW_OTHER_URL] === '1' ? '1' : '0';
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
        foreach ([SofincoConfig::MIN_PRICE, SofincoConfig::MAX_PRICE] as $price) {
            $values[$price] = str_replace(',', '.', $values[$price]);
        }
        // A typed secret is saved with the API URL of its mode, as the extension writes it:
        // from now on the extension sends it nowhere else. A kept secret keeps its URL.
        $class = 'Sofinco\\SofincoClient';
        foreach (SofincoConfig::SECRET_URLS as $secretKey => $urlKey) {
            if (isset($this->typedSecrets[$secretKey])) {
                try {
                    $values[$urlKey] = $class::apiUrlFor($secretKey === SofincoConfig::SECRET_TEST ? 'test' : 'production', $values[SofincoConfig::API_URL]);
                } catch (\Throwable $e) {
                    $this->messages .= $this->module->displayError(SofincoEscape::html($this->wordProblem(['key' => 'base_url', 'code' => 'url_not_clean', 'message' => ''], $secretKey, '')));
                    return;
                }
            }
        }
        // Stored exactly as validated (Configuration::updateValue would strip tags), then read
        // back from the database itself, not from Configuration's copy in memory.
        $before = [];
        foreach ($values as $key => $value) {
            $before[$key] = SofincoConfig::readStored($key);
            if ($before[$key] !== $value) {
                SofincoConfig::storeRaw($key, $value);
            }
        }
        $changed = [];
        foreach ($values as $key => $value) {
            if (SofincoConfig::readStored($key) !== $value) {
                $changed[] = $this->label($key);
            }
        }
        if ($changed) {
            foreach ($before as $key => $value) {
                if ($value === null) {
                    SofincoConfig::deleteStored($key);
                } else {
                    SofincoConfig::storeRaw($key, $value);
                }
            }
        }
        // This request, too, reads what the database holds from now on.
        Configuration::loadConfiguration();
        if ($changed) {
            $this->messages .= $this->module->displayError(SofincoEscape::html(sprintf(
                $this->module->getTranslator()->trans('Not saved: the database would store %s differently from what you typed.', [], 'Modules.Sofincosignature.Admin'),
                implode(', ', array_unique($changed))
            )));
            return;
        }
        $this->messages .= $this->module->displayConfirmation(SofincoEscape::html($this->module->getTranslator()->trans('Settings saved.', [], 'Modules.Sofincosignature.Admin')));
    }

    /** "Tester la connexion" with the values on the form, saved or not; stores nothing. */
    private function testConnection()
    {
        if (!SofincoRuntime::ready()) {
            $this->messages .= $this->module->displayError(SofincoEscape::html(SofincoRuntime::missingReason($this->module)));
            return;
        }
        $values = $this->submitted();
        $problems = $this->validate($values);
        if ($problems) {
            $this->messages .= $this->module->displayError(implode('<br>', array_map('htmlspecialchars', $problems)));
            return;
        }
        try {
            // A kept secret travels only to the URL it was saved with: the extension refuses
            // any other (validate() has said so already; this is the extension's own guard).
            $secretKey = $values[SofincoConfig::TEST_MODE] === '1' ? SofincoConfig::SECRET_TEST : SofincoConfig::SECRET_PROD;
            $savedUrl = isset($this->typedSecrets[$secretKey]) ? null : SofincoConfig::secretUrl($secretKey);
            $report = SofincoClientFactory::clientFor($this->module, $values, $savedUrl)->testConnection();
        } catch (\Throwable $e) {
            $this->messages .= $this->module->displayError(SofincoEscape::html(SofincoErrorText::of($e, $this->module)));
            return;
        }
        $text = SofincoEscape::html(SofincoConnectionText::of($report, $this->module));
        $this->messages .= $report['ok'] ? $this->module->displayConfirmation($text) : $this->module->displayError($text);
    }

    private function form()
    {
        $switch = function ($name, $label, $desc = '') {
            return ['type' => 'switch', 'name' => $name, 'label' => $label, 'desc' => $desc, 'is_bool' => true, 'values' => [
                ['id' => $name . '_on', 'value' => 1, 'label' => $this->module->getTranslator()->trans('Yes', [], 'Modules.Sofincosignature.Admin')],
                ['id' => $name . '_off', 'value' => 0, 'label' => $this->module->getTranslator()->trans('No', [], 'Modules.Sofincosignature.Admin')],
            ]];
        };
        $secretDesc = $this->module->getTranslator()->trans('Stored; leave empty to keep it.', [], 'Modules.Sofincosignature.Admin');
        $fields = [[
            'form' => [
                'legend' => ['title' => $this->module->getTranslator()->trans('Sofinco settings', [], 'Modules.Sofincosignature.Admin'), 'icon' => 'icon-cogs'],
                'input' => [
                    ['type' => 'text', 'name' => SofincoConfig::MERCHANT_ID, 'label' => 'N° de commerçant Web', 'required' => true, 'maxlength' => 11],
                    ['type' => 'text', 'name' => SofincoConfig::NATURE_BIEN, 'label' => 'Nature de bien partenaire', 'required' => true, 'maxlength' => 3],
                    ['type' => 'text', 'name' => SofincoConfig::Q6, 'label' => 'Paramètre Q6', 'required' => true],
                    ['type' => 'text', 'name' => SofincoConfig::X1, 'label' => 'Paramètre X1', 'required' => true],
                    ['type' => 'text', 'name' => SofincoConfig::CLIENT_ID_TEST, 'label' => 'ClientId (recette)'],
                    ['type' => 'password', 'name' => SofincoConfig::SECRET_TEST, 'label' => 'SecretId (recette)', 'desc' => $secretDesc],
                    ['type' => 'text', 'name' => SofincoConfig::CLIENT_ID_PROD, 'label' => 'ClientId (production)'],
                    ['type' => 'password', 'name' => SofincoConfig::SECRET_PROD, 'label' => 'SecretId (production)', 'desc' => $secretDesc],
                    $switch(SofincoConfig::TEST_MODE, $this->module->getTranslator()->trans('Test mode', [], 'Modules.Sofincosignature.Admin'), $this->module->getTranslator()->trans('Yes: Sofinco\'s recette environment, and the simulator and the payment option are shown only to visitors logged in to the back office in the same browser.', [], 'Modules.Sofincosignature.Admin')),
                    ['type' => 'text', 'name' => SofincoConfig::MIN_PRICE, 'label' => $this->module->getTranslator()->trans('Minimum price', [], 'Modules.Sofincosignature.Admin'), 'suffix' => '€', 'class' => 'fixed-width-md',
                        'desc' => $this->module->getTranslator()->trans('The simulator and the payment option appear from this amount. Keep it in line with your Sofinco contract.', [], 'Modules.Sofincosignature.Admin')],
                    ['type' => 'text', 'name' => SofincoConfig::MAX_PRICE, 'label' => $this->label(SofincoConfig::MAX_PRICE), 'suffix' => '€', 'class' => 'fixed-width-md',
                        'desc' => $this->module->getTranslator()->trans('Optional: above this amount the simulator and the payment option do not appear. Empty: up to the highest amount Sofinco finances for your shop, which applies in any case.', [], 'Modules.Sofincosignature.Admin')],
                    $switch(SofincoConfig::DEBUG, $this->module->getTranslator()->trans('Debug mode', [], 'Modules.Sofincosignature.Admin'), $this->module->getTranslator()->trans('Writes every call to Sofinco in the logs (secrets, e-mails and phones masked).', [], 'Modules.Sofincosignature.Admin')),
                    ['type' => 'text', 'name' => SofincoConfig::API_URL, 'label' => $this->module->getTranslator()->trans('API URL (advanced)', [], 'Modules.Sofincosignature.Admin'),
                        'desc' => $this->module->getTranslator()->trans('Empty: Sofinco\'s recette or production by the test mode. Another address only for a proxy or the sandbox. A stored SecretId is only ever sent to the address it was saved with: after changing this, type it again.', [], 'Modules.Sofincosignature.Admin')],
                    $switch(SofincoConfig::ALLOW_OTHER_URL, $this->label(SofincoConfig::ALLOW_OTHER_URL), $this->module->getTranslator()->trans('No (recommended): in production, the module calls only Sofinco (api.sofinco.fr, rct-api.sofinco.fr) or this machine. Yes: the API URL may name another server, which then receives your production credentials.', [], 'Modules.Sofincosignature.Admin')),
                    ['type' => 'text', 'name' => SofincoConfig::CRON_CONCURRENCY, 'label' => $this->label(SofincoConfig::CRON_CONCURRENCY), 'class' => 'fixed-width-sm',
                        'desc' => $this->module->getTranslator()->trans('From 1 to 32 (default 8): how many dossiers a cron run asks Sofinco about at once.', [], 'Modules.Sofincosignature.Admin')],
                    ['type' => 'text', 'name' => SofincoConfig::CRON_DEADLINE_S, 'label' => $this->label(SofincoConfig::CRON_DEADLINE_S), 'suffix' => 's', 'class' => 'fixed-width-sm',
                        'desc' => $this->module->getTranslator()->trans('From 5 to 300 seconds (default 50): a run ends by then, calls and order updates included, and leaves the rest to the next run. Keep it below the time between two runs.', [], 'Modules.Sofincosignature.Admin')],
                ],
                'submit' => ['title' => $this->module->getTranslator()->trans('Save', [], 'Modules.Sofincosignature.Admin'), 'name' => 'submitSofincoConfig'],
                'buttons' => [['type' => 'submit', 'name' => 'submitSofincoTest', 'title' => $this->module->getTranslator()->trans('Tester la connexion', [], 'Modules.Sofincosignature.Admin'), 'icon' => 'process-icon-refresh', 'class' => 'pull-right']],
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
        if ($this->action === 'save' || $this->action === 'test') {
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
