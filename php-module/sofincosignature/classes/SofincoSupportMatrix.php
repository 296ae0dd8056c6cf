<?php
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
    const TESTED = 'tested';
    const BUILT = 'built';
    const UNSUPPORTED = 'unsupported';

    /** [PrestaShop from, to (exclusive), PHP from, to (exclusive), label PS, label PHP, status, reason key] */
    const ROWS = [
        ['1.7.7.0', '8.0.0', '7.1.0', '8.0.0', '1.7.7 – 1.7.8', '7.1 – 7.4', self::UNSUPPORTED, 'php7'],
        ['8.0.0', '8.2.0', '8.1.0', '8.2.0', '8.0 – 8.1', '8.1', self::BUILT, 'nodebian'],
        ['8.0.0', '8.2.0', '8.2.0', '8.3.0', '8.0 – 8.1', '8.2', self::TESTED, 'host'],
        ['8.0.0', '8.2.0', '8.3.0', '8.4.0', '8.0 – 8.1', '8.3', self::BUILT, 'nodebian'],
        ['8.0.0', '8.2.0', '8.4.0', '8.5.0', '8.0 – 8.1', '8.4', self::TESTED, 'trixie'],
        ['8.2.0', '9.0.0', '8.1.0', '8.4.0', '8.2', '8.1 – 8.3', self::BUILT, 'only84'],
        ['8.2.0', '9.0.0', '8.4.0', '8.5.0', '8.2', '8.4', self::TESTED, 'trixie'],
        ['8.0.0', '9.0.0', '7.2.0', '8.1.0', '8.0 – 8.2', '7.2 – 8.0', self::UNSUPPORTED, 'php80'],
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
            return $this->module->l('tested here', 'sofincosupportmatrix');
        }
        if ($status === self::BUILT) {
            return $this->module->l('built, not tested', 'sofincosupportmatrix');
        }
        return $this->module->l('not supported', 'sofincosupportmatrix');
    }

    private function reason($key)
    {
        $reasons = [
            'php7' => $this->module->l('The extension needs PHP 8.1 or newer, which PrestaShop 1.7 does not run on: the module installs and says what to do (tested here on 1.7.8.11 with PHP 7.4).', 'sofincosupportmatrix'),
            'php80' => $this->module->l('The extension needs PHP 8.1 or newer.', 'sofincosupportmatrix'),
            'nodebian' => $this->module->l('Built and loaded by the release workflow; no Debian release ships this PHP, so no shop runs on it here.', 'sofincosupportmatrix'),
            'host' => $this->module->l('Every suite, on PrestaShop 8.1.2 (Debian 12).', 'sofincosupportmatrix'),
            'trixie' => $this->module->l('PHP suites and shop suite, on PrestaShop 8.1.2 and 8.2.1 (Debian 13).', 'sofincosupportmatrix'),
            'only84' => $this->module->l('PrestaShop 8.2 is tested on PHP 8.4 only.', 'sofincosupportmatrix'),
            'ps9' => $this->module->l('No PrestaShop 9 release can be installed here; the module follows its documented APIs.', 'sofincosupportmatrix'),
        ];
        return isset($reasons[$key]) ? $reasons[$key] : '';
    }

    /** A back-office panel: the table, this shop's row in bold. */
    public function render()
    {
        $current = self::current();
        $html = '<div class="panel" id="sofinco-support"><div class="panel-heading"><i class="icon-check"></i> '
            . $this->module->l('Supported PrestaShop and PHP', 'sofincosupportmatrix') . '</div>'
            . '<p>' . sprintf($this->module->l('This shop: PrestaShop %s, PHP %s (%s).', 'sofincosupportmatrix'), htmlspecialchars(_PS_VERSION_), htmlspecialchars(PHP_VERSION), htmlspecialchars(SofincoRuntime::threadSafety()))
            . ($current === null ? ' ' . $this->module->l('This combination is not supported.', 'sofincosupportmatrix') : '') . '</p>'
            . '<table class="table"><thead><tr><th>PrestaShop</th><th>PHP</th><th>'
            . $this->module->l('Status', 'sofincosupportmatrix') . '</th><th>' . $this->module->l('Why', 'sofincosupportmatrix') . '</th></tr></thead><tbody>';
        foreach (self::ROWS as $row) {
            $mine = $current === $row;
            $html .= '<tr class="sofinco-support--' . $row[6] . ($mine ? ' sofinco-support--current' : '') . '"' . ($mine ? ' style="font-weight:bold"' : '') . '>'
                . '<td>' . $row[4] . '</td><td>' . $row[5] . '</td><td>' . $this->status($row[6]) . '</td><td>' . $this->reason($row[7]) . '</td></tr>';
        }
        return $html . '</tbody></table><p>'
            . $this->module->l('Thread-safe (ZTS) PHP builds are built and loaded by the release workflow, never tested in a shop.', 'sofincosupportmatrix')
            . '</p></div>';
    }
}
