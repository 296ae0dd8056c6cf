//! Whether Sofinco can be offered for an amount (issue 31): the merchant's minimum and maximum
//! price, then Sofinco's own range. Sofinco publishes no range: what it reports is, per
//! amount, offers (a simulation) or a refusal about the amount (a 4xx, "Montant hors
//! barème"). The client caches both; this module turns those facts into one decision that the
//! simulator, the payment option and the redirect apply alike, so a customer is never offered
//! a credit Sofinco will refuse, nor told "try again in a few minutes" about one.

use crate::error::{Error, ErrorKind};

/// The decision for one amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    /// Sofinco answered with offers for this amount: offer it.
    Offered,
    /// Below the merchant's "Prix minimum" (or not a positive amount).
    BelowMinimum,
    /// Above the merchant's "Prix maximum".
    AboveMaximum,
    /// Sofinco refused this amount (outside its range for this merchant), or offers nothing
    /// for it: never offered, and no retry can change that while the answer is remembered.
    OutOfRange,
    /// Within the merchant's prices, and Sofinco's answer for it is not known (nothing
    /// cached, or Sofinco could not be asked): the caller decides how to degrade.
    Unknown,
}

impl Availability {
    pub fn as_str(self) -> &'static str {
        match self {
            Availability::Offered => "offered",
            Availability::BelowMinimum => "below_minimum",
            Availability::AboveMaximum => "above_maximum",
            Availability::OutOfRange => "out_of_range",
            Availability::Unknown => "unknown",
        }
    }
}

/// What is known of Sofinco's answer for an amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SofincoAnswer {
    /// A simulation with this many offers.
    Offers(usize),
    /// A refusal about the amount.
    Refused,
    /// Nothing known (not asked, or the call failed for another reason).
    Nothing,
}

/// The merchant's prices alone: `Some` when they decide without Sofinco.
pub fn by_prices(
    amount_cents: i64,
    min_cents: i64,
    max_cents: Option<i64>,
) -> Option<Availability> {
    if amount_cents <= 0 || amount_cents < min_cents {
        return Some(Availability::BelowMinimum);
    }
    if max_cents.is_some_and(|max| amount_cents > max) {
        return Some(Availability::AboveMaximum);
    }
    if amount_cents > super::MAX_AMOUNT_CENTS {
        // More than the client would ever send: no credit of Sofinco's is that large.
        return Some(Availability::OutOfRange);
    }
    None
}

/// The whole decision, from the merchant's prices and what Sofinco said for the amount.
pub fn decide(
    amount_cents: i64,
    min_cents: i64,
    max_cents: Option<i64>,
    answer: SofincoAnswer,
) -> Availability {
    if let Some(decided) = by_prices(amount_cents, min_cents, max_cents) {
        return decided;
    }
    match answer {
        SofincoAnswer::Offers(0) | SofincoAnswer::Refused => Availability::OutOfRange,
        SofincoAnswer::Offers(_) => Availability::Offered,
        SofincoAnswer::Nothing => Availability::Unknown,
    }
}

/// Whether a failed simulation is Sofinco's "no" for the amount (a 4xx about the request),
/// rather than about the gateway (timeouts, 5xx, authentication, throttling): only the former
/// says anything about Sofinco's range.
pub fn refusal_about_amount(e: &Error) -> bool {
    e.kind() == ErrorKind::Api
        && (400..500).contains(&e.http_status())
        && ![401, 408, 429].contains(&e.http_status())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Availability::*;
    use SofincoAnswer::*;

    #[test]
    fn the_merchants_prices_decide_first() {
        // 100 € to 3 000 €: Sofinco's answer does not matter outside them.
        for answer in [Offers(4), Refused, Nothing] {
            assert_eq!(decide(9_999, 10_000, Some(300_000), answer), BelowMinimum);
            assert_eq!(decide(0, 0, None, answer), BelowMinimum);
            assert_eq!(decide(-5, 0, None, answer), BelowMinimum);
            assert_eq!(decide(300_001, 10_000, Some(300_000), answer), AboveMaximum);
        }
        // Both ends are included.
        assert_eq!(decide(10_000, 10_000, Some(300_000), Offers(2)), Offered);
        assert_eq!(decide(300_000, 10_000, Some(300_000), Offers(2)), Offered);
    }

    #[test]
    fn sofincos_range_decides_within_the_merchants_prices() {
        // The cart: 9 030,00 € with no maximum set, Sofinco's grid ending at 8 000 €.
        assert_eq!(decide(903_000, 10_000, None, Refused), OutOfRange);
        assert_eq!(decide(903_000, 10_000, None, Offers(0)), OutOfRange);
        assert_eq!(decide(903_000, 10_000, None, Nothing), Unknown);
        assert_eq!(decide(129_000, 10_000, None, Offers(8)), Offered);
        // A minimum set below Sofinco's range: the merchant allows 50 €, Sofinco does not.
        assert_eq!(decide(5_000, 5_000, None, Refused), OutOfRange);
        assert_eq!(
            decide(super::super::MAX_AMOUNT_CENTS + 1, 0, None, Nothing),
            OutOfRange
        );
    }

    #[test]
    fn only_a_4xx_about_the_request_is_about_the_amount() {
        let api = |status: u16| Error::api(ErrorKind::Api, status, "X", "refused");
        assert!(refusal_about_amount(&api(400)));
        assert!(refusal_about_amount(&api(422)));
        for status in [401, 408, 429, 500, 503] {
            assert!(!refusal_about_amount(&api(status)), "{status}");
        }
        assert!(!refusal_about_amount(&Error::transport("timed out")));
    }
}
