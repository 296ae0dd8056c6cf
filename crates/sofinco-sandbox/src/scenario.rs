//! Scenario rules: what a signed dossier becomes, keyed by the customer's last name so a
//! test picks its outcome through the ordinary journey.

use sofinco_core::contract::status;

/// The status a dossier takes when the customer signs.
///
/// - last name starting with `REFUS`: refused (REF);
/// - starting with `ACCORD`: approved at once, waiting for funding (AFI);
/// - starting with `ATTENTE`: waiting for the customer's documents (CLI);
/// - otherwise: in study (ETU), moved by the control routes or `--auto-advance`.
pub fn status_after_signature(last_name: &str) -> &'static str {
    let name = last_name.trim().to_ascii_uppercase();
    if name.starts_with("REFUS") {
        status::REFUSED
    } else if name.starts_with("ACCORD") {
        status::AWAITING_FUNDING
    } else if name.starts_with("ATTENTE") {
        status::AWAITING_CUSTOMER
    } else {
        status::IN_STUDY
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rules() {
        assert_eq!(status_after_signature("Refusé"), status::REFUSED);
        assert_eq!(status_after_signature("accord"), status::AWAITING_FUNDING);
        assert_eq!(status_after_signature("Attente"), status::AWAITING_CUSTOMER);
        assert_eq!(status_after_signature("Dupont"), status::IN_STUDY);
    }
}
