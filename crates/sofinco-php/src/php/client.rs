//! `Sofinco\SofincoClient`: the API client for the module (design.md §2).
// PHP parameter names are camelCase: PHP 8 named arguments use them.
#![allow(non_snake_case)]

use std::sync::Arc;

use ext_php_rs::binary_slice::BinarySlice;
use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendHashTable;

use super::array::PhpArray;
use super::guard::guard;
use super::inputs::{ClientConfig as ConfigInput, JourneyOrder};
use super::values::{self, Dossier, Simulation};
use crate::api;
use crate::client::availability::Availability as CoreAvailability;
use crate::client::config::{self, price_range_problem, ClientConfig, Mode};
use crate::client::types;
use crate::client::SofincoClient as Core;
use crate::error::{Error, Result};

/// Whether Sofinco can be offered for an amount (`SofincoClient::availability`).
#[php_enum]
#[php(name = "Sofinco\\Availability")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    #[php(value = "offered")]
    Offered,
    #[php(value = "below_minimum")]
    BelowMinimum,
    #[php(value = "above_maximum")]
    AboveMaximum,
    #[php(value = "out_of_range")]
    OutOfRange,
    #[php(value = "unknown")]
    Unknown,
}

impl From<CoreAvailability> for Availability {
    fn from(a: CoreAvailability) -> Self {
        match a {
            CoreAvailability::Offered => Availability::Offered,
            CoreAvailability::BelowMinimum => Availability::BelowMinimum,
            CoreAvailability::AboveMaximum => Availability::AboveMaximum,
            CoreAvailability::OutOfRange => Availability::OutOfRange,
            CoreAvailability::Unknown => Availability::Unknown,
        }
    }
}

#[php_class]
#[php(name = "Sofinco\\SofincoClient")]
pub struct SofincoClient {
    pub(crate) inner: Arc<Core>,
}

fn ack_array(ack: &types::Ack) -> Result<ZBox<ZendHashTable>> {
    Ok(PhpArray::new()
        .with("accepted", ack.accepted)?
        .with("correlation_id", ack.correlation_id.as_str())?
        .into_table())
}

#[php_impl]
impl SofincoClient {
    /// Validates the whole configuration at once (ConfigException lists every problem).
    pub fn __construct(config: &ConfigInput) -> PhpResult<Self> {
        guard(|| {
            let entries = api::inputs::client_config_entries(&config.object());
            Ok(SofincoClient {
                inner: Arc::new(Core::from_entries(&entries)?),
            })
        })
    }

    /// Every problem of a ClientConfig, without building a client or calling
    /// anyone: a list of `['key' => …, 'code' => …, 'message' => …]` (codes for the module
    /// to word: required, invalid, unknown_key, url_not_clean, url_plain_http,
    /// url_not_sofinco, secret_for_another_url), empty when the constructor would accept it.
    #[php(name = "checkConfig")]
    pub fn check_config(config: &ConfigInput) -> PhpResult<ZBox<ZendHashTable>> {
        guard(|| {
            let mut rows = PhpArray::new();
            let entries = api::inputs::client_config_entries(&config.object());
            if let Err(problems) = ClientConfig::check(&entries) {
                for p in problems {
                    let row = PhpArray::new()
                        .with("key", p.key.as_str())?
                        .with("code", p.code)?
                        .with("message", p.message.as_str())?;
                    rows.push(row.into_table())?;
                }
            }
            Ok(rows.into_table())
        })
    }

    /// The API URL a mode ("test" or "production") calls with this setting ('' for
    /// Sofinco's), written as the client compares it: what a secret is saved with, as
    /// `client_secret_url`. ConfigException when the setting is not a clean URL.
    #[php(name = "apiUrlFor")]
    pub fn api_url_for(mode: String, apiUrl: String) -> PhpResult<String> {
        guard(|| {
            let mode = Mode::parse(&mode)
                .ok_or_else(|| Error::config("mode must be \"test\" or \"production\""))?;
            config::api_url_for(mode, Some(apiUrl.as_str()))
                .map(|url| url.as_str().to_string())
                .map_err(|_| Error::config("the API URL is not a clean absolute https URL"))
        })
    }

    /// Offers for an amount, from the disk cache when warm.
    #[php(defaults(durations = Vec::<i64>::new()))]
    pub fn simulate(&self, amountCents: i64, durations: Vec<i64>) -> PhpResult<Simulation> {
        guard(|| {
            let wanted = api::durations(&durations, "durations")?;
            Ok(values::simulation(
                self.inner.simulate(amountCents, &wanted)?,
            ))
        })
    }

    /// The cached offers for an amount, or null: never a network call, so a page can
    /// render the simulator without waiting on Sofinco.
    #[php(name = "cachedSimulation", defaults(durations = Vec::<i64>::new()))]
    pub fn cached_simulation(
        &self,
        amountCents: i64,
        durations: Vec<i64>,
    ) -> PhpResult<Option<Simulation>> {
        guard(|| {
            let wanted = api::durations(&durations, "durations")?;
            Ok(self
                .inner
                .cached_simulation(amountCents, &wanted)?
                .map(values::simulation))
        })
    }

    /// Whether Sofinco can be offered for an amount: the configured min_price_cents and
    /// max_price_cents, then Sofinco's cached answer for the amount (offers, or its refusal
    /// of the amount). With `ask`, an amount not answered yet is simulated once with this
    /// client's timeout; never throws (what cannot be known is Unknown).
    #[php(defaults(ask = false))]
    pub fn availability(&self, amountCents: i64, ask: bool) -> PhpResult<Availability> {
        guard(|| Ok(self.inner.availability(amountCents, ask).into()))
    }

    /// Whether a minimum and a maximum price in cents (0: no maximum) are a range the
    /// client accepts as min_price_cents and max_price_cents (the configuration form).
    #[php(name = "priceRangeValid")]
    pub fn price_range_valid(minCents: i64, maxCents: i64) -> bool {
        price_range_problem(minCents, maxCents).is_none()
    }

    /// Asks Sofinco for the customer journey; returns its URL.
    #[php(name = "createJourney")]
    pub fn create_journey(&self, order: &JourneyOrder) -> PhpResult<ZBox<ZendHashTable>> {
        guard(|| {
            let request = api::inputs::journey_request(&order.object())?;
            let journey = self.inner.create_journey(&request)?;
            Ok(PhpArray::new()
                .with("journey_url", journey.journey_url.as_str())?
                .with("order_reference", journey.order_reference.as_str())?
                .into_table())
        })
    }

    /// The dossier for our reference, or null when Sofinco knows none.
    #[php(name = "findDossier")]
    pub fn find_dossier(&self, orderReference: String) -> PhpResult<Option<Dossier>> {
        guard(|| {
            Ok(self
                .inner
                .find_dossier(&orderReference)?
                .map(values::dossier))
        })
    }

    /// The dossier by contract number (NotFoundException when unknown).
    #[php(name = "getDossier")]
    pub fn get_dossier(&self, contractId: String, orderReference: String) -> PhpResult<Dossier> {
        guard(|| {
            Ok(values::dossier(
                self.inner.get_dossier(&contractId, &orderReference)?,
            ))
        })
    }

    /// "Valider la demande de financement" (deliver).
    #[php(name = "requestFunding")]
    pub fn request_funding(
        &self,
        contractId: String,
        orderReference: String,
    ) -> PhpResult<ZBox<ZendHashTable>> {
        guard(|| ack_array(&self.inner.request_funding(&contractId, &orderReference)?))
    }

    /// "Annuler le dossier chez Sofinco" (cancel).
    #[php(name = "cancelDossier")]
    pub fn cancel_dossier(
        &self,
        contractId: String,
        orderReference: String,
    ) -> PhpResult<ZBox<ZendHashTable>> {
        guard(|| ack_array(&self.inner.cancel_dossier(&contractId, &orderReference)?))
    }

    /// Reads an exchangeUrl body (no network; never trust it: fetch the dossier).
    #[php(name = "parseNotification")]
    pub fn parse_notification(&self, body: BinarySlice<u8>) -> PhpResult<ZBox<ZendHashTable>> {
        guard(|| {
            let hint = Core::parse_notification(api::utf8(&body, "notification body")?)?;
            Ok(PhpArray::new()
                .with("order_reference", hint.order_reference.as_str())?
                .with("amount_cents", hint.amount_cents)?
                .with("status", hint.status.as_str())?
                .into_table())
        })
    }

    /// "Tester la connexion": a fresh token and a small simulation. `code` (ok,
    /// auth_refused, merchant_refused, unreachable, config, api_error) and its parameters
    /// are for the module to word; `message` is an English detail for the logs.
    #[php(name = "testConnection")]
    pub fn test_connection(&self) -> PhpResult<ZBox<ZendHashTable>> {
        guard(|| {
            let report = self.inner.test_connection();
            Ok(PhpArray::new()
                .with("ok", report.ok)?
                .with("code", report.code.as_str())?
                .with("step", report.step.map(|s| s.as_str()).unwrap_or(""))?
                .with("host", report.host.as_str())?
                .with("mode", report.mode)?
                .with("offers", report.offers as i64)?
                .with("http_status", report.http_status as i64)?
                .with("api_code", report.api_code.as_str())?
                .with("latency_ms", report.latency_ms as i64)?
                .with("message", report.message.as_str())?
                .into_table())
        })
    }
}
