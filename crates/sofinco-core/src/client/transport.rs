//! One call to Sofinco: token, headers, timeouts, bounded retries with backoff and jitter
//! (or the wait a 429/503 asks for in Retry-After, when it fits the call's time), one token
//! refresh on 401, error bodies in any of the three shapes, logging.

use std::time::{Duration, Instant};

use rand::Rng;
use reqwest::{Method, StatusCode};

use super::config::ClientConfig;
use super::engine::{self, HttpSettings};
use super::log::Logger;
use super::redact::{self, Known};
use super::token;
use super::token_file;
use crate::contract::{self, header, path};
use crate::error::{Error, ErrorKind, Result};
use crate::secret::Secret;
use crate::version;

/// Answers larger than this are refused: no Sofinco answer comes close.
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;

/// Whether a call may be sent again after a failure whose effect is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Repeat {
    /// Reads and the token: repeat on 5xx, timeouts and connection errors.
    Safe,
    /// Creates or changes something: repeat only when the request provably never left
    /// (the connection could not be opened).
    OnlyIfNotSent,
}

pub struct Call<'a> {
    pub method: Method,
    pub path: String,
    pub query: Vec<(&'a str, String)>,
    pub json: Option<String>,
    pub repeat: Repeat,
}

/// A successful answer.
pub struct Answer {
    pub status: u16,
    pub body: Vec<u8>,
    pub correlation_id: String,
}

pub struct Transport {
    pub config: ClientConfig,
    pub logger: Logger,
    token_key: String,
    /// Seals the shared token file (token_file::seal_key).
    token_seal: Secret,
    settings: HttpSettings,
}

/// How one attempt failed.
enum Failure {
    /// The request never reached Sofinco.
    NotSent(Error),
    /// It may have: timeout mid-way, 5xx, broken answer.
    Unknown(Error),
    /// 429 or 503 with a Retry-After: Sofinco says when to ask again.
    Throttled(Error, Duration),
    /// A definite answer that repeating will not change.
    Final(Error),
    Unauthorized(Error),
}

impl Transport {
    pub fn new(config: ClientConfig) -> Self {
        let logger = Logger::new(
            config.log_dir.clone(),
            config.debug,
            vec![config.client_secret.expose().to_string()],
        )
        .with_utc_offset(config.log_utc_offset_s);
        let token_key = token::cache_key(
            config.base_url.as_str(),
            &config.client_id,
            config.client_secret.expose(),
        );
        let token_seal = token_file::seal_key(
            config.base_url.as_str(),
            &config.client_id,
            config.client_secret.expose(),
        );
        let user_agent = match config.user_agent.trim() {
            "" => version::user_agent_prefix(),
            extra => format!("{} {extra}", version::user_agent_prefix()),
        };
        let settings = HttpSettings {
            connect_timeout: config.connect_timeout,
            user_agent,
            ca_file: config.ca_file.clone(),
        };
        Transport {
            config,
            logger,
            token_key,
            token_seal,
            settings,
        }
    }

    pub fn http(&self) -> Result<reqwest::Client> {
        engine::http_client(&self.settings)
    }

    /// Sends an API call with a bearer token; on 401 fetches a new token and tries once more.
    pub async fn call(&self, http: &reqwest::Client, call: &Call<'_>) -> Result<Answer> {
        let token = self.token(http, false).await?;
        match self.with_retries(http, call, Some(token.expose())).await {
            Err(err) if err.kind() == ErrorKind::Auth && err.http_status() == 401 => {
                token::forget(&self.token_key, &token);
                if let Some(file) = &self.config.token_file {
                    token_file::forget(file, &self.token_key, &self.token_seal, &token);
                }
                // Another worker may already hold a newer one in the shared file; else a new one.
                let fresh = self.token(http, false).await?;
                self.with_retries(http, call, Some(fresh.expose())).await
            }
            other => other,
        }
    }

    /// The cached token, or a new one (always a new one with `fresh`).
    pub async fn token(&self, http: &reqwest::Client, fresh: bool) -> Result<Secret> {
        if !fresh {
            if let Some(cached) = token::get(&self.token_key) {
                return Ok(cached);
            }
            // Another PHP worker of the shop may have fetched one already.
            if let Some(file) = &self.config.token_file {
                if let Some((shared, usable)) =
                    token_file::load(file, &self.token_key, &self.token_seal)
                {
                    token::put_for(&self.token_key, &shared, usable);
                    return Ok(shared);
                }
            }
        }
        let call = Call {
            method: Method::POST,
            path: path::TOKEN.to_string(),
            query: Vec::new(),
            json: None,
            repeat: Repeat::Safe,
        };
        let answer = self.with_retries(http, &call, None).await.map_err(|err| {
            if err.http_status() == 401 || err.http_status() == 400 {
                Error::api(
                    ErrorKind::Auth,
                    err.http_status(),
                    err.api_code(),
                    format!("Sofinco refused the ClientId/SecretId: {}", err.message()),
                )
            } else {
                err
            }
        })?;
        let parsed: contract::TokenResponse = decode(&answer.body, path::TOKEN, answer.status)?;
        if parsed.access_token.is_empty() {
            return Err(Error::api(
                ErrorKind::Api,
                answer.status,
                "INVALID_RESPONSE",
                "Sofinco's token answer has no access_token",
            ));
        }
        token::put(&self.token_key, &parsed.access_token, parsed.expires_in);
        if let Some(file) = &self.config.token_file {
            token_file::store(
                file,
                &self.token_key,
                &self.token_seal,
                &parsed.access_token,
                token::refresh_after(parsed.expires_in),
            );
        }
        Ok(parsed.access_token)
    }

    pub fn token_refresh_in(&self) -> Option<Duration> {
        token::refresh_in(&self.token_key)
    }

    async fn with_retries(
        &self,
        http: &reqwest::Client,
        call: &Call<'_>,
        token: Option<&str>,
    ) -> Result<Answer> {
        let mut attempt = 0u32;
        // The call's time: one timeout, whatever the retries. A wait Sofinco asks for is
        // honoured only when it ends before this.
        let ends = Instant::now() + self.config.timeout;
        loop {
            let failure = match self.attempt(http, call, token).await {
                Ok(answer) => return Ok(answer),
                Err(failure) => failure,
            };
            attempt += 1;
            let (err, may_repeat, wait) = match failure {
                Failure::NotSent(e) => (e, true, backoff(attempt)),
                Failure::Unknown(e) => (e, call.repeat == Repeat::Safe, backoff(attempt)),
                Failure::Throttled(e, asked) => {
                    // Asked to wait longer than the call may last: fail now rather than
                    // sleep past it (the cron asks again on its next run).
                    let fits = Instant::now() + asked <= ends;
                    (e, fits && call.repeat == Repeat::Safe, asked)
                }
                Failure::Final(e) | Failure::Unauthorized(e) => (e, false, Duration::ZERO),
            };
            if !may_repeat || attempt > self.config.max_retries {
                return Err(err);
            }
            tokio::time::sleep(wait).await;
        }
    }

    async fn attempt(
        &self,
        http: &reqwest::Client,
        call: &Call<'_>,
        token: Option<&str>,
    ) -> std::result::Result<Answer, Failure> {
        let correlation_id = uuid::Uuid::new_v4().to_string();
        let url = self.config.url(&call.path);
        let mut request = http
            .request(call.method.clone(), &url)
            .timeout(self.config.timeout)
            .header(header::CONTEXT_APPLICATION_ID, &self.config.application_id)
            .header(header::CONTEXT_PARTNER_ID, &self.config.q6)
            .header(header::CONTEXT_SOURCE_ID, &self.config.x1)
            .header(header::CORRELATION_ID, &correlation_id);
        if !call.query.is_empty() {
            request = request.query(&call.query);
        }
        request = match token {
            Some(token) => request.bearer_auth(token),
            None => request
                .basic_auth(
                    &self.config.client_id,
                    Some(self.config.client_secret.expose()),
                )
                .form(&[(contract::GRANT_TYPE_FIELD, contract::GRANT_TYPE)]),
        };
        if let Some(json) = &call.json {
            request = request
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(json.clone());
        } else if token.is_some() && call.method == Method::POST {
            request = request.header(reqwest::header::CONTENT_TYPE, "application/json");
        }
        let started = Instant::now();
        let described = format!("{} {}", call.method, call.path);
        // What this call carries that must never come back out in a log line or an error.
        let basic = {
            use base64::Engine;
            base64::engine::general_purpose::STANDARD.encode(format!(
                "{}:{}",
                self.config.client_id,
                self.config.client_secret.expose()
            ))
        };
        let known = Known::new(
            &[
                token.unwrap_or(""),
                self.config.client_secret.expose(),
                basic.as_str(),
            ],
            call.json.as_deref(),
        );
        if self.logger.debug_enabled() {
            let body = call.json.as_deref().unwrap_or("");
            let shown = redact::body_for_log(body.as_bytes());
            self.logger
                .info(&correlation_id, &format!("→ {described} {shown}"));
        }

        let response = match request.send().await {
            Ok(response) => response,
            Err(e) => {
                let err = Error::transport(describe_send_error(&e, &url, self.config.timeout));
                self.logger
                    .error(&correlation_id, &format!("{described}: {err}"));
                return Err(if e.is_connect() {
                    Failure::NotSent(err)
                } else {
                    Failure::Unknown(err)
                });
            }
        };
        let status = response.status();
        let retry_after = retry_after(status, response.headers());
        let body = match read_body(response).await {
            Ok(body) => body,
            Err(err) => {
                self.logger
                    .error(&correlation_id, &format!("{described}: {err}"));
                return Err(Failure::Unknown(err));
            }
        };
        let elapsed = started.elapsed().as_millis();
        if status.is_success() {
            if self.logger.debug_enabled() {
                let shown = redact::body_for_log(&body);
                self.logger.info(
                    &correlation_id,
                    &format!("← {described} {} {elapsed} ms {shown}", status.as_u16()),
                );
            }
            return Ok(Answer {
                status: status.as_u16(),
                body,
                correlation_id,
            });
        }
        let err = api_error(status, &body, &described, &known);
        self.logger.error(
            &correlation_id,
            &format!(
                "{described}: HTTP {} in {elapsed} ms: {err}",
                status.as_u16()
            ),
        );
        Err(match (status, retry_after) {
            (_, Some(wait)) => Failure::Throttled(err, wait),
            (StatusCode::UNAUTHORIZED, None) => Failure::Unauthorized(err),
            (s, None) if s.is_server_error() || s == StatusCode::TOO_MANY_REQUESTS => {
                Failure::Unknown(err)
            }
            _ => Failure::Final(err),
        })
    }
}

/// The wait a 429 or 503 asks for: Retry-After in seconds or as an HTTP date (RFC 9110
/// §10.2.3); None for other statuses or a header that says neither.
fn retry_after(status: StatusCode, headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    if status != StatusCode::TOO_MANY_REQUESTS && status != StatusCode::SERVICE_UNAVAILABLE {
        return None;
    }
    let value = headers
        .get(reqwest::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = chrono::DateTime::parse_from_rfc2822(value).ok()?;
    let wait = date.signed_duration_since(chrono::Utc::now());
    Some(wait.to_std().unwrap_or(Duration::ZERO))
}

/// 100 ms, 200 ms, 400 ms … capped at 2 s, each plus up to as much random jitter.
fn backoff(attempt: u32) -> Duration {
    let base = 100u64.saturating_mul(1 << attempt.min(5)).min(2_000);
    let jitter = rand::thread_rng().gen_range(0..=base);
    Duration::from_millis(base + jitter)
}

fn describe_send_error(e: &reqwest::Error, url: &str, timeout: Duration) -> String {
    let host = url::Url::parse(url)
        .ok()
        .and_then(|u| u.host_str().map(str::to_string))
        .unwrap_or_default();
    if e.is_timeout() {
        format!(
            "Sofinco ({host}) did not answer within {} ms",
            timeout.as_millis()
        )
    } else if e.is_connect() {
        format!("cannot connect to Sofinco ({host}): {}", root_cause(e))
    } else {
        format!("request to Sofinco ({host}) failed: {}", root_cause(e))
    }
}

/// The innermost cause, which says what really happened (refused, TLS, DNS).
fn root_cause(e: &(dyn std::error::Error + 'static)) -> String {
    let mut cause = e;
    while let Some(next) = cause.source() {
        cause = next;
    }
    cause.to_string()
}

async fn read_body(mut response: reqwest::Response) -> Result<Vec<u8>> {
    if response
        .content_length()
        .is_some_and(|len| len as usize > MAX_BODY_BYTES)
    {
        return Err(Error::api(
            ErrorKind::Api,
            response.status().as_u16(),
            "RESPONSE_TOO_LARGE",
            format!("Sofinco's answer is larger than {MAX_BODY_BYTES} bytes"),
        ));
    }
    let mut body = Vec::new();
    loop {
        match response.chunk().await {
            Ok(Some(chunk)) => {
                if body.len() + chunk.len() > MAX_BODY_BYTES {
                    return Err(Error::api(
                        ErrorKind::Api,
                        response.status().as_u16(),
                        "RESPONSE_TOO_LARGE",
                        format!("Sofinco's answer is larger than {MAX_BODY_BYTES} bytes"),
                    ));
                }
                body.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(body),
            Err(e) => {
                return Err(Error::transport(format!(
                    "Sofinco's answer was cut off: {}",
                    root_cause(&e)
                )))
            }
        }
    }
}

fn api_error(status: StatusCode, body: &[u8], described: &str, known: &Known) -> Error {
    let kind = match status {
        StatusCode::NOT_FOUND => ErrorKind::NotFound,
        StatusCode::UNAUTHORIZED | StatusCode::FORBIDDEN => ErrorKind::Auth,
        _ => ErrorKind::Api,
    };
    // 401 is retried with a fresh token before it becomes AuthException: keep it Auth
    // so `call` can tell.
    let (code, message) = contract::read_error_body(body).unwrap_or_default();
    // Gateways echo requests: the message keeps none of this call's secrets or customer data.
    // (and, as a backstop, no e-mail, phone or bearer token of any other call).
    let message = super::log::mask(&known.clean(&message), &[]);
    let code = known.clean(&code);
    let readable = if message.is_empty() {
        format!(
            "Sofinco answered {} {} to {described}",
            status.as_u16(),
            status.canonical_reason().unwrap_or("")
        )
    } else {
        format!(
            "Sofinco answered {} to {described}: {message}",
            status.as_u16()
        )
    };
    let kind = if kind == ErrorKind::Auth && status == StatusCode::FORBIDDEN {
        ErrorKind::Api
    } else {
        kind
    };
    Error::api(kind, status.as_u16(), code, readable)
}

/// Reads a JSON answer; a body that does not match is an ApiException, never a panic.
pub fn decode<T: serde::de::DeserializeOwned>(body: &[u8], what: &str, status: u16) -> Result<T> {
    serde_json::from_slice(body).map_err(|e| {
        Error::api(
            ErrorKind::Api,
            status,
            "INVALID_RESPONSE",
            // serde's text quotes the offending value (a token, a name): keep only where.
            format!(
                "Sofinco's answer to {what} cannot be read ({:?} at line {} column {})",
                e.classify(),
                e.line(),
                e.column()
            ),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_grows_and_is_capped() {
        for attempt in 1..10 {
            let d = backoff(attempt).as_millis() as u64;
            let base = (100u64 << attempt.min(5)).min(2000);
            assert!(d >= base && d <= 2 * base, "{attempt}: {d}");
        }
    }

    #[test]
    fn retry_after_is_read_on_429_and_503_only() {
        let mut h = reqwest::header::HeaderMap::new();
        h.insert(reqwest::header::RETRY_AFTER, "3".parse().unwrap());
        let s = Some(Duration::from_secs(3));
        assert_eq!(retry_after(StatusCode::TOO_MANY_REQUESTS, &h), s);
        assert_eq!(retry_after(StatusCode::SERVICE_UNAVAILABLE, &h), s);
        assert_eq!(retry_after(StatusCode::BAD_GATEWAY, &h), None);
        let past = "Wed, 21 Oct 2015 07:28:00 GMT";
        h.insert(reqwest::header::RETRY_AFTER, past.parse().unwrap());
        assert_eq!(
            retry_after(StatusCode::TOO_MANY_REQUESTS, &h),
            Some(Duration::ZERO)
        );
        h.insert(reqwest::header::RETRY_AFTER, "soon".parse().unwrap());
        assert_eq!(retry_after(StatusCode::TOO_MANY_REQUESTS, &h), None);
    }

    #[test]
    fn error_bodies_become_readable_errors() {
        let err = api_error(
            StatusCode::BAD_REQUEST,
            br#"[{"code":"E12","shortlib":"Montant invalide"}]"#,
            "POST /x",
            &Known::default(),
        );
        assert_eq!(err.kind(), ErrorKind::Api);
        assert_eq!(err.api_code(), "E12");
        assert_eq!(err.http_status(), 400);
        assert!(err.message().contains("Montant invalide"));
        let not_found = api_error(StatusCode::NOT_FOUND, b"", "GET /c/1", &Known::default());
        assert_eq!(not_found.kind(), ErrorKind::NotFound);
        assert!(not_found.message().contains("404"));
    }

    #[test]
    fn an_error_that_echoes_the_request_keeps_none_of_it() {
        let request = r#"{"businessContext":"{\"customerContext\":{\"emailAddress\":\"zoe@example.fr\",\"mobileNumber\":\"0612345678\",\"lastName\":\"Lefevre\"}}"}"#;
        let known = Known::new(
            &["tok-planted-25-characters", "secret-planted"],
            Some(request),
        );
        let body = br#"{"fault":{"code":"E400","message":"echo: Authorization: Bearer tok-planted-25-characters secret-planted Lefevre","description":"zoe@example.fr 0612345678"}}"#;
        let err = api_error(StatusCode::BAD_REQUEST, body, "POST /links", &known);
        for leaked in [
            "tok-planted",
            "secret-planted",
            "Lefevre",
            "zoe@example.fr",
            "0612345678",
        ] {
            assert!(
                !err.message().contains(leaked),
                "{leaked} in {}",
                err.message()
            );
        }
        assert!(err.message().starts_with("Sofinco answered 400"));
    }

    #[test]
    fn undecodable_answers_say_where_not_what() {
        let err = decode::<contract::TokenResponse>(
            br#"{"access_token": 12345678901234}"#,
            "/token",
            200,
        )
        .unwrap_err();
        assert!(
            !err.message().contains("12345678901234"),
            "{}",
            err.message()
        );
    }

    #[test]
    fn undecodable_answers_are_api_errors() {
        let err = decode::<contract::TokenResponse>(b"{\"nope\":1", "/token", 200).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::Api);
        assert_eq!(err.api_code(), "INVALID_RESPONSE");
    }
}
