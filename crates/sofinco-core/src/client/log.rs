//! The client's log: one file a day in `log_dir`, errors always, requests and answers in
//! debug mode, each line with the call's Correlationid. Bodies arrive already redacted by
//! structure (`redact`); the text masks here are a backstop for free text.

use std::fs::{self, OpenOptions};
use std::io::Write;
use std::path::PathBuf;

const MASK: &str = "***";

#[derive(Debug, Clone)]
pub struct Logger {
    dir: Option<PathBuf>,
    debug: bool,
    /// Exact strings never to write (the client secret).
    secrets: Vec<String>,
    /// Times are written in the shop's local time (the back office's), with the offset.
    offset: chrono::FixedOffset,
}

impl Logger {
    pub fn new(dir: Option<PathBuf>, debug: bool, secrets: Vec<String>) -> Self {
        let secrets = secrets.into_iter().filter(|s| s.len() >= 4).collect();
        Logger {
            dir,
            debug,
            secrets,
            offset: chrono::FixedOffset::east_opt(0).expect("0 is a valid offset"),
        }
    }

    /// Writes times at `seconds` east of UTC (out of range: UTC).
    pub fn with_utc_offset(mut self, seconds: i32) -> Self {
        if let Some(offset) = chrono::FixedOffset::east_opt(seconds) {
            self.offset = offset;
        }
        self
    }

    pub fn debug_enabled(&self) -> bool {
        self.dir.is_some() && self.debug
    }

    pub fn error(&self, correlation_id: &str, message: &str) {
        self.write("ERROR", correlation_id, message);
    }

    pub fn info(&self, correlation_id: &str, message: &str) {
        if self.debug {
            self.write("INFO", correlation_id, message);
        }
    }

    fn write(&self, level: &str, correlation_id: &str, message: &str) {
        let Some(dir) = &self.dir else { return };
        let now = chrono::Utc::now().with_timezone(&self.offset);
        let line = format!(
            "{} {level} [{correlation_id}] {}\n",
            now.format("%Y-%m-%dT%H:%M:%S%.3f%:z"),
            mask(message, &self.secrets).replace('\n', " ")
        );
        let path = dir.join(format!("sofinco-{}.log", now.format("%Y-%m-%d")));
        // A log that cannot be written must never break a payment: ignore failures.
        let _ = fs::create_dir_all(dir);
        if let Ok(mut file) = OpenOptions::new().create(true).append(true).open(path) {
            let _ = file.write_all(line.as_bytes());
        }
    }
}

/// Masks the given secrets, bearer tokens, `access_token` values, e-mail addresses and
/// phone-like digit runs.
pub fn mask(text: &str, secrets: &[String]) -> String {
    let mut out = text.to_string();
    for secret in secrets {
        out = out.replace(secret.as_str(), MASK);
    }
    out = mask_after(&out, "Bearer ");
    out = mask_after(&out, "Basic ");
    out = mask_after(&out, "\"access_token\":\"");
    out = mask_emails(&out);
    mask_phones(&out)
}

/// Masks the word that follows each `marker`.
fn mask_after(text: &str, marker: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(pos) = rest.find(marker) {
        out.push_str(&rest[..pos + marker.len()]);
        rest = &rest[pos + marker.len()..];
        let end = rest
            .find(|c: char| c.is_whitespace() || c == '"' || c == '\\' || c == ',')
            .unwrap_or(rest.len());
        if end > 0 {
            out.push_str(MASK);
        }
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

fn is_email_char(c: char) -> bool {
    c.is_alphanumeric() || "._%+-".contains(c)
}

fn mask_emails(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut keep = vec![true; chars.len()];
    for (i, c) in chars.iter().enumerate() {
        if *c != '@' {
            continue;
        }
        let mut start = i;
        while start > 0 && is_email_char(chars[start - 1]) {
            start -= 1;
        }
        let mut end = i + 1;
        while end < chars.len() && is_email_char(chars[end]) {
            end += 1;
        }
        if start < i && end > i + 1 {
            keep[start..end].iter_mut().for_each(|k| *k = false);
        }
    }
    collapse(&chars, &keep)
}

/// Runs of 9 or more digits (spaces, dots and a leading + allowed inside) are phone-like.
fn mask_phones(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut keep = vec![true; chars.len()];
    let mut i = 0;
    while i < chars.len() {
        // A digit run glued to a letter is an id (a contract number SBX000000003), not a phone.
        let glued = i > 0 && chars[i - 1].is_alphanumeric();
        if (chars[i].is_ascii_digit() || chars[i] == '+') && !glued {
            let start = i;
            let mut digits = 0;
            let mut end = i;
            while end < chars.len()
                && (chars[end].is_ascii_digit()
                    || (end == start && chars[end] == '+')
                    || ((chars[end] == ' ' || chars[end] == '.')
                        && end + 1 < chars.len()
                        && chars[end + 1].is_ascii_digit()
                        && digits > 0))
            {
                if chars[end].is_ascii_digit() {
                    digits += 1;
                }
                end += 1;
            }
            if digits >= 9 {
                keep[start..end].iter_mut().for_each(|k| *k = false);
            }
            i = end.max(i + 1);
        } else {
            i += 1;
        }
    }
    collapse(&chars, &keep)
}

/// Rebuilds the text with each masked run replaced by one mask.
fn collapse(chars: &[char], keep: &[bool]) -> String {
    let mut out = String::with_capacity(chars.len());
    for (i, c) in chars.iter().enumerate() {
        if keep[i] {
            out.push(*c);
        } else if i == 0 || keep[i - 1] {
            out.push_str(MASK);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_what_must_never_be_logged() {
        let text = r#"Authorization: Bearer abc.def-123 {"access_token":"tok123","emailAddress":"zoe.l@example.fr","mobileNumber":"0612345678"} secret=s3cr3tvalue +33 6 12 34 56 78"#;
        let masked = mask(text, &["s3cr3tvalue".to_string()]);
        for leaked in [
            "abc.def-123",
            "tok123",
            "zoe.l@example.fr",
            "0612345678",
            "s3cr3tvalue",
            "12 34 56 78",
        ] {
            assert!(!masked.contains(leaked), "{leaked} in {masked}");
        }
        assert!(masked.contains("Bearer ***"));
    }

    #[test]
    fn keeps_amounts_references_and_dates() {
        let text = "amount=129010 ref=PS1C42A1 date=2026-11-26 status=ETU contract=SBX000000003";
        assert_eq!(mask(text, &[]), text);
    }

    #[test]
    fn writes_one_file_a_day_and_only_errors_without_debug() {
        let dir = std::env::temp_dir().join(format!("sofinco-log-{}", uuid::Uuid::new_v4()));
        let quiet = Logger::new(Some(dir.clone()), false, vec!["hunter22".into()]);
        quiet.info("c1", "not written");
        quiet.error("c2", "failed with hunter22 for bob@example.com");
        let files: Vec<_> = fs::read_dir(&dir).unwrap().collect();
        assert_eq!(files.len(), 1);
        let content = fs::read_to_string(files[0].as_ref().unwrap().path()).unwrap();
        assert!(content.contains("ERROR [c2] failed with *** for ***"));
        assert!(!content.contains("not written"));
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn writes_times_in_the_shops_offset() {
        let dir = std::env::temp_dir().join(format!("sofinco-log-{}", uuid::Uuid::new_v4()));
        Logger::new(Some(dir.clone()), false, vec![])
            .with_utc_offset(3600)
            .error("c3", "paris");
        let file = fs::read_dir(&dir).unwrap().next().unwrap().unwrap().path();
        let content = fs::read_to_string(file).unwrap();
        let stamp = content.split(' ').next().unwrap();
        assert!(stamp.ends_with("+01:00"), "{stamp}");
        let written = chrono::DateTime::parse_from_rfc3339(stamp).unwrap();
        assert!(
            (chrono::Utc::now() - written.with_timezone(&chrono::Utc))
                .num_seconds()
                .abs()
                < 60
        );
        fs::remove_dir_all(dir).unwrap();
    }
}
