//! Everything the sandbox remembers: dossiers, journeys, tokens, the sandbox clock and the
//! logs the control routes show. One mutex: the sandbox is a test tool, not a bank.

use std::collections::{BTreeMap, HashMap, VecDeque};
use std::sync::{Mutex, MutexGuard};

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;

use sofinco_core::contract::{status, BusinessContext, Contract, Notification};
use sofinco_core::money::Euros;

use crate::cli::Options;
use crate::faults::Faults;
use crate::rates::Bareme;

/// The request log keeps this many entries, oldest dropped first.
pub const REQUEST_LOG_CAP: usize = 10_000;

pub struct Config {
    pub options: Options,
    pub bareme: Bareme,
    /// `http://127.0.0.1:PORT`, for journey links.
    pub base_url: String,
}

pub struct Shared {
    pub config: Config,
    inner: Mutex<Inner>,
    faults: Mutex<Faults>,
}

/// A customer journey: the link's token and what the shop sent.
#[derive(Debug, Clone)]
pub struct Journey {
    pub token: String,
    pub context: BusinessContext,
    pub duration: u32,
    pub expires_at: DateTime<Utc>,
    /// Set once the customer signed, refused or left: the status it led to.
    pub ended: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Dossier {
    pub order_id: String,
    /// The partner (businessProviderId) whose journey made the dossier: as at Sofinco,
    /// another partner's lookups never find it. Empty for dossiers the admin API made.
    pub business_provider_id: String,
    pub contract_id: String,
    pub status: String,
    pub amount_cents: i64,
    pub signature_date: Option<String>,
    pub funding_date: Option<String>,
    pub status_since: DateTime<Utc>,
    pub journey: Option<Journey>,
    /// Deliver requests that reached the dossier and were accepted: a shop that sends a
    /// funding request twice shows here (the soak checks it).
    pub deliveries: u32,
}

impl Dossier {
    /// Whether a lookup by `provider` may see this dossier.
    pub fn belongs_to(&self, provider: Option<&str>) -> bool {
        self.business_provider_id.is_empty() || provider == Some(self.business_provider_id.as_str())
    }

    pub fn to_contract(&self) -> Contract {
        Contract {
            contract_id: self.contract_id.clone(),
            partner_external_id: self.order_id.clone(),
            status: self.status.clone(),
            amount: Euros(self.amount_cents),
            signature_date: self.signature_date.clone(),
            funding_date: self.funding_date.clone(),
        }
    }

    /// Sofinco knows a dossier once the customer ended the journey (or a control route made
    /// it): while the customer is still on the journey page, lookups find nothing, so no
    /// shop creates an order for a journey under way (spec-fr.md §5).
    pub fn is_submitted(&self) -> bool {
        self.journey.as_ref().is_none_or(|j| j.ended.is_some())
    }

    pub fn set_status(&mut self, code: &str, now: DateTime<Utc>) {
        self.status = code.to_string();
        self.status_since = now;
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct RecordedRequest {
    pub method: String,
    pub path: String,
    pub query: String,
    pub headers: BTreeMap<String, String>,
    pub body: String,
    pub time: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct NotificationRecord {
    pub id: u64,
    pub url: String,
    pub body: Notification,
    pub attempts: u32,
    pub delivered: bool,
    pub last_status: Option<u16>,
    pub last_error: Option<String>,
    pub time: String,
}

#[derive(Default)]
pub struct Inner {
    clock_offset_secs: i64,
    /// Access token → expiry on the sandbox clock.
    pub tokens: HashMap<String, DateTime<Utc>>,
    /// Upper-cased orderId → dossier.
    pub dossiers: BTreeMap<String, Dossier>,
    /// Journey token → upper-cased orderId.
    pub journeys: HashMap<String, String>,
    pub requests: VecDeque<RecordedRequest>,
    pub notifications: Vec<NotificationRecord>,
    next_contract: u64,
    next_notification: u64,
}

impl Inner {
    pub fn now(&self) -> DateTime<Utc> {
        Utc::now() + Duration::seconds(self.clock_offset_secs)
    }

    pub fn today(&self) -> String {
        self.now().format("%Y-%m-%d").to_string()
    }

    pub fn advance(&mut self, seconds: i64) {
        // A century either way keeps every date inside chrono's range.
        let limit = 100 * 366 * 24 * 3600;
        self.clock_offset_secs = self
            .clock_offset_secs
            .saturating_add(seconds)
            .clamp(-limit, limit);
    }

    pub fn new_contract_id(&mut self) -> String {
        self.next_contract += 1;
        format!("SBX{:09}", self.next_contract)
    }

    pub fn new_notification_id(&mut self) -> u64 {
        self.next_notification += 1;
        self.next_notification
    }

    pub fn record(&mut self, request: RecordedRequest) {
        if self.requests.len() >= REQUEST_LOG_CAP {
            self.requests.pop_front();
        }
        self.requests.push_back(request);
    }

    pub fn dossier_by_contract(&mut self, contract_id: &str) -> Option<&mut Dossier> {
        self.dossiers
            .values_mut()
            .find(|d| d.contract_id == contract_id)
    }

    /// `--auto-advance`: signed dossiers move ETU → CLI → AFI one step per period of the
    /// sandbox clock, worked out lazily whenever dossiers are read.
    pub fn auto_advance(&mut self, period_secs: Option<i64>) {
        let Some(period) = period_secs else { return };
        let now = self.now();
        let step = Duration::seconds(period);
        for d in self.dossiers.values_mut() {
            while now - d.status_since >= step {
                let next = match d.status.as_str() {
                    status::IN_STUDY => status::AWAITING_CUSTOMER,
                    status::AWAITING_CUSTOMER => status::AWAITING_FUNDING,
                    _ => break,
                };
                d.status = next.to_string();
                d.status_since += step;
            }
        }
    }
}

impl Shared {
    pub fn new(config: Config) -> Self {
        let faults = Faults::new(config.options.faults.clone());
        Shared {
            config,
            inner: Mutex::new(Inner::default()),
            faults: Mutex::new(faults),
        }
    }

    /// The state, with auto-advance applied. A poisoned lock still holds consistent data
    /// (no handler panics while holding it), so it is taken over rather than spread.
    pub fn lock(&self) -> MutexGuard<'_, Inner> {
        let mut inner = self.inner.lock().unwrap_or_else(|p| p.into_inner());
        inner.auto_advance(self.config.options.auto_advance);
        inner
    }

    pub fn faults(&self) -> MutexGuard<'_, Faults> {
        self.faults.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Back to a fresh start: no dossiers, tokens or logs, real time, startup faults.
    pub fn reset(&self) {
        let mut inner = self.lock();
        // Counters go on: an id from before the reset never names a new record.
        let (next_contract, next_notification) = (inner.next_contract, inner.next_notification);
        *inner = Inner {
            next_contract,
            next_notification,
            ..Inner::default()
        };
        *self.faults() = Faults::new(self.config.options.faults.clone());
    }
}
