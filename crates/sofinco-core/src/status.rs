//! The status table: Sofinco's dossier codes, the order states the extension reasons about
//! and their groups (design.md §3, spec-fr.md §6 and §7). Pure data, no PHP: the PrestaShop
//! configuration key of each state is the module's (SofincoStates), not the core's.

use crate::contract::status as code;
use crate::error::{Error, Result};

/// The group an order state belongs to, as spec-fr.md §6 lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Pending,
    Validated,
    Cancelled,
}

impl Group {
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Pending => "pending",
            Group::Validated => "validated",
            Group::Cancelled => "cancelled",
        }
    }
}

/// An order state the extension reasons about (docs/php-api.md, `Sofinco\OrderState`): the
/// module's nine states and PrestaShop's own "Annulé". An order in any other state is
/// `None` where an `Option<OrderState>` is taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum OrderState {
    InStudy,
    AwaitingCustomer,
    AwaitingFunding,
    FundingRequested,
    Funded,
    Refused,
    Cancelled,
    NotFound,
    TechError,
    /// PrestaShop's own "Annulé" (PS_OS_CANCELED), where a refused or cancelled order goes
    /// next: PrestaShop gives stock back only for that state (OrderHistory::changeIdOrderState).
    PrestashopCancelled,
}

impl OrderState {
    /// Every case, in workflow order (the module's nine, then PrestaShop's "Annulé").
    pub const ALL: [OrderState; 10] = [
        OrderState::InStudy,
        OrderState::AwaitingCustomer,
        OrderState::AwaitingFunding,
        OrderState::FundingRequested,
        OrderState::Funded,
        OrderState::Refused,
        OrderState::Cancelled,
        OrderState::NotFound,
        OrderState::TechError,
        OrderState::PrestashopCancelled,
    ];

    /// The PHP enum's case name.
    pub fn name(self) -> &'static str {
        match self {
            OrderState::InStudy => "InStudy",
            OrderState::AwaitingCustomer => "AwaitingCustomer",
            OrderState::AwaitingFunding => "AwaitingFunding",
            OrderState::FundingRequested => "FundingRequested",
            OrderState::Funded => "Funded",
            OrderState::Refused => "Refused",
            OrderState::Cancelled => "Cancelled",
            OrderState::NotFound => "NotFound",
            OrderState::TechError => "TechError",
            OrderState::PrestashopCancelled => "PrestashopCancelled",
        }
    }

    /// The PHP enum's backing value (the PHP 7 class constant's string).
    pub fn as_str(self) -> &'static str {
        match self {
            OrderState::InStudy => "in_study",
            OrderState::AwaitingCustomer => "awaiting_customer",
            OrderState::AwaitingFunding => "awaiting_funding",
            OrderState::FundingRequested => "funding_requested",
            OrderState::Funded => "funded",
            OrderState::Refused => "refused",
            OrderState::Cancelled => "cancelled",
            OrderState::NotFound => "not_found",
            OrderState::TechError => "tech_error",
            OrderState::PrestashopCancelled => "prestashop_cancelled",
        }
    }

    /// The case whose value is `value` (a PHP 7 engine reads its constants' strings back).
    pub fn parse(value: &str) -> Option<OrderState> {
        OrderState::ALL.into_iter().find(|s| s.as_str() == value)
    }
}

impl std::fmt::Display for OrderState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a state of the module's own reads in reasons: its value, or that it is not ours.
pub fn label(state: Option<OrderState>) -> &'static str {
    state.map_or("(not Sofinco's)", OrderState::as_str)
}

/// One order state the module installs in PrestaShop. Its name, colour and PrestaShop
/// flags are presentation: the module owns them (SofincoStates), through translations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StateInfo {
    pub state: OrderState,
    /// No further sync once reached (NOT_FOUND and TECH_ERROR become final only after
    /// DossierSync's grace period, so they are not final here).
    pub is_final: bool,
    pub group: Group,
}

use OrderState::*;

const fn info(state: OrderState, group: Group, is_final: bool) -> StateInfo {
    StateInfo {
        state,
        is_final,
        group,
    }
}

/// Every order state of the module, in workflow order.
pub const STATES: [StateInfo; 9] = [
    info(InStudy, Group::Pending, false),
    info(AwaitingCustomer, Group::Pending, false),
    info(AwaitingFunding, Group::Validated, false),
    info(FundingRequested, Group::Validated, false),
    info(Funded, Group::Validated, true),
    info(Refused, Group::Cancelled, true),
    info(Cancelled, Group::Cancelled, true),
    info(NotFound, Group::Cancelled, false),
    info(TechError, Group::Cancelled, false),
];

/// Sofinco's codes and the state each one maps to; `None` means "no change, ask again".
const CODES: [(&str, Option<OrderState>); 11] = [
    ("ATT", Some(InStudy)),
    ("ETU", Some(InStudy)),
    ("CLI", Some(AwaitingCustomer)),
    ("AFI", Some(AwaitingFunding)),
    ("FIN", Some(Funded)),
    ("REF", Some(Refused)),
    ("ANN", Some(Cancelled)),
    ("ABD", Some(Cancelled)),
    ("NFD", Some(NotFound)),
    ("ERR", Some(TechError)),
    ("UKW", None),
];

/// Normalises a code as Sofinco may send it (" etu ", "Etu").
pub fn normalize_code(code: &str) -> String {
    code.trim().to_ascii_uppercase()
}

/// The order state for a Sofinco code, `Ok(None)` for UKW, an error for any other code.
pub fn state_for(code: &str) -> Result<Option<OrderState>> {
    let normalized = normalize_code(code);
    CODES
        .iter()
        .find(|(known, _)| *known == normalized)
        .map(|(_, state)| *state)
        .ok_or_else(|| Error::unknown_status(code))
}

/// The module's row for this state, if it is one of the module's.
pub fn find(state: OrderState) -> Option<&'static StateInfo> {
    STATES.iter().find(|s| s.state == state)
}

/// The group of a module state; an error for PrestaShop's own cancelled state.
pub fn group(state: OrderState) -> Result<Group> {
    find(state)
        .map(|s| s.group)
        .ok_or_else(|| Error::unknown_state_key(state.as_str()))
}

/// Whether the crons still follow an order in this state. A state that is not the
/// module's was set by hand and takes the order out of the workflow (spec-fr.md §8).
pub fn is_synced(state: Option<OrderState>) -> bool {
    state.and_then(find).is_some_and(|s| !s.is_final)
}

/// Only an approved dossier awaiting the merchant may be sent for funding.
pub fn can_request_funding(state: Option<OrderState>) -> bool {
    state == Some(AwaitingFunding)
}

/// Alive dossiers become orders; the others never do (design.md §4).
pub fn is_alive_code(code: &str) -> bool {
    matches!(
        normalize_code(code).as_str(),
        "ATT" | "ETU" | "CLI" | "AFI" | "FIN"
    )
}

/// Whether "Annuler le dossier chez Sofinco" applies: the order still follows Sofinco
/// (a module state that is not final), the dossier has a contract and is not closed.
/// One rule for the order panel and the action, so a crafted POST gets what the panel shows.
/// A held order (TECH_ERROR over a live dossier whose amount is not the order's) is
/// cancellable: that is how the merchant resolves it.
pub fn can_cancel(state: Option<OrderState>, sofinco_code: &str, contract_id: &str) -> bool {
    let state_ok = matches!(
        state,
        Some(InStudy | AwaitingCustomer | AwaitingFunding | FundingRequested | TechError)
    );
    state_ok
        && !contract_id.trim().is_empty()
        && is_alive_code(sofinco_code)
        && normalize_code(sofinco_code) != code::FUNDED
}

/// Reaching this state ends the dossier without money: the order's products go back to
/// stock, through PrestaShop's own cancelled state.
pub fn releases_stock(state: Option<OrderState>) -> bool {
    matches!(state, Some(Refused | Cancelled))
}

/// The state an order is created in, and the state it is moved to right after.
/// PrestaShop's validateOrder books a payment for the full amount when the initial state
/// is "logable" (approved), while OrderHistory books one only on a paid state: an approved,
/// not yet funded dossier is created in study and moved, so money is booked once, at FIN.
pub fn creation_path(state: OrderState) -> (OrderState, Option<OrderState>) {
    match group(state) {
        Ok(Group::Validated) if state != Funded => (InStudy, Some(state)),
        _ => (state, None),
    }
}

/// Why a dossier closed without an order, as the customer is told: `refused`,
/// `cancelled`, `abandoned` or `closed` (the module words each).
pub fn closed_reason(sofinco_code: &str) -> &'static str {
    match normalize_code(sofinco_code).as_str() {
        code::REFUSED => "refused",
        code::CANCELLED => "cancelled",
        code::ABANDONED => "abandoned",
        _ => "closed",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    #[test]
    fn every_code_maps_as_design_says() {
        assert_eq!(state_for("ATT").unwrap(), Some(InStudy));
        assert_eq!(state_for("ETU").unwrap(), Some(InStudy));
        assert_eq!(state_for("CLI").unwrap(), Some(AwaitingCustomer));
        assert_eq!(state_for("AFI").unwrap(), Some(AwaitingFunding));
        assert_eq!(state_for("FIN").unwrap(), Some(Funded));
        assert_eq!(state_for("REF").unwrap(), Some(Refused));
        assert_eq!(state_for("ANN").unwrap(), Some(Cancelled));
        assert_eq!(state_for("ABD").unwrap(), Some(Cancelled));
        assert_eq!(state_for("NFD").unwrap(), Some(NotFound));
        assert_eq!(state_for("ERR").unwrap(), Some(TechError));
        assert_eq!(state_for("UKW").unwrap(), None);
    }

    #[test]
    fn codes_are_trimmed_and_case_insensitive() {
        assert_eq!(state_for(" etu\n").unwrap(), Some(InStudy));
        assert_eq!(state_for("Fin").unwrap(), Some(Funded));
    }

    #[test]
    fn unknown_codes_are_errors_naming_the_code() {
        let err = state_for("XYZ").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnknownStatus);
        assert!(err.to_string().contains("XYZ"));
        assert!(state_for("").is_err());
    }

    #[test]
    fn values_are_those_of_the_php_api_and_read_back() {
        let values: Vec<_> = OrderState::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(
            values,
            [
                "in_study",
                "awaiting_customer",
                "awaiting_funding",
                "funding_requested",
                "funded",
                "refused",
                "cancelled",
                "not_found",
                "tech_error",
                "prestashop_cancelled"
            ]
        );
        for s in OrderState::ALL {
            assert_eq!(OrderState::parse(s.as_str()), Some(s));
        }
        assert_eq!(OrderState::parse("SOFINCO_OS_FUNDED"), None);
    }

    #[test]
    fn approved_orders_are_created_in_study_then_moved_funded_ones_directly() {
        assert_eq!(
            creation_path(AwaitingFunding),
            (InStudy, Some(AwaitingFunding))
        );
        assert_eq!(
            creation_path(FundingRequested),
            (InStudy, Some(FundingRequested))
        );
        assert_eq!(creation_path(Funded), (Funded, None));
        assert_eq!(creation_path(InStudy), (InStudy, None));
        assert_eq!(creation_path(TechError), (TechError, None));
    }

    #[test]
    fn cancel_only_while_the_order_follows_a_live_unfunded_dossier() {
        assert!(can_cancel(Some(InStudy), "ETU", "SBX1"));
        assert!(can_cancel(Some(AwaitingFunding), "afi", "SBX1"));
        assert!(!can_cancel(Some(AwaitingFunding), "AFI", ""), "no contract");
        assert!(!can_cancel(Some(Funded), "FIN", "SBX1"));
        assert!(!can_cancel(Some(AwaitingFunding), "FIN", "SBX1"));
        assert!(!can_cancel(None, "ETU", "SBX1"), "moved by hand");
        assert!(!can_cancel(Some(PrestashopCancelled), "ETU", "SBX1"));
        assert!(!can_cancel(Some(Refused), "REF", "SBX1"));
        assert!(!can_cancel(Some(Cancelled), "ANN", "SBX1"));
        assert!(
            can_cancel(Some(TechError), "AFI", "SBX1"),
            "held for its amount"
        );
        assert!(
            !can_cancel(Some(TechError), "ERR", "SBX1"),
            "no live dossier"
        );
    }

    #[test]
    fn refusals_and_cancellations_release_stock() {
        let released: Vec<_> = OrderState::ALL
            .into_iter()
            .filter(|s| releases_stock(Some(*s)))
            .collect();
        assert_eq!(released, vec![Refused, Cancelled]);
        assert!(!releases_stock(None));
        assert_eq!(closed_reason(" ref"), "refused");
        assert_eq!(closed_reason("XYZ"), "closed");
    }

    #[test]
    fn final_and_synced_states() {
        let finals: Vec<_> = STATES
            .iter()
            .filter(|s| s.is_final)
            .map(|s| s.state)
            .collect();
        assert_eq!(finals, vec![Funded, Refused, Cancelled]);
        assert!(
            is_synced(Some(NotFound))
                && is_synced(Some(TechError))
                && is_synced(Some(FundingRequested))
        );
        assert!(!is_synced(Some(Funded)) && !is_synced(Some(PrestashopCancelled)));
        assert!(!is_synced(None));
    }

    #[test]
    fn funding_only_from_awaiting_funding() {
        let allowed: Vec<_> = OrderState::ALL
            .into_iter()
            .filter(|s| can_request_funding(Some(*s)))
            .collect();
        assert_eq!(allowed, vec![AwaitingFunding]);
        assert!(!can_request_funding(None));
    }

    #[test]
    fn groups_follow_the_spec() {
        assert_eq!(group(InStudy).unwrap(), Group::Pending);
        assert_eq!(group(FundingRequested).unwrap(), Group::Validated);
        assert_eq!(group(TechError).unwrap(), Group::Cancelled);
        assert!(group(PrestashopCancelled).is_err());
    }
}
