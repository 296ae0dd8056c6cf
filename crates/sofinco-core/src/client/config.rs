//! The client's configuration, validated at once: every bad or missing key is reported in
//! one error, so a merchant fixes the whole form in one go.
//!
//! Also the rules of where the client secret may go (design.md §7): the API URL must be a
//! clean https URL (plain http only to loopback, for the sandbox); in production it must be
//! one of Sofinco's hosts unless `allow_other_url` says otherwise; and a stored secret goes
//! only to the URL it was saved with (`client_secret_url`).

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

    /// "test" or "production".
    pub fn parse(text: &str) -> Option<Mode> {
        match text {
            "test" => Some(Mode::Test),
            "production" => Some(Mode::Production),
            _ => None,
        }
    }

    /// Sofinco's API for this mode (recette for test).
    pub fn default_base_url(self) -> &'static str {
        match self {
            Mode::Test => contract::RECETTE_BASE_URL,
            Mode::Production => contract::PRODUCTION_BASE_URL,
        }
    }
}

/// One problem of a configuration: the key it is about, a stable code for the module to
/// word in the merchant's language, and an English message (logs, exceptions).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub key: String,
    pub code: &'static str,
    pub message: String,
}

/// Codes of `Problem`.
pub mod code {
    /// A required key is missing or empty.
    pub const REQUIRED: &str = "required";
    /// A value of the wrong type or shape.
    pub const INVALID: &str = "invalid";
    /// A key the client does not know.
    pub const UNKNOWN_KEY: &str = "unknown_key";
    /// The API URL is not a clean absolute https URL (spaces, user info, query, fragment,
    /// characters a base URL never needs).
    pub const URL_NOT_CLEAN: &str = "url_not_clean";
    /// Plain http to anything but this machine.
    pub const URL_PLAIN_HTTP: &str = "url_plain_http";
    /// Production mode, a host that is not Sofinco's, and no `allow_other_url`.
    pub const URL_NOT_SOFINCO: &str = "url_not_sofinco";
    /// The stored client secret was saved for another API URL: it is not sent to this one.
    pub const SECRET_FOR_ANOTHER_URL: &str = "secret_for_another_url";
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

const KNOWN_KEYS: [&str; 26] = [
    "merchant_id",
    "nature_bien",
    "q6",
    "x1",
    "client_id",
    "client_secret",
    "client_secret_url",
    "mode",
    "base_url",
    "allow_other_url",
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
    problems: Vec<Problem>,
}

impl Reader<'_> {
    fn problem(&mut self, key: &str, code: &'static str, message: String) {
        self.problems.push(Problem {
            key: key.to_string(),
            code,
            message,
        });
    }

    fn get(&self, key: &str) -> Option<&ConfigValue> {
        self.entries
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| **v != ConfigValue::Null)
    }

    fn string(&mut self, key: &str, required: bool) -> Option<String> {
        self.text(key, required).map(|s| s.trim().to_string())
    }

    /// A string as given (not trimmed): None when absent or null.
    fn text(&mut self, key: &str, required: bool) -> Option<String> {
        match self.get(key) {
            None if required => {
                self.problem(key, code::REQUIRED, format!("{key} is required"));
                None
            }
            None => None,
            Some(ConfigValue::Str(s)) if s.trim().is_empty() && required => {
                self.problem(key, code::REQUIRED, format!("{key} is required"));
                None
            }
            Some(ConfigValue::Str(s)) => Some(s.clone()),
            Some(ConfigValue::Int(i)) => Some(i.to_string()),
            Some(other) => {
                let kind = type_name(other);
                self.problem(
                    key,
                    code::INVALID,
                    format!("{key} must be a string, not {kind}"),
                );
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
                self.problem(
                    key,
                    code::INVALID,
                    format!("{key} must be a whole number from {min} to {max}"),
                );
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
                self.problem(key, code::INVALID, format!("{key} must be true or false"));
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

/// Why an API URL is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlProblem {
    /// Not a clean absolute https URL.
    NotClean,
    /// Plain http to anything but loopback.
    PlainHttp,
}

impl UrlProblem {
    pub fn code(self) -> &'static str {
        match self {
            UrlProblem::NotClean => code::URL_NOT_CLEAN,
            UrlProblem::PlainHttp => code::URL_PLAIN_HTTP,
        }
    }
}

/// Longest API URL accepted.
const MAX_URL_LEN: usize = 512;

/// An API base URL as typed, if it is clean: `https://host[:port][/path]` with only the
/// characters a base URL needs (letters, digits, `-._~:/[]`): no space anywhere, no user
/// info, query or fragment, no percent-encoding, nothing the URL parser would rewrite
/// silently. Plain http only to loopback (the sandbox).
pub fn clean_api_url(text: &str) -> std::result::Result<Url, UrlProblem> {
    let lower = text.to_ascii_lowercase();
    let clean_chars = text.len() <= MAX_URL_LEN
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-._~:/[]".contains(&b));
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    // "https:///host" would be read as https://host/: the host comes right after "//".
    if !clean_chars || rest.is_none_or(|rest| rest.is_empty() || rest.starts_with('/')) {
        return Err(UrlProblem::NotClean);
    }
    let url = Url::parse(text).map_err(|_| UrlProblem::NotClean)?;
    if url.host().is_none()
        || !url.username().is_empty()
        || url.password().is_some()
        || url.query().is_some()
        || url.fragment().is_some()
    {
        return Err(UrlProblem::NotClean);
    }
    match url.scheme() {
        "https" => Ok(url),
        "http" if is_loopback_host(&url) => Ok(url),
        "http" => Err(UrlProblem::PlainHttp),
        _ => Err(UrlProblem::NotClean),
    }
}

/// The API URL a mode uses with this setting (None or empty: Sofinco's for the mode).
pub fn api_url_for(mode: Mode, setting: Option<&str>) -> std::result::Result<Url, UrlProblem> {
    match setting {
        None | Some("") => {
            Ok(Url::parse(mode.default_base_url()).expect("Sofinco's URLs are valid"))
        }
        Some(text) => clean_api_url(text),
    }
}

/// Sofinco's own API hosts (design.md §2), over https on the default port.
pub fn is_sofinco_host(url: &Url) -> bool {
    url.scheme() == "https"
        && url.port().is_none()
        && [contract::PRODUCTION_BASE_URL, contract::RECETTE_BASE_URL]
            .iter()
            .filter_map(|base| Url::parse(base).ok())
            .any(|base| base.host_str() == url.host_str())
}

/// Whether a mode may call this URL: test mode any clean URL; production Sofinco's hosts
/// and this machine (the sandbox) only, unless the merchant explicitly allowed another.
pub fn mode_allows(mode: Mode, url: &Url, allow_other: bool) -> bool {
    mode == Mode::Test || allow_other || is_sofinco_host(url) || is_loopback_host(url)
}

/// Whether a client secret saved for `saved_with` may be sent to `url`: only to the very
/// API URL it was saved with (a trailing slash aside).
pub fn secret_may_go(saved_with: &Url, url: &Url) -> bool {
    saved_with.as_str().trim_end_matches('/') == url.as_str().trim_end_matches('/')
}

impl ClientConfig {
    pub fn from_entries(entries: &[(String, ConfigValue)]) -> Result<Self> {
        Self::check(entries).map_err(|problems| {
            let messages: Vec<&str> = problems.iter().map(|p| p.message.as_str()).collect();
            Error::config(format!(
                "invalid Sofinco configuration: {}",
                messages.join("; ")
            ))
        })
    }

    /// The configuration, or every problem found in it.
    pub fn check(entries: &[(String, ConfigValue)]) -> std::result::Result<Self, Vec<Problem>> {
        let mut r = Reader {
            entries,
            problems: Vec::new(),
        };
        for (key, _) in entries {
            if !KNOWN_KEYS.contains(&key.as_str()) {
                r.problem(
                    key,
                    code::UNKNOWN_KEY,
                    format!("unknown key \"{}\"", printable(key)),
                );
            }
        }

        let merchant_id = r.string("merchant_id", true).unwrap_or_default();
        if !merchant_id.is_empty() && !is_upper_alnum(&merchant_id, rules::BUSINESS_PROVIDER_ID_LEN)
        {
            r.problem(
                "merchant_id",
                code::INVALID,
                format!(
                    "merchant_id (N° de commerçant Web) must be {} upper-case letters or digits",
                    rules::BUSINESS_PROVIDER_ID_LEN
                ),
            );
        }
        let nature_bien = r.string("nature_bien", true).unwrap_or_default();
        if !nature_bien.is_empty() && !is_upper_alnum(&nature_bien, rules::EQUIPMENT_CODE_LEN) {
            r.problem(
                "nature_bien",
                code::INVALID,
                format!(
                    "nature_bien (Nature de bien partenaire) must be {} upper-case letters or digits",
                    rules::EQUIPMENT_CODE_LEN
                ),
            );
        }
        let q6 = r.string("q6", true).unwrap_or_default();
        let x1 = r.string("x1", true).unwrap_or_default();
        for (key, value) in [("q6", &q6), ("x1", &x1)] {
            if value.chars().any(|c| c.is_control() || !c.is_ascii()) {
                r.problem(
                    key,
                    code::INVALID,
                    format!("{key} must be printable ASCII (it is sent as a header)"),
                );
            }
        }
        let client_id = r.string("client_id", true).unwrap_or_default();
        let client_secret = r.string("client_secret", true).unwrap_or_default();

        let mode = match r.string("mode", false) {
            None => Mode::Test,
            Some(text) => Mode::parse(&text).unwrap_or_else(|| {
                r.problem(
                    "mode",
                    code::INVALID,
                    "mode must be \"test\" or \"production\"".to_string(),
                );
                Mode::Test
            }),
        };
        // The URL as typed, not trimmed: a space anywhere is refused, never cleaned away.
        let base_text = r.text("base_url", false);
        let allow_other = r.boolean("allow_other_url");
        let base_url = match api_url_for(mode, base_text.as_deref()) {
            Ok(url) => {
                if !mode_allows(mode, &url, allow_other) {
                    r.problem(
                        "base_url",
                        code::URL_NOT_SOFINCO,
                        "in production, base_url must be Sofinco's (api.sofinco.fr, rct-api.sofinco.fr) unless allow_other_url is set"
                            .to_string(),
                    );
                }
                Some(url)
            }
            Err(problem) => {
                let message = match problem {
                    UrlProblem::PlainHttp => "base_url must use https (plain http is allowed only to 127.0.0.1, ::1 or localhost)",
                    UrlProblem::NotClean => "base_url must be a clean absolute https URL (no spaces, user info, query or fragment)",
                };
                r.problem("base_url", problem.code(), message.to_string());
                None
            }
        };
        // Where the stored secret was saved: it goes nowhere else. (Absent: the secret
        // was typed for this very configuration.) Checked only against a valid base_url.
        if let Some(saved) = r.get("client_secret_url").cloned() {
            let saved = match saved {
                ConfigValue::Str(s) => clean_api_url(&s).ok(),
                _ => None,
            };
            if let Some(url) = &base_url {
                if !saved.is_some_and(|saved| secret_may_go(&saved, url)) {
                    r.problem(
                        "client_secret_url",
                        code::SECRET_FOR_ANOTHER_URL,
                        "the stored client_secret was saved for another API URL and is never sent to a new one: give it again".to_string(),
                    );
                }
            }
        }

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
            r.problem(
                "user_agent",
                code::INVALID,
                "user_agent must not contain control characters".to_string(),
            );
        }
        let ca_file = r.string("ca_file", false).map(PathBuf::from);
        let limit = super::MAX_AMOUNT_CENTS;
        let min_price_cents = r.integer("min_price_cents", 0, 0, limit);
        let max_price_cents = r.integer("max_price_cents", 0, 0, limit);
        if let Some(problem) = price_range_problem(min_price_cents, max_price_cents) {
            r.problem("max_price_cents", code::INVALID, problem);
        }

        let base_url = match base_url {
            Some(url) if r.problems.is_empty() => url,
            _ => return Err(r.problems),
        };
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

    fn codes(entries: &[(String, ConfigValue)]) -> Vec<(String, &'static str)> {
        match ClientConfig::check(entries) {
            Ok(_) => Vec::new(),
            Err(problems) => problems.into_iter().map(|p| (p.key, p.code)).collect(),
        }
    }

    fn production(base_url: Option<&str>) -> Vec<(String, ConfigValue)> {
        let mut entries = with(
            sample_entries(),
            "mode",
            ConfigValue::Str("production".into()),
        );
        if let Some(url) = base_url {
            entries = with(entries, "base_url", ConfigValue::Str(url.into()));
        }
        entries
    }

    #[test]
    fn an_api_url_with_spaces_or_anything_unclean_is_refused() {
        for bad in [
            "https://api.sofinco.fr /x",
            "https://evil.example/ a b",
            " https://api.sofinco.fr",
            "https://api.sofinco.fr ",
            "https://api.sofinco.fr\t",
            "https://api.sofinco.fr/\r\nHost: evil",
            "https://user:pw@api.sofinco.fr",
            "https://api.sofinco.fr@evil.example",
            "https://api.sofinco.fr/?next=x",
            "https://api.sofinco.fr/#x",
            "https://api.sofinco.fr/%2e%2e",
            "https://exämple.fr",
            "https:api.sofinco.fr",
            "https:///x",
            "https://evil.example\\@api.sofinco.fr",
            "javascript://x",
            "not a url",
        ] {
            let entries = with(sample_entries(), "base_url", ConfigValue::Str(bad.into()));
            assert_eq!(
                codes(&entries),
                vec![("base_url".to_string(), code::URL_NOT_CLEAN)],
                "{bad:?}"
            );
            assert_eq!(clean_api_url(bad), Err(UrlProblem::NotClean), "{bad:?}");
        }
        assert_eq!(
            codes(&with(
                sample_entries(),
                "base_url",
                ConfigValue::Str("http://example.test".into())
            )),
            vec![("base_url".to_string(), code::URL_PLAIN_HTTP)]
        );
        // Empty: Sofinco's by mode.
        let empty = with(
            sample_entries(),
            "base_url",
            ConfigValue::Str(String::new()),
        );
        assert_eq!(
            ClientConfig::from_entries(&empty)
                .unwrap()
                .base_url
                .as_str(),
            "https://rct-api.sofinco.fr/"
        );
    }

    #[test]
    fn production_calls_sofinco_or_this_machine_unless_another_url_is_allowed() {
        for ok in [
            None,
            Some("https://api.sofinco.fr"),
            Some("https://API.sofinco.fr/"),
            Some("https://rct-api.sofinco.fr/"),
            Some("https://api.sofinco.fr:443/prefix"),
            Some("http://127.0.0.1:8080"),
            Some("https://[::1]:9"),
            Some("http://localhost:1"),
        ] {
            assert_eq!(codes(&production(ok)), vec![], "{ok:?}");
        }
        for other in [
            "https://evil.example",
            "https://api.sofinco.fr.evil.example",
            "https://api.sofinco.fr:8443",
            "https://sofinco.fr",
            "https://10.0.0.1",
        ] {
            assert_eq!(
                codes(&production(Some(other))),
                vec![("base_url".to_string(), code::URL_NOT_SOFINCO)],
                "{other}"
            );
            let allowed = with(
                production(Some(other)),
                "allow_other_url",
                ConfigValue::Bool(true),
            );
            assert_eq!(codes(&allowed), vec![], "{other} allowed");
            // Test mode (recette credentials) may use a proxy.
            let test = with(sample_entries(), "base_url", ConfigValue::Str(other.into()));
            assert_eq!(codes(&test), vec![], "{other} in test mode");
        }
    }

    #[test]
    fn a_stored_secret_goes_only_to_the_url_it_was_saved_with() {
        let saved = |entries: Vec<(String, ConfigValue)>, url: &str| {
            with(entries, "client_secret_url", ConfigValue::Str(url.into()))
        };
        let refused = vec![(
            "client_secret_url".to_string(),
            code::SECRET_FOR_ANOTHER_URL,
        )];
        // Saved with Sofinco's production URL, used there (default or typed, slash or not).
        for url in [
            None,
            Some("https://api.sofinco.fr/"),
            Some("https://api.sofinco.fr"),
        ] {
            assert_eq!(
                codes(&saved(production(url), "https://api.sofinco.fr")),
                vec![]
            );
        }
        // The API URL changed: the stored secret does not follow it, even to a URL the
        // merchant allowed, even to Sofinco's other host.
        let moved = with(
            production(Some("https://evil.example")),
            "allow_other_url",
            ConfigValue::Bool(true),
        );
        assert_eq!(codes(&saved(moved, "https://api.sofinco.fr/")), refused);
        assert_eq!(
            codes(&saved(
                production(Some("https://rct-api.sofinco.fr")),
                "https://api.sofinco.fr/"
            )),
            refused
        );
        assert_eq!(
            codes(&saved(
                production(Some("http://127.0.0.1:9")),
                "http://127.0.0.1:8"
            )),
            refused
        );
        // The mode changed the host (a recette secret's URL, production's default).
        assert_eq!(
            codes(&saved(production(None), "https://rct-api.sofinco.fr/")),
            refused
        );
        // A saved URL that is not clean, or not a string, matches nothing.
        for bad in [
            ConfigValue::Str(String::new()),
            ConfigValue::Str("https://api.sofinco.fr /".into()),
            ConfigValue::Int(1),
        ] {
            assert_eq!(
                codes(&with(production(None), "client_secret_url", bad.clone())),
                refused,
                "{bad:?}"
            );
        }
        // Without client_secret_url the secret was typed for this configuration.
        assert_eq!(codes(&production(Some("https://api.sofinco.fr"))), vec![]);
        // A refused base_url is reported once, not as a secret problem too.
        assert_eq!(
            codes(&saved(
                production(Some("https://a b")),
                "https://api.sofinco.fr"
            )),
            vec![("base_url".to_string(), code::URL_NOT_CLEAN)]
        );
        let err = ClientConfig::from_entries(&saved(
            production(Some("http://127.0.0.1:9")),
            "http://127.0.0.1:8",
        ))
        .unwrap_err();
        assert!(err.message().contains("saved for another API URL"));
        assert!(!err.message().contains("secret\""));
    }

    #[test]
    fn the_api_url_a_secret_is_saved_with_is_the_clients_own() {
        for (mode, setting, url) in [
            (Mode::Test, None, "https://rct-api.sofinco.fr/"),
            (Mode::Production, Some(""), "https://api.sofinco.fr/"),
            (
                Mode::Production,
                Some("https://API.sofinco.fr:443"),
                "https://api.sofinco.fr/",
            ),
            (
                Mode::Test,
                Some("http://127.0.0.1:41237"),
                "http://127.0.0.1:41237/",
            ),
        ] {
            assert_eq!(api_url_for(mode, setting).unwrap().as_str(), url);
            let mut entries = with(
                sample_entries(),
                "mode",
                ConfigValue::Str(mode.as_str().into()),
            );
            if let Some(setting) = setting {
                entries = with(entries, "base_url", ConfigValue::Str(setting.into()));
            }
            assert_eq!(
                ClientConfig::from_entries(&entries)
                    .unwrap()
                    .base_url
                    .as_str(),
                url
            );
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
