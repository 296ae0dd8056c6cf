//! Sofinco's field rules, applied so that no customer is ever rejected for an accent:
//! names transliterated to ASCII and cut, civility codes, phone in national format.

use crate::contract::rules;
use crate::error::{printable, Error, Result};

/// An order reference: upper-case letters and digits, 1 to 20 (orderId).
pub fn check_reference(reference: &str) -> Result<()> {
    let ok = !reference.is_empty()
        && reference.len() <= rules::ORDER_ID_MAX
        && reference
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
    if ok {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "order reference \"{}\" must be 1 to {} upper-case letters or digits",
            printable(reference),
            rules::ORDER_ID_MAX
        )))
    }
}

/// A name as Sofinco accepts it: `[a-zA-Z '-]`, at most 20 characters. "Zoé
/// Lefèvre-Müller" becomes "Zoe Lefevre-Muller"; other characters become spaces, runs of
/// spaces fold, and the result is cut without a trailing space or hyphen.
pub fn sofinco_name(name: &str) -> String {
    let ascii = deunicode::deunicode(name);
    let mut out = String::with_capacity(rules::NAME_MAX);
    for c in ascii.chars() {
        let c = match c {
            'a'..='z' | 'A'..='Z' | '-' | '\'' => c,
            _ => ' ',
        };
        if c == ' ' && (out.is_empty() || out.ends_with(' ')) {
            continue;
        }
        if out.len() == rules::NAME_MAX {
            break;
        }
        out.push(c);
    }
    out.trim_end_matches([' ', '-', '\'']).to_string()
}

/// mr → 1, mrs → 2, ms → 3 (Sofinco's civility codes).
pub fn civility_code(civility: &str) -> Result<&'static str> {
    match civility.trim().to_ascii_lowercase().as_str() {
        "mr" | "m" | "m." => Ok("1"),
        "mrs" | "mme" => Ok("2"),
        "ms" | "mlle" => Ok("3"),
        other => Err(Error::invalid_input(format!(
            "civility \"{}\" must be mr, mrs or ms",
            printable(other)
        ))),
    }
}

/// A French phone number in national format ("0612345678"): "+33 6 12 34 56 78",
/// "0033612345678" and "06.12.34.56.78" all become "0612345678". Other countries keep
/// their digits with a leading "+".
pub fn national_phone(phone: &str) -> String {
    let plus = phone.trim_start().starts_with('+');
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if let Some(rest) = digits.strip_prefix("0033").filter(|_| !plus) {
        return format!("0{rest}");
    }
    if plus {
        if let Some(rest) = digits.strip_prefix("33") {
            return format!("0{rest}");
        }
        return format!("+{digits}");
    }
    digits
}

/// Free text sent as an address line: ASCII, no control characters, at most `max` chars.
pub fn ascii_text(text: &str, max: usize) -> String {
    let ascii = deunicode::deunicode(text);
    let cleaned: String = ascii
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let folded = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    folded
        .chars()
        .take(max)
        .collect::<String>()
        .trim_end()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references() {
        assert!(check_reference("PS1C42A1").is_ok());
        assert!(check_reference(&"A".repeat(20)).is_ok());
        for bad in ["", "ps1", "A-1", &"A".repeat(21), "É1"] {
            assert!(check_reference(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn names_are_transliterated_and_cut_never_refused() {
        assert_eq!(sofinco_name("Zoé Lefèvre-Müller"), "Zoe Lefevre-Muller");
        assert_eq!(sofinco_name("François"), "Francois");
        assert_eq!(
            sofinco_name("Jean-Baptiste Marie-Hélène"),
            "Jean-Baptiste Marie"
        );
        assert_eq!(sofinco_name("O'Connor  Æsir"), "O'Connor AEsir");
        assert_eq!(sofinco_name("李小龍"), "Li Xiao Long");
        assert_eq!(sofinco_name("Dupont_2"), "Dupont");
        for name in ["Zoé", "Ölçer-Śliwiński de la Fontaine-Saint-Éloi", "ÆØÅ ß"] {
            let out = sofinco_name(name);
            assert!(out.len() <= 20, "{out}");
            assert!(
                out.chars()
                    .all(|c| c.is_ascii_alphabetic() || " '-".contains(c)),
                "{out}"
            );
        }
    }

    #[test]
    fn civilities() {
        assert_eq!(civility_code("mr").unwrap(), "1");
        assert_eq!(civility_code("MRS").unwrap(), "2");
        assert_eq!(civility_code("ms").unwrap(), "3");
        assert!(civility_code("dr").is_err());
    }

    #[test]
    fn phones_in_national_format() {
        assert_eq!(national_phone("+33 6 12 34 56 78"), "0612345678");
        assert_eq!(national_phone("0033612345678"), "0612345678");
        assert_eq!(national_phone("06.12.34.56.78"), "0612345678");
        assert_eq!(national_phone("+32 470 12 34 56"), "+32470123456");
    }

    #[test]
    fn address_text() {
        assert_eq!(
            ascii_text("  12 rue de l'Église\n", 38),
            "12 rue de l'Eglise"
        );
        assert_eq!(ascii_text("abcdef", 3), "abc");
    }
}
