//! The decisions' and values' properties as a binding shows them: each accessor here is
//! what one PHP property reads, so a binding only converts.

use crate::client::types::{Dossier, Offer, Simulation, LEGAL_NOTICE};
use crate::status::OrderState;
use crate::sync::types::{
    CancelDecision, Creation, FundingDecision, Hold, OrderAction, OrderDecision, StatusDecision,
    Summary,
};

/// `heldBecause`: "amount" or "currency", null when the dossier pays for the order.
pub fn held(h: Option<Hold>) -> Option<&'static str> {
    h.map(Hold::as_str)
}

impl OrderDecision {
    /// The order to create, when the action is CreateOrder.
    fn creation(&self) -> Option<&Creation> {
        match &self.action {
            OrderAction::CreateOrder(c) => Some(c),
            _ => None,
        }
    }
    /// `state`: the state Sofinco's dossier maps to (CreateOrder only).
    pub fn state(&self) -> Option<OrderState> {
        self.creation().map(|c| c.state)
    }
    /// `createIn`: the state validateOrder creates the order in.
    pub fn create_in(&self) -> Option<OrderState> {
        self.creation().map(|c| c.create_in)
    }
    /// `paymentCents`: what validateOrder books as paid (the amount only once funded).
    pub fn payment_cents(&self) -> i64 {
        self.creation().map_or(0, |c| c.payment_cents)
    }
    /// `paymentEuros`: the same for validateOrder's float argument.
    pub fn payment_euros(&self) -> f64 {
        super::euros(self.payment_cents())
    }
    pub fn contract_id(&self) -> Option<&str> {
        self.creation().map(|c| c.contract_id.as_str())
    }
    pub fn signature_date(&self) -> Option<&str> {
        self.creation().and_then(|c| c.signature_date.as_deref())
    }
    pub fn withdrawal_end(&self) -> Option<&str> {
        self.creation().and_then(|c| c.withdrawal_end.as_deref())
    }
    pub fn held_because(&self) -> Option<&'static str> {
        held(self.held)
    }
}

impl StatusDecision {
    pub fn held_because(&self) -> Option<&'static str> {
        held(self.held)
    }
}

impl FundingDecision {
    pub fn held_because(&self) -> Option<&'static str> {
        held(self.held)
    }
}

impl CancelDecision {
    /// The state the order moves to (Cancelled only).
    pub fn new_state(&self) -> Option<OrderState> {
        self.state
    }
}

impl Summary {
    /// The summary as the cron's JSON line writes it, in this order.
    pub fn fields(&self) -> [(&'static str, i64); 5] {
        [
            ("checked", self.checked as i64),
            ("changed", self.changed as i64),
            ("errors", self.errors as i64),
            ("remaining", self.remaining as i64),
            ("elapsed_ms", self.elapsed_ms as i64),
        ]
    }
}

impl Offer {
    /// Whether the first or last instalment differs from the others.
    pub fn uneven(&self) -> bool {
        self.first_payment_cents != self.monthly_payment_cents
            || self.last_payment_cents != self.monthly_payment_cents
    }
}

impl Simulation {
    /// The smallest monthly payment ("à partir de …"), None without offers.
    pub fn lowest_monthly_cents(&self) -> Option<i64> {
        self.offers.iter().map(|o| o.monthly_payment_cents).min()
    }
    /// The consumer-credit notice every advert of these offers must carry.
    pub fn legal_notice(&self) -> &'static str {
        LEGAL_NOTICE
    }
}

impl Dossier {
    /// Last day of the withdrawal period, None without a signature date.
    pub fn withdrawal_end(&self) -> Option<String> {
        crate::withdrawal::end(self.signature_date.as_deref())
    }
}
