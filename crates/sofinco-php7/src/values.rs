//! What SofincoClient answers, as read-only objects: a simulation and its offers, a dossier.
//! Amounts are cents, rates percent.

use phper::modules::Module;
use phper::values::ZVal;

use sofinco_core::client::types;

use crate::php_array::list;
use crate::readonly::{self, opt};
use crate::thrown::Res;

const OFFER: &str = "Sofinco\\Offer";
const SIMULATION: &str = "Sofinco\\Simulation";
const DOSSIER: &str = "Sofinco\\Dossier";

pub fn register(module: &mut Module) {
    module.add_class(readonly::class::<()>(OFFER));
    module.add_class(readonly::class::<()>(SIMULATION));
    module.add_class(readonly::class::<()>(DOSSIER));
}

fn offer(o: &types::Offer) -> Res<ZVal> {
    Ok(readonly::object(
        OFFER,
        vec![
            ("durationMonths", i64::from(o.duration_months).into()),
            ("monthlyPaymentCents", o.monthly_payment_cents.into()),
            ("firstPaymentCents", o.first_payment_cents.into()),
            ("lastPaymentCents", o.last_payment_cents.into()),
            (
                "uneven",
                (o.first_payment_cents != o.monthly_payment_cents
                    || o.last_payment_cents != o.monthly_payment_cents)
                    .into(),
            ),
            ("totalDueCents", o.total_due_cents.into()),
            ("creditCostCents", o.credit_cost_cents.into()),
            ("feesCents", o.fees_cents.into()),
            ("debitRate", o.debit_rate.into()),
            ("taeg", o.taeg.into()),
            ("free", o.is_free().into()),
        ],
    )?
    .into())
}

pub fn simulation(s: &types::Simulation) -> Res<ZVal> {
    let offers = s.offers.iter().map(offer).collect::<Res<Vec<_>>>()?;
    let representative = match s.representative() {
        Some(o) => offer(o)?,
        None => ZVal::from(()),
    };
    Ok(readonly::object(
        SIMULATION,
        vec![
            ("offers", list(offers).into()),
            (
                "lowestMonthlyCents",
                opt(s.offers.iter().map(|o| o.monthly_payment_cents).min()),
            ),
            ("representative", representative),
            ("legalNotice", types::LEGAL_NOTICE.into()),
            ("cached", s.cached.into()),
        ],
    )?
    .into())
}

pub fn dossier(d: &types::Dossier) -> Res<ZVal> {
    Ok(readonly::object(
        DOSSIER,
        vec![
            ("contractId", d.contract_id.as_str().into()),
            ("orderReference", d.order_reference.as_str().into()),
            ("amountCents", d.amount_cents.into()),
            ("status", d.status.as_str().into()),
            ("signatureDate", opt(d.signature_date.clone())),
            (
                "withdrawalEnd",
                opt(sofinco_core::withdrawal::end(d.signature_date.as_deref())),
            ),
            ("fundedAt", opt(d.funded_at.clone())),
        ],
    )?
    .into())
}
