//! Euros on the wire, cents everywhere else, converted exactly: a JSON number is read from
//! its decimal text, never multiplied as a float (1290.10 € is 129010 cents).

use serde::de::{self, Deserializer};
use serde::{Deserialize, Serialize, Serializer};

use crate::error::{Error, Result};

/// An amount in euro cents that travels as euros (a JSON number such as `1290.1`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Euros(pub i64);

impl Euros {
    pub fn cents(self) -> i64 {
        self.0
    }

    /// "1290.10" for 129010.
    pub fn to_decimal_string(self) -> String {
        let sign = if self.0 < 0 { "-" } else { "" };
        let abs = self.0.unsigned_abs();
        format!("{sign}{}.{:02}", abs / 100, abs % 100)
    }
}

/// At most this many digits of cents (under 10^13 euros): every such amount survives the
/// JSON round trip exactly.
const MAX_CENT_DIGITS: i64 = 15;

/// A float amount in euros (as PHP computes totals) to the nearest cent; an error when it
/// is not finite or too large to be exact.
pub fn cents_from_float(euros: f64) -> Result<i64> {
    let cents = (euros * 100.0).round();
    if !cents.is_finite() || cents.abs() >= 10f64.powi(MAX_CENT_DIGITS as i32) {
        return Err(Error::invalid_input(
            "an amount in euros must be a finite number under 10^13",
        ));
    }
    Ok(cents as i64)
}

/// Parses a decimal amount in euros ("1290.1", "1290.10", "1290", "-3.5", "1.2e3") into
/// cents; more than two decimals, or a value that is not a plain number, is an error.
pub fn cents_from_decimal(text: &str) -> Result<i64> {
    let bad = || {
        Error::invalid_input(format!(
            "\"{}\" is not an amount in euros",
            crate::error::printable(text)
        ))
    };
    let text = text.trim();
    // Exponents come from float formatting of large or small values: expand them first.
    let (mantissa, exponent) = match text.find(['e', 'E']) {
        Some(pos) => (
            &text[..pos],
            text[pos + 1..].parse::<i32>().map_err(|_| bad())?,
        ),
        None => (text, 0),
    };
    let (negative, digits) = match mantissa.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, mantissa.strip_prefix('+').unwrap_or(mantissa)),
    };
    let (int_part, frac_part) = digits.split_once('.').unwrap_or((digits, ""));
    if int_part.is_empty() && frac_part.is_empty()
        || !int_part.bytes().all(|b| b.is_ascii_digit())
        || !frac_part.bytes().all(|b| b.is_ascii_digit())
    {
        return Err(bad());
    }
    // All digits, with the decimal point moved by the exponent, then scaled to cents.
    let all: String = format!("{int_part}{frac_part}");
    let point = int_part.len() as i64 + i64::from(exponent) + 2;
    if !(0..=MAX_CENT_DIGITS).contains(&point) {
        // Below a cent, or beyond 10^13 euros: not an amount we can carry exactly (a JSON
        // number is a double, exact only up to 2^53).
        return if all.bytes().all(|b| b == b'0') {
            Ok(0)
        } else {
            Err(bad())
        };
    }
    let point = point as usize;
    let (whole, rest) = if point <= all.len() {
        (all[..point].to_string(), &all[point..])
    } else {
        (format!("{all}{}", "0".repeat(point - all.len())), "")
    };
    if rest.bytes().any(|b| b != b'0') {
        return Err(bad());
    }
    let cents: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| bad())?
    };
    Ok(if negative { -cents } else { cents })
}

impl Serialize for Euros {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        // The shortest float text of cents/100 is the exact decimal (1290.1): f64 holds every
        // amount below 2^53 cents with two decimals round-trip.
        serializer.serialize_f64(self.0 as f64 / 100.0)
    }
}

impl<'de> Deserialize<'de> for Euros {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        // serde_json's arbitrary_precision keeps a number's text as sent: "1290.10" is read
        // from its digits, never through a double (which would turn
        // 1290.0000000000000001 into 1290 and accept it).
        let text = match serde_json::Value::deserialize(deserializer)? {
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::String(s) => s,
            _ => return Err(de::Error::custom("an amount in euros must be a number")),
        };
        cents_from_decimal(&text)
            .map(Euros)
            .map_err(de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn floats_round_to_the_nearest_cent() {
        assert_eq!(cents_from_float(114.7).unwrap(), 11470);
        assert_eq!(cents_from_float(0.1 + 0.2).unwrap(), 30);
        assert_eq!(cents_from_float(1290.1).unwrap(), 129010);
        assert_eq!(cents_from_float(-3.5).unwrap(), -350);
        assert!(cents_from_float(f64::NAN).is_err());
        assert!(cents_from_float(1e14).is_err());
    }

    #[test]
    fn decimals_become_exact_cents() {
        assert_eq!(cents_from_decimal("1290.10").unwrap(), 129010);
        assert_eq!(cents_from_decimal("1290.1").unwrap(), 129010);
        assert_eq!(cents_from_decimal("1290").unwrap(), 129000);
        assert_eq!(cents_from_decimal("0.07").unwrap(), 7);
        assert_eq!(cents_from_decimal("-3.5").unwrap(), -350);
        assert_eq!(cents_from_decimal("1.2901e3").unwrap(), 129010);
        assert_eq!(cents_from_decimal(".5").unwrap(), 50);
    }

    #[test]
    fn sub_cent_and_garbage_are_refused() {
        for bad in [
            "1.005", "abc", "", "-", "1.2.3", "1e-5", "12,50", "0x10", "NaN",
        ] {
            assert!(cents_from_decimal(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn json_round_trip_is_exact_for_awkward_amounts() {
        for cents in [0, 1, 7, 10, 129010, 1999999, 33333, 100000000] {
            let json = serde_json::to_string(&Euros(cents)).unwrap();
            let back: Euros = serde_json::from_str(&json).unwrap();
            assert_eq!(back, Euros(cents), "{json}");
        }
        assert_eq!(serde_json::to_string(&Euros(129010)).unwrap(), "1290.1");
        let from_string: Euros = serde_json::from_str("\"1290.10\"").unwrap();
        assert_eq!(from_string.cents(), 129010);
        let from_int: Euros = serde_json::from_str("1290").unwrap();
        assert_eq!(from_int.cents(), 129000);
    }

    #[test]
    fn json_numbers_are_read_from_their_text_not_a_double() {
        let read = |json: &str| serde_json::from_str::<Euros>(json).map(Euros::cents);
        // A double would round these to a whole number of cents and accept them.
        assert!(read("1290.0000000000000001").is_err());
        assert!(read("0.30000000000000004").is_err());
        assert!(read("1290.005").is_err(), "half a cent is not rounded away");
        // Beyond a double's 15-16 significant digits, still exact.
        assert_eq!(read("12345678901.23").unwrap(), 1_234_567_890_123);
        assert_eq!(read("1290.10").unwrap(), 129010);
        assert_eq!(read("1.2901e3").unwrap(), 129010);
        assert_eq!(read("1290.000").unwrap(), 129000);
        assert!(read("true").is_err());
        assert!(read("null").is_err());
    }

    #[test]
    fn decimal_string_formatting() {
        assert_eq!(Euros(129010).to_decimal_string(), "1290.10");
        assert_eq!(Euros(-5).to_decimal_string(), "-0.05");
    }
}
