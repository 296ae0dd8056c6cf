//! The decisions themselves, pure: given a row and what Sofinco said, what the module must
//! do. No network here, so every path is tested directly.

use super::types::*;
use crate::client::types::Dossier;
use crate::contract::status as code;
use crate::error::{ErrorKind, Result};
use crate::status::{self as table, Group, OrderState};

/// Tunables of the three tasks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Seconds after which an attempt with no live dossier is closed without an order.
    pub abandon_after_s: i64,
    /// Seconds NOT_FOUND and TECH_ERROR orders keep being checked.
    pub grace_s: i64,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            abandon_after_s: 172_800,
            grace_s: 604_800,
        }
    }
}

fn order(attempt: &Attempt, action: OrderAction, reason: impl Into<String>) -> OrderDecision {
    OrderDecision {
        id_cart: attempt.id_cart,
        order_reference: attempt.order_reference.clone(),
        action,
        reason: reason.into(),
        sofinco_status: None,
        sofinco_amount_cents: None,
        held: None,
    }
}

/// The one currency Sofinco lends in.
pub const LENDING_CURRENCY: &str = "EUR";

/// Whether Sofinco's dossier pays for `total_cents` in `currency` (an order's total, or a
/// cart's when no order exists yet): a dossier that does not never makes a validated or
/// paid order.
pub fn hold(dossier: &Dossier, total_cents: i64, currency: &str) -> Option<(Hold, String)> {
    lent_for(dossier.amount_cents, total_cents, currency)
}

/// The same rule from Sofinco's amount alone (`lent_cents`), for an order just made.
pub fn lent_for(lent_cents: i64, total_cents: i64, currency: &str) -> Option<(Hold, String)> {
    if !currency.trim().eq_ignore_ascii_case(LENDING_CURRENCY) {
        return Some((
            Hold::Currency,
            format!(
                "currency mismatch: the order is in {}, Sofinco lends in euros",
                crate::error::printable(currency)
            ),
        ));
    }
    (lent_cents != total_cents).then(|| {
        (
            Hold::Amount,
            format!("amount mismatch: Sofinco's dossier is {lent_cents} cents, the order {total_cents} cents"),
        )
    })
}

/// What the orders task does for one attempt, before any order: decide, or first cancel a
/// dossier that must not become an order.
pub enum OrderStep {
    Done(OrderDecision),
    /// Cancel `contract_id` at Sofinco, then report `decision` (action Cancelled) with the
    /// outcome (order_cancelled).
    Cancel {
        contract_id: String,
        decision: OrderDecision,
    },
}

/// The orders task (and the return page, and the notification) for one attempt.
pub fn order_step(
    attempt: &Attempt,
    lookup: Result<Option<Dossier>>,
    now: i64,
    policy: &Policy,
) -> OrderStep {
    let dossier = lookup.as_ref().ok().and_then(|d| d.as_ref());
    let status = dossier.map(|d| d.status.clone());
    let amount = dossier.map(|d| d.amount_cents);
    let answered = |d: OrderDecision| OrderDecision {
        sofinco_status: status.clone(),
        sofinco_amount_cents: amount,
        ..d
    };
    match order_decision(attempt, lookup, now, policy) {
        OrderStep::Done(d) => OrderStep::Done(answered(d)),
        OrderStep::Cancel {
            contract_id,
            decision,
        } => OrderStep::Cancel {
            contract_id,
            decision: answered(decision),
        },
    }
}

/// The decision alone, a cancel left uncalled: what the tests read.
#[cfg(test)]
pub fn decide_order(
    attempt: &Attempt,
    lookup: Result<Option<Dossier>>,
    now: i64,
    policy: &Policy,
) -> OrderDecision {
    match order_step(attempt, lookup, now, policy) {
        OrderStep::Done(d) => d,
        OrderStep::Cancel { decision, .. } => decision,
    }
}

/// The outcome of cancelling a dossier that did not become the order.
pub fn order_cancelled(decision: OrderDecision, outcome: Result<bool>) -> OrderDecision {
    match outcome {
        Ok(true) => decision,
        Ok(false) => OrderDecision {
            action: OrderAction::Error,
            reason: format!(
                "Sofinco did not accept the cancellation ({}): asked again next run",
                decision.reason
            ),
            ..decision
        },
        Err(e) => OrderDecision {
            action: OrderAction::Error,
            reason: format!(
                "cancelling at Sofinco failed ({}): {}",
                decision.reason,
                e.message()
            ),
            ..decision
        },
    }
}

/// The order to create for a live dossier in `state`.
fn creation(dossier: &Dossier, state: OrderState) -> Creation {
    let (create_in, _) = table::creation_path(state);
    Creation {
        state,
        create_in,
        // Sofinco's funded amount, which equals the cart's total here (else TECH_ERROR).
        payment_cents: if state == OrderState::Funded {
            dossier.amount_cents
        } else {
            0
        },
        contract_id: dossier.contract_id.clone(),
        signature_date: dossier.signature_date.clone(),
        withdrawal_end: crate::withdrawal::end(dossier.signature_date.as_deref()),
    }
}

fn order_decision(
    attempt: &Attempt,
    lookup: Result<Option<Dossier>>,
    now: i64,
    policy: &Policy,
) -> OrderStep {
    let done = |action, reason: String| OrderStep::Done(order(attempt, action, reason));
    let too_old = now - attempt.created_at >= policy.abandon_after_s;
    let wait_or_abandon = |why: &str| {
        if too_old {
            done(
                OrderAction::Abandon,
                format!("{why} after {} hours", policy.abandon_after_s / 3600),
            )
        } else {
            done(OrderAction::Wait, why.to_string())
        }
    };
    let dossier = match lookup {
        Err(e) => return done(OrderAction::Error, e.message().to_string()),
        Ok(None) => return wait_or_abandon("no Sofinco dossier yet"),
        Ok(Some(d)) => d,
    };
    let state = match table::state_for(&dossier.status) {
        Err(e) => return done(OrderAction::Error, e.message().to_string()),
        Ok(state) => state,
    };
    let status = dossier.status.as_str();
    match state {
        None => return wait_or_abandon("Sofinco does not know the dossier yet (UKW)"),
        Some(_) if status == code::NOT_FOUND || status == code::TECH_ERROR => {
            return wait_or_abandon(&format!("Sofinco answers {status} for the dossier"))
        }
        Some(_) if !table::is_alive_code(status) => {
            return done(
                OrderAction::Abandon,
                format!("Sofinco dossier is {status} ({})", describe(status)),
            )
        }
        Some(_) => {}
    }
    let cancel = |reason: String| OrderStep::Cancel {
        contract_id: dossier.contract_id.clone(),
        decision: order(attempt, OrderAction::Cancelled, reason),
    };
    let ordered_as = attempt.ordered_as.trim();
    if !ordered_as.is_empty() && !ordered_as.eq_ignore_ascii_case(&attempt.order_reference) {
        // Two tabs, two journeys, one cart: the first dossier to become the order wins.
        return cancel(format!(
            "the cart was ordered as {}: this second dossier ({status}) is cancelled at Sofinco",
            crate::error::printable(ordered_as)
        ));
    }
    let held = hold(&dossier, attempt.cart_total_cents, &attempt.currency);
    if let Some((Hold::Currency, why)) = held {
        // Never an order in another currency: the customer may switch back to euros.
        return if too_old {
            cancel(format!(
                "{why} for {} hours: the dossier is cancelled at Sofinco",
                policy.abandon_after_s / 3600
            ))
        } else {
            OrderStep::Done(OrderDecision {
                held: Some(Hold::Currency),
                ..order(attempt, OrderAction::Wait, why)
            })
        };
    }
    let (state, reason, held) = match held {
        Some((kind, why)) => (OrderState::TechError, why, Some(kind)),
        None => (
            state.unwrap_or(OrderState::TechError),
            format!("Sofinco dossier is {status}"),
            None,
        ),
    };
    OrderStep::Done(OrderDecision {
        held,
        ..order(
            attempt,
            OrderAction::CreateOrder(creation(&dossier, state)),
            reason,
        )
    })
}

/// The reason's wording of a closed dossier (status::closed_reason, said in full).
fn describe(status: &str) -> &'static str {
    match table::closed_reason(status) {
        "abandoned" => "abandoned by the customer",
        other => other,
    }
}

/// Whether the statuses task must look this order up at all (no call otherwise).
pub fn status_needs_lookup(o: &TrackedOrder, now: i64, policy: &Policy) -> Option<StatusDecision> {
    let leave = |reason: String| StatusDecision {
        action: StatusAction::Leave,
        reason,
        ..status(o.id_order)
    };
    if !table::is_synced(o.state) {
        return Some(leave(format!(
            "state {} is not followed (final, or set by hand)",
            table::label(o.state)
        )));
    }
    let in_grace = matches!(o.state, Some(OrderState::NotFound | OrderState::TechError));
    if in_grace && now - o.since >= policy.grace_s {
        return Some(leave(format!(
            "{} for more than {} days: no longer checked",
            table::label(o.state),
            policy.grace_s / 86_400
        )));
    }
    None
}

/// The statuses task for one order, from what Sofinco says of its dossier.
pub fn decide_status(o: &TrackedOrder, lookup: Result<Option<Dossier>>) -> StatusDecision {
    let status = lookup
        .as_ref()
        .ok()
        .and_then(|d| d.as_ref())
        .map(|d| d.status.clone());
    let amount = lookup
        .as_ref()
        .ok()
        .and_then(|d| d.as_ref())
        .map(|d| d.amount_cents);
    let d = status_decision(o, lookup);
    StatusDecision {
        sofinco_status: status,
        sofinco_amount_cents: amount,
        release_stock: d.action == StatusAction::SetState && table::releases_stock(d.state),
        withdrawal_end: crate::withdrawal::end(d.signature_date.as_deref()),
        ..d
    }
}

fn status_decision(o: &TrackedOrder, lookup: Result<Option<Dossier>>) -> StatusDecision {
    let decision = |action, state, signature_date, reason: String| StatusDecision {
        action,
        state,
        signature_date,
        reason,
        ..status(o.id_order)
    };
    let dossier = match lookup {
        Ok(Some(d)) => d,
        Ok(None) => {
            return move_to(
                o,
                OrderState::NotFound,
                None,
                "Sofinco knows no such dossier".into(),
            )
        }
        Err(e) if e.kind() == ErrorKind::NotFound => {
            return move_to(
                o,
                OrderState::NotFound,
                None,
                "Sofinco knows no such dossier".into(),
            )
        }
        Err(e) => return decision(StatusAction::Error, None, None, e.message().to_string()),
    };
    let signature = dossier.signature_date.clone();
    let state = match table::state_for(&dossier.status) {
        Err(e) => {
            return decision(
                StatusAction::Error,
                None,
                signature,
                e.message().to_string(),
            )
        }
        Ok(None) => {
            return decision(
                StatusAction::None,
                None,
                signature,
                "Sofinco answers UKW: asked again next run".into(),
            )
        }
        Ok(Some(state)) => state,
    };
    if let Some((kind, why)) = hold(&dossier, o.order_total_cents, &o.currency) {
        // Held until the merchant resolves it: only a state without money may follow
        // (refused, cancelled, not found), never one that leads to funding.
        let without_money = table::group(state).is_ok_and(|g| g == Group::Cancelled);
        let to = if without_money {
            state
        } else {
            OrderState::TechError
        };
        return StatusDecision {
            held: Some(kind),
            ..move_to(o, to, signature, why)
        };
    }
    if o.state == Some(OrderState::FundingRequested) && state == OrderState::AwaitingFunding {
        return decision(
            StatusAction::None,
            None,
            signature,
            "funding requested, Sofinco still says AFI".into(),
        );
    }
    move_to(
        o,
        state,
        signature,
        format!("Sofinco dossier is {}", dossier.status),
    )
}

fn move_to(
    o: &TrackedOrder,
    state: OrderState,
    signature_date: Option<String>,
    reason: String,
) -> StatusDecision {
    let action = if o.state == Some(state) {
        StatusAction::None
    } else {
        StatusAction::SetState
    };
    StatusDecision {
        action,
        state: (action == StatusAction::SetState).then_some(state),
        signature_date,
        reason,
        ..status(o.id_order)
    }
}

/// An empty status decision for `id_order`, for the builders above to fill.
fn status(id_order: i64) -> StatusDecision {
    StatusDecision {
        id_order,
        action: StatusAction::None,
        state: None,
        release_stock: false,
        signature_date: None,
        withdrawal_end: None,
        reason: String::new(),
        sofinco_status: None,
        sofinco_amount_cents: None,
        held: None,
    }
}

/// What the funding task does before any deliver: from the dossier's state.
pub enum FundingStep {
    /// Send the deliver now.
    Deliver,
    Done(FundingDecision),
}

pub fn funding_step(r: &FundingRequest, lookup: Result<Dossier>) -> FundingStep {
    let done = |action, state, reason: String| {
        FundingStep::Done(FundingDecision {
            id_order: r.id_order,
            action,
            state,
            sofinco_status: (state == Some(OrderState::Funded)).then(|| code::FUNDED.into()),
            reason,
            held: None,
        })
    };
    let dossier = match lookup {
        Ok(d) => d,
        Err(e) if e.is_retryable() => {
            let action = if r.sent {
                FundingAction::None
            } else {
                FundingAction::Retry
            };
            return done(
                action,
                None,
                format!("Sofinco unreachable: {}", e.message()),
            );
        }
        Err(e) => return done(FundingAction::Error, None, e.message().to_string()),
    };
    if let Some((kind, why)) = hold(&dossier, r.order_total_cents, &r.currency) {
        // Neither a deliver nor a paid state for a dossier that does not pay the order (the
        // merchant edited it): the order is held, the request withdrawn.
        return FundingStep::Done(FundingDecision {
            id_order: r.id_order,
            action: FundingAction::Error,
            state: Some(OrderState::TechError),
            sofinco_status: Some(dossier.status.clone()),
            reason: why,
            held: Some(kind),
        });
    }
    match dossier.status.as_str() {
        code::FUNDED => done(
            FundingAction::Funded,
            Some(OrderState::Funded),
            "Sofinco funded the dossier".into(),
        ),
        code::AWAITING_FUNDING if r.sent => done(
            FundingAction::None,
            None,
            "accepted by Sofinco, awaiting funding".into(),
        ),
        code::AWAITING_FUNDING => FundingStep::Deliver,
        // Ended without funding (the customer withdrew, Sofinco refused): the request is
        // closed, not an error in every run; the statuses task moves the order.
        closed @ (code::REFUSED | code::CANCELLED | code::ABANDONED) => {
            FundingStep::Done(FundingDecision {
                id_order: r.id_order,
                action: FundingAction::Closed,
                state: None,
                sofinco_status: Some(closed.to_string()),
                reason: format!(
                    "the dossier is {closed}: the funding request is closed, nothing sent"
                ),
                held: None,
            })
        }
        other => done(
            FundingAction::Error,
            None,
            format!("the dossier is {other}, not AFI: funding cannot be requested"),
        ),
    }
}

/// The outcome of the deliver call.
pub fn funding_sent(r: &FundingRequest, outcome: Result<bool>) -> FundingDecision {
    let (action, state, reason) = match outcome {
        Ok(true) => (
            FundingAction::Sent,
            Some(OrderState::FundingRequested),
            "funding request accepted by Sofinco".to_string(),
        ),
        Ok(false) => (
            FundingAction::Retry,
            None,
            "Sofinco did not accept the request yet".into(),
        ),
        Err(e) if e.is_retryable() => (
            FundingAction::Retry,
            None,
            format!(
                "Sofinco unreachable, kept for the next run: {}",
                e.message()
            ),
        ),
        Err(e) => (FundingAction::Error, None, e.message().to_string()),
    };
    FundingDecision {
        id_order: r.id_order,
        action,
        state,
        sofinco_status: None,
        reason,
        held: None,
    }
}

/// A funding request with no contract number is never sent: Sofinco could only refuse it.
pub fn funding_precheck(r: &FundingRequest) -> Option<FundingDecision> {
    r.contract_id.trim().is_empty().then(|| FundingDecision {
        id_order: r.id_order,
        action: FundingAction::Error,
        state: None,
        sofinco_status: None,
        reason: "the dossier has no Sofinco contract number: funding cannot be requested".into(),
        held: None,
    })
}

/// Before any call: may this order's dossier be cancelled at all?
pub fn cancel_precheck(r: &CancelRequest) -> Option<CancelDecision> {
    (!table::can_cancel(r.state, &r.sofinco_status, &r.contract_id)).then(|| CancelDecision {
        id_order: r.id_order,
        action: CancelAction::NotAllowed,
        state: None,
        release_stock: false,
        sofinco_status: None,
        reason: format!(
            "order in {} with Sofinco status {}: not cancellable",
            table::label(r.state),
            crate::error::printable(&r.sofinco_status)
        ),
    })
}

/// The outcome of the cancel call.
pub fn cancel_sent(r: &CancelRequest, outcome: Result<bool>) -> CancelDecision {
    let (action, state, reason) = match outcome {
        Ok(true) => (
            CancelAction::Cancelled,
            Some(OrderState::Cancelled),
            "Sofinco cancelled the dossier".to_string(),
        ),
        Ok(false) => (
            CancelAction::NotAccepted,
            None,
            "Sofinco did not accept the cancellation".to_string(),
        ),
        Err(e) => (CancelAction::Error, None, e.message().to_string()),
    };
    CancelDecision {
        id_order: r.id_order,
        action,
        state,
        release_stock: table::releases_stock(state),
        sofinco_status: state.map(|_| code::CANCELLED.to_string()),
        reason,
    }
}

/// A notification naming another reference than the attempt's changes nothing.
pub fn notification_mismatch(attempt: &Attempt, named: &str) -> Option<OrderDecision> {
    (!named.eq_ignore_ascii_case(&attempt.order_reference)).then(|| {
        order(
            attempt,
            OrderAction::None,
            format!(
                "the notification names {}, not {}",
                crate::error::printable(named),
                attempt.order_reference
            ),
        )
    })
}

/// Lets tests build lookups.
#[cfg(test)]
pub(crate) fn dossier(status: &str, amount_cents: i64) -> Dossier {
    Dossier {
        contract_id: "SBX1".into(),
        order_reference: "REF1".into(),
        amount_cents,
        status: status.into(),
        signature_date: Some("2026-11-20".into()),
        funded_at: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    const NOW: i64 = 1_800_000_000;

    fn created(d: &OrderDecision) -> &Creation {
        match &d.action {
            OrderAction::CreateOrder(c) => c,
            other => panic!("expected an order to create, got {other:?}"),
        }
    }

    fn attempt(age_s: i64) -> Attempt {
        Attempt {
            id_cart: 42,
            order_reference: "REF1".into(),
            cart_total_cents: 129_000,
            currency: "EUR".into(),
            ordered_as: String::new(),
            created_at: NOW - age_s,
        }
    }

    fn tracked(state: impl Into<Option<OrderState>>, since_ago: i64) -> TrackedOrder {
        TrackedOrder {
            id_order: 7,
            contract_id: "SBX1".into(),
            order_reference: "REF1".into(),
            state: state.into(),
            order_total_cents: 129_000,
            currency: "EUR".into(),
            since: NOW - since_ago,
        }
    }

    fn request(sent: bool) -> FundingRequest {
        FundingRequest {
            id_order: 7,
            contract_id: "SBX1".into(),
            order_reference: "REF1".into(),
            order_total_cents: 129_000,
            currency: "EUR".into(),
            requested_at: NOW,
            sent,
        }
    }

    #[test]
    fn alive_dossiers_create_the_order_in_the_mapped_state() {
        let p = Policy::default();
        for (status, state) in [
            ("ATT", OrderState::InStudy),
            ("ETU", OrderState::InStudy),
            ("CLI", OrderState::AwaitingCustomer),
            ("AFI", OrderState::AwaitingFunding),
            ("FIN", OrderState::Funded),
        ] {
            let d = decide_order(&attempt(10), Ok(Some(dossier(status, 129_000))), NOW, &p);
            let c = created(&d);
            assert_eq!(c.state, state, "{status}");
            assert_eq!(c.contract_id, "SBX1");
            assert_eq!(c.signature_date.as_deref(), Some("2026-11-20"));
        }
    }

    #[test]
    fn no_dossier_waits_then_abandons() {
        let p = Policy::default();
        assert_eq!(
            decide_order(&attempt(60), Ok(None), NOW, &p).action,
            OrderAction::Wait
        );
        assert_eq!(
            decide_order(&attempt(172_800), Ok(None), NOW, &p).action,
            OrderAction::Abandon
        );
        for status in ["UKW", "NFD", "ERR"] {
            let young = decide_order(&attempt(60), Ok(Some(dossier(status, 129_000))), NOW, &p);
            assert_eq!(young.action, OrderAction::Wait, "{status}");
            let old = decide_order(
                &attempt(200_000),
                Ok(Some(dossier(status, 129_000))),
                NOW,
                &p,
            );
            assert_eq!(old.action, OrderAction::Abandon, "{status}");
        }
    }

    #[test]
    fn closed_dossiers_abandon_with_the_reason() {
        for (status, word) in [
            ("REF", "refused"),
            ("ANN", "cancelled"),
            ("ABD", "abandoned"),
        ] {
            let d = decide_order(
                &attempt(60),
                Ok(Some(dossier(status, 129_000))),
                NOW,
                &Policy::default(),
            );
            assert_eq!(d.action, OrderAction::Abandon);
            assert!(d.reason.contains(word), "{}", d.reason);
        }
    }

    #[test]
    fn a_wrong_amount_never_validates() {
        for status in ["ETU", "AFI", "FIN"] {
            let d = decide_order(
                &attempt(60),
                Ok(Some(dossier(status, 1))),
                NOW,
                &Policy::default(),
            );
            assert_eq!(created(&d).state, OrderState::TechError);
            assert!(d.reason.contains("amount mismatch"));
        }
        let s = decide_status(
            &tracked(OrderState::InStudy, 0),
            Ok(Some(dossier("FIN", 1))),
        );
        assert_eq!(
            (s.action, s.state),
            (StatusAction::SetState, Some(OrderState::TechError))
        );
        let f = funding_step(&request(false), Ok(dossier("AFI", 1)));
        assert!(matches!(
            f,
            FundingStep::Done(FundingDecision {
                action: FundingAction::Error,
                ..
            })
        ));
    }

    #[test]
    fn unknown_codes_and_failures_are_errors() {
        let d = decide_order(
            &attempt(60),
            Ok(Some(dossier("XYZ", 129_000))),
            NOW,
            &Policy::default(),
        );
        assert_eq!(d.action, OrderAction::Error);
        assert!(d.reason.contains("XYZ"));
        let e = decide_order(
            &attempt(60),
            Err(Error::transport("down")),
            NOW,
            &Policy::default(),
        );
        assert_eq!(e.action, OrderAction::Error);
        let s = decide_status(
            &tracked(OrderState::InStudy, 0),
            Ok(Some(dossier("XYZ", 129_000))),
        );
        assert_eq!((s.action, s.state), (StatusAction::Error, None));
    }

    #[test]
    fn statuses_move_and_record_signature() {
        let s = decide_status(
            &tracked(OrderState::InStudy, 0),
            Ok(Some(dossier("CLI", 129_000))),
        );
        assert_eq!(
            (s.action, s.state),
            (StatusAction::SetState, Some(OrderState::AwaitingCustomer))
        );
        let same = decide_status(
            &tracked(OrderState::InStudy, 0),
            Ok(Some(dossier("ETU", 129_000))),
        );
        assert_eq!((same.action, same.state), (StatusAction::None, None));
        assert_eq!(same.signature_date.as_deref(), Some("2026-11-20"));
        let ukw = decide_status(
            &tracked(OrderState::InStudy, 0),
            Ok(Some(dossier("UKW", 129_000))),
        );
        assert_eq!(ukw.action, StatusAction::None);
        let gone = decide_status(
            &tracked(OrderState::InStudy, 0),
            Err(Error::api(ErrorKind::NotFound, 404, "", "x")),
        );
        assert_eq!(
            (gone.action, gone.state),
            (StatusAction::SetState, Some(OrderState::NotFound))
        );
    }

    #[test]
    fn funding_requested_never_goes_back_to_awaiting_funding() {
        let s = decide_status(
            &tracked(OrderState::FundingRequested, 0),
            Ok(Some(dossier("AFI", 129_000))),
        );
        assert_eq!((s.action, s.state), (StatusAction::None, None));
        let funded = decide_status(
            &tracked(OrderState::FundingRequested, 0),
            Ok(Some(dossier("FIN", 129_000))),
        );
        assert_eq!(funded.state, Some(OrderState::Funded));
    }

    #[test]
    fn manual_and_final_states_are_left_without_a_call() {
        let p = Policy::default();
        for state in [None, Some(OrderState::Funded), Some(OrderState::Refused)] {
            let d = status_needs_lookup(&tracked(state, 0), NOW, &p).expect("left");
            assert_eq!(d.action, StatusAction::Leave);
        }
        assert!(status_needs_lookup(&tracked(OrderState::InStudy, 999_999), NOW, &p).is_none());
    }

    #[test]
    fn grace_period_for_not_found_and_tech_error() {
        let p = Policy::default();
        for state in [OrderState::NotFound, OrderState::TechError] {
            assert!(status_needs_lookup(&tracked(state, 3600), NOW, &p).is_none());
            let after = status_needs_lookup(&tracked(state, 604_800), NOW, &p).unwrap();
            assert_eq!(after.action, StatusAction::Leave);
        }
    }

    #[test]
    fn funding_paths() {
        assert!(matches!(
            funding_step(&request(false), Ok(dossier("AFI", 129_000))),
            FundingStep::Deliver
        ));
        let check = |r: FundingRequest, l: Result<Dossier>| match funding_step(&r, l) {
            FundingStep::Done(d) => (d.action, d.state),
            FundingStep::Deliver => panic!("unexpected deliver"),
        };
        assert_eq!(
            check(request(true), Ok(dossier("AFI", 129_000))),
            (FundingAction::None, None)
        );
        assert_eq!(
            check(request(true), Ok(dossier("FIN", 129_000))),
            (FundingAction::Funded, Some(OrderState::Funded))
        );
        assert_eq!(
            check(request(false), Ok(dossier("FIN", 129_000))),
            (FundingAction::Funded, Some(OrderState::Funded))
        );
        assert_eq!(
            check(request(false), Ok(dossier("REF", 129_000))).0,
            FundingAction::Closed,
            "a refused dossier closes the request: not an error every run"
        );
        assert_eq!(
            check(request(true), Ok(dossier("ANN", 129_000))).0,
            FundingAction::Closed
        );
        assert_eq!(
            check(request(false), Ok(dossier("ETU", 129_000))).0,
            FundingAction::Error
        );
        assert_eq!(
            check(request(false), Err(Error::transport("down"))).0,
            FundingAction::Retry
        );
        assert_eq!(
            funding_sent(&request(false), Ok(true)).action,
            FundingAction::Sent
        );
        assert_eq!(
            funding_sent(&request(false), Err(Error::transport("t"))).action,
            FundingAction::Retry
        );
        assert_eq!(
            funding_sent(
                &request(false),
                Err(Error::api(ErrorKind::Api, 409, "", "no"))
            )
            .action,
            FundingAction::Error
        );
    }

    #[test]
    fn notifications_for_another_reference_change_nothing() {
        let d = notification_mismatch(&attempt(0), "OTHER").unwrap();
        assert_eq!(d.action, OrderAction::None);
        assert!(notification_mismatch(&attempt(0), "ref1").is_none());
    }

    #[test]
    fn approved_dossiers_are_created_in_study_and_only_funded_ones_carry_payment() {
        let p = Policy::default();
        let afi = decide_order(&attempt(10), Ok(Some(dossier("AFI", 129_000))), NOW, &p);
        let afi = created(&afi);
        assert_eq!(afi.state, OrderState::AwaitingFunding);
        assert_eq!(afi.create_in, OrderState::InStudy);
        assert_eq!(afi.payment_cents, 0);
        let fin = decide_order(&attempt(10), Ok(Some(dossier("FIN", 129_000))), NOW, &p);
        let fin = created(&fin);
        assert_eq!(fin.create_in, OrderState::Funded);
        assert_eq!(fin.payment_cents, 129_000);
        let wrong = decide_order(&attempt(10), Ok(Some(dossier("FIN", 1))), NOW, &p);
        assert_eq!(
            created(&wrong).payment_cents,
            0,
            "a mismatched amount is never paid"
        );
        assert_eq!(fin.withdrawal_end.as_deref(), Some("2026-12-04"));
    }

    #[test]
    fn refusals_release_stock_and_dates_without_signature_have_no_period() {
        let s = decide_status(
            &tracked(OrderState::InStudy, 0),
            Ok(Some(dossier("REF", 129_000))),
        );
        assert!(s.release_stock);
        let mut no_date = dossier("AFI", 129_000);
        no_date.signature_date = None;
        let s = decide_status(&tracked(OrderState::InStudy, 0), Ok(Some(no_date)));
        assert!(!s.release_stock);
        assert_eq!(s.withdrawal_end, None);
    }

    #[test]
    fn an_empty_contract_is_never_sent_for_funding() {
        let mut r = request(false);
        r.contract_id = " ".into();
        let d = funding_precheck(&r).expect("refused before any call");
        assert_eq!(d.action, FundingAction::Error);
        assert!(funding_precheck(&request(false)).is_none());
    }

    #[test]
    fn cancel_is_checked_before_any_call_and_its_outcome_moves_the_order() {
        let req = |state: Option<OrderState>, status: &str| CancelRequest {
            id_order: 7,
            contract_id: "SBX1".into(),
            order_reference: "REF1".into(),
            state,
            sofinco_status: status.into(),
        };
        let refused = cancel_precheck(&req(None, "ETU")).expect("moved by hand");
        assert_eq!(refused.action, CancelAction::NotAllowed);
        assert!(cancel_precheck(&req(Some(OrderState::InStudy), "ETU")).is_none());
        let done = cancel_sent(&req(Some(OrderState::InStudy), "ETU"), Ok(true));
        assert_eq!(
            (done.action, done.state, done.release_stock),
            (CancelAction::Cancelled, Some(OrderState::Cancelled), true)
        );
        assert_eq!(done.sofinco_status.as_deref(), Some("ANN"));
        let no = cancel_sent(&req(Some(OrderState::InStudy), "ETU"), Ok(false));
        assert_eq!((no.action, no.state), (CancelAction::NotAccepted, None));
        let err = cancel_sent(
            &req(Some(OrderState::InStudy), "ETU"),
            Err(Error::transport("down")),
        );
        assert_eq!(err.action, CancelAction::Error);
    }

    #[test]
    fn an_order_enlarged_after_the_journey_is_held_whatever_sofinco_says_next() {
        // The order is 2 580 €, Sofinco lent 1 290 €: never in study, approved or funded.
        let mut o = tracked(OrderState::TechError, 0);
        o.order_total_cents = 258_000;
        for status in ["ATT", "ETU", "CLI", "AFI", "FIN", "ERR"] {
            let s = decide_status(&o, Ok(Some(dossier(status, 129_000))));
            assert_eq!((s.action, s.state), (StatusAction::None, None), "{status}");
            assert_eq!(s.held, Some(Hold::Amount), "{status}");
            assert_eq!(s.sofinco_amount_cents, Some(129_000));
            assert!(s.reason.contains("129000") && s.reason.contains("258000"));
        }
        let mut in_study = o.clone();
        in_study.state = OrderState::InStudy.into();
        let s = decide_status(&in_study, Ok(Some(dossier("AFI", 129_000))));
        assert_eq!(s.state, Some(OrderState::TechError), "held, not approved");
        // Sofinco closing the dossier ends it without money, as for any order.
        let s = decide_status(&o, Ok(Some(dossier("ANN", 129_000))));
        assert_eq!(
            (s.state, s.release_stock),
            (Some(OrderState::Cancelled), true)
        );
        // The same order at its own total goes on.
        o.order_total_cents = 129_000;
        let s = decide_status(&o, Ok(Some(dossier("AFI", 129_000))));
        assert_eq!((s.state, s.held), (Some(OrderState::AwaitingFunding), None));
    }

    #[test]
    fn an_order_in_another_currency_is_held_and_never_funded() {
        let mut o = tracked(OrderState::InStudy, 0);
        o.currency = "USD".into();
        let s = decide_status(&o, Ok(Some(dossier("FIN", 129_000))));
        assert_eq!(
            (s.state, s.held),
            (Some(OrderState::TechError), Some(Hold::Currency))
        );
        let mut r = request(false);
        r.currency = "USD".into();
        match funding_step(&r, Ok(dossier("AFI", 129_000))) {
            FundingStep::Done(d) => {
                assert_eq!(
                    (d.action, d.held),
                    (FundingAction::Error, Some(Hold::Currency))
                )
            }
            FundingStep::Deliver => panic!("a USD order must never be sent for funding"),
        }
        let mut r = request(false);
        r.order_total_cents = 258_000;
        match funding_step(&r, Ok(dossier("FIN", 129_000))) {
            FundingStep::Done(d) => assert_eq!(
                (d.action, d.state),
                (FundingAction::Error, Some(OrderState::TechError)),
                "held, never paid"
            ),
            FundingStep::Deliver => panic!("an enlarged order must never be sent for funding"),
        }
    }

    #[test]
    fn a_cart_switched_to_another_currency_makes_no_order_then_its_dossier_is_cancelled() {
        let p = Policy::default();
        let mut a = attempt(60);
        a.currency = "USD".into();
        a.cart_total_cents = 139_320;
        let d = decide_order(&a, Ok(Some(dossier("ETU", 129_000))), NOW, &p);
        assert_eq!(
            (d.action.clone(), d.held),
            (OrderAction::Wait, Some(Hold::Currency))
        );
        a.cart_total_cents = 129_000; // rate 1.00: still no order in dollars
        assert_eq!(
            decide_order(&a, Ok(Some(dossier("ETU", 129_000))), NOW, &p).action,
            OrderAction::Wait
        );
        a.created_at = NOW - p.abandon_after_s;
        match order_step(&a, Ok(Some(dossier("ETU", 129_000))), NOW, &p) {
            OrderStep::Cancel {
                contract_id,
                decision,
            } => {
                assert_eq!(contract_id, "SBX1");
                assert_eq!(decision.action, OrderAction::Cancelled);
            }
            OrderStep::Done(d) => panic!("expected a cancel, got {d:?}"),
        }
    }

    #[test]
    fn a_second_signed_dossier_for_an_ordered_cart_is_cancelled_at_sofinco() {
        let p = Policy::default();
        let mut a = attempt(60);
        a.ordered_as = "FIRSTREF".into();
        for status in ["ETU", "AFI", "FIN"] {
            match order_step(&a, Ok(Some(dossier(status, 129_000))), NOW, &p) {
                OrderStep::Cancel { decision, .. } => {
                    assert!(decision.reason.contains("FIRSTREF"), "{}", decision.reason)
                }
                OrderStep::Done(d) => panic!("{status}: expected a cancel, got {d:?}"),
            }
        }
        // Nothing to cancel: closed or not signed yet.
        assert_eq!(
            decide_order(&a, Ok(Some(dossier("REF", 129_000))), NOW, &p).action,
            OrderAction::Abandon
        );
        assert_eq!(
            decide_order(&a, Ok(None), NOW, &p).action,
            OrderAction::Wait
        );
        // The order made from this very attempt is not a second one.
        a.ordered_as = "ref1".into();
        assert!(matches!(
            decide_order(&a, Ok(Some(dossier("ETU", 129_000))), NOW, &p).action,
            OrderAction::CreateOrder(_)
        ));
        let cancelled = order(&a, OrderAction::Cancelled, "x");
        assert_eq!(
            order_cancelled(cancelled.clone(), Ok(true)).action,
            OrderAction::Cancelled
        );
        assert_eq!(
            order_cancelled(cancelled, Err(Error::transport("down"))).action,
            OrderAction::Error
        );
    }

    #[test]
    fn a_funded_order_is_paid_sofincos_amount() {
        let d = decide_order(
            &attempt(10),
            Ok(Some(dossier("FIN", 129_000))),
            NOW,
            &Policy::default(),
        );
        assert_eq!(created(&d).payment_cents, 129_000);
        assert_eq!(d.sofinco_amount_cents, Some(129_000));
        assert_eq!(d.held, None);
    }

    #[test]
    fn a_contract_id_the_client_refuses_is_an_error_not_an_unknown_dossier() {
        let refused = Error::invalid_input("contract id \"A/B\" must be …");
        let s = decide_status(&tracked(OrderState::InStudy, 0), Err(refused));
        assert_eq!((s.action, s.state), (StatusAction::Error, None));
    }
}
