<?php
/**
 * "Commandes > Dossiers Sofinco signature" (spec-fr.md §5, §7, §10): the orders placed with
 * Sofinco, filterable by state, with the signature date, the end of the 14-day withdrawal
 * period, Sofinco's references and the mode; "Valider la demande de financement" on the
 * rows awaiting funding. A PrestaShop list: its sorting is PrestaShop's; its filter values are
 * made safe by SofincoListFilters before core turns them into SQL (core leaves some unquoted).
 */
if (!defined('_PS_VERSION_')) {
    exit;
}

require_once _PS_MODULE_DIR_ . 'sofincosignature/vendor/autoload.php';

/**
 * Texts go through $this->module->l() with this class as source: PrestaShop 9 removed the
 * admin controllers' own l() (the translation keys stay those of 1.7 and 8).
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
        $this->_select = '
            a.id_order AS id_order_link,
            CONCAT(c.firstname, \' \', c.lastname) AS customer,
            osl.name AS state_name,
            os.color AS color,
            so.signature_date,
            so.signature_date AS withdrawal_end,
            so.order_reference AS sofinco_reference,
            so.contract_id,
            so.mode AS sofinco_mode,
            so.funding_requested_at';
        $this->_join = '
            INNER JOIN `' . _DB_PREFIX_ . 'sofinco_order` so ON (so.id_order = a.id_order)
            LEFT JOIN `' . _DB_PREFIX_ . 'customer` c ON (c.id_customer = a.id_customer)
            LEFT JOIN `' . _DB_PREFIX_ . 'order_state` os ON (os.id_order_state = a.current_state)
            LEFT JOIN `' . _DB_PREFIX_ . 'order_state_lang` osl ON (osl.id_order_state = a.current_state AND osl.id_lang = ' . $idLang . ')';

        $states = [];
        foreach (OrderState::getOrderStates($idLang) as $state) {
            // Refused and cancelled dossiers end in PrestaShop's "Annulé" (stock back).
            if ($state['module_name'] === 'sofincosignature' || (int) $state['id_order_state'] === (int) Configuration::get('PS_OS_CANCELED')) {
                $states[(int) $state['id_order_state']] = $state['name'];
            }
        }

        $this->fields_list = [
            'id_order' => ['title' => $this->module->l('Order', 'AdminSofincoDossiersController'), 'align' => 'text-center', 'class' => 'fixed-width-xs', 'filter_key' => 'a!id_order'],
            'reference' => ['title' => $this->module->l('Reference', 'AdminSofincoDossiersController'), 'filter_key' => 'a!reference'],
            'customer' => ['title' => $this->module->l('Customer', 'AdminSofincoDossiersController'), 'havingFilter' => true],
            'total_paid_tax_incl' => ['title' => $this->module->l('Amount', 'AdminSofincoDossiersController'), 'type' => 'price', 'currency' => true, 'align' => 'text-right', 'filter_key' => 'a!total_paid_tax_incl',
                'filter_type' => 'decimal'],
            'state_name' => ['title' => $this->module->l('State', 'AdminSofincoDossiersController'), 'type' => 'select', 'color' => 'color', 'list' => $states,
                'filter_key' => 'a!current_state', 'filter_type' => 'int', 'order_key' => 'state_name'],
            'date_add' => ['title' => $this->module->l('Date', 'AdminSofincoDossiersController'), 'type' => 'datetime', 'filter_key' => 'a!date_add'],
            'signature_date' => ['title' => $this->module->l('Signature date', 'AdminSofincoDossiersController'), 'type' => 'date', 'filter_key' => 'so!signature_date'],
            // Computed by the extension from the signature date (sorted the same way).
            'withdrawal_end' => ['title' => $this->module->l('End of withdrawal period', 'AdminSofincoDossiersController'), 'type' => 'date', 'search' => false,
                'order_key' => 'so.signature_date', 'callback' => 'renderWithdrawalEnd'],
            'sofinco_reference' => ['title' => $this->module->l('ID Order Sofinco', 'AdminSofincoDossiersController'), 'filter_key' => 'so!order_reference', 'callback' => 'renderSofincoReference'],
            'sofinco_mode' => ['title' => $this->module->l('Mode', 'AdminSofincoDossiersController'), 'type' => 'select', 'list' => ['TEST' => 'TEST', 'PRODUCTION' => 'PRODUCTION', 'NC' => 'NC'],
                'filter_key' => 'so!mode', 'filter_type' => 'string'],
        ];
        $this->addRowAction('view');
        $this->addRowAction('fund');
    }

    public function processFilter()
    {
        $controller = $this;
        SofincoListFilters::clean(isset($this->list_id) ? $this->list_id : $this->table, $this->getCookieFilterPrefix(), $this->context->cookie,
            function ($key, $filter) use ($controller) {
                return $controller->sofincoFilterField($key, $filter);
            });
        return parent::processFilter();
    }

    /** Core's own lookup of a filter's field, for SofincoListFilters. */
    public function sofincoFilterField($key, $filter)
    {
        return $this->filterToField($key, $filter);
    }

    public function initToolbar()
    {
        parent::initToolbar();
        unset($this->toolbar_btn['new']);
    }

    /** The end of the withdrawal period, highlighted while it runs. */
    public function renderWithdrawalEnd($value, $row)
    {
        $end = SofincoRuntime::ready() ? \Sofinco\StatusMapper::withdrawalEnd($row['signature_date']) : null;
        if ($end === null) {
            return '—';
        }
        if ($this->action === 'export') {
            return Tools::displayDate($end); // the CSV gets text, never markup
        }
        $text = htmlspecialchars(Tools::displayDate($end));
        return \Sofinco\StatusMapper::withdrawalRunning($row['signature_date'], date('Y-m-d')) ? '<span class="badge badge-warning sofinco-withdrawal-running" title="' . htmlspecialchars($this->module->l('Withdrawal period running', 'AdminSofincoDossiersController')) . '">' . $text . '</span>' : $text;
    }

    /** Our reference and Sofinco's contract number: what Sofinco's support asks for. */
    public function renderSofincoReference($value, $row)
    {
        $contract = (string) $row['contract_id'];
        if ($this->action === 'export') {
            return trim($value . ' ' . $contract);
        }
        return htmlspecialchars((string) $value) . ($contract !== '' ? '<br><small>' . htmlspecialchars($contract) . '</small>' : '');
    }

    public function displayViewLink($token, $id, $name = null)
    {
        $url = $this->context->link->getAdminLink('AdminOrders', true, [], ['id_order' => (int) $id, 'vieworder' => 1]);
        return '<a class="btn btn-default" href="' . htmlspecialchars($url) . '"><i class="icon-search-plus"></i> ' . $this->module->l('View order', 'AdminSofincoDossiersController') . '</a>';
    }

    /** "Valider la demande de financement", only where it applies. */
    public function displayFundLink($token, $id, $name = null)
    {
        $order = new Order((int) $id);
        if (!SofincoRuntime::ready() || !\Sofinco\StatusMapper::canRequestFunding(SofincoStates::keyOf((int) $order->current_state))) {
            return '';
        }
        // A button of the one POST form renderList() adds outside the list's own form: a
        // money action is never a link (prefetchers, crawlers and history replay GETs).
        return '<button type="submit" form="sofinco-fund-form" name="id_order" value="' . (int) $id . '" class="btn btn-primary sofinco-fund"'
            . ' onclick="return confirm(' . htmlspecialchars(json_encode($this->module->l('Request the funding of this order from Sofinco?', 'AdminSofincoDossiersController'))) . ');">'
            . '<i class="icon-money"></i> ' . $this->module->l('Valider la demande de financement', 'AdminSofincoDossiersController') . '</button>';
    }

    public function renderList()
    {
        // PrestaShop 9 way (1.7.7+ too): the link service, not AdminController::$currentIndex.
        $action = $this->context->link->getAdminLink('AdminSofincoDossiers');
        return parent::renderList()
            . '<form id="sofinco-fund-form" method="post" action="' . htmlspecialchars($action) . '">'
            . '<input type="hidden" name="submitSofincoFund" value="1"></form>';
    }

    public function postProcess()
    {
        // AdminController checked the admin token before we get here.
        $idOrder = (int) Tools::getValue('id_order');
        $result = null;
        // Money actions only on POST: a GET (a link, a prefetch) changes nothing.
        $posted = isset($_SERVER['REQUEST_METHOD']) && $_SERVER['REQUEST_METHOD'] === 'POST';
        if ($posted && Tools::getValue('submitSofincoFund')) {
            $result = SofincoFunding::request($this->module, $idOrder);
        } elseif ($posted && Tools::getValue('submitSofincoCancel')) {
            $result = SofincoCancel::request($this->module, $idOrder);
        }
        if ($result !== null && Tools::getValue('back') === 'order') {
            // Back to the order page; its panel shows the outcome once.
            $this->context->cookie->sofinco_flash = json_encode(['id_order' => $idOrder] + $result);
            $this->context->cookie->write();
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
