//! What SofincoClient answers, as PHP objects with read-only properties: a simulation and
//! its offers, a dossier. Amounts are cents, rates percent.

use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;

use super::inputs::refuse_write;

use crate::client::types;

/// One credit offer (a duration) of a simulation.
#[php_class]
#[php(name = "Sofinco\\Offer")]
#[derive(Clone)]
pub struct Offer(types::Offer);

#[php_impl]
impl Offer {
    /// Refuses any write: the extension builds this object, PHP only reads it.
    #[php(name = "__set")]
    pub fn set_unknown(&self, name: String, value: &Zval) -> PhpResult<()> {
        let _ = value;
        refuse_write("Offer", &name)
    }
    #[php(getter)]
    pub fn duration_months(&self) -> i64 {
        i64::from(self.0.duration_months)
    }
    #[php(getter)]
    pub fn monthly_payment_cents(&self) -> i64 {
        self.0.monthly_payment_cents
    }
    #[php(getter)]
    pub fn first_payment_cents(&self) -> i64 {
        self.0.first_payment_cents
    }
    #[php(getter)]
    pub fn last_payment_cents(&self) -> i64 {
        self.0.last_payment_cents
    }
    /// Whether the first or last instalment differs from the others.
    #[php(getter)]
    pub fn uneven(&self) -> bool {
        self.0.uneven()
    }
    #[php(getter)]
    pub fn total_due_cents(&self) -> i64 {
        self.0.total_due_cents
    }
    #[php(getter)]
    pub fn credit_cost_cents(&self) -> i64 {
        self.0.credit_cost_cents
    }
    #[php(getter)]
    pub fn fees_cents(&self) -> i64 {
        self.0.fees_cents
    }
    /// Taux débiteur fixe, percent.
    #[php(getter)]
    pub fn debit_rate(&self) -> f64 {
        self.0.debit_rate
    }
    /// TAEG fixe, percent.
    #[php(getter)]
    pub fn taeg(&self) -> f64 {
        self.0.taeg
    }
    /// Free credit (3x, 4x): no interest, no fees; the advert must say so.
    #[php(getter)]
    pub fn free(&self) -> bool {
        self.0.is_free()
    }
}

/// The offers Sofinco makes for one amount.
#[php_class]
#[php(name = "Sofinco\\Simulation")]
pub struct Simulation(types::Simulation);

#[php_impl]
impl Simulation {
    /// Refuses any write: the extension builds this object, PHP only reads it.
    #[php(name = "__set")]
    pub fn set_unknown(&self, name: String, value: &Zval) -> PhpResult<()> {
        let _ = value;
        refuse_write("Simulation", &name)
    }
    /// The offers, shortest duration first.
    #[php(getter)]
    pub fn offers(&self) -> Vec<Offer> {
        self.0.offers.iter().cloned().map(Offer).collect()
    }
    /// The smallest monthly payment of the offers ("à partir de …"), null without offers.
    #[php(getter)]
    pub fn lowest_monthly_cents(&self) -> Option<i64> {
        self.0.lowest_monthly_cents()
    }
    /// The offer the headline advertises ("à partir de …": the lowest monthly payment, the
    /// longest duration on a tie), whose representative example the block must show
    /// (Code de la consommation, L312-6); null without offers.
    #[php(getter)]
    pub fn representative(&self) -> Option<Offer> {
        self.0.representative().cloned().map(Offer)
    }
    /// The consumer-credit notice every advert of these offers must carry.
    #[php(getter)]
    pub fn legal_notice(&self) -> String {
        self.0.legal_notice().to_string()
    }
    /// Whether the offers came from the disk cache.
    #[php(getter)]
    pub fn cached(&self) -> bool {
        self.0.cached
    }
}

/// A Sofinco dossier as Sofinco describes it now.
#[php_class]
#[php(name = "Sofinco\\Dossier")]
pub struct Dossier(types::Dossier);

#[php_impl]
impl Dossier {
    /// Refuses any write: the extension builds this object, PHP only reads it.
    #[php(name = "__set")]
    pub fn set_unknown(&self, name: String, value: &Zval) -> PhpResult<()> {
        let _ = value;
        refuse_write("Dossier", &name)
    }
    #[php(getter)]
    pub fn contract_id(&self) -> String {
        self.0.contract_id.clone()
    }
    #[php(getter)]
    pub fn order_reference(&self) -> String {
        self.0.order_reference.clone()
    }
    #[php(getter)]
    pub fn amount_cents(&self) -> i64 {
        self.0.amount_cents
    }
    /// Sofinco's status code (StatusMapper::stateFor maps it).
    #[php(getter)]
    pub fn status(&self) -> String {
        self.0.status.clone()
    }
    #[php(getter)]
    pub fn signature_date(&self) -> Option<String> {
        self.0.signature_date.clone()
    }
    /// Last day of the withdrawal period, null without a signature date.
    #[php(getter)]
    pub fn withdrawal_end(&self) -> Option<String> {
        self.0.withdrawal_end()
    }
    #[php(getter)]
    pub fn funded_at(&self) -> Option<String> {
        self.0.funded_at.clone()
    }
}

pub fn simulation(s: types::Simulation) -> Simulation {
    Simulation(s)
}

pub fn dossier(d: types::Dossier) -> Dossier {
    Dossier(d)
}
