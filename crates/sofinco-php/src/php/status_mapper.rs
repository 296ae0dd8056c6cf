//! `Sofinco\StatusMapper`: the status table (design.md §3) for the module.
// PHP parameter names are camelCase: PHP 8 named arguments use them.
#![allow(non_snake_case)]

use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendHashTable, Zval};

use super::array::PhpArray;
use super::guard::guard;
use super::state::{self, OrderState};
use crate::status;

#[php_class]
#[php(name = "Sofinco\\StatusMapper")]
#[derive(Default)]
pub struct StatusMapper;

#[php_impl]
impl StatusMapper {
    /// The order state for a Sofinco status code; null for UKW (ask again later).
    #[php(name = "stateFor")]
    pub fn state_for(sofincoCode: String) -> PhpResult<Option<OrderState>> {
        guard(|| Ok(state::php(status::state_for(&sofincoCode)?)))
    }

    /// Every order state the module installs, in workflow order (state, final, group):
    /// their names, colours and flags are the module's.
    pub fn states() -> PhpResult<ZBox<ZendHashTable>> {
        guard(|| {
            let mut rows = PhpArray::new();
            for s in status::STATES {
                let row = PhpArray::new()
                    .with("state", OrderState::from(s.state))?
                    .with("final", s.is_final)?
                    .with("group", s.group.as_str())?;
                rows.push(row.into_table())?;
            }
            Ok(rows.into_table())
        })
    }

    /// `pending`, `validated` or `cancelled`.
    pub fn group(state: OrderState) -> PhpResult<String> {
        guard(|| Ok(status::group(state.into())?.as_str().to_string()))
    }

    /// Whether the crons still follow an order in this state (null: not Sofinco's).
    #[php(name = "isSynced")]
    pub fn is_synced(state: Option<OrderState>) -> bool {
        status::is_synced(state::core(state))
    }

    /// Whether "Valider la demande de financement" applies to an order in this state.
    #[php(name = "canRequestFunding")]
    pub fn can_request_funding(state: Option<OrderState>) -> bool {
        status::can_request_funding(state::core(state))
    }

    /// Whether "Annuler le dossier chez Sofinco" applies (the order panel and the action).
    #[php(name = "canCancel")]
    pub fn can_cancel(
        state: Option<OrderState>,
        sofincoStatus: String,
        contractId: String,
    ) -> bool {
        status::can_cancel(state::core(state), &sofincoStatus, &contractId)
    }

    /// Last day (Y-m-d) of the customer's 14-day withdrawal period; null without a valid
    /// signature date.
    #[php(name = "withdrawalEnd")]
    pub fn withdrawal_end(signatureDate: Option<String>) -> Option<String> {
        crate::withdrawal::end(signatureDate.as_deref())
    }

    /// Whether the withdrawal period still runs on `today` (Y-m-d: the shop's local date,
    /// PHP's `date('Y-m-d')`, since the shop's time zone is PHP's, not the system's);
    /// the system's local date when omitted.
    #[php(name = "withdrawalRunning")]
    pub fn withdrawal_running(signatureDate: Option<String>, today: Option<String>) -> bool {
        let today = today
            .as_deref()
            .and_then(crate::withdrawal::signature_date)
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        crate::withdrawal::running(signatureDate.as_deref(), today)
    }

    /// Whether reaching this state ends the dossier without money, so the order goes on to
    /// PrestaShop's own cancelled state (stock back): what decisions' `releaseStock` says.
    #[php(name = "releasesStock")]
    pub fn releases_stock(state: Option<OrderState>) -> bool {
        status::releases_stock(state::core(state))
    }

    /// Why a dossier closed without an order: refused, cancelled, abandoned or closed.
    #[php(name = "closedReason")]
    pub fn closed_reason(sofincoStatus: String) -> String {
        status::closed_reason(&sofincoStatus).to_string()
    }

    /// An amount in euros as cents: a numeric string exactly ("1290.10"; more than two
    /// decimals is an error), a float (PrestaShop's totals) to the nearest cent, since its
    /// binary value is only near the decimal one (114.7 is 114.70000000000000284…).
    #[php(name = "cents")]
    pub fn cents(euros: &Zval) -> PhpResult<i64> {
        guard(|| {
            let text = if let Some(f) = euros.double() {
                return crate::money::cents_from_float(f);
            } else if let Some(i) = euros.long() {
                i.to_string()
            } else if let Some(s) = euros.str() {
                s.to_string()
            } else {
                return Err(crate::error::Error::invalid_input(
                    "an amount in euros must be a number or a numeric string",
                ));
            };
            crate::money::cents_from_decimal(&text)
        })
    }
}
