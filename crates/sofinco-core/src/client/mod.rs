//! The Sofinco API client (design.md §2): blocking methods for PHP, async ones for the
//! concurrent sync. Nothing here depends on the sandbox: it speaks to whatever gateway
//! `base_url` names.

pub mod availability;
mod cache;
pub mod config;
pub mod engine;
pub mod fields;
pub mod log;
mod redact;
mod token;
mod token_file;
mod transport;
pub mod types;

use std::time::Instant;

use reqwest::Method;

use crate::contract::{self, path, query, rules};
use crate::error::{Error, ErrorKind, Result};
use crate::money::Euros;
use availability::{Availability, SofincoAnswer};
use config::ClientConfig;
use transport::{decode, Call, Repeat, Transport};
use types::*;

pub use config::{ConfigValue, Mode};

/// Amounts the client accepts: a cent to ten million euros.
pub(crate) const MAX_AMOUNT_CENTS: i64 = 1_000_000_000;

pub struct SofincoClient {
    transport: Transport,
}

impl SofincoClient {
    pub fn new(config: ClientConfig) -> Self {
        SofincoClient {
            transport: Transport::new(config),
        }
    }

    pub fn from_entries(entries: &[(String, ConfigValue)]) -> Result<Self> {
        Ok(Self::new(ClientConfig::from_entries(entries)?))
    }

    pub fn config(&self) -> &ClientConfig {
        &self.transport.config
    }

    pub fn http(&self) -> Result<reqwest::Client> {
        self.transport.http()
    }

    /// How long this worker keeps its token before asking for a new one (None: it has
    /// none), whatever lifetime Sofinco announced.
    pub fn token_refresh_in(&self) -> Option<std::time::Duration> {
        self.transport.token_refresh_in()
    }

    fn dossier_query(&self, order_reference: &str) -> Vec<(&'static str, String)> {
        let c = self.config();
        vec![
            (query::BUSINESS_PROVIDER_ID, c.merchant_id.clone()),
            (query::EQUIPMENT_CODE, c.nature_bien.clone()),
            (query::ORDER_ID, order_reference.to_string()),
        ]
    }

    // ---- blocking API (PHP) ----

    pub fn simulate(&self, amount_cents: i64, durations: &[u32]) -> Result<Simulation> {
        check_amount(amount_cents)?;
        let (key, cache) = self.offer_cache(amount_cents, durations);
        let key: Vec<&str> = key.iter().map(String::as_str).collect();
        if let Some(offers) = cache.as_ref().and_then(|cache| cache.get(&key)) {
            return Ok(Simulation {
                offers,
                cached: true,
            });
        }
        // A Sofinco that is down is down for every amount: one marker for the gateway.
        let gateway_key = [key[0], key[1], key[2], key[3], "*"];
        if cache
            .as_ref()
            .is_some_and(|cache| cache.failed_recently(&gateway_key) || cache.failed_recently(&key))
        {
            return Err(Error::transport(
                "Sofinco's simulation failed moments ago; not asked again yet",
            ));
        }
        if let Some(cache) = &cache {
            if !cache.begin_call(&key) {
                // Another worker is asking for this very amount: its answer serves here too.
                return self.wait_for_answer(cache, &key);
            }
            if !cache.take_call_slot(self.config().simulations_per_minute) {
                cache.end_call(&key);
                return Err(Error::transport(
                    "the shop's simulations for this minute are spent; Sofinco is not asked",
                ));
            }
        }
        let http = self.http()?;
        let answer = engine::block_on(self.simulate_async(&http, amount_cents, durations))
            .and_then(|inner| inner);
        if let Some(cache) = &cache {
            cache.end_call(&key);
        }
        let offers = match answer {
            Ok(offers) => offers,
            Err(e) => {
                if let Some(cache) = &cache {
                    // Sofinco's own "no" for this amount (400 out of range) is about the
                    // amount; anything else (timeouts, 5xx, auth) about the gateway.
                    let about_amount = availability::refusal_about_amount(&e);
                    let marker: &[&str] = if about_amount { &key } else { &gateway_key };
                    cache.put_failure(marker);
                }
                return Err(e);
            }
        };
        if let Some(cache) = &cache {
            cache.put(&key, &offers);
            cache.clear_failure(&gateway_key);
        }
        Ok(Simulation {
            offers,
            cached: false,
        })
    }

    /// Waits, at most this client's timeout, for the answer another worker is fetching.
    fn wait_for_answer(&self, cache: &cache::OfferCache, key: &[&str]) -> Result<Simulation> {
        let until = std::time::Instant::now() + self.config().timeout;
        while std::time::Instant::now() < until {
            if let Some(offers) = cache.get(key) {
                return Ok(Simulation {
                    offers,
                    cached: true,
                });
            }
            if cache.failed_recently(key) {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        Err(Error::transport(
            "another worker's simulation of this amount did not answer in time",
        ))
    }

    /// The cached offers only, never a network call: what a page renders without waiting.
    pub fn cached_simulation(
        &self,
        amount_cents: i64,
        durations: &[u32],
    ) -> Result<Option<Simulation>> {
        check_amount(amount_cents)?;
        let (key, cache) = self.offer_cache(amount_cents, durations);
        let key: Vec<&str> = key.iter().map(String::as_str).collect();
        Ok(cache
            .and_then(|cache| cache.get(&key))
            .map(|offers| Simulation {
                offers,
                cached: true,
            }))
    }

    /// Whether Sofinco can be offered for this amount (`availability::decide`): the merchant's
    /// minimum and maximum price first, then what Sofinco said for the amount (offers, or a
    /// refusal about the amount), from the cache. With `ask`, an amount Sofinco has not
    /// answered for yet is simulated once, with this client's timeout and retries (the
    /// module gives the payment step and the redirect a short budget); the answer is cached
    /// for every worker, so the next page knows without calling. Never an error: what cannot
    /// be known is `Unknown`.
    pub fn availability(&self, amount_cents: i64, ask: bool) -> Availability {
        let c = self.config();
        if let Some(decided) =
            availability::by_prices(amount_cents, c.min_price_cents, c.max_price_cents)
        {
            return decided;
        }
        let mut answer = self.known_answer(amount_cents);
        if answer == SofincoAnswer::Nothing && ask {
            answer = match self.simulate(amount_cents, &[]) {
                Ok(simulation) => SofincoAnswer::Offers(simulation.offers.len()),
                Err(e) if availability::refusal_about_amount(&e) => SofincoAnswer::Refused,
                Err(_) => SofincoAnswer::Nothing,
            };
        }
        availability::decide(amount_cents, c.min_price_cents, c.max_price_cents, answer)
    }

    /// What the cache says Sofinco answered for the amount (all durations), no network call.
    fn known_answer(&self, amount_cents: i64) -> SofincoAnswer {
        if check_amount(amount_cents).is_err() {
            return SofincoAnswer::Nothing;
        }
        let (key, cache) = self.offer_cache(amount_cents, &[]);
        let Some(cache) = cache else {
            return SofincoAnswer::Nothing;
        };
        let key: Vec<&str> = key.iter().map(String::as_str).collect();
        if let Some(offers) = cache.get(&key) {
            SofincoAnswer::Offers(offers.len())
        } else if cache.failed_recently(&key) {
            // The per-amount marker is only ever written for a refusal about the amount.
            SofincoAnswer::Refused
        } else {
            SofincoAnswer::Nothing
        }
    }

    /// The cache key (mode, gateway, merchant, amount, durations) and the cache, if any.
    fn offer_cache(
        &self,
        amount_cents: i64,
        durations: &[u32],
    ) -> ([String; 6], Option<cache::OfferCache>) {
        let c = self.config();
        let wanted = durations
            .iter()
            .map(u32::to_string)
            .collect::<Vec<_>>()
            .join(",");
        let key = [
            c.mode.as_str().to_string(),
            c.base_url.as_str().to_string(),
            c.merchant_id.clone(),
            c.nature_bien.clone(),
            amount_cents.to_string(),
            wanted,
        ];
        let cache = c
            .cache_dir
            .as_deref()
            .map(|dir| cache::OfferCache::new(dir, c.cache_ttl, c.failure_ttl));
        (key, cache)
    }

    pub fn create_journey(&self, request: &JourneyRequest) -> Result<Journey> {
        let body = self.link_body(request)?;
        let http = self.http()?;
        let call = Call {
            method: Method::POST,
            path: path::LINKS.to_string(),
            query: Vec::new(),
            json: Some(body),
            repeat: Repeat::OnlyIfNotSent,
        };
        let answer = engine::block_on(self.transport.call(&http, &call))??;
        let link: contract::LinkResponse = decode(&answer.body, path::LINKS, answer.status)?;
        let url = url::Url::parse(&link.link)
            .ok()
            .filter(|u| u.scheme() == "https" || u.scheme() == "http")
            .ok_or_else(|| {
                Error::api(
                    ErrorKind::Api,
                    answer.status,
                    "INVALID_RESPONSE",
                    "Sofinco's journey link is not a web address",
                )
            })?;
        Ok(Journey {
            journey_url: url.to_string(),
            order_reference: request.order_reference.clone(),
        })
    }

    pub fn find_dossier(&self, order_reference: &str) -> Result<Option<Dossier>> {
        fields::check_reference(order_reference)?;
        let http = self.http()?;
        engine::block_on(self.find_dossier_async(&http, order_reference))?
    }

    pub fn get_dossier(&self, contract_id: &str, order_reference: &str) -> Result<Dossier> {
        check_contract_id(contract_id)?;
        fields::check_reference(order_reference)?;
        let http = self.http()?;
        engine::block_on(self.get_dossier_async(&http, contract_id, order_reference))?
    }

    pub fn request_funding(&self, contract_id: &str, order_reference: &str) -> Result<Ack> {
        self.order_status(contract_id, order_reference, path::deliver(contract_id))
    }

    pub fn cancel_dossier(&self, contract_id: &str, order_reference: &str) -> Result<Ack> {
        self.order_status(contract_id, order_reference, path::cancel(contract_id))
    }

    fn order_status(&self, contract_id: &str, order_reference: &str, path: String) -> Result<Ack> {
        check_contract_id(contract_id)?;
        fields::check_reference(order_reference)?;
        let http = self.http()?;
        engine::block_on(self.order_status_async(&http, contract_id, order_reference, path))?
    }

    /// Reads the exchangeUrl body. A hint only: the caller fetches the dossier itself.
    pub fn parse_notification(body: &str) -> Result<NotificationHint> {
        if body.len() > 64 * 1024 {
            return Err(Error::invalid_input("notification body is too large"));
        }
        let n: contract::Notification = serde_json::from_str(body)
            .map_err(|e| Error::invalid_input(format!("notification body cannot be read: {e}")))?;
        let reference = n.order_id.trim().to_ascii_uppercase();
        fields::check_reference(&reference)?;
        Ok(NotificationHint {
            order_reference: reference,
            amount_cents: n.amount.cents(),
            status: crate::status::normalize_code(&n.contract_status),
        })
    }

    /// A fresh token (never the cached one) and a small simulation; says which part failed
    /// as a code the module words (`ConnectionCode`), with an English detail for the logs.
    pub fn test_connection(&self) -> ConnectionReport {
        let started = Instant::now();
        let outcome = self.http().and_then(|http| {
            engine::block_on(async {
                self.transport
                    .token(&http, true)
                    .await
                    .map_err(|e| (ConnectionStep::Token, e))?;
                self.simulate_async(&http, 100_000, &[])
                    .await
                    .map_err(|e| (ConnectionStep::Simulation, e))
            })
        });
        let latency_ms = started.elapsed().as_millis() as u64;
        let host = self.config().base_url.host_str().unwrap_or("").to_string();
        let mode = self.config().mode.as_str();
        let mut report = ConnectionReport {
            ok: false,
            code: ConnectionCode::Ok,
            step: None,
            host: host.clone(),
            mode,
            offers: 0,
            http_status: 0,
            api_code: String::new(),
            latency_ms,
            message: String::new(),
        };
        match outcome {
            Ok(Ok(offers)) => {
                report.ok = true;
                report.offers = offers.len();
                report.message = format!(
                    "connected to {host} ({mode} mode): token OK, simulation OK ({} offers for 1 000,00 €)",
                    offers.len()
                );
            }
            Ok(Err((step, e))) => {
                report.code = ConnectionCode::of(step, &e);
                report.step = Some(step);
                report.http_status = e.http_status();
                report.api_code = e.api_code().to_string();
                let part = match step {
                    ConnectionStep::Token => "token (ClientId/SecretId)",
                    ConnectionStep::Simulation => {
                        "simulation (N° de commerçant Web, Nature de bien, Q6, X1)"
                    }
                };
                report.message = format!("{host}: {part}: {}", e.message());
            }
            Err(e) => {
                report.code = ConnectionCode::of(ConnectionStep::Token, &e);
                report.http_status = e.http_status();
                report.message = e.message().to_string();
            }
        }
        report
    }

    // ---- async API (the sync runs many at once) ----

    pub async fn simulate_async(
        &self,
        http: &reqwest::Client,
        amount_cents: i64,
        durations: &[u32],
    ) -> Result<Vec<Offer>> {
        let c = self.config();
        let request = contract::SimulationRequest {
            amount: Euros(amount_cents),
            business_provider_id: c.merchant_id.clone(),
            equipment_code: c.nature_bien.clone(),
            due_numbers: (!durations.is_empty()).then(|| durations.to_vec()),
            scale_code: None,
        };
        let call = Call {
            method: Method::POST,
            path: path::SIMULATIONS.to_string(),
            query: Vec::new(),
            json: Some(to_json(&request)?),
            repeat: Repeat::Safe,
        };
        let answer = self.transport.call(http, &call).await?;
        let sim: contract::SimulationResponse =
            decode(&answer.body, path::SIMULATIONS, answer.status)?;
        let mut offers: Vec<Offer> = sim
            .proposals
            .iter()
            .map(Offer::from)
            .filter(|o| durations.is_empty() || durations.contains(&o.duration_months))
            .collect();
        offers.sort_by_key(|o| o.duration_months);
        Ok(offers)
    }

    pub async fn find_dossier_async(
        &self,
        http: &reqwest::Client,
        order_reference: &str,
    ) -> Result<Option<Dossier>> {
        let c = self.config();
        let call = Call {
            method: Method::GET,
            path: path::CONTRACTS.to_string(),
            query: vec![
                (query::PARTNER_EXTERNAL_ID, order_reference.to_string()),
                (query::BUSINESS_PROVIDER_ID, c.merchant_id.clone()),
                (query::EQUIPMENT_CODE, c.nature_bien.clone()),
            ],
            json: None,
            repeat: Repeat::Safe,
        };
        let answer = match self.transport.call(http, &call).await {
            Ok(answer) => answer,
            Err(e) if e.kind() == ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(e),
        };
        let list: contract::ContractList = decode(&answer.body, path::CONTRACTS, answer.status)?;
        // The last matching dossier is the newest attempt under this reference.
        list.contracts
            .iter()
            .rev()
            .find(|c| c.partner_external_id.eq_ignore_ascii_case(order_reference))
            .map(Dossier::from_contract)
            .transpose()
    }

    pub async fn get_dossier_async(
        &self,
        http: &reqwest::Client,
        contract_id: &str,
        order_reference: &str,
    ) -> Result<Dossier> {
        // A contract id that is not one is refused here, never asked about (nor reported
        // as unknown to Sofinco).
        check_contract_id(contract_id)?;
        let call = Call {
            method: Method::GET,
            path: path::contract(contract_id),
            query: self.dossier_query(order_reference),
            json: None,
            repeat: Repeat::Safe,
        };
        let answer = self.transport.call(http, &call).await?;
        let contract: contract::Contract = decode(&answer.body, path::CONTRACTS, answer.status)?;
        Dossier::from_contract(&contract)
    }

    async fn order_status_async(
        &self,
        http: &reqwest::Client,
        contract_id: &str,
        order_reference: &str,
        path: String,
    ) -> Result<Ack> {
        check_contract_id(contract_id)?;
        let call = Call {
            method: Method::POST,
            path,
            query: self.dossier_query(order_reference),
            json: None,
            repeat: Repeat::OnlyIfNotSent,
        };
        match self.transport.call(http, &call).await {
            Ok(answer) => Ok(Ack {
                accepted: true,
                correlation_id: answer.correlation_id,
            }),
            // Sofinco may refuse a repeat of a request it already took: if the dossier
            // shows it took effect, the repeat is not an error.
            Err(e) if e.kind() == ErrorKind::Api && e.http_status() == 409 => {
                let dossier = self
                    .get_dossier_async(http, contract_id, order_reference)
                    .await?;
                let done = if call.path.ends_with(path::DELIVER_SUFFIX) {
                    dossier.status == contract::status::FUNDED
                } else {
                    dossier.status == contract::status::CANCELLED
                };
                if done {
                    Ok(Ack {
                        accepted: true,
                        correlation_id: String::new(),
                    })
                } else {
                    Err(e)
                }
            }
            Err(e) => Err(e),
        }
    }

    pub async fn cancel_dossier_async(
        &self,
        http: &reqwest::Client,
        contract_id: &str,
        order_reference: &str,
    ) -> Result<Ack> {
        self.order_status_async(
            http,
            contract_id,
            order_reference,
            path::cancel(contract_id),
        )
        .await
    }

    pub async fn request_funding_async(
        &self,
        http: &reqwest::Client,
        contract_id: &str,
        order_reference: &str,
    ) -> Result<Ack> {
        self.order_status_async(
            http,
            contract_id,
            order_reference,
            path::deliver(contract_id),
        )
        .await
    }

    fn link_body(&self, r: &JourneyRequest) -> Result<String> {
        fields::check_reference(&r.order_reference)?;
        check_amount(r.amount_cents)?;
        let mut problems = Vec::new();
        for (name, url) in [
            ("return_url", &r.return_url),
            ("notification_url", &r.notification_url),
        ] {
            match url::Url::parse(url) {
                Ok(u) if u.scheme() == "https" || u.scheme() == "http" => {}
                _ => problems.push(format!("{name} must be an absolute http(s) URL")),
            }
        }
        let customer = &r.customer;
        let civility = fields::civility_code(&customer.civility)
            .map_err(|e| problems.push(e.message().to_string()))
            .ok();
        let first_name = fields::sofinco_name(&customer.first_name);
        let last_name = fields::sofinco_name(&customer.last_name);
        if first_name.is_empty() {
            problems.push("customer first_name has no letter".into());
        }
        if last_name.is_empty() {
            problems.push("customer last_name has no letter".into());
        }
        if !customer.email.contains('@') || customer.email.len() > 254 {
            problems.push("customer email is not an e-mail address".into());
        }
        let country = customer.address.country.trim().to_ascii_uppercase();
        if country.len() != 2 || !country.bytes().all(|b| b.is_ascii_uppercase()) {
            problems.push("customer address country must be an ISO alpha-2 code".into());
        }
        if customer.address.line1.trim().is_empty()
            || customer.address.city.trim().is_empty()
            || customer.address.postcode.trim().is_empty()
        {
            problems.push("customer address needs line1, postcode and city".into());
        }
        if let Some(months) = r.duration_months {
            if !(2..=120).contains(&months) {
                problems.push("duration_months must be from 2 to 120".into());
            }
        }
        if !problems.is_empty() {
            return Err(Error::invalid_input(format!(
                "journey request: {}",
                problems.join("; ")
            )));
        }
        let c = self.config();
        let context = contract::BusinessContext {
            provider_context: contract::ProviderContext {
                business_provider_id: c.merchant_id.clone(),
                return_url: r.return_url.clone(),
                exchange_url: r.notification_url.clone(),
            },
            customer_context: contract::CustomerContext {
                civility_code: civility.unwrap_or_default().to_string(),
                first_name,
                last_name,
                street: fields::ascii_text(&customer.address.line1, 38),
                additional_street: fields::ascii_text(&customer.address.line2, 38),
                zip_code: fields::ascii_text(&customer.address.postcode, 10),
                city: fields::ascii_text(&customer.address.city, 32),
                country_code: country,
                email_address: customer.email.trim().to_string(),
                mobile_number: fields::national_phone(&customer.phone),
            },
            offer_context: contract::OfferContext {
                order_id: r.order_reference.clone(),
                equipment_code: c.nature_bien.clone(),
                amount: r.amount_cents,
                order_amount: r.amount_cents,
                duration: r.duration_months,
                awaiting_funding: true,
            },
        };
        to_json(&contract::LinkRequest {
            token_format: rules::LINK_TOKEN_FORMAT.to_string(),
            token_duration: rules::LINK_TOKEN_DURATION_MIN,
            business_context: to_json(&context)?,
        })
    }
}

fn to_json<T: serde::Serialize>(value: &T) -> Result<String> {
    serde_json::to_string(value)
        .map_err(|e| Error::internal(format!("cannot encode a request: {e}")))
}

pub fn check_amount(amount_cents: i64) -> Result<()> {
    if (1..=MAX_AMOUNT_CENTS).contains(&amount_cents) {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "amount must be from 1 to {MAX_AMOUNT_CENTS} cents, not {amount_cents}"
        )))
    }
}

/// Contract ids go into a URL path: letters, digits, '-' and '_' only.
pub fn check_contract_id(contract_id: &str) -> Result<()> {
    let ok = !contract_id.is_empty()
        && contract_id.len() <= 64
        && contract_id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "contract id \"{}\" must be 1 to 64 letters, digits, '-' or '_'",
            crate::error::printable(contract_id)
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_and_contract_ids_are_checked() {
        assert!(check_amount(0).is_err());
        assert!(check_amount(-5).is_err());
        assert!(check_amount(MAX_AMOUNT_CENTS + 1).is_err());
        assert!(check_amount(129_000).is_ok());
        assert!(check_contract_id("SBX-0001").is_ok());
        for bad in ["", "../token", "a b", "x?y=1", &"A".repeat(65)] {
            assert!(check_contract_id(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn availability_reads_the_prices_then_sofincos_cached_answers() {
        let dir = std::env::temp_dir().join(format!("sofinco-avail-{}", uuid::Uuid::new_v4()));
        let mut entries = config::sample_entries();
        entries.push((
            "cache_dir".into(),
            ConfigValue::Str(dir.display().to_string()),
        ));
        entries.push(("min_price_cents".into(), ConfigValue::Int(10_000)));
        // A gateway nobody listens on: asking can only fail for the gateway.
        entries.push((
            "base_url".into(),
            ConfigValue::Str("http://127.0.0.1:9".into()),
        ));
        entries.push(("max_retries".into(), ConfigValue::Int(0)));
        let client = SofincoClient::from_entries(&entries).unwrap();
        let (key, cache) = client.offer_cache(903_000, &[]);
        let cache = cache.unwrap();
        let key: Vec<&str> = key.iter().map(String::as_str).collect();

        assert_eq!(
            client.availability(5_000, false),
            Availability::BelowMinimum
        );
        assert_eq!(client.availability(903_000, false), Availability::Unknown);
        // Sofinco's "Montant hors barème" for 9 030,00 €, as simulate() remembers it.
        cache.put_failure(&key);
        assert_eq!(
            client.availability(903_000, false),
            Availability::OutOfRange
        );
        assert_eq!(client.availability(903_000, true), Availability::OutOfRange);
        let (key, _) = client.offer_cache(129_000, &[]);
        let key: Vec<&str> = key.iter().map(String::as_str).collect();
        cache.put(&key, &[]);
        assert_eq!(
            client.availability(129_000, false),
            Availability::OutOfRange,
            "no offers at all is no credit"
        );
        // Sofinco unreachable: not a refusal, so not out of range.
        assert_eq!(client.availability(250_000, true), Availability::Unknown);

        let capped = SofincoClient::from_entries(
            &[
                entries.clone(),
                vec![("max_price_cents".into(), ConfigValue::Int(800_000))],
            ]
            .concat(),
        )
        .unwrap();
        assert_eq!(
            capped.availability(903_000, true),
            Availability::AboveMaximum
        );
        std::fs::remove_dir_all(dir).ok();
    }

    #[test]
    fn notifications_are_parsed_but_checked() {
        let hint = SofincoClient::parse_notification(
            r#"{"ORDER_ID":"ps1c42a1","AMOUNT":"1290.10","CONTRACT_STATUS":" etu"}"#,
        )
        .unwrap();
        assert_eq!(hint.order_reference, "PS1C42A1");
        assert_eq!(hint.amount_cents, 129_010);
        assert_eq!(hint.status, "ETU");
        for bad in [
            "",
            "{}",
            "[]",
            r#"{"ORDER_ID":"a-b","AMOUNT":1,"CONTRACT_STATUS":"ETU"}"#,
            r#"{"ORDER_ID":"A","AMOUNT":1.001,"CONTRACT_STATUS":"ETU"}"#,
        ] {
            assert!(SofincoClient::parse_notification(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn link_body_carries_the_rules() {
        let client = SofincoClient::from_entries(&config::sample_entries()).unwrap();
        let request = JourneyRequest {
            order_reference: "PS1C42A1".into(),
            amount_cents: 129_010,
            customer: Customer {
                civility: "mrs".into(),
                first_name: "Zoé".into(),
                last_name: "Lefèvre-Müller de la Fontaine".into(),
                email: "zoe@example.fr".into(),
                phone: "+33 6 12 34 56 78".into(),
                address: Address {
                    line1: "12 rue de l'Église".into(),
                    line2: String::new(),
                    postcode: "75001".into(),
                    city: "Paris".into(),
                    country: "fr".into(),
                },
            },
            return_url: "https://shop.test/return".into(),
            notification_url: "https://shop.test/notify".into(),
            duration_months: None,
        };
        let body = client.link_body(&request).unwrap();
        let link: contract::LinkRequest = serde_json::from_str(&body).unwrap();
        assert_eq!(link.token_format, "OPAQUE");
        let ctx: contract::BusinessContext = serde_json::from_str(&link.business_context).unwrap();
        assert_eq!(ctx.customer_context.civility_code, "2");
        assert_eq!(ctx.customer_context.first_name, "Zoe");
        assert_eq!(ctx.customer_context.last_name, "Lefevre-Muller de la");
        assert_eq!(ctx.customer_context.mobile_number, "0612345678");
        assert_eq!(ctx.customer_context.country_code, "FR");
        assert_eq!(ctx.offer_context.amount, 129_010);
        assert!(ctx.offer_context.awaiting_funding);
        assert_eq!(ctx.provider_context.business_provider_id, "12345678901");

        let mut bad = request.clone();
        bad.return_url = "javascript:alert(1)".into();
        bad.customer.civility = "dr".into();
        let err = client.link_body(&bad).unwrap_err();
        assert!(err.message().contains("return_url") && err.message().contains("civility"));
    }
}
