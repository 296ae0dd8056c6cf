//! One error type for the whole core. Its kind picks the PHP exception class in
//! `php::exceptions`; nothing here knows PHP.

/// What went wrong, as the caller needs to tell it apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// Bad or missing configuration.
    Config,
    /// Bad input from the caller (an amount, a reference, a body).
    InvalidInput,
    /// Sofinco refused our credentials.
    Auth,
    /// No usable answer: connection refused, timeout, TLS.
    Transport,
    /// Sofinco answered with an error or with a body we cannot read.
    Api,
    /// Sofinco knows no such dossier.
    NotFound,
    /// A Sofinco status code, or a state key, that the table does not know.
    UnknownStatus,
    /// A bug of ours (a caught panic).
    Internal,
}

/// The core's error: a kind, a readable message, and for API errors the HTTP status and
/// Sofinco's own code. It reads as its message, nothing more (the message is already
/// redacted where it must be).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Error {
    kind: ErrorKind,
    message: String,
    http_status: u16,
    api_code: String,
}

pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            kind,
            message: message.into(),
            http_status: 0,
            api_code: String::new(),
        }
    }

    /// An error Sofinco answered with (any of its three error shapes).
    pub fn api(
        kind: ErrorKind,
        http_status: u16,
        api_code: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Error {
            kind,
            message: message.into(),
            http_status,
            api_code: api_code.into(),
        }
    }

    pub fn config(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Config, message)
    }

    pub fn invalid_input(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidInput, message)
    }

    pub fn transport(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Transport, message)
    }

    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Internal, message)
    }

    pub fn unknown_status(code: &str) -> Self {
        Self::new(
            ErrorKind::UnknownStatus,
            format!("unknown Sofinco status code \"{}\"", printable(code)),
        )
    }

    pub fn unknown_state_key(key: &str) -> Self {
        Self::new(
            ErrorKind::UnknownStatus,
            format!("\"{}\" is not an order state of the module", printable(key)),
        )
    }

    pub fn kind(&self) -> ErrorKind {
        self.kind
    }

    pub fn message(&self) -> &str {
        &self.message
    }

    /// The HTTP status of Sofinco's answer, 0 when there was none.
    pub fn http_status(&self) -> u16 {
        self.http_status
    }

    /// Sofinco's error code, empty when there was none.
    pub fn api_code(&self) -> &str {
        &self.api_code
    }

    /// Whether the same call may succeed if made again (5xx, timeouts, connection errors).
    pub fn is_retryable(&self) -> bool {
        match self.kind {
            ErrorKind::Transport => true,
            ErrorKind::Api => self.http_status >= 500 || self.http_status == 429,
            _ => false,
        }
    }
}

/// Keeps caller-supplied text short and printable inside an error message.
pub fn printable(text: &str) -> String {
    const MAX: usize = 40;
    let mut out: String = text
        .chars()
        .take(MAX)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if text.chars().count() > MAX {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retryable_only_for_transient_failures() {
        assert!(Error::transport("timeout").is_retryable());
        assert!(Error::api(ErrorKind::Api, 503, "", "down").is_retryable());
        assert!(!Error::api(ErrorKind::Api, 400, "E1", "bad").is_retryable());
        assert!(!Error::config("x").is_retryable());
    }

    #[test]
    fn messages_quote_hostile_input_safely() {
        let err = Error::unknown_status(&format!("A\nB{}", "x".repeat(100)));
        assert!(!err.message().contains('\n'));
        assert!(err.message().chars().count() < 80);
    }
}
