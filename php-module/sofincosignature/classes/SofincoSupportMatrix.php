<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * What this module supports and what was really tested, PrestaShop × PHP: the same table as
 * README "Supported PrestaShop and PHP" (make test-matrix runs the "tested" rows). Shown on the
 * configuration page, with this shop's own row marked.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

class SofincoSupportMatrix
{
    public const TESTED = 'tested';
    public const BUILT = 'built';
    public const UNSUPPORTED = 'unsupported';

    /** [PrestaShop from, to (exclusive), PHP from, to (exclusive), label PS, label PHP, status, reason key] */
    public const ROWS = [
        ['1.7.7.0', '8.0.0', '7.1.0', '7.4.0', '1.7.7 – 1.7.8', '7.1 – 7.3', self::BUILT, 'php7'],
        ['1.7.7.0', '8.0.0', '7.4.0', '8.0.0', '1.7.7 – 1.7.8', '7.4', self::TESTED, 'ps17'],
        ['8.0.0', '9.0.0', '7.2.0', '7.4.0', '8.0 – 8.2', '7.2 – 7.3', self::BUILT, 'php7'],
        ['8.0.0', '8.2.0', '7.4.0', '8.0.0', '8.0 – 8.1', '7.4', self::TESTED, 'bullseye'],
        ['8.2.0', '9.0.0', '7.4.0', '8.0.0', '8.2', '7.4', self::BUILT, 'only84'],
        ['8.0.0', '9.0.0', '8.0.0', '8.1.0', '8.0 – 8.2', '8.0', self::BUILT, 'php7'],
        ['8.0.0', '8.2.0', '8.1.0', '8.2.0', '8.0 – 8.1', '8.1', self::BUILT, 'nodebian'],
        ['8.0.0', '8.2.0', '8.2.0', '8.3.0', '8.0 – 8.1', '8.2', self::TESTED, 'host'],
        ['8.0.0', '8.2.0', '8.3.0', '8.4.0', '8.0 – 8.1', '8.3', self::BUILT, 'nodebian'],
        ['8.0.0', '8.2.0', '8.4.0', '8.5.0', '8.0 – 8.1', '8.4', self::TESTED, 'trixie'],
        ['8.2.0', '9.0.0', '8.1.0', '8.4.0', '8.2', '8.1 – 8.3', self::BUILT, 'only84'],
        ['8.2.0', '9.0.0', '8.4.0', '8.5.0', '8.2', '8.4', self::TESTED, 'trixie'],
        ['9.0.0', '9.1.0', '8.1.0', '8.5.0', '9.0', '8.1 – 8.4', self::BUILT, 'ps9'],
    ];

    /** @var SofincoSignature */
    private $module;

    public function __construct($module)
    {
        $this->module = $module;
    }

    /** The row this very shop falls in, or null (a combination nobody supports). */
    public static function current()
    {
        foreach (self::ROWS as $row) {
            if (
                version_compare(_PS_VERSION_, $row[0], '>=') && version_compare(_PS_VERSION_, $row[1], '<')
                && version_compare(PHP_VERSION, $row[2], '>=') && version_compare(PHP_VERSION, $row[3], '<')
            ) {
                return $row;
            }
        }
        return null;
    }

    private function status($status)
    {
        if ($status === self::TESTED) {
            return $this->module->getTranslator()->trans('tested here', [], 'Modules.Sofincosignature.Admin');
        }
        if ($status === self::BUILT) {
            return $this->module->getTranslator()->trans('built, not tested', [], 'Modules.Sofincosignature.Admin');
        }
        return $this->module->getTranslator()->trans('not supported', [], 'Modules.Sofincosignature.Admin');
    }

    private function reason($key)
    {
        $reasons = [
            'php7' => $this->module->getTranslator()->trans('The extension for PHP 7.1 to 8.0 (phper) is built by the release workflow; no Debian release here serves this PHP, so no shop runs on it here.', [], 'Modules.Sofincosignature.Admin'),
            'ps17' => $this->module->getTranslator()->trans('Shop suite and browser checks, on PrestaShop 1.7.8.11 (Debian 11).', [], 'Modules.Sofincosignature.Admin'),
            'bullseye' => $this->module->getTranslator()->trans('Shop suite and browser checks, on PrestaShop 8.1.2 (Debian 11).', [], 'Modules.Sofincosignature.Admin'),
            'nodebian' => $this->module->getTranslator()->trans('Built and loaded by the release workflow; no Debian release ships this PHP, so no shop runs on it here.', [], 'Modules.Sofincosignature.Admin'),
            'host' => $this->module->getTranslator()->trans('Every suite, on PrestaShop 8.1.2 (Debian 12).', [], 'Modules.Sofincosignature.Admin'),
            'trixie' => $this->module->getTranslator()->trans('PHP suites and shop suite, on PrestaShop 8.1.2 and 8.2.1 (Debian 13).', [], 'Modules.Sofincosignature.Admin'),
            'only84' => $this->module->getTranslator()->trans('PrestaShop 8.2 is tested on PHP 8.4 only.', [], 'Modules.Sofincosignature.Admin'),
            'ps9' => $this->module->getTranslator()->trans('No PrestaShop 9 release can be installed here; the module follows its documented APIs.', [], 'Modules.Sofincosignature.Admin'),
        ];
        return isset($reasons[$key]) ? $reasons[$key] : '';
    }

    /** A back-office panel: the table, this shop's row in bold. */
    public function render()
    {
        $current = self::current();
        $html = '<div class="panel" id="sofinco-support"><div class="panel-heading"><i class="icon-check"></i> '
            . SofincoEscape::html($this->module->getTranslator()->trans('Supported PrestaShop and PHP', [], 'Modules.Sofincosignature.Admin')) . '</div>'
            . '<p>' . SofincoEscape::html(sprintf($this->module->getTranslator()->trans('This shop: PrestaShop %s, PHP %s (%s).', [], 'Modules.Sofincosignature.Admin'), _PS_VERSION_, PHP_VERSION, SofincoRuntime::threadSafety()))
            . ($current === null ? ' ' . SofincoEscape::html($this->module->getTranslator()->trans('This combination is not supported.', [], 'Modules.Sofincosignature.Admin')) : '') . '</p>'
            . '<table class="table"><thead><tr><th>PrestaShop</th><th>PHP</th><th>'
            . SofincoEscape::html($this->module->getTranslator()->trans('Status', [], 'Modules.Sofincosignature.Admin')) . '</th><th>' . SofincoEscape::html($this->module->getTranslator()->trans('Why', [], 'Modules.Sofincosignature.Admin')) . '</th></tr></thead><tbody>';
        foreach (self::ROWS as $row) {
            $mine = $current === $row;
            $html .= '<tr class="sofinco-support--' . $row[6] . ($mine ? ' sofinco-support--current' : '') . '"' . ($mine ? ' style="font-weight:bold"' : '') . '>'
                . '<td>' . $row[4] . '</td><td>' . $row[5] . '</td><td>' . SofincoEscape::html($this->status($row[6])) . '</td><td>' . SofincoEscape::html($this->reason($row[7])) . '</td></tr>';
        }
        return $html . '</tbody></table><p>'
            . SofincoEscape::html($this->module->getTranslator()->trans('Thread-safe (ZTS) PHP builds are built and loaded by the release workflow, never tested in a shop.', [], 'Modules.Sofincosignature.Admin'))
            . '</p></div>';
    }
}
