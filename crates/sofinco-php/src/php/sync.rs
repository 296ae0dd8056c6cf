//! `Sofinco\DossierSync`: the cron tasks' decisions for the module to apply.

use std::sync::Arc;
use std::time::Duration;

use ext_php_rs::binary_slice::BinarySlice;
use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendHashTable;

use super::client::SofincoClient;
use super::decisions::{self as typed, Batch, CancelDecision, OrderDecision};
use super::guard::guard;
use super::input::{self, Fields};
use crate::error::{Error, Result};
use crate::sync::decide::Policy;
use crate::sync::types::*;
use crate::sync::{self as core, SyncOptions};

#[php_class]
#[php(name = "Sofinco\\DossierSync")]
pub struct DossierSync {
    inner: core::DossierSync,
}

fn options(table: &ZendHashTable) -> Result<SyncOptions> {
    let mut f = Fields::new(table, "");
    f.reject_unknown(&["concurrency", "deadline_ms", "abandon_after_s", "grace_s"]);
    let defaults = SyncOptions::default();
    let mut ranged = |key: &str, default: i64, min: i64, max: i64| match f.optional_int(key) {
        None => default,
        Some(v) if (min..=max).contains(&v) => v,
        Some(_) => {
            f.problems
                .push(format!("{key} must be from {min} to {max}"));
            default
        }
    };
    let concurrency = ranged("concurrency", defaults.concurrency as i64, 1, 256);
    let deadline_ms = ranged("deadline_ms", 50_000, 0, 3_600_000);
    let abandon_after_s = ranged(
        "abandon_after_s",
        defaults.policy.abandon_after_s,
        0,
        365 * 86_400,
    );
    let grace_s = ranged("grace_s", defaults.policy.grace_s, 0, 365 * 86_400);
    input::finish("DossierSync options", std::mem::take(&mut f.problems))
        .map_err(|e| Error::config(e.message()))?;
    Ok(SyncOptions {
        concurrency: concurrency as usize,
        deadline: Duration::from_millis(deadline_ms as u64),
        policy: Policy {
            abandon_after_s,
            grace_s,
        },
    })
}

/// Reads each row of a list with `read`, naming the row of every problem.
fn rows<T>(list: &ZendHashTable, what: &str, read: impl Fn(&mut Fields) -> T) -> Result<Vec<T>> {
    let mut out = Vec::with_capacity(list.len());
    let mut problems = Vec::new();
    for (i, value) in list.values().enumerate() {
        let Some(table) = value.array() else {
            problems.push(format!("row {i} must be an array"));
            continue;
        };
        let prefix = format!("row {i}: ");
        let mut f = Fields::new(table, &prefix);
        let row = read(&mut f);
        problems.append(&mut f.problems);
        out.push(row);
        if problems.len() > 20 {
            break;
        }
    }
    input::finish(what, problems)?;
    Ok(out)
}

/// A call's own deadline (the cron's chunks get what is left of the run), else the
/// options' one.
fn deadline(given: Option<i64>, options: &SyncOptions) -> Result<Duration> {
    match given {
        None => Ok(options.deadline),
        Some(ms) if (0..=3_600_000).contains(&ms) => Ok(Duration::from_millis(ms as u64)),
        Some(_) => Err(Error::invalid_input(
            "deadline_ms must be from 0 to 3600000",
        )),
    }
}

fn attempt(f: &mut Fields) -> Attempt {
    Attempt {
        id_cart: f.int("id_cart"),
        order_reference: f.string("order_reference"),
        cart_total_cents: f.int("cart_total_cents"),
        currency: f.string("currency"),
        ordered_as: f.optional_string("ordered_as"),
        created_at: f.int("created_at"),
    }
}

#[php_impl]
impl DossierSync {
    /// Options: concurrency (8), deadline_ms (50000), abandon_after_s (172800), grace_s
    /// (604800).
    pub fn __construct(client: &SofincoClient, options: Option<&ZendHashTable>) -> PhpResult<Self> {
        guard(|| {
            Ok(DossierSync {
                inner: core::DossierSync::new(
                    Arc::clone(&client.inner),
                    match options {
                        Some(table) => self::options(table)?,
                        None => SyncOptions::default(),
                    },
                ),
            })
        })
    }

    /// Attempts (id_cart, order_reference, cart_total_cents and currency: the cart now,
    /// ordered_as: the reference of the order the cart already has, created_at) → a Batch of
    /// OrderDecision, ending by $deadlineMs (default: the options' deadline_ms).
    pub fn orders(&self, attempts: &ZendHashTable, deadline_ms: Option<i64>) -> PhpResult<Batch> {
        guard(|| {
            let deadline = deadline(deadline_ms, self.inner.options())?;
            let rows = rows(attempts, "orders", attempt)?;
            typed::batch(self.inner.orders_within(&rows, deadline)?, typed::order)
        })
    }

    /// Orders (id_order, contract_id, order_reference, state, order_total_cents and
    /// currency: the order's own, since) →
    /// a Batch of StatusDecision, ending by $deadlineMs (default: the options'
    /// deadline_ms).
    pub fn statuses(&self, orders: &ZendHashTable, deadline_ms: Option<i64>) -> PhpResult<Batch> {
        guard(|| {
            let deadline = deadline(deadline_ms, self.inner.options())?;
            let rows = rows(orders, "statuses", |f| TrackedOrder {
                id_order: f.int("id_order"),
                contract_id: f.optional_string("contract_id"),
                order_reference: f.string("order_reference"),
                state: f.optional_string("state"),
                order_total_cents: f.int("order_total_cents"),
                currency: f.string("currency"),
                since: f.int("since"),
            })?;
            typed::batch(self.inner.statuses_within(&rows, deadline)?, typed::status)
        })
    }

    /// Funding requests (id_order, contract_id, order_reference, order_total_cents and
    /// currency: the order's own, requested_at, sent) → a Batch of FundingDecision; no funding request starts after
    /// $deadlineMs (default: the options' deadline_ms).
    pub fn fundings(&self, requests: &ZendHashTable, deadline_ms: Option<i64>) -> PhpResult<Batch> {
        guard(|| {
            let deadline = deadline(deadline_ms, self.inner.options())?;
            let rows = rows(requests, "fundings", |f| FundingRequest {
                id_order: f.int("id_order"),
                contract_id: f.string("contract_id"),
                order_reference: f.string("order_reference"),
                order_total_cents: f.int("order_total_cents"),
                currency: f.string("currency"),
                requested_at: f.int("requested_at"),
                sent: f.optional_bool("sent").unwrap_or(false),
            })?;
            typed::batch(self.inner.fundings_within(&rows, deadline)?, typed::funding)
        })
    }

    /// "Annuler le dossier chez Sofinco" for one order (id_order, contract_id,
    /// order_reference, state, sofinco_status): nothing is sent unless the order may be
    /// cancelled (StatusMapper::canCancel, the order panel's rule).
    pub fn cancel(&self, request: &ZendHashTable) -> PhpResult<CancelDecision> {
        guard(|| {
            let mut f = Fields::new(request, "request.");
            let row = CancelRequest {
                id_order: f.int("id_order"),
                contract_id: f.optional_string("contract_id"),
                order_reference: f.string("order_reference"),
                state: f.optional_string("state"),
                sofinco_status: f.optional_string("sofinco_status"),
            };
            input::finish("cancel", std::mem::take(&mut f.problems))?;
            Ok(typed::cancel(self.inner.cancel(&row)?))
        })
    }

    /// The exchangeUrl path for one attempt: one decision, from Sofinco's own answer.
    pub fn notification(
        &self,
        body: BinarySlice<u8>,
        attempt: &ZendHashTable,
    ) -> PhpResult<OrderDecision> {
        guard(|| {
            let mut f = Fields::new(attempt, "attempt.");
            let row = self::attempt(&mut f);
            input::finish("notification", std::mem::take(&mut f.problems))?;
            Ok(typed::order(self.inner.notification(
                input::utf8(&body, "notification body")?,
                &row,
            )?))
        })
    }
}
