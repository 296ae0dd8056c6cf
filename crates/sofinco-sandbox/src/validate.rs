//! Field rules Sofinco documents (design.md §2), checked as its API checks them.

use axum::http::StatusCode;

use sofinco_core::contract::{rules, BusinessContext};

use crate::cli::Options;
use crate::errors::{ApiError, ApiResult};

fn upper_alnum(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// businessProviderId and equipmentCode: well formed, and among the accepted values when
/// the command line names some.
pub fn partner(
    options: &Options,
    provider: Option<&str>,
    equipment: Option<&str>,
) -> ApiResult<()> {
    let provider = provider.unwrap_or("");
    if provider.len() != rules::BUSINESS_PROVIDER_ID_LEN
        || !upper_alnum(provider)
        || !(options.business_provider_ids.is_empty()
            || options.business_provider_ids.iter().any(|p| p == provider))
    {
        return Err(ApiError::object(
            StatusCode::BAD_REQUEST,
            "INVALID_BUSINESS_PROVIDER_ID",
            "Invalid businessProviderId",
            "Unknown or malformed businessProviderId",
        ));
    }
    let equipment = equipment.unwrap_or("");
    if equipment.len() != rules::EQUIPMENT_CODE_LEN
        || !upper_alnum(equipment)
        || !(options.equipment_codes.is_empty()
            || options.equipment_codes.iter().any(|e| e == equipment))
    {
        return Err(ApiError::object(
            StatusCode::BAD_REQUEST,
            "INVALID_EQUIPMENT_CODE",
            "Invalid equipmentCode",
            "Unknown or malformed equipmentCode",
        ));
    }
    Ok(())
}

pub fn order_id(id: &str) -> bool {
    id.len() <= rules::ORDER_ID_MAX && upper_alnum(id)
}

fn name(n: &str) -> bool {
    !n.trim().is_empty()
        && n.chars().count() <= rules::NAME_MAX
        && n.chars()
            .all(|c| c.is_ascii_alphabetic() || c == ' ' || c == '\'' || c == '-')
}

fn absolute_http(u: &str) -> bool {
    url::Url::parse(u)
        .map(|u| matches!(u.scheme(), "http" | "https") && u.host().is_some())
        .unwrap_or(false)
}

/// The business context of a link request; the first rule broken is the answer.
pub fn business_context(ctx: &BusinessContext) -> ApiResult<()> {
    let fail = |field: &str, why: &str| {
        Err(ApiError::bad_request(
            "INVALID_BUSINESS_CONTEXT",
            &format!("{field}: {why}"),
        ))
    };
    let offer = &ctx.offer_context;
    let customer = &ctx.customer_context;
    let provider = &ctx.provider_context;
    if !order_id(&offer.order_id) {
        return fail("orderId", "upper-case letters and digits, at most 20");
    }
    if !name(&customer.first_name) {
        return fail("firstName", "at most 20 of [a-zA-Z '-]");
    }
    if !name(&customer.last_name) {
        return fail("lastName", "at most 20 of [a-zA-Z '-]");
    }
    if !matches!(customer.civility_code.as_str(), "1" | "2" | "3") {
        return fail("civilityCode", "1, 2 or 3");
    }
    if offer.amount <= 0 || offer.order_amount <= 0 {
        return fail("amount", "a positive number of cents");
    }
    if !absolute_http(&provider.return_url) {
        return fail("returnUrl", "an absolute http(s) URL");
    }
    if !absolute_http(&provider.exchange_url) {
        return fail("exchangeUrl", "an absolute http(s) URL");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_rules() {
        assert!(order_id("PS1C42A1"));
        assert!(!order_id("ps1") && !order_id("") && !order_id(&"A".repeat(21)));
        assert!(name("Jean-Pierre O'Neil") && !name("Élodie") && !name(""));
        assert!(absolute_http("https://shop.example/x") && !absolute_http("/relative"));
        assert!(!absolute_http("ftp://x/"));
    }
}
