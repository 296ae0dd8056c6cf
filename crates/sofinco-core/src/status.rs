//! The status table: Sofinco's dossier codes, the module's order states and their groups
//! (design.md §3, spec-fr.md §6 and §7). Pure data, no PHP.

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

/// One order state the module installs in PrestaShop. Its name, colour and PrestaShop
/// flags are presentation: the module owns them (SofincoStates), through translations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderState {
    pub key: &'static str,
    /// No further sync once reached (NOT_FOUND and TECH_ERROR become final only after
    /// DossierSync's grace period, so they are not final here).
    pub is_final: bool,
    pub group: Group,
}

pub const IN_STUDY: &str = "SOFINCO_OS_IN_STUDY";
pub const AWAITING_CUSTOMER: &str = "SOFINCO_OS_AWAITING_CUSTOMER";
pub const AWAITING_FUNDING: &str = "SOFINCO_OS_AWAITING_FUNDING";
pub const FUNDING_REQUESTED: &str = "SOFINCO_OS_FUNDING_REQUESTED";
pub const FUNDED: &str = "SOFINCO_OS_FUNDED";
pub const REFUSED: &str = "SOFINCO_OS_REFUSED";
pub const CANCELLED: &str = "SOFINCO_OS_CANCELLED";
pub const NOT_FOUND: &str = "SOFINCO_OS_NOT_FOUND";
pub const TECH_ERROR: &str = "SOFINCO_OS_TECH_ERROR";
/// PrestaShop's own "Annulé" (PS_OS_CANCELED), where a refused or cancelled order goes
/// next: PrestaShop gives stock back only for that state (OrderHistory::changeIdOrderState).
pub const PS_CANCELED: &str = "PS_OS_CANCELED";

const fn state(key: &'static str, group: Group, is_final: bool) -> OrderState {
    OrderState {
        key,
        is_final,
        group,
    }
}

/// Every order state of the module, in workflow order.
pub const STATES: [OrderState; 9] = [
    state(IN_STUDY, Group::Pending, false),
    state(AWAITING_CUSTOMER, Group::Pending, false),
    state(AWAITING_FUNDING, Group::Validated, false),
    state(FUNDING_REQUESTED, Group::Validated, false),
    state(FUNDED, Group::Validated, true),
    state(REFUSED, Group::Cancelled, true),
    state(CANCELLED, Group::Cancelled, true),
    state(NOT_FOUND, Group::Cancelled, false),
    state(TECH_ERROR, Group::Cancelled, false),
];

/// Sofinco's codes and the state each one maps to; `None` means "no change, ask again".
const CODES: [(&str, Option<&str>); 11] = [
    ("ATT", Some(IN_STUDY)),
    ("ETU", Some(IN_STUDY)),
    ("CLI", Some(AWAITING_CUSTOMER)),
    ("AFI", Some(AWAITING_FUNDING)),
    ("FIN", Some(FUNDED)),
    ("REF", Some(REFUSED)),
    ("ANN", Some(CANCELLED)),
    ("ABD", Some(CANCELLED)),
    ("NFD", Some(NOT_FOUND)),
    ("ERR", Some(TECH_ERROR)),
    ("UKW", None),
];

/// Normalises a code as Sofinco may send it (" etu ", "Etu").
pub fn normalize_code(code: &str) -> String {
    code.trim().to_ascii_uppercase()
}

/// The order state for a Sofinco code, `Ok(None)` for UKW, an error for any other code.
pub fn state_for(code: &str) -> Result<Option<&'static str>> {
    let normalized = normalize_code(code);
    CODES
        .iter()
        .find(|(known, _)| *known == normalized)
        .map(|(_, state)| *state)
        .ok_or_else(|| Error::unknown_status(code))
}

/// The state with this key, if it is one of the module's.
pub fn find(key: &str) -> Option<&'static OrderState> {
    STATES.iter().find(|s| s.key == key)
}

/// The group of a module state key; an error for keys that are not the module's.
pub fn group(key: &str) -> Result<Group> {
    find(key)
        .map(|s| s.group)
        .ok_or_else(|| Error::unknown_state_key(key))
}

/// Whether the crons still follow an order in this state. A state that is not the
/// module's was set by hand and takes the order out of the workflow (spec-fr.md §8).
pub fn is_synced(key: &str) -> bool {
    find(key).is_some_and(|s| !s.is_final)
}

/// Only an approved dossier awaiting the merchant may be sent for funding.
pub fn can_request_funding(key: &str) -> bool {
    key == AWAITING_FUNDING
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
pub fn can_cancel(state_key: &str, sofinco_code: &str, contract_id: &str) -> bool {
    let state_ok = matches!(
        state_key,
        IN_STUDY | AWAITING_CUSTOMER | AWAITING_FUNDING | FUNDING_REQUESTED | TECH_ERROR
    );
    state_ok
        && !contract_id.trim().is_empty()
        && is_alive_code(sofinco_code)
        && normalize_code(sofinco_code) != code::FUNDED
}

/// Reaching this state ends the dossier without money: the order's products go back to
/// stock, through PrestaShop's own cancelled state.
pub fn releases_stock(state_key: &str) -> bool {
    matches!(state_key, REFUSED | CANCELLED)
}

/// The state an order is created in, and the state it is moved to right after.
/// PrestaShop's validateOrder books a payment for the full amount when the initial state
/// is "logable" (approved), while OrderHistory books one only on a paid state: an approved,
/// not yet funded dossier is created in study and moved, so money is booked once, at FIN.
pub fn creation_path(state_key: &'static str) -> (&'static str, Option<&'static str>) {
    match group(state_key) {
        Ok(Group::Validated) if state_key != FUNDED => (IN_STUDY, Some(state_key)),
        _ => (state_key, None),
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
        assert_eq!(state_for("ATT").unwrap(), Some(IN_STUDY));
        assert_eq!(state_for("ETU").unwrap(), Some(IN_STUDY));
        assert_eq!(state_for("CLI").unwrap(), Some(AWAITING_CUSTOMER));
        assert_eq!(state_for("AFI").unwrap(), Some(AWAITING_FUNDING));
        assert_eq!(state_for("FIN").unwrap(), Some(FUNDED));
        assert_eq!(state_for("REF").unwrap(), Some(REFUSED));
        assert_eq!(state_for("ANN").unwrap(), Some(CANCELLED));
        assert_eq!(state_for("ABD").unwrap(), Some(CANCELLED));
        assert_eq!(state_for("NFD").unwrap(), Some(NOT_FOUND));
        assert_eq!(state_for("ERR").unwrap(), Some(TECH_ERROR));
        assert_eq!(state_for("UKW").unwrap(), None);
    }

    #[test]
    fn codes_are_trimmed_and_case_insensitive() {
        assert_eq!(state_for(" etu\n").unwrap(), Some(IN_STUDY));
        assert_eq!(state_for("Fin").unwrap(), Some(FUNDED));
    }

    #[test]
    fn unknown_codes_are_errors_naming_the_code() {
        let err = state_for("XYZ").unwrap_err();
        assert_eq!(err.kind(), ErrorKind::UnknownStatus);
        assert!(err.to_string().contains("XYZ"));
        assert!(state_for("").is_err());
    }

    #[test]
    fn approved_orders_are_created_in_study_then_moved_funded_ones_directly() {
        assert_eq!(
            creation_path(AWAITING_FUNDING),
            (IN_STUDY, Some(AWAITING_FUNDING))
        );
        assert_eq!(
            creation_path(FUNDING_REQUESTED),
            (IN_STUDY, Some(FUNDING_REQUESTED))
        );
        assert_eq!(creation_path(FUNDED), (FUNDED, None));
        assert_eq!(creation_path(IN_STUDY), (IN_STUDY, None));
        assert_eq!(creation_path(TECH_ERROR), (TECH_ERROR, None));
    }

    #[test]
    fn cancel_only_while_the_order_follows_a_live_unfunded_dossier() {
        assert!(can_cancel(IN_STUDY, "ETU", "SBX1"));
        assert!(can_cancel(AWAITING_FUNDING, "afi", "SBX1"));
        assert!(!can_cancel(AWAITING_FUNDING, "AFI", ""), "no contract");
        assert!(!can_cancel(FUNDED, "FIN", "SBX1"));
        assert!(!can_cancel(AWAITING_FUNDING, "FIN", "SBX1"));
        assert!(!can_cancel("PS_STATE_4", "ETU", "SBX1"), "moved by hand");
        assert!(!can_cancel(REFUSED, "REF", "SBX1"));
        assert!(!can_cancel(CANCELLED, "ANN", "SBX1"));
        assert!(can_cancel(TECH_ERROR, "AFI", "SBX1"), "held for its amount");
        assert!(!can_cancel(TECH_ERROR, "ERR", "SBX1"), "no live dossier");
    }

    #[test]
    fn refusals_and_cancellations_release_stock() {
        let released: Vec<_> = STATES
            .iter()
            .filter(|s| releases_stock(s.key))
            .map(|s| s.key)
            .collect();
        assert_eq!(released, vec![REFUSED, CANCELLED]);
        assert_eq!(closed_reason(" ref"), "refused");
        assert_eq!(closed_reason("XYZ"), "closed");
    }

    #[test]
    fn final_and_synced_states() {
        let finals: Vec<_> = STATES
            .iter()
            .filter(|s| s.is_final)
            .map(|s| s.key)
            .collect();
        assert_eq!(finals, vec![FUNDED, REFUSED, CANCELLED]);
        assert!(is_synced(NOT_FOUND) && is_synced(TECH_ERROR) && is_synced(FUNDING_REQUESTED));
        assert!(!is_synced(FUNDED) && !is_synced("PS_OS_SHIPPING") && !is_synced(""));
    }

    #[test]
    fn funding_only_from_awaiting_funding() {
        let allowed: Vec<_> = STATES
            .iter()
            .filter(|s| can_request_funding(s.key))
            .map(|s| s.key)
            .collect();
        assert_eq!(allowed, vec![AWAITING_FUNDING]);
    }

    #[test]
    fn groups_follow_the_spec() {
        assert_eq!(group(IN_STUDY).unwrap(), Group::Pending);
        assert_eq!(group(FUNDING_REQUESTED).unwrap(), Group::Validated);
        assert_eq!(group(TECH_ERROR).unwrap(), Group::Cancelled);
        assert!(group("PS_OS_PAYMENT").is_err());
    }
}
