<?php

/**
 * Copyright (c) 2026 Sofinco and the sofincosignature contributors
 * SPDX-License-Identifier: MIT (LICENSE, beside sofincosignature.php)
 */

/**
 * "Commandes > Dossiers Sofinco signature" (spec-fr.md §5, §7, §10): the orders placed with
 * Sofinco, filterable by state, with the signature date, the end of the 14-day withdrawal
 * period, Sofinco's references and the mode; "Valider la demande de financement" on the
 * rows awaiting funding. A PrestaShop list: its sorting is PrestaShop's; its filters are made
 * safe by SofincoListFilters before core turns them into SQL (core leaves some unquoted).
 * Shop boundaries (SofincoShopScope): the list and its export show the orders of the shop
 * context's shops the employee manages; funding and cancel refuse another shop's order.
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

require_once _PS_MODULE_DIR_ . 'sofincosignature/vendor/autoload.php';

/**
 * Texts go through $this->module->getTranslator()->trans() in the module's Admin domain: PrestaShop 9 removed
 * the admin controllers' own l().
 */
class AdminSofincoDossiersController extends ModuleAdminController
{
    public function __construct()
    {
        $this->bootstrap = true;
        $this->table = 'orders';
        $this->className = 'Order';
        $this->identifier = 'id_order';
        $this->lang = false;
        $this->explicitSelect = true;
        $this->allow_export = true;
        $this->list_no_link = true;
        $this->_defaultOrderBy = 'date_add';
        $this->_defaultOrderWay = 'DESC';
        parent::__construct();

        $idLang = (int) $this->context->language->id;
        // The order's id is no column (explicitSelect): selected here for the row actions.
        $this->_select = '
            a.id_order,
            a.id_order AS id_order_link,
            CONCAT(c.firstname, \' \', c.lastname) AS customer,
            osl.name AS state_name,
            os.color AS color,
            sosl.name AS sofinco_state_name,
            sos.color AS sofinco_state_color,
            so.signature_date,
            so.signature_date AS withdrawal_end,
            so.order_reference AS sofinco_reference,
            so.contract_id,
            so.mode AS sofinco_mode,
            so.funding_requested_at,
            so.sofinco_amount_cents,
            so.held,
            a.id_currency';
        $this->_join = '
            INNER JOIN `' . _DB_PREFIX_ . 'sofinco_order` so ON (so.id_order = a.id_order)
            LEFT JOIN `' . _DB_PREFIX_ . 'customer` c ON (c.id_customer = a.id_customer)
            LEFT JOIN `' . _DB_PREFIX_ . 'order_state` os ON (os.id_order_state = a.current_state)
            LEFT JOIN `' . _DB_PREFIX_ . 'order_state_lang` osl ON (osl.id_order_state = a.current_state AND osl.id_lang = ' . $idLang . ')
            LEFT JOIN `' . _DB_PREFIX_ . 'order_state` sos ON (sos.id_order_state = so.id_sofinco_state)
            LEFT JOIN `' . _DB_PREFIX_ . 'order_state_lang` sosl ON (sosl.id_order_state = so.id_sofinco_state AND sosl.id_lang = ' . $idLang . ')';
        // Shop boundaries as PrestaShop's own order list draws them: the orders of the current
        // shop context's shops that the employee manages (the list and its CSV export).
        $this->_where = SofincoShopScope::sqlRestriction('a', $this->context);

        $states = [];
        $sofincoStates = [];
        foreach (OrderState::getOrderStates($idLang) as $state) {
            if ($state['module_name'] === 'sofincosignature') {
                $sofincoStates[(int) $state['id_order_state']] = $state['name'];
            }
            // Refused and cancelled dossiers end in PrestaShop's "Annulé" (stock back).
            if ($state['module_name'] === 'sofincosignature' || (int) $state['id_order_state'] === SofincoStates::prestashopCancelledId()) {
                $states[(int) $state['id_order_state']] = $state['name'];
            }
        }

        // Fits a 1280 px screen (the sidebar takes 210): no order id column (the order's
        // reference and "Voir" lead to it), the withdrawal period under the signature date,
        // the order's date without its time, long state names wrapping (views/css/admin.css).
        $this->fields_list = [
            'reference' => ['title' => $this->module->getTranslator()->trans('Order', [], 'Modules.Sofincosignature.Admin'), 'filter_key' => 'a!reference', 'class' => 'sofinco-col-reference'],
            'customer' => ['title' => $this->module->getTranslator()->trans('Customer', [], 'Modules.Sofincosignature.Admin'), 'havingFilter' => true],
            'total_paid_tax_incl' => ['title' => $this->module->getTranslator()->trans('Amount', [], 'Modules.Sofincosignature.Admin'), 'type' => 'price', 'currency' => true, 'align' => 'text-right', 'filter_key' => 'a!total_paid_tax_incl',
                'filter_type' => 'decimal', 'class' => 'sofinco-col-amount', 'callback' => 'renderAmount'],
            'state_name' => ['title' => $this->module->getTranslator()->trans('State', [], 'Modules.Sofincosignature.Admin'), 'type' => 'select', 'color' => 'color', 'list' => $states,
                'filter_key' => 'a!current_state', 'filter_type' => 'int', 'order_key' => 'state_name', 'class' => 'sofinco-col-state'],
            // The module state the order was last moved to: a refused or cancelled dossier
            // stays findable once its order is in PrestaShop's "Annulé" (or set by hand).
            'sofinco_state_name' => ['title' => $this->module->getTranslator()->trans('Sofinco state', [], 'Modules.Sofincosignature.Admin'), 'type' => 'select', 'color' => 'sofinco_state_color',
                'list' => $sofincoStates, 'filter_key' => 'so!id_sofinco_state', 'filter_type' => 'int', 'order_key' => 'sofinco_state_name', 'class' => 'sofinco-col-state sofinco-col-sofinco-state'],
            'date_add' => ['title' => $this->module->getTranslator()->trans('Date', [], 'Modules.Sofincosignature.Admin'), 'type' => 'date', 'filter_key' => 'a!date_add'],
            // The end of the withdrawal period, computed by the extension, is written under it.
            'signature_date' => ['title' => $this->module->getTranslator()->trans('Signed / withdrawal until', [], 'Modules.Sofincosignature.Admin'), 'type' => 'date', 'filter_key' => 'so!signature_date',
                'callback' => 'renderSignature'],
            'sofinco_reference' => ['title' => $this->module->getTranslator()->trans('ID Order Sofinco', [], 'Modules.Sofincosignature.Admin'), 'filter_key' => 'so!order_reference', 'callback' => 'renderSofincoReference',
                'class' => 'sofinco-col-sofinco'],
            'sofinco_mode' => ['title' => $this->module->getTranslator()->trans('Mode', [], 'Modules.Sofincosignature.Admin'), 'type' => 'select', 'list' => ['TEST' => 'TEST', 'PRODUCTION' => 'PRODUCTION', 'NC' => 'NC'],
                'filter_key' => 'so!mode', 'filter_type' => 'string', 'callback' => 'renderMode'],
        ];
        $this->addRowAction('view');
        $this->addRowAction('fund');
    }

    /**
     * A list, never a form: core's own actions besides the list's (filters, their reset, the
     * export) are refused, whatever the employee's rights on the tab. Core would otherwise
     * save the Order named by id_order from the posted fields ("submitAddorders"), toggle or
     * delete it, for any order of any shop.
     */
    public function initProcess()
    {
        parent::initProcess();
        if (!in_array((string) $this->action, ['', 'export', 'reset_filters'], true)) {
            $this->action = '';
            $this->boxes = null;
            $this->errors[] = $this->module->getTranslator()->trans('This list only shows Sofinco dossiers: an order is changed from its own page.', [], 'Modules.Sofincosignature.Admin');
        }
        if (!in_array((string) $this->display, ['', 'list'], true)) {
            $this->display = 'list';
        }
    }

    public function processFilter()
    {
        SofincoListFilters::clean(
            isset($this->list_id) ? $this->list_id : $this->table,
            $this->getCookieFilterPrefix(),
            $this->context->cookie,
            is_array($this->fields_list) ? $this->fields_list : []
        );
        return parent::processFilter();
    }

    public function initToolbar()
    {
        parent::initToolbar();
        unset($this->toolbar_btn['new']);
    }

    public function setMedia($isNewTheme = false)
    {
        parent::setMedia($isNewTheme);
        $this->addCSS($this->module->getPathUri() . 'views/css/admin.css');
    }

    /** The order's total; under it, for a held order, what Sofinco lends (the two differ). */
    public function renderAmount($value, $row)
    {
        $total = Tools::displayPrice((float) $value, (int) $row['id_currency']);
        $held = (string) $row['held'] !== '';
        $lent = $row['sofinco_amount_cents'] !== null ? SofincoPrices::format((int) $row['sofinco_amount_cents']) : '—';
        if ($this->action === 'export') {
            return $held ? $total . ' / Sofinco ' . $lent : $total; // the CSV gets text, never markup
        }
        if (!$held) {
            return SofincoEscape::html($total);
        }
        $title = $this->module->getTranslator()->trans('Held: Sofinco\'s dossier does not pay for this order as it is.', [], 'Modules.Sofincosignature.Admin');
        return SofincoEscape::html($total) . '<br><span class="badge badge-danger sofinco-held" title="' . SofincoEscape::html($title) . '">Sofinco '
            . SofincoEscape::html($lent) . '</span>';
    }

    /** The signature date, and under it the end of the withdrawal period, highlighted while it runs. */
    public function renderSignature($value, $row)
    {
        $end = SofincoRuntime::ready() ? \Sofinco\StatusMapper::withdrawalEnd($row['signature_date']) : null;
        if ($end === null) {
            return '—';
        }
        if ($this->action === 'export') {
            return Tools::displayDate($row['signature_date']) . ' / ' . Tools::displayDate($end); // the CSV gets text, never markup
        }
        $text = SofincoEscape::html(Tools::displayDate($end));
        $running = \Sofinco\StatusMapper::withdrawalRunning($row['signature_date'], date('Y-m-d'));
        return SofincoEscape::html(Tools::displayDate($row['signature_date'])) . '<br>'
            . ($running ? '<span class="badge badge-warning sofinco-withdrawal-running" title="' . SofincoEscape::html($this->module->getTranslator()->trans('Withdrawal period running', [], 'Modules.Sofincosignature.Admin')) . '">' . $text . '</span>'
                : '<small class="sofinco-withdrawal-end">' . $text . '</small>');
    }

    /** TEST in a badge: a test dossier never passes for a real one. */
    public function renderMode($value, $row)
    {
        if ($this->action === 'export' || $value !== 'TEST') {
            return $this->action === 'export' ? (string) $value : SofincoEscape::html((string) $value);
        }
        return '<span class="badge badge-info sofinco-mode-test">TEST</span>';
    }

    /**
     * The list's title when filtered: PrestaShop writes the raw filter values ("Statut: 20");
     * a select filter is named by its choice (the state's name).
     */
    public function addFiltersToBreadcrumbs()
    {
        if (!$this->filter || !is_array($this->fields_list)) {
            return null;
        }
        $filters = [];
        foreach ($this->fields_list as $field => $t) {
            $key = isset($t['filter_key']) ? $t['filter_key'] : $field;
            $val = Tools::getValue($this->table . 'Filter_' . $key);
            if (!$val) {
                $val = $this->context->cookie->{$this->getCookieFilterPrefix() . $this->table . 'Filter_' . $key};
            }
            if (!$val || is_array($val)) {
                continue;
            }
            $type = isset($t['type']) ? $t['type'] : '';
            if ($type === 'select') {
                $text = isset($t['list'][$val]) ? $t['list'][$val] : '';
            } elseif ($type === 'date' || $type === 'datetime') {
                $date = json_decode($val, true);
                $text = is_array($date) ? trim(implode(' - ', array_filter($date, 'is_string')), ' -') : '';
            } else {
                $text = (string) $val;
            }
            if ($text !== '') {
                $filters[] = SofincoEscape::html(sprintf($this->module->getTranslator()->trans('%1$s: %2$s', [], 'Modules.Sofincosignature.Admin'), $t['title'], $text));
            }
        }
        return $filters ? sprintf($this->module->getTranslator()->trans('filtered by %s', [], 'Modules.Sofincosignature.Admin'), implode(', ', $filters)) : null;
    }

    /** Our reference and Sofinco's contract number: what Sofinco's support asks for. */
    public function renderSofincoReference($value, $row)
    {
        $contract = (string) $row['contract_id'];
        if ($this->action === 'export') {
            return trim($value . ' ' . $contract);
        }
        return SofincoEscape::html((string) $value) . ($contract !== '' ? '<br><small>' . SofincoEscape::html($contract) . '</small>' : '');
    }

    public function displayViewLink($token, $id, $name = null)
    {
        $url = $this->context->link->getAdminLink('AdminOrders', true, [], ['id_order' => (int) $id, 'vieworder' => 1]);
        return '<a class="btn btn-default" href="' . SofincoEscape::html($url) . '" title="' . SofincoEscape::html($this->module->getTranslator()->trans('View order', [], 'Modules.Sofincosignature.Admin')) . '"><i class="icon-search-plus" aria-hidden="true"></i> ' . $this->module->getTranslator()->trans('View', [], 'Modules.Sofincosignature.Admin') . '</a>';
    }

    /** "Valider la demande de financement", only where it applies. */
    public function displayFundLink($token, $id, $name = null)
    {
        $order = new Order((int) $id);
        if (!SofincoRuntime::ready() || !\Sofinco\StatusMapper::canRequestFunding(SofincoStates::of((int) $order->current_state))) {
            return '';
        }
        $dossier = SofincoDossiers::byOrder((int) $id);
        $confirm = SofincoFundingText::confirmation($this->module, $dossier ? $dossier['signature_date'] : null);
        // A button of the one POST form renderList() adds outside the list's own form: a
        // money action is never a link (prefetchers, crawlers and history replay GETs).
        return '<button type="submit" form="sofinco-fund-form" name="id_order" value="' . (int) $id . '" class="btn btn-primary sofinco-fund"'
            . ' onclick="return confirm(' . SofincoEscape::html(json_encode($confirm, JSON_UNESCAPED_UNICODE)) . ');">'
            . '<i class="icon-money"></i> ' . SofincoEscape::html($this->module->getTranslator()->trans('Valider la demande de financement', [], 'Modules.Sofincosignature.Admin')) . '</button>';
    }

    public function renderList()
    {
        // PrestaShop 9 way (1.7.7+ too): the link service, not AdminController::$currentIndex.
        $action = $this->context->link->getAdminLink('AdminSofincoDossiers');
        // The caret of PrestaShop's row-action menu has no text: name it for screen readers,
        // and hide it on rows whose menu is empty (no funding to ask for).
        $more = json_encode($this->module->getTranslator()->trans('More actions', [], 'Modules.Sofincosignature.Admin'));
        return $this->listWithEscapedTitles()
            . '<form id="sofinco-fund-form" method="post" action="' . SofincoEscape::html($action) . '">'
            . '<input type="hidden" name="submitSofincoFund" value="1"></form>'
            . '<script>document.querySelectorAll("table.orders .btn-group .dropdown-toggle").forEach(function (b) {'
            . ' var menu = b.parentNode.querySelector(".dropdown-menu");'
            . ' if (menu && !menu.querySelector("a, button")) { b.parentNode.removeChild(b); menu.parentNode.removeChild(menu); return; }'
            . ' b.setAttribute("aria-label", ' . $more . '); b.setAttribute("title", ' . $more . '); });</script>';
    }

    /**
     * PrestaShop's list prints column titles as they are, and a translation may hold markup:
     * the titles are escaped for the list only (the CSV export and the filtered title, which
     * escapes itself, read them as text).
     */
    private function listWithEscapedTitles()
    {
        $titles = $this->fields_list;
        foreach ($this->fields_list as &$field) {
            $field['title'] = SofincoEscape::html($field['title']);
        }
        unset($field);
        try {
            return parent::renderList();
        } finally {
            $this->fields_list = $titles;
        }
    }

    public function postProcess()
    {
        // AdminController checked the admin token before we get here.
        $idOrder = (int) Tools::getValue('id_order');
        $result = null;
        // Money actions only on POST: a GET (a link, a prefetch) changes nothing.
        $posted = isset($_SERVER['REQUEST_METHOD']) && $_SERVER['REQUEST_METHOD'] === 'POST';
        $fund = $posted && Tools::getValue('submitSofincoFund');
        $cancel = $posted && Tools::getValue('submitSofincoCancel');
        $outside = ($fund || $cancel) && SofincoShopScope::refusesOrder($idOrder, $this->context);
        if ($outside) {
            // Another shop's order: nothing is sent to Sofinco, and the answer stays here.
            $result = ['ok' => false, 'warning' => null, 'message' => $this->module->getTranslator()->trans(
                'This order belongs to a shop you do not manage: nothing was sent to Sofinco.',
                [],
                'Modules.Sofincosignature.Admin'
            )];
        } elseif ($fund) {
            $result = SofincoFunding::request($this->module, $idOrder);
        } elseif ($cancel) {
            $result = SofincoCancel::request($this->module, $idOrder);
        }
        if ($result !== null && !$outside && Tools::getValue('back') === 'order') {
            // Back to the order page; its panel shows the outcome once.
            $this->context->cookie->sofinco_flash = json_encode(['id_order' => $idOrder] + $result);
            $this->context->cookie->write();
            // The panel scrolls its result into view below the fixed header (an anchor would
            // put it under the header).
            Tools::redirectAdmin($this->context->link->getAdminLink('AdminOrders', true, [], ['id_order' => $idOrder, 'vieworder' => 1]));
        }
        if ($result !== null) {
            if ($result['ok']) {
                $this->confirmations[] = $result['message'];
            } else {
                $this->errors[] = $result['message'];
            }
            if ($result['warning']) {
                $this->warnings[] = $result['warning'];
            }
        }
        return parent::postProcess();
    }

    public function processDelete()
    {
        // Orders are never deleted from here.
        return false;
    }
}
