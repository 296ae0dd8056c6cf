//! `Sofinco\DossierSync`: the cron tasks' decisions for the module to apply. Rows come as
//! variadic typed arguments (`$sync->orders($deadline, ...$attempts)`); the core reads and
//! checks them.
// PHP parameter names are camelCase: PHP 8 named arguments use them.
#![allow(non_snake_case)]

use std::sync::Arc;

use ext_php_rs::binary_slice::BinarySlice;
use ext_php_rs::prelude::*;

use super::client::SofincoClient;
use super::decisions::{self as typed, Batch, CancelDecision, OrderDecision};
use super::guard::guard;
use super::inputs::{Attempt, CancelRequest, FundingRequest, SyncOptions, TrackedOrder};
use crate::api::{self, rows, Object};
use crate::sync as core;

#[php_class]
#[php(name = "Sofinco\\DossierSync")]
pub struct DossierSync {
    inner: core::DossierSync,
}

#[php_impl]
impl DossierSync {
    /// Options (SyncOptions; null: every default). ConfigException names every value out
    /// of range.
    pub fn __construct(client: &SofincoClient, options: Option<&SyncOptions>) -> PhpResult<Self> {
        guard(|| {
            let options = options.map(SyncOptions::object);
            Ok(DossierSync {
                inner: core::DossierSync::new(
                    Arc::clone(&client.inner),
                    rows::sync_options(options.as_ref())?,
                ),
            })
        })
    }

    /// Attempts (their cart now) → a Batch of OrderDecision, ending by $deadlineMs (null:
    /// the options' deadlineMs).
    pub fn orders(&self, deadlineMs: Option<i64>, attempts: &[&Attempt]) -> PhpResult<Batch> {
        guard(|| {
            let deadline = rows::deadline(deadlineMs, self.inner.options())?;
            let list: Vec<Object> = attempts.iter().map(|a| a.object()).collect();
            let rows = rows::rows(&list, "Attempt", "orders", rows::attempt)?;
            typed::batch(self.inner.orders_within(&rows, deadline)?, typed::order)
        })
    }

    /// Orders (their total and currency now) → a Batch of StatusDecision, ending by
    /// $deadlineMs (null: the options' deadlineMs).
    pub fn statuses(&self, deadlineMs: Option<i64>, orders: &[&TrackedOrder]) -> PhpResult<Batch> {
        guard(|| {
            let deadline = rows::deadline(deadlineMs, self.inner.options())?;
            let list: Vec<Object> = orders.iter().map(|o| o.object()).collect();
            let rows = rows::rows(&list, "TrackedOrder", "statuses", rows::tracked_order)?;
            typed::batch(self.inner.statuses_within(&rows, deadline)?, typed::status)
        })
    }

    /// Funding requests → a Batch of FundingDecision; no funding request starts after
    /// $deadlineMs (null: the options' deadlineMs).
    pub fn fundings(
        &self,
        deadlineMs: Option<i64>,
        requests: &[&FundingRequest],
    ) -> PhpResult<Batch> {
        guard(|| {
            let deadline = rows::deadline(deadlineMs, self.inner.options())?;
            let list: Vec<Object> = requests.iter().map(|r| r.object()).collect();
            let rows = rows::rows(&list, "FundingRequest", "fundings", rows::funding_request)?;
            typed::batch(self.inner.fundings_within(&rows, deadline)?, typed::funding)
        })
    }

    /// "Annuler le dossier chez Sofinco" for one order: nothing is sent unless the order
    /// may be cancelled (StatusMapper::canCancel, the order panel's rule).
    pub fn cancel(&self, request: &CancelRequest) -> PhpResult<CancelDecision> {
        guard(|| {
            let row = rows::cancel_request(&request.object())?;
            Ok(typed::cancel(self.inner.cancel(&row)?))
        })
    }

    /// The exchangeUrl path for one attempt: one decision, from Sofinco's own answer.
    pub fn notification(
        &self,
        body: BinarySlice<u8>,
        attempt: &Attempt,
    ) -> PhpResult<OrderDecision> {
        guard(|| {
            let row = rows::one(&attempt.object(), "attempt.", "notification", rows::attempt)?;
            Ok(typed::order(self.inner.notification(
                api::utf8(&body, "notification body")?,
                &row,
            )?))
        })
    }
}
