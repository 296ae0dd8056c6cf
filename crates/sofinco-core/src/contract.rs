//! Sofinco's partner API ("APIM") as we use it: every path, header, query parameter, field
//! name and code, shared by the client and the sandbox (design.md §2). Adapting to
//! Sofinco's partner documentation is a change of this file only.
//!
//! Request shapes, paths, headers, status codes, the token and the error formats are those
//! public integrations show. Bodies marked "assumed" are ours: no public code shows them.

use serde::{Deserialize, Serialize};

use crate::money::Euros;

/// Sofinco's recette (test) gateway, used when the module's "Mode test" is on.
pub const RECETTE_BASE_URL: &str = "https://rct-api.sofinco.fr";
/// Sofinco's production gateway.
pub const PRODUCTION_BASE_URL: &str = "https://api.sofinco.fr";

pub mod path {
    /// OAuth2 client-credentials token (HTTP Basic client_id:client_secret).
    pub const TOKEN: &str = "/token";
    pub const SIMULATIONS: &str = "/loanSimulation/v1/simulations/";
    /// The customer journey link.
    pub const LINKS: &str = "/partnerDataExchange/v1/links/";
    /// Dossiers, by our reference (query `partnerExternalId`) or `/{contractId}`.
    pub const CONTRACTS: &str = "/partnerLoanPortfolio/v1/contracts";
    pub const ORDER_STATUS_PREFIX: &str = "/orderStatusNotification/v1/contracts/";
    pub const DELIVER_SUFFIX: &str = "/order/deliver";
    pub const CANCEL_SUFFIX: &str = "/order/cancel";

    pub fn contract(contract_id: &str) -> String {
        format!("{CONTRACTS}/{contract_id}")
    }

    /// "Valider la demande de financement".
    pub fn deliver(contract_id: &str) -> String {
        format!("{ORDER_STATUS_PREFIX}{contract_id}{DELIVER_SUFFIX}")
    }

    pub fn cancel(contract_id: &str) -> String {
        format!("{ORDER_STATUS_PREFIX}{contract_id}{CANCEL_SUFFIX}")
    }
}

pub mod header {
    pub const CONTEXT_APPLICATION_ID: &str = "Context-Applicationid";
    /// The module's "Paramètre Q6".
    pub const CONTEXT_PARTNER_ID: &str = "Context-Partnerid";
    /// The module's "Paramètre X1".
    pub const CONTEXT_SOURCE_ID: &str = "Context-Sourceid";
    /// A UUID v4 per call: what Sofinco's support asks for.
    pub const CORRELATION_ID: &str = "Correlationid";
}

pub mod query {
    /// The module's "N° de commerçant Web".
    pub const BUSINESS_PROVIDER_ID: &str = "businessProviderId";
    /// The module's "Nature de bien partenaire".
    pub const EQUIPMENT_CODE: &str = "equipmentCode";
    pub const ORDER_ID: &str = "orderId";
    pub const PARTNER_EXTERNAL_ID: &str = "partnerExternalId";
}

/// The token request's form field and value.
pub const GRANT_TYPE_FIELD: &str = "grant_type";
pub const GRANT_TYPE: &str = "client_credentials";
/// The Context-Applicationid sent when the merchant configured none (assumed).
pub const DEFAULT_APPLICATION_ID: &str = "PRESTASHOP";

/// Field rules Sofinco documents.
pub mod rules {
    /// orderId / partnerExternalId: upper-case letters and digits.
    pub const ORDER_ID_MAX: usize = 20;
    /// firstName and lastName: `[a-zA-Z '-]`, at most this many characters.
    pub const NAME_MAX: usize = 20;
    pub const BUSINESS_PROVIDER_ID_LEN: usize = 11;
    pub const EQUIPMENT_CODE_LEN: usize = 3;
    /// The journey link's token lives this many minutes.
    pub const LINK_TOKEN_DURATION_MIN: u32 = 30;
    pub const LINK_TOKEN_FORMAT: &str = "OPAQUE";
}

/// Sofinco's dossier status codes (design.md §3).
pub mod status {
    pub const RECEIVED: &str = "ATT";
    pub const IN_STUDY: &str = "ETU";
    pub const AWAITING_CUSTOMER: &str = "CLI";
    pub const AWAITING_FUNDING: &str = "AFI";
    pub const FUNDED: &str = "FIN";
    pub const REFUSED: &str = "REF";
    pub const CANCELLED: &str = "ANN";
    pub const ABANDONED: &str = "ABD";
    pub const NOT_FOUND: &str = "NFD";
    pub const TECH_ERROR: &str = "ERR";
    pub const UNKNOWN: &str = "UKW";
}

/// Answer of `POST /token`. `expires_in` is ~1200 s but may be 0, negative or huge.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct TokenResponse {
    pub access_token: crate::secret::Secret,
    #[serde(default)]
    pub token_type: String,
    #[serde(default)]
    pub scope: Option<String>,
    #[serde(default, deserialize_with = "lenient_i64")]
    pub expires_in: i64,
}

/// Body of `POST /loanSimulation/v1/simulations/`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SimulationRequest {
    /// In euros.
    pub amount: Euros,
    pub business_provider_id: String,
    pub equipment_code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_numbers: Option<Vec<u32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale_code: Option<String>,
}

/// Answer of a simulation (assumed, in the vocabulary of Sofinco's v3 simulation).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct SimulationResponse {
    #[serde(default)]
    pub id: Option<String>,
    pub capital_amount: Euros,
    pub proposals: Vec<Proposal>,
}

/// One offer of a simulation (assumed); amounts in euros, rates in percent.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Proposal {
    pub due_number: u32,
    #[serde(default)]
    pub loan_duration: Option<u32>,
    #[serde(default)]
    pub scale_code: Option<String>,
    pub annual_debit_rate: f64,
    pub annual_global_effective_rate: f64,
    #[serde(default)]
    pub contract_fees: Euros,
    pub installment_without_insurance: Installment,
    pub total_amount_without_insurance: Euros,
    pub total_cost_without_insurance: Euros,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Installment {
    pub amount: Euros,
    pub first_amount: Euros,
    pub last_amount: Euros,
    #[serde(default)]
    pub total_due_number: Option<u32>,
}

/// Body of `POST /partnerDataExchange/v1/links/`; `business_context` is a JSON string of
/// [`BusinessContext`].
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct LinkRequest {
    pub token_format: String,
    pub token_duration: u32,
    pub business_context: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct BusinessContext {
    pub provider_context: ProviderContext,
    pub customer_context: CustomerContext,
    pub offer_context: OfferContext,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct ProviderContext {
    pub business_provider_id: String,
    pub return_url: String,
    pub exchange_url: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct CustomerContext {
    /// 1 Monsieur, 2 Madame, 3 Mademoiselle.
    pub civility_code: String,
    pub first_name: String,
    pub last_name: String,
    pub street: String,
    #[serde(default)]
    pub additional_street: String,
    pub zip_code: String,
    pub city: String,
    pub country_code: String,
    pub email_address: String,
    pub mobile_number: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct OfferContext {
    pub order_id: String,
    pub equipment_code: String,
    /// In cents, unlike every other amount of the API.
    pub amount: i64,
    /// In cents.
    pub order_amount: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duration: Option<u32>,
    pub awaiting_funding: bool,
}

/// Answer of the links call: the page the customer is sent to.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct LinkResponse {
    pub link: String,
}

/// Answer of `GET /partnerLoanPortfolio/v1/contracts?partnerExternalId=` (assumed).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct ContractList {
    #[serde(default)]
    pub contracts: Vec<Contract>,
}

/// One dossier (assumed). Dates as Sofinco sends them (`YYYY-MM-DD`, maybe with a time).
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Contract {
    pub contract_id: String,
    pub partner_external_id: String,
    pub status: String,
    /// In euros.
    pub amount: Euros,
    #[serde(default)]
    pub signature_date: Option<String>,
    #[serde(default)]
    pub funding_date: Option<String>,
}

/// What Sofinco POSTs to our `exchangeUrl`. Not signed: a hint, never trusted.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Notification {
    #[serde(rename = "ORDER_ID")]
    pub order_id: String,
    /// In euros.
    #[serde(rename = "AMOUNT")]
    pub amount: Euros,
    #[serde(rename = "CONTRACT_STATUS")]
    pub contract_status: String,
}

/// Sofinco's error shape 1: `{code, lib | shortlib | longlib | message, …}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct ErrorObject {
    #[serde(default, deserialize_with = "lenient_string")]
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lib: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shortlib: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub longlib: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// The gateway's own error shape: `{fault:{code, message, description}}`.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Fault {
    #[serde(default, deserialize_with = "lenient_string")]
    pub code: String,
    #[serde(default)]
    pub message: String,
    #[serde(default)]
    pub description: String,
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FaultEnvelope {
    pub fault: Fault,
}

/// Sofinco's code and readable message from an error body in any of the three shapes
/// (object, array of objects, gateway fault); `None` when the body is none of them.
pub fn read_error_body(body: &[u8]) -> Option<(String, String)> {
    let value: serde_json::Value = serde_json::from_slice(body).ok()?;
    if let Some(fault) = value.get("fault").filter(|f| f.is_object()) {
        let fault: Fault = serde_json::from_value(fault.clone()).ok()?;
        let message = [fault.message.as_str(), fault.description.as_str()]
            .iter()
            .filter(|s| !s.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(": ");
        return Some((fault.code, message));
    }
    let first = match &value {
        serde_json::Value::Array(items) => items.first()?.clone(),
        serde_json::Value::Object(_) => value.clone(),
        _ => return None,
    };
    // Only objects carry a code and a message (serde would read an array as a struct too).
    if !first.is_object() {
        return None;
    }
    let object: ErrorObject = serde_json::from_value(first).ok()?;
    let message = object
        .longlib
        .or(object.lib)
        .or(object.shortlib)
        .or(object.message)
        .unwrap_or_default();
    if object.code.is_empty() && message.is_empty() {
        return None;
    }
    Some((object.code, message))
}

/// Accepts a number or a numeric string (gateways are not consistent).
fn lenient_i64<'de, D: serde::Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    match serde_json::Value::deserialize(d)? {
        serde_json::Value::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().map(|f| f as i64))
            .ok_or_else(|| serde::de::Error::custom("not an integer")),
        serde_json::Value::String(s) => s
            .trim()
            .parse()
            .map_err(|_| serde::de::Error::custom("not an integer")),
        serde_json::Value::Null => Ok(0),
        _ => Err(serde::de::Error::custom("not an integer")),
    }
}

/// Accepts a string or a number as a code.
fn lenient_string<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(match serde_json::Value::deserialize(d)? {
        serde_json::Value::String(s) => s,
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_sofincos() {
        assert_eq!(
            path::contract("C1"),
            "/partnerLoanPortfolio/v1/contracts/C1"
        );
        assert_eq!(
            path::deliver("C1"),
            "/orderStatusNotification/v1/contracts/C1/order/deliver"
        );
        assert_eq!(
            path::cancel("C1"),
            "/orderStatusNotification/v1/contracts/C1/order/cancel"
        );
    }

    #[test]
    fn three_error_shapes_are_read() {
        let object = br#"{"code":"E102","shortlib":"bad","longlib":"Montant hors bareme"}"#;
        assert_eq!(
            read_error_body(object).unwrap(),
            ("E102".into(), "Montant hors bareme".into())
        );
        let array = br#"[{"code":"E2","shortlib":"Invalid equipmentCode"}]"#;
        assert_eq!(
            read_error_body(array).unwrap(),
            ("E2".into(), "Invalid equipmentCode".into())
        );
        let fault = br#"{"fault":{"code":900901,"message":"Invalid Credentials","description":"Access failure"}}"#;
        assert_eq!(
            read_error_body(fault).unwrap(),
            (
                "900901".into(),
                "Invalid Credentials: Access failure".into()
            )
        );
        assert!(read_error_body(b"<html>").is_none());
        assert!(read_error_body(b"{}").is_none());
    }

    #[test]
    fn token_expires_in_may_be_a_string() {
        let t: TokenResponse = serde_json::from_str(
            r#"{"access_token":"a","token_type":"Bearer","expires_in":"1200"}"#,
        )
        .unwrap();
        assert_eq!(t.expires_in, 1200);
    }

    #[test]
    fn notification_reads_upper_case_keys_and_exact_euros() {
        let n: Notification = serde_json::from_str(
            r#"{"ORDER_ID":"ps1c42a1","AMOUNT":1290.1,"CONTRACT_STATUS":"ETU"}"#,
        )
        .unwrap();
        assert_eq!(n.amount.cents(), 129010);
        assert_eq!(n.order_id, "ps1c42a1");
    }

    #[test]
    fn link_offer_amounts_are_cents() {
        let offer = OfferContext {
            order_id: "A1".into(),
            equipment_code: "ABC".into(),
            amount: 129010,
            order_amount: 129010,
            duration: None,
            awaiting_funding: true,
        };
        let json = serde_json::to_string(&offer).unwrap();
        assert!(json.contains(r#""amount":129010"#) && json.contains("awaitingFunding"));
        assert!(!json.contains("duration"));
    }
}
