//! The client's configuration, validated at once: every bad or missing key is reported in
//! one error, so a merchant fixes the whole form in one go.

use std::net::IpAddr;
use std::path::PathBuf;
use std::time::Duration;

use url::Url;

use crate::contract::{self, rules};
use crate::error::{printable, Error, Result};

/// A configuration value as the caller gave it (the PHP layer converts its array into these).
#[derive(Debug, Clone, PartialEq)]
pub enum ConfigValue {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    /// Any other type, by name (an array, an object).
    Other(&'static str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Test,
    Production,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::Test => "test",
            Mode::Production => "production",
        }
    }
}

/// A validated configuration.
#[derive(Debug, Clone)]
pub struct ClientConfig {
    pub merchant_id: String,
    pub nature_bien: String,
    pub q6: String,
    pub x1: String,
    pub client_id: String,
    pub client_secret: crate::secret::Secret,
    pub mode: Mode,
    pub base_url: Url,
    pub application_id: String,
    pub timeout: Duration,
    pub connect_timeout: Duration,
    pub max_retries: u32,
    pub log_dir: Option<PathBuf>,
    pub debug: bool,
    /// The shop's UTC offset, so log times read as the back office shows times.
    pub log_utc_offset_s: i32,
    pub cache_dir: Option<PathBuf>,
    pub cache_ttl: Duration,
    /// How long a failed simulation is remembered: Sofinco down costs one call per window.
    pub failure_ttl: Duration,
    /// Simulations this cache folder (one shop) may send to Sofinco per minute, all workers
    /// together: visitors cause them, so an outsider's traffic is bounded by this.
    pub simulations_per_minute: u32,
    /// The token shared by every PHP worker of the shop (a 0600 file), when given.
    pub token_file: Option<PathBuf>,
    pub user_agent: String,
    /// Extra CA certificate (PEM) to trust, for a gateway behind a private CA.
    pub ca_file: Option<PathBuf>,
    /// The merchant's "Prix minimum", in cents (0: none): Sofinco is offered from it.
    pub min_price_cents: i64,
    /// The merchant's "Prix maximum", in cents (None: none): Sofinco is offered up to it.
    pub max_price_cents: Option<i64>,
}

const KNOWN_KEYS: [&str; 24] = [
    "merchant_id",
    "nature_bien",
    "q6",
    "x1",
    "client_id",
    "client_secret",
    "mode",
    "base_url",
    "application_id",
    "timeout_ms",
    "connect_timeout_ms",
    "max_retries",
    "log_dir",
    "debug",
    "log_utc_offset_s",
    "cache_dir",
    "cache_ttl_s",
    "failure_ttl_s",
    "simulations_per_minute",
    "token_file",
    "user_agent",
    "ca_file",
    "min_price_cents",
    "max_price_cents",
];

/// Whether a minimum and a maximum price (cents; a maximum of 0 means none) make a range the
/// module can apply: each from 0 to the largest amount the client accepts, the maximum not
/// below the minimum. The one rule the configuration page and the client share.
pub fn price_range_problem(min_cents: i64, max_cents: i64) -> Option<String> {
    let limit = super::MAX_AMOUNT_CENTS;
    if !(0..=limit).contains(&min_cents) {
        return Some(format!(
            "min_price_cents (Prix minimum) must be from 0 to {limit}"
        ));
    }
    if !(0..=limit).contains(&max_cents) {
        return Some(format!(
            "max_price_cents (Prix maximum) must be from 0 (none) to {limit}"
        ));
    }
    if max_cents > 0 && max_cents < min_cents {
        return Some(
            "max_price_cents (Prix maximum) must be 0 (none) or at least min_price_cents (Prix minimum)"
                .to_string(),
        );
    }
    None
}

/// Collects problems while reading the keys.
struct Reader<'a> {
    entries: &'a [(String, ConfigValue)],
    problems: Vec<String>,
}

impl Reader<'_> {
    fn get(&self, key: &str) -> Option<&ConfigValue> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| **v != ConfigValue::Null)
    }

    fn string(&mut self, key: &str, required: bool) -> Option<String> {
        match self.get(key) {
            None if required => {
                self.problems.push(format!("{key} is required"));
                None
            }
            None => None,
            Some(ConfigValue::Str(s)) if s.trim().is_empty() && required => {
                self.problems.push(format!("{key} is required"));
                None
            }
            Some(ConfigValue::Str(s)) => Some(s.trim().to_string()),
            Some(ConfigValue::Int(i)) => Some(i.to_string()),
            Some(other) => {
                let kind = type_name(other);
                self.problems
                    .push(format!("{key} must be a string, not {kind}"));
                None
            }
        }
    }

    fn integer(&mut self, key: &str, default: i64, min: i64, max: i64) -> i64 {
        let value = match self.get(key) {
            None => return default,
            Some(ConfigValue::Int(i)) => Some(*i),
            Some(ConfigValue::Str(s)) => s.trim().parse().ok(),
            Some(_) => None,
        };
        match value {
            Some(v) if (min..=max).contains(&v) => v,
            _ => {
                self.problems
                    .push(format!("{key} must be a whole number from {min} to {max}"));
                default
            }
        }
    }

    fn boolean(&mut self, key: &str) -> bool {
        match self.get(key) {
            None => false,
            Some(ConfigValue::Bool(b)) => *b,
            Some(ConfigValue::Int(0)) => false,
            Some(ConfigValue::Int(1)) => true,
            Some(ConfigValue::Str(s)) if matches!(s.as_str(), "0" | "" | "false") => false,
            Some(ConfigValue::Str(s)) if matches!(s.as_str(), "1" | "true") => true,
            Some(_) => {
                self.problems.push(format!("{key} must be true or false"));
                false
            }
        }
    }
}

fn type_name(value: &ConfigValue) -> &'static str {
    match value {
        ConfigValue::Null => "null",
        ConfigValue::Bool(_) => "a boolean",
        ConfigValue::Int(_) => "an integer",
        ConfigValue::Float(_) => "a float",
        ConfigValue::Str(_) => "a string",
        ConfigValue::Other(name) => name,
    }
}

/// Upper-case letters and digits of an exact length, as Sofinco issues identifiers.
fn is_upper_alnum(text: &str, len: usize) -> bool {
    text.len() == len
        && text
            .bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
}

/// Plain HTTP is allowed only to this machine (the sandbox): a bearer token never
/// travels in clear elsewhere.
pub fn is_loopback_host(url: &Url) -> bool {
    match url.host() {
        Some(url::Host::Domain(d)) => d.eq_ignore_ascii_case("localhost"),
        Some(url::Host::Ipv4(ip)) => IpAddr::V4(ip).is_loopback(),
        Some(url::Host::Ipv6(ip)) => IpAddr::V6(ip).is_loopback(),
        None => false,
    }
}

impl ClientConfig {
    pub fn from_entries(entries: &[(String, ConfigValue)]) -> Result<Self> {
        let mut r = Reader {
            entries,
            problems: Vec::new(),
        };
        for (key, _) in entries {
            if !KNOWN_KEYS.contains(&key.as_str()) {
                r.problems
                    .push(format!("unknown key \"{}\"", printable(key)));
            }
        }

        let merchant_id = r.string("merchant_id", true).unwrap_or_default();
        if !merchant_id.is_empty() && !is_upper_alnum(&merchant_id, rules::BUSINESS_PROVIDER_ID_LEN)
        {
            r.problems.push(format!(
                "merchant_id (N° de commerçant Web) must be {} upper-case letters or digits",
                rules::BUSINESS_PROVIDER_ID_LEN
            ));
        }
        let nature_bien = r.string("nature_bien", true).unwrap_or_default();
        if !nature_bien.is_empty() && !is_upper_alnum(&nature_bien, rules::EQUIPMENT_CODE_LEN) {
            r.problems.push(format!(
                "nature_bien (Nature de bien partenaire) must be {} upper-case letters or digits",
                rules::EQUIPMENT_CODE_LEN
            ));
        }
        let q6 = r.string("q6", true).unwrap_or_default();
        let x1 = r.string("x1", true).unwrap_or_default();
        for (key, value) in [("q6", &q6), ("x1", &x1)] {
            if value.chars().any(|c| c.is_control() || !c.is_ascii()) {
                r.problems.push(format!(
                    "{key} must be printable ASCII (it is sent as a header)"
                ));
            }
        }
        let client_id = r.string("client_id", true).unwrap_or_default();
        let client_secret = r.string("client_secret", true).unwrap_or_default();

        let mode = match r.string("mode", false).as_deref() {
            None | Some("test") => Mode::Test,
            Some("production") => Mode::Production,
            Some(_) => {
                r.problems
                    .push("mode must be \"test\" or \"production\"".to_string());
                Mode::Test
            }
        };
        let default_base = match mode {
            Mode::Test => contract::RECETTE_BASE_URL,
            Mode::Production => contract::PRODUCTION_BASE_URL,
        };
        let base_text = r
            .string("base_url", false)
            .unwrap_or_else(|| default_base.to_string());
        let base_url = match Url::parse(&base_text) {
            Ok(url) if url.scheme() == "https" && url.host().is_some() => url,
            Ok(url) if url.scheme() == "http" && is_loopback_host(&url) => url,
            Ok(url) if url.scheme() == "http" => {
                r.problems.push(
                    "base_url must use https (plain http is allowed only to 127.0.0.1, ::1 or localhost)"
                        .to_string(),
                );
                url
            }
            _ => {
                r.problems
                    .push("base_url must be an absolute https URL".to_string());
                Url::parse(default_base).expect("the default base URL is valid")
            }
        };

        let application_id = r
            .string("application_id", false)
            .unwrap_or_else(|| contract::DEFAULT_APPLICATION_ID.to_string());
        let timeout_ms = r.integer("timeout_ms", 10_000, 100, 120_000);
        let connect_timeout_ms = r.integer("connect_timeout_ms", 3_000, 50, 60_000);
        let max_retries = r.integer("max_retries", 2, 0, 10);
        let log_dir = r.string("log_dir", false).map(PathBuf::from);
        let debug = r.boolean("debug");
        let log_utc_offset_s = r.integer("log_utc_offset_s", 0, -14 * 3600, 14 * 3600);
        let cache_dir = r.string("cache_dir", false).map(PathBuf::from);
        let cache_ttl_s = r.integer("cache_ttl_s", 86_400, 0, 30 * 86_400);
        let failure_ttl_s = r.integer("failure_ttl_s", 60, 0, 3_600);
        let simulations_per_minute = r.integer("simulations_per_minute", 30, 1, 6_000);
        let token_file = r.string("token_file", false).map(PathBuf::from);
        let user_agent = r.string("user_agent", false).unwrap_or_default();
        if user_agent.chars().any(|c| c.is_control()) {
            r.problems
                .push("user_agent must not contain control characters".to_string());
        }
        let ca_file = r.string("ca_file", false).map(PathBuf::from);
        let limit = super::MAX_AMOUNT_CENTS;
        let min_price_cents = r.integer("min_price_cents", 0, 0, limit);
        let max_price_cents = r.integer("max_price_cents", 0, 0, limit);
        if let Some(problem) = price_range_problem(min_price_cents, max_price_cents) {
            r.problems.push(problem);
        }

        if !r.problems.is_empty() {
            return Err(Error::config(format!(
                "invalid Sofinco configuration: {}",
                r.problems.join("; ")
            )));
        }
        Ok(ClientConfig {
            merchant_id,
            nature_bien,
            q6,
            x1,
            client_id,
            client_secret: crate::secret::Secret::new(client_secret),
            mode,
            base_url,
            application_id,
            timeout: Duration::from_millis(timeout_ms as u64),
            connect_timeout: Duration::from_millis(connect_timeout_ms as u64),
            max_retries: max_retries as u32,
            log_dir,
            debug,
            log_utc_offset_s: log_utc_offset_s as i32,
            cache_dir,
            cache_ttl: Duration::from_secs(cache_ttl_s as u64),
            failure_ttl: Duration::from_secs(failure_ttl_s as u64),
            simulations_per_minute: simulations_per_minute as u32,
            token_file,
            user_agent,
            ca_file,
            min_price_cents,
            max_price_cents: (max_price_cents > 0).then_some(max_price_cents),
        })
    }

    /// The full URL of an API path, keeping any path prefix of base_url.
    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.base_url.as_str().trim_end_matches('/'), path)
    }
}

#[cfg(test)]
pub(crate) fn sample_entries() -> Vec<(String, ConfigValue)> {
    [
        ("merchant_id", "12345678901"),
        ("nature_bien", "ABC"),
        ("q6", "Q6VALUE"),
        ("x1", "X1VALUE"),
        ("client_id", "id"),
        ("client_secret", "secret"),
    ]
    .iter()
    .map(|(k, v)| (k.to_string(), ConfigValue::Str(v.to_string())))
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    fn with(
        mut entries: Vec<(String, ConfigValue)>,
        key: &str,
        value: ConfigValue,
    ) -> Vec<(String, ConfigValue)> {
        entries.retain(|(k, _)| k != key);
        entries.push((key.to_string(), value));
        entries
    }

    #[test]
    fn defaults_follow_the_mode() {
        let config = ClientConfig::from_entries(&sample_entries()).unwrap();
        assert_eq!(config.base_url.as_str(), "https://rct-api.sofinco.fr/");
        assert_eq!(config.timeout, Duration::from_secs(10));
        assert_eq!(config.max_retries, 2);
        let prod = ClientConfig::from_entries(&with(
            sample_entries(),
            "mode",
            ConfigValue::Str("production".into()),
        ))
        .unwrap();
        assert_eq!(prod.base_url.as_str(), "https://api.sofinco.fr/");
        assert_eq!(prod.url("/token"), "https://api.sofinco.fr/token");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let entries = vec![
            ("merchant_id".to_string(), ConfigValue::Str("abc".into())),
            ("nature_bien".to_string(), ConfigValue::Other("an array")),
            ("timeout_ms".to_string(), ConfigValue::Int(-1)),
            ("colour".to_string(), ConfigValue::Str("x".into())),
        ];
        let err = ClientConfig::from_entries(&entries).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Config);
        for needle in [
            "merchant_id (N° de commerçant Web) must be 11",
            "nature_bien must be a string, not an array",
            "q6 is required",
            "x1 is required",
            "client_id is required",
            "client_secret is required",
            "timeout_ms must be",
            "unknown key \"colour\"",
        ] {
            assert!(
                err.message().contains(needle),
                "{needle} in {}",
                err.message()
            );
        }
    }

    #[test]
    fn plain_http_only_to_loopback() {
        for ok in [
            "http://127.0.0.1:8080",
            "http://localhost:1",
            "http://[::1]:9",
            "https://example.test",
        ] {
            let entries = with(sample_entries(), "base_url", ConfigValue::Str(ok.into()));
            assert!(ClientConfig::from_entries(&entries).is_ok(), "{ok}");
        }
        for bad in [
            "http://10.0.0.1",
            "http://example.test",
            "ftp://x",
            "not a url",
            "http://127.0.0.1.evil.test",
        ] {
            let entries = with(sample_entries(), "base_url", ConfigValue::Str(bad.into()));
            assert!(ClientConfig::from_entries(&entries).is_err(), "{bad}");
        }
    }

    #[test]
    fn the_price_range_is_read_and_checked() {
        let config = ClientConfig::from_entries(&sample_entries()).unwrap();
        assert_eq!((config.min_price_cents, config.max_price_cents), (0, None));
        let entries = with(
            with(
                sample_entries(),
                "min_price_cents",
                ConfigValue::Int(10_000),
            ),
            "max_price_cents",
            ConfigValue::Str("300000".into()),
        );
        let config = ClientConfig::from_entries(&entries).unwrap();
        assert_eq!(
            (config.min_price_cents, config.max_price_cents),
            (10_000, Some(300_000))
        );
        // 0 is "no maximum"; a maximum equal to the minimum is one amount.
        assert_eq!(price_range_problem(10_000, 0), None);
        assert_eq!(price_range_problem(10_000, 10_000), None);
        for (min, max, needle) in [
            (10_000, 9_999, "at least min_price_cents"),
            (-1, 0, "min_price_cents (Prix minimum) must be from 0"),
            (0, -5, "max_price_cents (Prix maximum) must be from 0"),
            (0, super::super::MAX_AMOUNT_CENTS + 1, "max_price_cents"),
        ] {
            let problem = price_range_problem(min, max).unwrap_or_default();
            assert!(problem.contains(needle), "{min} {max}: {problem}");
        }
        let entries = with(
            with(
                sample_entries(),
                "min_price_cents",
                ConfigValue::Int(500_000),
            ),
            "max_price_cents",
            ConfigValue::Int(100_000),
        );
        let err = ClientConfig::from_entries(&entries).unwrap_err();
        assert!(
            err.message().contains("at least min_price_cents"),
            "{}",
            err.message()
        );
    }

    #[test]
    fn secrets_never_appear_in_config_errors() {
        let entries = with(
            sample_entries(),
            "merchant_id",
            ConfigValue::Str("bad".into()),
        );
        let err = ClientConfig::from_entries(&entries).unwrap_err();
        assert!(!err.message().contains("secret\""));
    }
}
