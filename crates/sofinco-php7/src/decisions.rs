//! The decisions DossierSync hands the module, as read-only objects; each carries its row's
//! id. Actions are the enum-likes' values (enums.rs), states the core's state keys.

use phper::modules::Module;
use phper::objects::ZObject;
use phper::values::ZVal;

use sofinco_core::error::Error;
use sofinco_core::sync::types as core;

use crate::bind::method;
use crate::php_array::{assoc, list};
use crate::readonly::{self, opt};
use crate::state;
use crate::thrown::{Res, Thrown};

const ORDER: &str = "Sofinco\\OrderDecision";
const STATUS: &str = "Sofinco\\StatusDecision";
const FUNDING: &str = "Sofinco\\FundingDecision";
const CANCEL: &str = "Sofinco\\CancelDecision";
const BATCH: &str = "Sofinco\\Batch";

/// A batch's outcomes and summary, for `summaryOfFirst()`.
#[derive(Default)]
pub struct BatchState {
    outcomes: Vec<core::Outcome>,
    summary: core::Summary,
}

pub fn register(module: &mut Module) {
    let mut order = readonly::class::<Option<core::OrderDecision>>(ORDER);
    let for_order = "int $order_total_cents, string $currency";
    method(
        &mut order,
        ORDER,
        ("stateForOrder", for_order, "?string"),
        |this, a| {
            let (total, currency) = (a.int(0, "order_total_cents")?, a.string(1, "currency")?);
            let d = decision(this.as_state())?;
            Ok(state::zval(d.state_for_order(total, &currency)))
        },
    );
    method(
        &mut order,
        ORDER,
        ("heldForOrder", for_order, "?string"),
        |this, a| {
            let (total, currency) = (a.int(0, "order_total_cents")?, a.string(1, "currency")?);
            let d = decision(this.as_state())?;
            Ok(opt(d.held_for_order(total, &currency).map(|h| h.as_str())))
        },
    );
    module.add_class(order);
    module.add_class(readonly::class::<()>(STATUS));
    module.add_class(readonly::class::<()>(FUNDING));
    module.add_class(readonly::class::<()>(CANCEL));
    let mut batch = readonly::class::<BatchState>(BATCH);
    method(&mut batch, BATCH, ("summary", "", "array"), |this, _| {
        Ok(summary(&this.as_state().summary))
    });
    method(
        &mut batch,
        BATCH,
        ("summaryOfFirst", "int $applied", "array"),
        |this, a| {
            let applied = a.int(0, "applied")?;
            let applied = usize::try_from(applied)
                .map_err(|_| Error::invalid_input("applied must not be negative"))?;
            let s = this.as_state();
            Res::Ok(summary(&s.summary.of_first(&s.outcomes, applied)))
        },
    );
    module.add_class(batch);
}

fn decision(d: &Option<core::OrderDecision>) -> Res<&core::OrderDecision> {
    d.as_ref()
        .ok_or_else(|| Thrown::Core(Error::internal("an OrderDecision without its decision")))
}

fn summary(s: &core::Summary) -> ZVal {
    assoc(vec![
        ("checked", (s.checked as i64).into()),
        ("changed", (s.changed as i64).into()),
        ("errors", (s.errors as i64).into()),
        ("remaining", (s.remaining as i64).into()),
        ("elapsed_ms", (s.elapsed_ms as i64).into()),
    ])
    .into()
}

fn held(h: Option<core::Hold>) -> ZVal {
    opt(h.map(|h| h.as_str()))
}

/// Cents to euros for PrestaShop's float APIs (exact to the cent below 2^53).
fn euros(cents: i64) -> f64 {
    cents as f64 / 100.0
}

pub fn order(d: core::OrderDecision) -> Res<ZVal> {
    let c = match &d.action {
        core::OrderAction::CreateOrder(c) => Some(c),
        _ => None,
    };
    let payment_cents = c.map_or(0, |c| c.payment_cents);
    let mut object = readonly::object(
        ORDER,
        vec![
            ("idCart", d.id_cart.into()),
            ("orderReference", d.order_reference.as_str().into()),
            ("action", d.action.as_str().into()),
            ("state", state::zval(d.state())),
            ("createIn", state::zval(d.create_in())),
            ("paymentCents", payment_cents.into()),
            ("paymentEuros", euros(payment_cents).into()),
            ("contractId", opt(c.map(|c| c.contract_id.clone()))),
            (
                "signatureDate",
                opt(c.and_then(|c| c.signature_date.clone())),
            ),
            (
                "withdrawalEnd",
                opt(c.and_then(|c| c.withdrawal_end.clone())),
            ),
            ("reason", d.reason.as_str().into()),
            ("sofincoStatus", opt(d.sofinco_status.clone())),
            ("sofincoAmountCents", opt(d.sofinco_amount_cents)),
            ("heldBecause", held(d.held)),
        ],
    )?;
    set_state(&mut object, Some(d));
    Ok(object.into())
}

pub fn status(d: core::StatusDecision) -> Res<ZVal> {
    Ok(readonly::object(
        STATUS,
        vec![
            ("idOrder", d.id_order.into()),
            ("action", d.action.as_str().into()),
            ("state", state::zval(d.state)),
            ("releaseStock", d.release_stock.into()),
            ("signatureDate", opt(d.signature_date)),
            ("withdrawalEnd", opt(d.withdrawal_end)),
            ("reason", d.reason.into()),
            ("sofincoStatus", opt(d.sofinco_status)),
            ("sofincoAmountCents", opt(d.sofinco_amount_cents)),
            ("heldBecause", held(d.held)),
        ],
    )?
    .into())
}

pub fn funding(d: core::FundingDecision) -> Res<ZVal> {
    Ok(readonly::object(
        FUNDING,
        vec![
            ("idOrder", d.id_order.into()),
            ("action", d.action.as_str().into()),
            ("state", state::zval(d.state)),
            ("sofincoStatus", opt(d.sofinco_status)),
            ("reason", d.reason.into()),
            ("heldBecause", held(d.held)),
        ],
    )?
    .into())
}

pub fn cancel(d: core::CancelDecision) -> Res<ZVal> {
    Ok(readonly::object(
        CANCEL,
        vec![
            ("idOrder", d.id_order.into()),
            ("action", d.action.as_str().into()),
            ("state", state::zval(d.state)),
            ("releaseStock", d.release_stock.into()),
            ("sofincoStatus", opt(d.sofinco_status)),
            ("reason", d.reason.into()),
        ],
    )?
    .into())
}

/// A core batch as a `Batch`, each decision converted by `wrap`.
pub fn batch<D>(b: core::Batch<D>, wrap: impl Fn(D) -> Res<ZVal>) -> Res<ZVal> {
    let decisions = b.decisions.into_iter().map(wrap).collect::<Res<Vec<_>>>()?;
    let s = b.summary;
    let mut object = readonly::object(
        BATCH,
        vec![
            ("decisions", list(decisions).into()),
            ("checked", (s.checked as i64).into()),
            ("changed", (s.changed as i64).into()),
            ("errors", (s.errors as i64).into()),
            ("remaining", (s.remaining as i64).into()),
            ("elapsedMs", (s.elapsed_ms as i64).into()),
        ],
    )?;
    set_state(
        &mut object,
        BatchState {
            outcomes: b.outcomes,
            summary: s,
        },
    );
    Ok(object.into())
}

/// Puts `state` into an object of a class registered with that state type.
pub fn set_state<T: 'static>(object: &mut ZObject, state: T) {
    // SAFETY: the callers pass objects of the class registered with state `T` just made.
    unsafe {
        *object.as_mut_state_obj::<T>().as_mut_state() = state;
    }
}
