//! The rate grid (barème), standard amortisation and the TAEG (EU directive 2008/48/EC,
//! annex I). Amounts are integer cents; only the rate itself is a float.

use serde::Deserialize;

use sofinco_core::contract::{Installment, Proposal};
use sofinco_core::money::Euros;

/// One line of the grid: a duration, its debit rate and the amounts it covers.
#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Offer {
    pub due_number: u32,
    /// Annual debit rate in percent (5.9 for 5.9 %).
    pub annual_debit_rate: f64,
    /// In euros, inclusive.
    pub min_amount: Euros,
    pub max_amount: Euros,
    #[serde(default)]
    pub fees: Euros,
    #[serde(default)]
    pub scale_code: Option<String>,
}

#[derive(Debug, Clone, Deserialize, PartialEq)]
pub struct Bareme {
    pub offers: Vec<Offer>,
}

impl Default for Bareme {
    fn default() -> Self {
        let line = |n: u32, rate: f64, min: i64, max: i64| Offer {
            due_number: n,
            annual_debit_rate: rate,
            min_amount: Euros(min * 100),
            max_amount: Euros(max * 100),
            fees: Euros(0),
            scale_code: Some(format!("SBX{n:02}")),
        };
        Bareme {
            offers: vec![
                line(3, 0.0, 100, 3000),
                line(4, 0.0, 100, 3000),
                line(10, 5.9, 300, 6000),
                line(12, 5.9, 300, 6000),
                line(20, 6.9, 300, 6000),
                line(24, 6.9, 300, 6000),
                line(36, 7.9, 1000, 8000),
                line(48, 7.9, 1000, 8000),
            ],
        }
    }
}

impl Bareme {
    /// Reads a grid from TOML or JSON (by extension; TOML first when unsure).
    pub fn load(path: &std::path::Path) -> Result<Bareme, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        let is_json = path.extension().is_some_and(|e| e == "json");
        let bareme: Bareme = if is_json {
            serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?
        } else {
            toml::from_str(&text)
                .or_else(|e| serde_json::from_str(&text).map_err(|_| e))
                .map_err(|e| format!("{}: {e}", path.display()))?
        };
        bareme.check()?;
        Ok(bareme)
    }

    fn check(&self) -> Result<(), String> {
        for o in &self.offers {
            if o.due_number == 0
                || !(0.0..100.0).contains(&o.annual_debit_rate)
                || o.min_amount.cents() <= 0
                || o.min_amount > o.max_amount
                || o.fees.cents() < 0
            {
                return Err(format!("bad grid line for {} months", o.due_number));
            }
        }
        Ok(())
    }

    /// Lines whose range holds the amount, shortest first.
    pub fn offers_for(&self, cents: i64) -> Vec<&Offer> {
        let mut found: Vec<&Offer> = self
            .offers
            .iter()
            .filter(|o| o.min_amount.cents() <= cents && cents <= o.max_amount.cents())
            .collect();
        found.sort_by_key(|o| o.due_number);
        found
    }
}

/// The repayment plan of one offer: every installment in cents.
#[derive(Debug, Clone, PartialEq)]
pub struct Schedule {
    pub installments: Vec<i64>,
}

/// Standard amortisation at rate/12 a month. Each installment is rounded to the cent and
/// the last one absorbs the rounding, so the installments add up exactly to capital plus
/// the interest of the plan. At 0 % the capital is split evenly, remainder on the last.
pub fn schedule(capital: i64, months: u32, annual_rate_percent: f64) -> Schedule {
    let n = i64::from(months.max(1));
    if annual_rate_percent <= 0.0 {
        let each = capital / n;
        let mut installments = vec![each; n as usize];
        if let Some(last) = installments.last_mut() {
            *last = capital - each * (n - 1);
        }
        return Schedule { installments };
    }
    let r = annual_rate_percent / 100.0 / 12.0;
    let c = capital as f64;
    let payment = (c * r / (1.0 - (1.0 + r).powi(-(n as i32)))).round() as i64;
    let mut balance = capital;
    let mut installments = Vec::with_capacity(n as usize);
    for k in 1..=n {
        let interest = (balance as f64 * r).round() as i64;
        let paid = if k == n { balance + interest } else { payment };
        balance -= paid - interest;
        installments.push(paid);
    }
    Schedule { installments }
}

/// The TAEG in percent, to 0.01 point: the X of sum(installment_k / (1+X)^(k/12)) =
/// capital - fees (fees are paid at signature), found by bisection.
pub fn taeg(capital: i64, fees: i64, installments: &[i64]) -> f64 {
    let received = (capital - fees) as f64;
    let present = |x: f64| -> f64 {
        installments
            .iter()
            .enumerate()
            .map(|(i, &a)| a as f64 / (1.0 + x).powf((i as f64 + 1.0) / 12.0))
            .sum()
    };
    let total: i64 = installments.iter().sum();
    if received <= 0.0 || total as f64 <= received {
        return 0.0;
    }
    // present() falls as x grows: bracket the root, then halve.
    let (mut low, mut high) = (0.0_f64, 1.0_f64);
    while present(high) > received && high < 1e6 {
        high *= 2.0;
    }
    for _ in 0..200 {
        let mid = (low + high) / 2.0;
        if present(mid) > received {
            low = mid;
        } else {
            high = mid;
        }
    }
    ((low + high) / 2.0 * 10000.0).round() / 100.0
}

/// The proposal the API answers for one grid line and an amount in cents.
pub fn proposal(offer: &Offer, capital: i64) -> Proposal {
    let plan = schedule(capital, offer.due_number, offer.annual_debit_rate);
    let fees = offer.fees.cents();
    let paid: i64 = plan.installments.iter().sum();
    let first = plan.installments.first().copied().unwrap_or(0);
    let last = plan.installments.last().copied().unwrap_or(0);
    Proposal {
        due_number: offer.due_number,
        loan_duration: Some(offer.due_number),
        scale_code: offer.scale_code.clone(),
        annual_debit_rate: offer.annual_debit_rate,
        annual_global_effective_rate: taeg(capital, fees, &plan.installments),
        contract_fees: Euros(fees),
        installment_without_insurance: Installment {
            amount: Euros(first),
            first_amount: Euros(first),
            last_amount: Euros(last),
            total_due_number: Some(offer.due_number),
        },
        total_amount_without_insurance: Euros(paid + fees),
        total_cost_without_insurance: Euros(paid + fees - capital),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(n: u32, rate: f64) -> Offer {
        Offer {
            due_number: n,
            annual_debit_rate: rate,
            min_amount: Euros(100),
            max_amount: Euros(100_000_000),
            fees: Euros(0),
            scale_code: None,
        }
    }

    #[test]
    fn thousand_euros_over_twelve_months_at_5_9() {
        let p = proposal(&line(12, 5.9), 100_000);
        assert_eq!(p.installment_without_insurance.amount, Euros(8602));
        assert_eq!(p.annual_global_effective_rate, 6.06);
        let plan = schedule(100_000, 12, 5.9);
        assert_eq!(plan.installments[..11], [8602; 11]);
        assert_eq!(
            p.total_amount_without_insurance.cents(),
            plan.installments.iter().sum::<i64>()
        );
        // 1 000 € at 5.9 % over a year: 32.24 € of interest.
        assert_eq!(p.total_cost_without_insurance, Euros(3224));
    }

    #[test]
    fn zero_rate_is_free_and_split_exactly() {
        let p = proposal(&line(3, 0.0), 100_000);
        assert_eq!(p.annual_global_effective_rate, 0.0);
        assert_eq!(p.total_cost_without_insurance, Euros(0));
        assert_eq!(p.installment_without_insurance.first_amount, Euros(33333));
        assert_eq!(p.installment_without_insurance.last_amount, Euros(33334));
        assert_eq!(
            schedule(129_010, 4, 0.0).installments,
            [32252, 32252, 32252, 32254]
        );
    }

    #[test]
    fn installments_always_sum_to_capital_plus_interest() {
        for (months, rate) in [
            (10, 5.9),
            (12, 5.9),
            (20, 6.9),
            (24, 6.9),
            (36, 7.9),
            (48, 7.9),
        ] {
            for capital in (30_000..800_000).step_by(7_919) {
                let plan = schedule(capital, months, rate);
                assert_eq!(plan.installments.len(), months as usize);
                let p = proposal(&line(months, rate), capital);
                let total: i64 = plan.installments.iter().sum();
                assert_eq!(p.total_amount_without_insurance.cents(), total);
                assert_eq!(p.total_cost_without_insurance.cents(), total - capital);
                // The last installment stays within a few cents of the others.
                let last = *plan.installments.last().unwrap();
                assert!(
                    (last - plan.installments[0]).abs() <= months as i64,
                    "{capital}"
                );
                // TAEG ≈ (1 + r/12)^12 − 1, above the debit rate.
                let expected = ((1.0 + rate / 1200.0).powi(12) - 1.0) * 100.0;
                let got = p.annual_global_effective_rate;
                assert!((got - expected).abs() < 0.05, "{capital} {got} {expected}");
            }
        }
    }

    #[test]
    fn fees_raise_the_taeg() {
        let mut offer = line(12, 5.9);
        offer.fees = Euros(2_000);
        let p = proposal(&offer, 100_000);
        assert!(p.annual_global_effective_rate > 9.0);
        assert_eq!(
            p.total_amount_without_insurance.cents(),
            schedule(100_000, 12, 5.9).installments.iter().sum::<i64>() + 2_000
        );
    }

    #[test]
    fn default_grid_ranges() {
        let grid = Bareme::default();
        let months = |cents| -> Vec<u32> {
            grid.offers_for(cents)
                .iter()
                .map(|o| o.due_number)
                .collect()
        };
        assert_eq!(months(20_000), [3, 4]);
        assert_eq!(months(129_000), [3, 4, 10, 12, 20, 24, 36, 48]);
        assert_eq!(months(700_000), [36, 48]);
        assert!(months(5_000).is_empty() && months(900_000).is_empty());
    }

    #[test]
    fn grid_reads_toml_and_json() {
        let toml_text = "[[offers]]\ndue_number = 10\nannual_debit_rate = 4.5\nmin_amount = 200\nmax_amount = 999.99\n";
        let g: Bareme = toml::from_str(toml_text).unwrap();
        assert_eq!(g.offers[0].max_amount, Euros(99_999));
        let json_text = r#"{"offers":[{"due_number":3,"annual_debit_rate":0,"min_amount":100,"max_amount":3000,"fees":"1.50"}]}"#;
        let g: Bareme = serde_json::from_str(json_text).unwrap();
        assert_eq!(g.offers[0].fees, Euros(150));
    }
}
