//! `DossierSync`: the decisions of the three cron tasks and of the notification
//! (spec-fr.md §8-§9, design.md §4). It never touches PrestaShop: it returns decisions
//! that the module applies. Calls run concurrently, at most `concurrency` at once; no
//! new call starts after the deadline, and a call still under way at the deadline is
//! dropped (its row counts in `remaining`), so a batch never outlasts its deadline.

pub mod decide;
pub mod run;
pub mod types;

use std::sync::Arc;
use std::time::{Duration, Instant};

use futures_util::stream::{self, StreamExt};

use crate::client::{engine, SofincoClient};
use crate::error::{Error, Result};
use decide::{FundingStep, OrderStep, Policy};
use types::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SyncOptions {
    pub concurrency: usize,
    /// The batch ends by this: no call starts after it, none is waited for past it.
    pub deadline: Duration,
    pub policy: Policy,
}

impl Default for SyncOptions {
    fn default() -> Self {
        SyncOptions {
            concurrency: 8,
            deadline: Duration::from_millis(50_000),
            policy: Policy::default(),
        }
    }
}

pub struct DossierSync {
    client: Arc<SofincoClient>,
    options: SyncOptions,
}

fn now_unix() -> i64 {
    chrono::Utc::now().timestamp()
}

impl DossierSync {
    pub fn new(client: Arc<SofincoClient>, options: SyncOptions) -> Self {
        DossierSync { client, options }
    }

    pub fn options(&self) -> &SyncOptions {
        &self.options
    }

    /// Runs `work` over `rows` concurrently; rows not finished by the deadline (not
    /// started, or cut while waiting for Sofinco) are counted in `remaining` and get no
    /// decision. Decisions keep the rows' order.
    #[allow(clippy::too_many_arguments)]
    fn run<'a, R, D, F, Fut>(
        &self,
        http: &'a reqwest::Client,
        rows: &'a [R],
        deadline: Duration,
        cut_in_flight: bool,
        work: F,
        changed: impl Fn(&D) -> bool,
        error: impl Fn(&D) -> bool,
    ) -> Result<Batch<D>>
    where
        F: Fn(&'a reqwest::Client, &'a R) -> Fut,
        Fut: std::future::Future<Output = D>,
    {
        let started = Instant::now();
        let cutoff = tokio::time::Instant::from_std(started + deadline);
        let concurrency = self.options.concurrency.max(1);
        let work = &work;
        let mut results: Vec<(usize, D)> = engine::block_on(
            stream::iter(rows.iter().enumerate())
                // Checked when the row is about to start, not when the batch starts.
                .take_while(|_| std::future::ready(started.elapsed() < deadline))
                .map(|(i, row)| async move {
                    if !cut_in_flight {
                        return Some((i, work(http, row).await));
                    }
                    // A lookup under way at the deadline is dropped, not waited for: the
                    // module needs the rest of its time to apply the decisions.
                    tokio::time::timeout_at(cutoff, work(http, row))
                        .await
                        .ok()
                        .map(|d| (i, d))
                })
                .buffer_unordered(concurrency)
                .filter_map(std::future::ready)
                .collect::<Vec<_>>(),
        )?;
        results.sort_by_key(|(i, _)| *i);
        let decisions: Vec<D> = results.into_iter().map(|(_, d)| d).collect();
        let outcomes: Vec<Outcome> = decisions
            .iter()
            .map(|d| Outcome {
                changed: changed(d),
                error: error(d),
            })
            .collect();
        let summary = Summary::of(&outcomes, rows.len() - decisions.len(), started.elapsed());
        Ok(Batch {
            decisions,
            outcomes,
            summary,
        })
    }

    /// Orders task: attempts whose customer may never have come back.
    pub fn orders(&self, attempts: &[Attempt]) -> Result<Batch<OrderDecision>> {
        self.orders_within(attempts, self.options.deadline)
    }

    /// The same, ending by `deadline` instead of the options' one (the cron gives each
    /// chunk of rows what is left of its run).
    pub fn orders_within(
        &self,
        attempts: &[Attempt],
        deadline: Duration,
    ) -> Result<Batch<OrderDecision>> {
        let now = now_unix();
        let policy = self.options.policy;
        self.run(
            &self.client.http()?,
            attempts,
            deadline,
            true,
            |http, attempt| async move {
                let lookup = self
                    .client
                    .find_dossier_async(http, &attempt.order_reference)
                    .await;
                match decide::order_step(attempt, lookup, now, &policy) {
                    OrderStep::Done(decision) => decision,
                    OrderStep::Cancel {
                        contract_id,
                        decision,
                    } => {
                        let outcome = self
                            .client
                            .cancel_dossier_async(http, &contract_id, &attempt.order_reference)
                            .await
                            .map(|ack| ack.accepted);
                        decide::order_cancelled(decision, outcome)
                    }
                }
            },
            |d| {
                matches!(
                    d.action,
                    OrderAction::CreateOrder(_) | OrderAction::Abandon | OrderAction::Cancelled
                )
            },
            |d| d.action == OrderAction::Error,
        )
    }

    /// Statuses task: orders in the module's non-final states.
    pub fn statuses(&self, orders: &[TrackedOrder]) -> Result<Batch<StatusDecision>> {
        self.statuses_within(orders, self.options.deadline)
    }

    /// The same, ending by `deadline` instead of the options' one (the cron gives each
    /// chunk of rows what is left of its run).
    pub fn statuses_within(
        &self,
        orders: &[TrackedOrder],
        deadline: Duration,
    ) -> Result<Batch<StatusDecision>> {
        let now = now_unix();
        let policy = self.options.policy;
        self.run(
            &self.client.http()?,
            orders,
            deadline,
            true,
            |http, order| async move {
                if let Some(decision) = decide::status_needs_lookup(order, now, &policy) {
                    return decision;
                }
                let lookup = if order.contract_id.is_empty() {
                    self.client
                        .find_dossier_async(http, &order.order_reference)
                        .await
                } else {
                    self.client
                        .get_dossier_async(http, &order.contract_id, &order.order_reference)
                        .await
                        .map(Some)
                };
                decide::decide_status(order, lookup)
            },
            |d| d.action == StatusAction::SetState,
            |d| d.action == StatusAction::Error,
        )
    }

    /// Funding task: requests the merchant queued.
    pub fn fundings(&self, requests: &[FundingRequest]) -> Result<Batch<FundingDecision>> {
        self.fundings_within(requests, self.options.deadline)
    }

    /// The same, ending by `deadline` instead of the options' one (the cron gives each
    /// chunk of rows what is left of its run).
    pub fn fundings_within(
        &self,
        requests: &[FundingRequest],
        deadline: Duration,
    ) -> Result<Batch<FundingDecision>> {
        self.run(
            &self.client.http()?,
            requests,
            deadline,
            // A funding request Sofinco may have accepted is waited for (its own timeout
            // bounds it): dropping the answer could send it twice.
            false,
            |http, request| async move {
                if let Some(decision) = decide::funding_precheck(request) {
                    return decision;
                }
                let lookup = self
                    .client
                    .get_dossier_async(http, &request.contract_id, &request.order_reference)
                    .await;
                match decide::funding_step(request, lookup) {
                    FundingStep::Done(decision) => decision,
                    FundingStep::Deliver => {
                        let outcome = self
                            .client
                            .request_funding_async(
                                http,
                                &request.contract_id,
                                &request.order_reference,
                            )
                            .await
                            .map(|ack| ack.accepted);
                        decide::funding_sent(request, outcome)
                    }
                }
            },
            |d| {
                matches!(
                    d.action,
                    FundingAction::Sent | FundingAction::Funded | FundingAction::Closed
                )
            },
            |d| d.action == FundingAction::Error,
        )
    }

    /// "Annuler le dossier chez Sofinco": checked against the same rule as the order panel
    /// before anything is sent.
    pub fn cancel(&self, request: &CancelRequest) -> Result<CancelDecision> {
        if let Some(decision) = decide::cancel_precheck(request) {
            return Ok(decision);
        }
        let outcome = self
            .client
            .cancel_dossier(&request.contract_id, &request.order_reference)
            .map(|ack| ack.accepted);
        Ok(decide::cancel_sent(request, outcome))
    }

    /// The exchangeUrl path for one attempt: the body is only a hint of which reference
    /// to look at; the decision comes from Sofinco's own answer.
    pub fn notification(&self, body: &str, attempt: &Attempt) -> Result<OrderDecision> {
        let hint = SofincoClient::parse_notification(body)?;
        if let Some(decision) = decide::notification_mismatch(attempt, &hint.order_reference) {
            return Ok(decision);
        }
        let batch = self.orders(std::slice::from_ref(attempt))?;
        batch
            .decisions
            .into_iter()
            .next()
            .ok_or_else(|| Error::transport("the deadline passed before Sofinco could be asked"))
    }
}
