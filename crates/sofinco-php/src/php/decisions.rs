//! The decisions DossierSync hands the module, as PHP objects with read-only properties
//! and PHP 8.1 enums for their actions: each carries its row's id, so the module never
//! matches decisions to rows by position, and never compares action strings.

use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;

use super::inputs::refuse_write;
use ext_php_rs::types::ZendHashTable;

use super::array::PhpArray;
use super::state::{self, OrderState};
use crate::error::{Error, Result};
use crate::sync::types as core;

/// What to do with a checkout attempt.
#[php_enum]
#[php(name = "Sofinco\\OrderAction")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OrderAction {
    #[php(value = "create_order")]
    CreateOrder,
    #[php(value = "wait")]
    Wait,
    #[php(value = "abandon")]
    Abandon,
    /// Another dossier became the cart's order (or the cart stayed in another currency):
    /// this attempt's dossier was cancelled at Sofinco.
    #[php(value = "cancelled")]
    Cancelled,
    #[php(value = "error")]
    Error,
    /// A notification that names another reference: nothing to do.
    #[php(value = "none")]
    Ignore,
}

impl From<&core::OrderAction> for OrderAction {
    fn from(a: &core::OrderAction) -> Self {
        match a {
            core::OrderAction::CreateOrder(_) => OrderAction::CreateOrder,
            core::OrderAction::Wait => OrderAction::Wait,
            core::OrderAction::Abandon => OrderAction::Abandon,
            core::OrderAction::Cancelled => OrderAction::Cancelled,
            core::OrderAction::Error => OrderAction::Error,
            core::OrderAction::None => OrderAction::Ignore,
        }
    }
}

/// What to do with a followed order.
#[php_enum]
#[php(name = "Sofinco\\StatusAction")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusAction {
    #[php(value = "set_state")]
    SetState,
    #[php(value = "none")]
    Unchanged,
    /// The order no longer follows Sofinco: not even its dossier row is touched.
    #[php(value = "leave")]
    Leave,
    #[php(value = "error")]
    Error,
}

impl From<core::StatusAction> for StatusAction {
    fn from(a: core::StatusAction) -> Self {
        match a {
            core::StatusAction::SetState => StatusAction::SetState,
            core::StatusAction::None => StatusAction::Unchanged,
            core::StatusAction::Leave => StatusAction::Leave,
            core::StatusAction::Error => StatusAction::Error,
        }
    }
}

/// What became of a queued funding request.
#[php_enum]
#[php(name = "Sofinco\\FundingAction")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FundingAction {
    #[php(value = "sent")]
    Sent,
    #[php(value = "retry")]
    Retry,
    #[php(value = "funded")]
    Funded,
    /// The dossier ended without funding: the request is closed, nothing was sent.
    #[php(value = "closed")]
    Closed,
    #[php(value = "none")]
    Unchanged,
    #[php(value = "error")]
    Error,
}

impl From<core::FundingAction> for FundingAction {
    fn from(a: core::FundingAction) -> Self {
        match a {
            core::FundingAction::Sent => FundingAction::Sent,
            core::FundingAction::Retry => FundingAction::Retry,
            core::FundingAction::Funded => FundingAction::Funded,
            core::FundingAction::Closed => FundingAction::Closed,
            core::FundingAction::None => FundingAction::Unchanged,
            core::FundingAction::Error => FundingAction::Error,
        }
    }
}

/// What became of a cancellation.
#[php_enum]
#[php(name = "Sofinco\\CancelAction")]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelAction {
    #[php(value = "cancelled")]
    Cancelled,
    #[php(value = "not_allowed")]
    NotAllowed,
    #[php(value = "not_accepted")]
    NotAccepted,
    #[php(value = "error")]
    Error,
}

impl From<core::CancelAction> for CancelAction {
    fn from(a: core::CancelAction) -> Self {
        match a {
            core::CancelAction::Cancelled => CancelAction::Cancelled,
            core::CancelAction::NotAllowed => CancelAction::NotAllowed,
            core::CancelAction::NotAccepted => CancelAction::NotAccepted,
            core::CancelAction::Error => CancelAction::Error,
        }
    }
}

/// One decision of `DossierSync::orders()` or `::notification()`.
#[php_class]
#[php(name = "Sofinco\\OrderDecision")]
pub struct OrderDecision(core::OrderDecision);

#[php_impl]
impl OrderDecision {
    /// Refuses any write: the extension builds this object, PHP only reads it.
    #[php(name = "__set")]
    pub fn set_unknown(&self, name: String, value: &Zval) -> PhpResult<()> {
        let _ = value;
        refuse_write("OrderDecision", &name)
    }
    #[php(getter)]
    pub fn id_cart(&self) -> i64 {
        self.0.id_cart
    }
    #[php(getter)]
    pub fn order_reference(&self) -> String {
        self.0.order_reference.clone()
    }
    #[php(getter)]
    pub fn action(&self) -> OrderAction {
        (&self.0.action).into()
    }
    /// The state Sofinco's dossier maps to (CreateOrder only, else null).
    #[php(getter)]
    pub fn state(&self) -> Option<OrderState> {
        state::php(self.0.state())
    }
    /// The state validateOrder creates the order in; `state` follows when different.
    #[php(getter)]
    pub fn create_in(&self) -> Option<OrderState> {
        state::php(self.0.create_in())
    }
    /// What validateOrder books as paid, in cents: the amount only for a funded dossier.
    #[php(getter)]
    pub fn payment_cents(&self) -> i64 {
        self.0.payment_cents()
    }
    /// The same in euros, for validateOrder's float argument (exact to the cent).
    #[php(getter)]
    pub fn payment_euros(&self) -> f64 {
        self.0.payment_euros()
    }
    #[php(getter)]
    pub fn contract_id(&self) -> Option<String> {
        self.0.contract_id().map(str::to_string)
    }
    #[php(getter)]
    pub fn signature_date(&self) -> Option<String> {
        self.0.signature_date().map(str::to_string)
    }
    #[php(getter)]
    pub fn withdrawal_end(&self) -> Option<String> {
        self.0.withdrawal_end().map(str::to_string)
    }
    #[php(getter)]
    pub fn reason(&self) -> String {
        self.0.reason.clone()
    }
    /// Sofinco's code, when Sofinco answered.
    #[php(getter)]
    pub fn sofinco_status(&self) -> Option<String> {
        self.0.sofinco_status.clone()
    }
    /// Sofinco's dossier amount in cents, when Sofinco answered.
    #[php(getter)]
    pub fn sofinco_amount_cents(&self) -> Option<i64> {
        self.0.sofinco_amount_cents
    }
    /// Why the dossier does not pay for the cart as it is: "amount" or "currency" (null
    /// when it does).
    #[php(getter)]
    pub fn held_because(&self) -> Option<String> {
        held(self.0.held_because())
    }
    /// The state key the order just made from this decision ends in, given the order's
    /// own total (cents) and currency: the decided state, or the held one when the order
    /// is not what Sofinco lends. Null when the decision creates no order.
    pub fn state_for_order(&self, order_total_cents: i64, currency: String) -> Option<OrderState> {
        state::php(self.0.state_for_order(order_total_cents, &currency))
    }
    /// Why that order is held ("amount" or "currency"), null when it is what Sofinco lends.
    pub fn held_for_order(&self, order_total_cents: i64, currency: String) -> Option<String> {
        held(crate::api::decisions::held(
            self.0.held_for_order(order_total_cents, &currency),
        ))
    }
}

fn held(h: Option<&'static str>) -> Option<String> {
    h.map(str::to_string)
}

/// One decision of `DossierSync::statuses()`.
#[php_class]
#[php(name = "Sofinco\\StatusDecision")]
pub struct StatusDecision(core::StatusDecision);

#[php_impl]
impl StatusDecision {
    /// Refuses any write: the extension builds this object, PHP only reads it.
    #[php(name = "__set")]
    pub fn set_unknown(&self, name: String, value: &Zval) -> PhpResult<()> {
        let _ = value;
        refuse_write("StatusDecision", &name)
    }
    #[php(getter)]
    pub fn id_order(&self) -> i64 {
        self.0.id_order
    }
    #[php(getter)]
    pub fn action(&self) -> StatusAction {
        self.0.action.into()
    }
    /// The state key to move the order to (SetState only).
    #[php(getter)]
    pub fn state(&self) -> Option<OrderState> {
        state::php(self.0.state)
    }
    /// The new state ends the dossier without money: PrestaShop's cancelled state follows.
    #[php(getter)]
    pub fn release_stock(&self) -> bool {
        self.0.release_stock
    }
    #[php(getter)]
    pub fn signature_date(&self) -> Option<String> {
        self.0.signature_date.clone()
    }
    #[php(getter)]
    pub fn withdrawal_end(&self) -> Option<String> {
        self.0.withdrawal_end.clone()
    }
    #[php(getter)]
    pub fn reason(&self) -> String {
        self.0.reason.clone()
    }
    #[php(getter)]
    pub fn sofinco_status(&self) -> Option<String> {
        self.0.sofinco_status.clone()
    }
    /// Sofinco's dossier amount in cents, when Sofinco answered.
    #[php(getter)]
    pub fn sofinco_amount_cents(&self) -> Option<i64> {
        self.0.sofinco_amount_cents
    }
    /// Why the order is held ("amount" or "currency"), null when Sofinco's dossier pays
    /// for the order as it is.
    #[php(getter)]
    pub fn held_because(&self) -> Option<String> {
        held(self.0.held_because())
    }
}

/// One decision of `DossierSync::fundings()`.
#[php_class]
#[php(name = "Sofinco\\FundingDecision")]
pub struct FundingDecision(core::FundingDecision);

#[php_impl]
impl FundingDecision {
    /// Refuses any write: the extension builds this object, PHP only reads it.
    #[php(name = "__set")]
    pub fn set_unknown(&self, name: String, value: &Zval) -> PhpResult<()> {
        let _ = value;
        refuse_write("FundingDecision", &name)
    }
    #[php(getter)]
    pub fn id_order(&self) -> i64 {
        self.0.id_order
    }
    #[php(getter)]
    pub fn action(&self) -> FundingAction {
        self.0.action.into()
    }
    #[php(getter)]
    pub fn state(&self) -> Option<OrderState> {
        state::php(self.0.state)
    }
    #[php(getter)]
    pub fn sofinco_status(&self) -> Option<String> {
        self.0.sofinco_status.clone()
    }
    #[php(getter)]
    pub fn reason(&self) -> String {
        self.0.reason.clone()
    }
    /// Why nothing was sent for a dossier that does not pay for the order ("amount" or
    /// "currency"), else null.
    #[php(getter)]
    pub fn held_because(&self) -> Option<String> {
        held(self.0.held_because())
    }
}

/// The decision of `DossierSync::cancel()`.
#[php_class]
#[php(name = "Sofinco\\CancelDecision")]
pub struct CancelDecision(core::CancelDecision);

#[php_impl]
impl CancelDecision {
    /// Refuses any write: the extension builds this object, PHP only reads it.
    #[php(name = "__set")]
    pub fn set_unknown(&self, name: String, value: &Zval) -> PhpResult<()> {
        let _ = value;
        refuse_write("CancelDecision", &name)
    }
    #[php(getter)]
    pub fn id_order(&self) -> i64 {
        self.0.id_order
    }
    #[php(getter)]
    pub fn action(&self) -> CancelAction {
        self.0.action.into()
    }
    #[php(getter)]
    pub fn state(&self) -> Option<OrderState> {
        state::php(self.0.state)
    }
    #[php(getter)]
    pub fn release_stock(&self) -> bool {
        self.0.release_stock
    }
    #[php(getter)]
    pub fn sofinco_status(&self) -> Option<String> {
        self.0.sofinco_status.clone()
    }
    #[php(getter)]
    pub fn reason(&self) -> String {
        self.0.reason.clone()
    }
}

/// The result of one task run: the decisions, in the rows' order, and its summary.
#[php_class]
#[php(name = "Sofinco\\Batch")]
pub struct Batch {
    decisions: ZBox<ZendHashTable>,
    outcomes: Vec<core::Outcome>,
    summary: core::Summary,
}

#[php_impl]
impl Batch {
    /// Refuses any write: the extension builds this object, PHP only reads it.
    #[php(name = "__set")]
    pub fn set_unknown(&self, name: String, value: &Zval) -> PhpResult<()> {
        let _ = value;
        refuse_write("Batch", &name)
    }
    /// The decisions: OrderDecision, StatusDecision or FundingDecision objects.
    #[php(getter)]
    pub fn decisions(&self) -> ZBox<ZendHashTable> {
        self.decisions.clone()
    }
    #[php(getter)]
    pub fn checked(&self) -> i64 {
        self.summary.checked as i64
    }
    #[php(getter)]
    pub fn changed(&self) -> i64 {
        self.summary.changed as i64
    }
    #[php(getter)]
    pub fn errors(&self) -> i64 {
        self.summary.errors as i64
    }
    /// Rows the deadline left for the next run.
    #[php(getter)]
    pub fn remaining(&self) -> i64 {
        self.summary.remaining as i64
    }
    #[php(getter)]
    pub fn elapsed_ms(&self) -> i64 {
        self.summary.elapsed_ms as i64
    }
    /// The summary as an array (checked, changed, errors, remaining, elapsed_ms), for the
    /// cron's JSON line.
    pub fn summary(&self) -> PhpResult<ZBox<ZendHashTable>> {
        super::guard::guard(|| summary_table(&self.summary))
    }
    /// The summary had only the first $applied decisions been applied (the cron's wall
    /// deadline came first): the others count in `remaining`, for the next run.
    pub fn summary_of_first(&self, applied: i64) -> PhpResult<ZBox<ZendHashTable>> {
        super::guard::guard(|| {
            let applied = usize::try_from(applied)
                .map_err(|_| Error::invalid_input("applied must not be negative"))?;
            summary_table(&self.summary.of_first(&self.outcomes, applied))
        })
    }
}

fn summary_table(s: &core::Summary) -> Result<ZBox<ZendHashTable>> {
    let mut table = PhpArray::new();
    for (key, value) in s.fields() {
        table = table.with(key, value)?;
    }
    Ok(table.into_table())
}

/// Wraps a core batch, each decision converted by `wrap`.
pub fn batch<D, W: ext_php_rs::convert::IntoZval>(
    b: core::Batch<D>,
    wrap: impl Fn(D) -> W,
) -> Result<Batch> {
    let mut decisions = PhpArray::new();
    for d in b.decisions {
        decisions.push(wrap(d))?;
    }
    Ok(Batch {
        decisions: decisions.into_table(),
        outcomes: b.outcomes,
        summary: b.summary,
    })
}

pub fn order(d: core::OrderDecision) -> OrderDecision {
    OrderDecision(d)
}
pub fn status(d: core::StatusDecision) -> StatusDecision {
    StatusDecision(d)
}
pub fn funding(d: core::FundingDecision) -> FundingDecision {
    FundingDecision(d)
}
pub fn cancel(d: core::CancelDecision) -> CancelDecision {
    CancelDecision(d)
}
