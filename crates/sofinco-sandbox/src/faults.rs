//! Fault injection: latency, 5xx in Sofinco's three shapes, hangs and truncated bodies,
//! drawn from a seeded RNG so a run can be replayed; and throttling (429 or 503 with
//! Retry-After) for the next N requests, counted, not drawn.

use std::time::Duration;

use axum::http::StatusCode;
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};

use crate::errors::ApiError;

/// How long an injected timeout hangs by default: longer than any sane client timeout.
pub const DEFAULT_HANG_MS: u64 = 30_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ErrorShape {
    Object,
    Array,
    Fault,
    /// The three in turn (the default).
    Rotate,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct FaultSettings {
    pub seed: u64,
    pub latency_ms: u64,
    pub jitter_ms: u64,
    pub fail_rate: f64,
    pub timeout_rate: f64,
    pub malformed_rate: f64,
    /// The shape of injected 5xx; `None` rotates through the three.
    pub error_shape: Option<ErrorShape>,
    /// How long an injected timeout hangs before its 504 (0: the default).
    #[serde(default)]
    pub hang_ms: u64,
    /// A careless gateway: injected errors echo the request (headers, credentials, body)
    /// and every answer is JSON written with spaces. For the redaction tests.
    #[serde(default)]
    pub echo: bool,
    /// The next this many API requests are throttled.
    #[serde(default)]
    pub throttle_next: u64,
    /// Their status: 429 (the default) or 503.
    #[serde(default)]
    pub throttle_status: u16,
    /// Their Retry-After, in seconds.
    #[serde(default)]
    pub retry_after_s: u64,
}

/// A partial change of the settings (`POST /_sandbox/faults`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultUpdate {
    pub seed: Option<u64>,
    pub latency_ms: Option<u64>,
    pub jitter_ms: Option<u64>,
    pub fail_rate: Option<f64>,
    pub timeout_rate: Option<f64>,
    pub malformed_rate: Option<f64>,
    pub error_shape: Option<ErrorShape>,
    pub hang_ms: Option<u64>,
    pub echo: Option<bool>,
    pub throttle_next: Option<u64>,
    pub throttle_status: Option<u16>,
    pub retry_after_s: Option<u64>,
}

/// What happens to one API request.
#[derive(Debug)]
pub struct Decision {
    pub delay: Duration,
    pub outcome: Outcome,
    pub malformed: bool,
}

#[derive(Debug)]
pub enum Outcome {
    Pass,
    Fail(ApiError),
    Hang,
    /// 429 or 503 with this Retry-After (seconds).
    Throttle(StatusCode, u64),
}

pub struct Faults {
    settings: FaultSettings,
    rng: StdRng,
    rotation: usize,
    counts: FaultCounts,
}

/// What was injected since the start (or the last reset), for soak reports.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FaultCounts {
    pub requests: u64,
    pub failed: u64,
    pub hung: u64,
    pub malformed: u64,
}

impl Faults {
    pub fn new(settings: FaultSettings) -> Self {
        Faults {
            rng: StdRng::seed_from_u64(settings.seed),
            settings,
            rotation: 0,
            counts: FaultCounts::default(),
        }
    }

    pub fn counts(&self) -> FaultCounts {
        self.counts
    }

    pub fn settings(&self) -> &FaultSettings {
        &self.settings
    }

    /// How long an injected timeout hangs.
    pub fn hang(&self) -> Duration {
        match self.settings.hang_ms {
            0 => Duration::from_millis(DEFAULT_HANG_MS),
            ms => Duration::from_millis(ms),
        }
    }

    pub fn update(&mut self, u: FaultUpdate) -> Result<(), String> {
        for rate in [u.fail_rate, u.timeout_rate, u.malformed_rate]
            .into_iter()
            .flatten()
        {
            if !(0.0..=1.0).contains(&rate) {
                return Err(format!("a rate is a share between 0 and 1, not {rate}"));
            }
        }
        let s = &mut self.settings;
        s.latency_ms = u.latency_ms.unwrap_or(s.latency_ms);
        s.jitter_ms = u.jitter_ms.unwrap_or(s.jitter_ms);
        s.fail_rate = u.fail_rate.unwrap_or(s.fail_rate);
        s.timeout_rate = u.timeout_rate.unwrap_or(s.timeout_rate);
        s.malformed_rate = u.malformed_rate.unwrap_or(s.malformed_rate);
        s.error_shape = u.error_shape.or(s.error_shape);
        s.hang_ms = u.hang_ms.unwrap_or(s.hang_ms);
        s.echo = u.echo.unwrap_or(s.echo);
        if let Some(status) = u.throttle_status {
            if status != 429 && status != 503 {
                return Err(format!("throttle_status is 429 or 503, not {status}"));
            }
            s.throttle_status = status;
        }
        s.throttle_next = u.throttle_next.unwrap_or(s.throttle_next);
        s.retry_after_s = u.retry_after_s.unwrap_or(s.retry_after_s);
        if let Some(seed) = u.seed {
            s.seed = seed;
            self.rng = StdRng::seed_from_u64(seed);
            self.rotation = 0;
        }
        Ok(())
    }

    pub fn decide(&mut self) -> Decision {
        let s = self.settings.clone();
        let jitter = if s.jitter_ms > 0 {
            self.rng.gen_range(0..=s.jitter_ms)
        } else {
            0
        };
        let delay = Duration::from_millis(s.latency_ms.saturating_add(jitter));
        let draw: f64 = self.rng.gen();
        let outcome = if s.throttle_next > 0 {
            self.settings.throttle_next -= 1;
            let status = match s.throttle_status {
                503 => StatusCode::SERVICE_UNAVAILABLE,
                _ => StatusCode::TOO_MANY_REQUESTS,
            };
            Outcome::Throttle(status, s.retry_after_s)
        } else if draw < s.timeout_rate {
            Outcome::Hang
        } else if draw < s.timeout_rate + s.fail_rate {
            Outcome::Fail(self.injected_error())
        } else {
            Outcome::Pass
        };
        let malformed = self.rng.gen::<f64>() < s.malformed_rate;
        self.counts.requests += 1;
        match outcome {
            Outcome::Hang => self.counts.hung += 1,
            Outcome::Fail(_) | Outcome::Throttle(..) => self.counts.failed += 1,
            Outcome::Pass if malformed => self.counts.malformed += 1,
            Outcome::Pass => {}
        }
        Decision {
            delay,
            outcome,
            malformed,
        }
    }

    fn injected_error(&mut self) -> ApiError {
        let shape = match self.settings.error_shape {
            Some(shape) if shape != ErrorShape::Rotate => shape,
            _ => {
                let all = [ErrorShape::Object, ErrorShape::Array, ErrorShape::Fault];
                self.rotation += 1;
                all[(self.rotation - 1) % all.len()]
            }
        };
        match shape {
            ErrorShape::Object => ApiError::object(
                StatusCode::INTERNAL_SERVER_ERROR,
                "TECHNICAL_ERROR",
                "Technical error",
                "Sandbox: injected internal error",
            ),
            ErrorShape::Array => ApiError::array(
                StatusCode::SERVICE_UNAVAILABLE,
                "SERVICE_UNAVAILABLE",
                "Sandbox: injected unavailability",
            ),
            ErrorShape::Fault | ErrorShape::Rotate => ApiError::fault(
                StatusCode::BAD_GATEWAY,
                "101503",
                "Runtime Error",
                "Sandbox: injected gateway error",
            ),
        }
    }
}

/// A 200 body cut in half: what a dropped proxy connection leaves.
pub fn truncate(body: &[u8]) -> Vec<u8> {
    let keep = body.len() / 2;
    let mut out = body[..keep].to_vec();
    if out.is_empty() {
        out.extend_from_slice(b"{\"");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_faults() {
        let settings = FaultSettings {
            seed: 7,
            fail_rate: 0.5,
            jitter_ms: 100,
            ..FaultSettings::default()
        };
        let run = || {
            let mut f = Faults::new(settings.clone());
            (0..50)
                .map(|_| {
                    let d = f.decide();
                    (d.delay, matches!(d.outcome, Outcome::Fail(_)))
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(run(), run());
    }

    #[test]
    fn shapes_rotate() {
        let mut f = Faults::new(FaultSettings {
            fail_rate: 1.0,
            ..FaultSettings::default()
        });
        let kinds: Vec<_> = (0..3)
            .map(|_| match f.decide().outcome {
                Outcome::Fail(ApiError::Object(..)) => 'o',
                Outcome::Fail(ApiError::Array(..)) => 'a',
                Outcome::Fail(ApiError::Fault(..)) => 'f',
                _ => '-',
            })
            .collect();
        assert_eq!(kinds, ['o', 'a', 'f']);
        assert!(truncate(b"{\"a\":1}").len() < 7);
    }
}
