//! What the client returns, in cents and plain values (design.md §2, "How the client's PHP
//! arrays read these answers").

use serde::{Deserialize, Serialize};

use crate::contract;
use crate::error::Result;

/// The legal notice consumer-credit law requires under an offer (Code de la consommation).
pub const LEGAL_NOTICE: &str = "Un crédit vous engage et doit être remboursé. Vérifiez vos capacités de remboursement avant de vous engager.";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Offer {
    pub duration_months: u32,
    pub monthly_payment_cents: i64,
    pub first_payment_cents: i64,
    pub last_payment_cents: i64,
    pub total_due_cents: i64,
    pub credit_cost_cents: i64,
    pub fees_cents: i64,
    /// Percent, e.g. 5.9.
    pub debit_rate: f64,
    /// Percent.
    pub taeg: f64,
}

impl From<&contract::Proposal> for Offer {
    fn from(p: &contract::Proposal) -> Self {
        let i = &p.installment_without_insurance;
        Offer {
            duration_months: p.due_number,
            monthly_payment_cents: i.amount.cents(),
            first_payment_cents: i.first_amount.cents(),
            last_payment_cents: i.last_amount.cents(),
            total_due_cents: p.total_amount_without_insurance.cents(),
            credit_cost_cents: p.total_cost_without_insurance.cents(),
            fees_cents: p.contract_fees.cents(),
            debit_rate: p.annual_debit_rate,
            taeg: p.annual_global_effective_rate,
        }
    }
}

impl Offer {
    /// No interest and no fees: the customer repays exactly the amount.
    pub fn is_free(&self) -> bool {
        self.credit_cost_cents == 0 && self.fees_cents == 0 && self.taeg == 0.0
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Simulation {
    pub offers: Vec<Offer>,
    pub cached: bool,
}

impl Simulation {
    /// The offer behind "à partir de X €/mois": the lowest monthly payment, the longest
    /// duration on a tie (the figure advertised is the one the example must explain).
    pub fn representative(&self) -> Option<&Offer> {
        self.offers.iter().min_by_key(|o| {
            (
                o.monthly_payment_cents,
                std::cmp::Reverse(o.duration_months),
            )
        })
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Address {
    pub line1: String,
    pub line2: String,
    pub postcode: String,
    pub city: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Customer {
    pub civility: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub address: Address,
}

#[derive(Debug, Clone, PartialEq)]
pub struct JourneyRequest {
    pub order_reference: String,
    pub amount_cents: i64,
    pub customer: Customer,
    pub return_url: String,
    pub notification_url: String,
    pub duration_months: Option<u32>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Journey {
    pub journey_url: String,
    pub order_reference: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dossier {
    pub contract_id: String,
    pub order_reference: String,
    pub amount_cents: i64,
    /// Sofinco's raw code.
    pub status: String,
    /// `Y-m-d`.
    pub signature_date: Option<String>,
    /// `Y-m-d`.
    pub funded_at: Option<String>,
}

impl Dossier {
    pub fn from_contract(c: &contract::Contract) -> Result<Self> {
        Ok(Dossier {
            contract_id: c.contract_id.clone(),
            order_reference: c.partner_external_id.to_ascii_uppercase(),
            amount_cents: c.amount.cents(),
            status: crate::status::normalize_code(&c.status),
            signature_date: c.signature_date.as_deref().and_then(ymd),
            funded_at: c.funding_date.as_deref().and_then(ymd),
        })
    }
}

/// "2026-11-26", "2026-11-26T10:00:00+01:00" → "2026-11-26"; anything else → None.
pub fn ymd(text: &str) -> Option<String> {
    let head = text.trim().get(..10)?;
    chrono::NaiveDate::parse_from_str(head, "%Y-%m-%d")
        .ok()
        .map(|d| d.format("%Y-%m-%d").to_string())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ack {
    pub accepted: bool,
    pub correlation_id: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotificationHint {
    pub order_reference: String,
    pub amount_cents: i64,
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConnectionReport {
    pub ok: bool,
    /// What the merchant is told, as a code: the module words it.
    pub code: ConnectionCode,
    /// The part that failed, None when it passed or nothing was sent.
    pub step: Option<ConnectionStep>,
    pub host: String,
    pub mode: &'static str,
    /// Offers the test simulation returned.
    pub offers: usize,
    pub http_status: u16,
    pub api_code: String,
    pub latency_ms: u64,
    /// An English detail for the logs and the tests, never shown to the merchant.
    pub message: String,
}

/// The two calls "Tester la connexion" makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnectionStep {
    Token,
    Simulation,
}

impl ConnectionStep {
    pub fn as_str(self) -> &'static str {
        match self {
            ConnectionStep::Token => "token",
            ConnectionStep::Simulation => "simulation",
        }
    }
}

/// The outcome of "Tester la connexion", one code per thing the merchant must fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConnectionCode {
    Ok,
    /// Sofinco refused the ClientId/SecretId of the current mode.
    AuthRefused,
    /// The token was given but Sofinco refused the merchant's identifiers
    /// (N° de commerçant Web, Nature de bien, Q6, X1).
    MerchantRefused,
    /// No answer: connection refused, DNS, TLS, timeout.
    Unreachable,
    /// The configuration cannot make a client (the API URL, a field).
    Config,
    /// Sofinco answered with a server error or a body we cannot read.
    ApiError,
}

impl ConnectionCode {
    pub fn as_str(self) -> &'static str {
        match self {
            ConnectionCode::Ok => "ok",
            ConnectionCode::AuthRefused => "auth_refused",
            ConnectionCode::MerchantRefused => "merchant_refused",
            ConnectionCode::Unreachable => "unreachable",
            ConnectionCode::Config => "config",
            ConnectionCode::ApiError => "api_error",
        }
    }

    /// The code for an error of `step`.
    pub fn of(step: ConnectionStep, e: &crate::error::Error) -> Self {
        use crate::error::ErrorKind;
        match e.kind() {
            ErrorKind::Auth => ConnectionCode::AuthRefused,
            ErrorKind::Transport => ConnectionCode::Unreachable,
            ErrorKind::Config | ErrorKind::InvalidInput => ConnectionCode::Config,
            // A 4xx on the simulation is Sofinco refusing what we sent: the identifiers.
            ErrorKind::Api | ErrorKind::NotFound
                if step == ConnectionStep::Simulation && (400..500).contains(&e.http_status()) =>
            {
                ConnectionCode::MerchantRefused
            }
            _ => ConnectionCode::ApiError,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn connection_codes_name_what_to_fix() {
        use crate::error::{Error, ErrorKind};
        let code = |step, e: Error| ConnectionCode::of(step, &e).as_str();
        let refused = Error::api(ErrorKind::Auth, 401, "", "bad secret");
        assert_eq!(code(ConnectionStep::Token, refused), "auth_refused");
        let provider = Error::api(ErrorKind::Api, 400, "INVALID_BUSINESS_PROVIDER_ID", "x");
        assert_eq!(
            code(ConnectionStep::Simulation, provider),
            "merchant_refused"
        );
        let down = Error::api(ErrorKind::Api, 503, "", "down");
        assert_eq!(code(ConnectionStep::Simulation, down), "api_error");
        assert_eq!(
            code(ConnectionStep::Token, Error::transport("timeout")),
            "unreachable"
        );
        assert_eq!(code(ConnectionStep::Token, Error::config("url")), "config");
    }

    #[test]
    fn the_headline_offer_is_the_lowest_monthly_and_free_offers_are_known() {
        let offer = |months: u32, monthly: i64, cost: i64, taeg: f64| Offer {
            duration_months: months,
            monthly_payment_cents: monthly,
            first_payment_cents: monthly,
            last_payment_cents: monthly,
            total_due_cents: monthly * i64::from(months),
            credit_cost_cents: cost,
            fees_cents: 0,
            debit_rate: taeg,
            taeg,
        };
        let sim = Simulation {
            offers: vec![
                offer(3, 43_000, 0, 0.0),
                offer(24, 5_760, 9_240, 7.12),
                offer(48, 3_143, 21_864, 8.19),
                offer(60, 3_143, 30_000, 9.0),
            ],
            cached: false,
        };
        assert_eq!(sim.representative().unwrap().duration_months, 60);
        assert!(sim.offers[0].is_free());
        assert!(!sim.offers[1].is_free());
        assert!(Simulation {
            offers: vec![],
            cached: false
        }
        .representative()
        .is_none());
    }

    #[test]
    fn dates_are_normalised() {
        assert_eq!(ymd("2026-11-26").as_deref(), Some("2026-11-26"));
        assert_eq!(
            ymd("2026-11-26T10:00:00+01:00").as_deref(),
            Some("2026-11-26")
        );
        assert_eq!(ymd("26/11/2026"), None);
        assert_eq!(ymd(""), None);
        assert_eq!(ymd("2026-13-01"), None);
    }
}
