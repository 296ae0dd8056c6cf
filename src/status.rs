//! The status table: Sofinco's dossier codes, the module's order states and their groups
//! (design.md §3, spec-fr.md §6 and §7). Pure data, no PHP.

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

/// One order state the module installs in PrestaShop.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OrderState {
    pub key: &'static str,
    pub label_fr: &'static str,
    pub label_en: &'static str,
    pub color: &'static str,
    /// PrestaShop's `paid` flag: the money is in.
    pub paid: bool,
    /// PrestaShop's `logable` flag: the order counts as validated in statistics.
    pub logable: bool,
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

const fn state(
    key: &'static str,
    label_fr: &'static str,
    label_en: &'static str,
    color: &'static str,
    group: Group,
    is_final: bool,
) -> OrderState {
    let validated = matches!(group, Group::Validated);
    OrderState {
        key,
        label_fr,
        label_en,
        color,
        paid: false,
        logable: validated,
        is_final,
        group,
    }
}

/// Every order state of the module, in workflow order.
pub const STATES: [OrderState; 9] = [
    state(
        IN_STUDY,
        "Dossier en étude Sofinco",
        "Sofinco application under review",
        "#4169e1",
        Group::Pending,
        false,
    ),
    state(
        AWAITING_CUSTOMER,
        "Dossier en attente retour client Sofinco",
        "Sofinco application awaiting the customer",
        "#ff8c00",
        Group::Pending,
        false,
    ),
    state(
        AWAITING_FUNDING,
        "Dossier en attente de financement Sofinco",
        "Sofinco application approved, awaiting funding request",
        "#8a2be2",
        Group::Validated,
        false,
    ),
    state(
        FUNDING_REQUESTED,
        "Financement demandé Sofinco",
        "Sofinco funding requested",
        "#20b2aa",
        Group::Validated,
        false,
    ),
    OrderState {
        paid: true,
        ..state(
            FUNDED,
            "Dossier financé Sofinco",
            "Sofinco application funded",
            "#32cd32",
            Group::Validated,
            true,
        )
    },
    state(
        REFUSED,
        "Dossier refusé Sofinco",
        "Sofinco application refused",
        "#dc143c",
        Group::Cancelled,
        true,
    ),
    state(
        CANCELLED,
        "Dossier annulé ou sans suite Sofinco",
        "Sofinco application cancelled or abandoned",
        "#8b0000",
        Group::Cancelled,
        true,
    ),
    state(
        NOT_FOUND,
        "Dossier non trouvé Sofinco",
        "Sofinco application not found",
        "#a9a9a9",
        Group::Cancelled,
        false,
    ),
    state(
        TECH_ERROR,
        "Dossier non traité suite erreur technique Sofinco",
        "Sofinco application not processed (technical error)",
        "#696969",
        Group::Cancelled,
        false,
    ),
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
    fn only_funded_is_paid_and_validated_states_are_logable() {
        for s in STATES {
            assert_eq!(s.paid, s.key == FUNDED, "{}", s.key);
            assert_eq!(s.logable, s.group == Group::Validated, "{}", s.key);
            assert!(s.color.len() == 7 && s.color.starts_with('#'));
        }
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
