//! The rows the module gives DossierSync and the decisions it gets back (spec-fr.md §8-§9).

use crate::status::OrderState;

/// A checkout attempt whose customer may never come back (orders task), with its cart as
/// it is now: the facts the order would be made from, never a copy stored at checkout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attempt {
    pub id_cart: i64,
    pub order_reference: String,
    /// The cart's total now, in cents of `currency`.
    pub cart_total_cents: i64,
    /// The cart's currency now (ISO 4217).
    pub currency: String,
    /// The reference of the order the cart already has ("" when none): another attempt's,
    /// or another payment module's.
    pub ordered_as: String,
    /// Unix seconds.
    pub created_at: i64,
}

/// Why a dossier's money is held: what Sofinco lends is not what the order asks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hold {
    /// Sofinco's amount is not the order's (or the cart's) total.
    Amount,
    /// The order (or the cart) is not in euros.
    Currency,
}

impl Hold {
    pub fn as_str(self) -> &'static str {
        match self {
            Hold::Amount => "amount",
            Hold::Currency => "currency",
        }
    }
}

/// What an order is made from: only a CreateOrder action carries one, so an order
/// decision without a state, or a state without an order to create, cannot be built.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Creation {
    /// The state Sofinco's dossier maps to.
    pub state: OrderState,
    /// The state validateOrder creates the order in; `state` follows at once when they
    /// differ (status::creation_path).
    pub create_in: OrderState,
    /// What validateOrder books as paid: the amount for a funded dossier, else 0.
    pub payment_cents: i64,
    pub contract_id: String,
    pub signature_date: Option<String>,
    /// Last day of the withdrawal period, from `signature_date`.
    pub withdrawal_end: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OrderAction {
    CreateOrder(Creation),
    Wait,
    Abandon,
    /// The cart became an order from another reference (or never could in euros): this
    /// attempt's live dossier was cancelled at Sofinco, so the customer holds one credit.
    Cancelled,
    Error,
    /// Only from a notification that names another reference.
    None,
}

impl OrderAction {
    pub fn as_str(&self) -> &'static str {
        match self {
            OrderAction::CreateOrder(_) => "create_order",
            OrderAction::Wait => "wait",
            OrderAction::Abandon => "abandon",
            OrderAction::Cancelled => "cancelled",
            OrderAction::Error => "error",
            OrderAction::None => "none",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderDecision {
    pub id_cart: i64,
    pub order_reference: String,
    pub action: OrderAction,
    pub reason: String,
    /// Sofinco's raw code, when Sofinco answered (for the order page).
    pub sofinco_status: Option<String>,
    /// Sofinco's dossier amount, when Sofinco answered.
    pub sofinco_amount_cents: Option<i64>,
    /// Set when the dossier does not pay for the cart as it is.
    pub held: Option<Hold>,
}

/// An order the statuses task follows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TrackedOrder {
    pub id_order: i64,
    pub contract_id: String,
    pub order_reference: String,
    /// The order's current state; None for a state that is not the extension's.
    pub state: Option<OrderState>,
    /// The order's own total now, in cents of `currency`.
    pub order_total_cents: i64,
    /// The order's currency (ISO 4217).
    pub currency: String,
    /// Unix seconds: when the order entered its state.
    pub since: i64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusAction {
    SetState,
    None,
    Leave,
    Error,
}

impl StatusAction {
    pub fn as_str(self) -> &'static str {
        match self {
            StatusAction::SetState => "set_state",
            StatusAction::None => "none",
            StatusAction::Leave => "leave",
            StatusAction::Error => "error",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusDecision {
    pub id_order: i64,
    pub action: StatusAction,
    pub state: Option<OrderState>,
    /// The new state ends the dossier without money: give the stock back.
    pub release_stock: bool,
    pub signature_date: Option<String>,
    pub withdrawal_end: Option<String>,
    pub reason: String,
    /// Sofinco's raw code, when Sofinco answered.
    pub sofinco_status: Option<String>,
    /// Sofinco's dossier amount, when Sofinco answered.
    pub sofinco_amount_cents: Option<i64>,
    /// Set when the dossier does not pay for the order as it is: the order is held.
    pub held: Option<Hold>,
}

/// A funding request the merchant queued.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FundingRequest {
    pub id_order: i64,
    pub contract_id: String,
    pub order_reference: String,
    /// The order's own total now, in cents of `currency`.
    pub order_total_cents: i64,
    /// The order's currency (ISO 4217).
    pub currency: String,
    pub requested_at: i64,
    /// Sofinco accepted it already.
    pub sent: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FundingAction {
    Sent,
    Retry,
    Funded,
    /// The dossier ended without funding (refused, cancelled, abandoned): the request is
    /// closed, nothing was sent; the statuses task moves the order.
    Closed,
    None,
    Error,
}

impl FundingAction {
    pub fn as_str(self) -> &'static str {
        match self {
            FundingAction::Sent => "sent",
            FundingAction::Retry => "retry",
            FundingAction::Funded => "funded",
            FundingAction::Closed => "closed",
            FundingAction::None => "none",
            FundingAction::Error => "error",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FundingDecision {
    pub id_order: i64,
    pub action: FundingAction,
    pub state: Option<OrderState>,
    /// Sofinco's code when the funding task learnt it (FIN once funded).
    pub sofinco_status: Option<String>,
    pub reason: String,
    /// Set when the dossier does not pay for the order as it is: nothing was sent.
    pub held: Option<Hold>,
}

/// "Annuler le dossier chez Sofinco" for one order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CancelRequest {
    pub id_order: i64,
    pub contract_id: String,
    pub order_reference: String,
    /// The order's current state; None for a state that is not the extension's.
    pub state: Option<OrderState>,
    /// Sofinco's last known code for the dossier.
    pub sofinco_status: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CancelAction {
    /// Sofinco cancelled the dossier: move the order to `state`.
    Cancelled,
    /// The order no longer follows Sofinco, or the dossier cannot be cancelled: nothing
    /// was sent.
    NotAllowed,
    /// Sofinco answered but did not accept the cancellation.
    NotAccepted,
    Error,
}

impl CancelAction {
    pub fn as_str(self) -> &'static str {
        match self {
            CancelAction::Cancelled => "cancelled",
            CancelAction::NotAllowed => "not_allowed",
            CancelAction::NotAccepted => "not_accepted",
            CancelAction::Error => "error",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CancelDecision {
    pub id_order: i64,
    pub action: CancelAction,
    pub state: Option<OrderState>,
    pub release_stock: bool,
    pub sofinco_status: Option<String>,
    pub reason: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Summary {
    pub checked: usize,
    pub changed: usize,
    pub errors: usize,
    /// Rows the deadline left for the next run.
    pub remaining: usize,
    pub elapsed_ms: u64,
}

impl Summary {
    /// The summary of decided rows (their outcomes), `remaining` more, after `elapsed`.
    pub fn of(outcomes: &[Outcome], remaining: usize, elapsed: std::time::Duration) -> Self {
        Summary {
            checked: outcomes.len(),
            changed: outcomes.iter().filter(|o| o.changed).count(),
            errors: outcomes.iter().filter(|o| o.error).count(),
            remaining,
            elapsed_ms: elapsed.as_millis() as u64,
        }
    }
}

impl Summary {
    /// This batch's summary had only the first `applied` of its decisions (`outcomes`)
    /// been applied: the others count in `remaining` (the module ran out of time before
    /// applying them, so the next run must check them again).
    pub fn of_first(&self, outcomes: &[Outcome], applied: usize) -> Summary {
        let applied = applied.min(outcomes.len());
        Summary {
            elapsed_ms: self.elapsed_ms,
            ..Summary::of(
                &outcomes[..applied],
                self.remaining + (outcomes.len() - applied),
                std::time::Duration::ZERO,
            )
        }
    }
}

/// What one decision counts as in a summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Outcome {
    pub changed: bool,
    pub error: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Batch<D> {
    pub decisions: Vec<D>,
    /// One for each decision, in the same order.
    pub outcomes: Vec<Outcome>,
    pub summary: Summary,
}

impl<D> Batch<D> {
    /// The summary had only the first `applied` decisions been applied.
    pub fn summary_of_first(&self, applied: usize) -> Summary {
        self.summary.of_first(&self.outcomes, applied)
    }
}

impl OrderDecision {
    /// Why the order just made from this decision is held, checked against the order as
    /// validateOrder made it (the cart may have changed since it was read): the same rule as
    /// every decision (decide::hold). None when it is what Sofinco lends, or when the
    /// decision creates no order.
    pub fn held_for_order(&self, order_total_cents: i64, currency: &str) -> Option<Hold> {
        let OrderAction::CreateOrder(_) = &self.action else {
            return None;
        };
        // A decision that creates an order carries Sofinco's amount; without it nothing is lent.
        let Some(lent) = self.sofinco_amount_cents else {
            return Some(Hold::Amount);
        };
        super::decide::lent_for(lent, order_total_cents, currency).map(|(kind, _)| kind)
    }

    /// The state that order must end in: the decided state, or TECH_ERROR, where it is held.
    /// None for a decision that creates no order.
    pub fn state_for_order(&self, order_total_cents: i64, currency: &str) -> Option<OrderState> {
        let OrderAction::CreateOrder(creation) = &self.action else {
            return None;
        };
        Some(match self.held_for_order(order_total_cents, currency) {
            None => creation.state,
            Some(_) => OrderState::TechError,
        })
    }
}
