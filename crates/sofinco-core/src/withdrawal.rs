//! The customer's 14-day withdrawal period after signing a consumer credit (Code de la
//! consommation, art. L312-19). No signature date, no period: never a made-up date.

use chrono::{Duration, NaiveDate};

pub const DAYS: i64 = 14;

/// A signature date as Sofinco or the database gives it ("2026-11-20"); `None` for
/// anything else, "0000-00-00" included.
pub fn signature_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    if text.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// The last day of the period (`Y-m-d`), or `None` without a valid signature date.
pub fn end(signature: Option<&str>) -> Option<String> {
    let date = signature_date(signature?)?;
    Some((date + Duration::days(DAYS)).format("%Y-%m-%d").to_string())
}

/// Whether the period still runs on `today` (`Y-m-d`); false without a signature date.
pub fn running(signature: Option<&str>, today: NaiveDate) -> bool {
    end(signature)
        .and_then(|e| signature_date(&e))
        .is_some_and(|e| e >= today)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fourteen_days_after_the_signature() {
        assert_eq!(end(Some("2026-11-20")).as_deref(), Some("2026-12-04"));
        assert_eq!(end(Some("2024-02-20")).as_deref(), Some("2024-03-05"));
    }

    #[test]
    fn no_date_means_no_period() {
        for bad in [
            None,
            Some(""),
            Some("0000-00-00"),
            Some("2026-13-01"),
            Some("20/11/2026"),
        ] {
            assert_eq!(end(bad), None, "{bad:?}");
            assert!(!running(bad, NaiveDate::from_ymd_opt(2026, 1, 1).unwrap()));
        }
    }

    #[test]
    fn running_until_the_last_day_included() {
        let day = |d| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        assert!(running(Some("2026-11-20"), day(4)));
        assert!(!running(Some("2026-11-20"), day(5)));
    }
}
