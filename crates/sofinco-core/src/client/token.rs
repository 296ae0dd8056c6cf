//! The OAuth2 token, cached per PHP worker process and shared by every client object with
//! the same gateway and credentials, so a product page or a checkout does not pay for a
//! token call. Keyed by a hash of the secret, never the secret itself.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use std::time::{Duration, Instant};

use sha2::{Digest, Sha256};

use crate::secret::Secret;

/// Announced lifetimes outside this range are not believed (the gateway sometimes says 0
/// or a year).
pub const MIN_LIFETIME: Duration = Duration::from_secs(60);
pub const MAX_LIFETIME: Duration = Duration::from_secs(3600);
const MAX_EARLY_REFRESH: Duration = Duration::from_secs(120);

struct Cached {
    value: Secret,
    refresh_at: Instant,
}

static TOKENS: LazyLock<Mutex<HashMap<String, Cached>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The cache key: gateway, client id and a hash of the secret.
pub fn cache_key(base_url: &str, client_id: &str, client_secret: &str) -> String {
    let mut hasher = Sha256::new();
    for part in [base_url, client_id, client_secret] {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    hex::encode(hasher.finalize())
}

/// The lifetime we believe for an announced `expires_in`.
pub fn lifetime(expires_in: i64) -> Duration {
    let announced = Duration::from_secs(expires_in.max(0) as u64);
    announced.clamp(MIN_LIFETIME, MAX_LIFETIME)
}

/// How long after issue the token is refreshed: min(120 s, a quarter of its life) early.
pub fn refresh_after(expires_in: i64) -> Duration {
    let life = lifetime(expires_in);
    life - MAX_EARLY_REFRESH.min(life / 4)
}

fn tokens() -> std::sync::MutexGuard<'static, HashMap<String, Cached>> {
    // A panic while holding the lock must not disable tokens for the worker's life.
    TOKENS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

pub fn get(key: &str) -> Option<Secret> {
    let cache = tokens();
    cache
        .get(key)
        .filter(|c| Instant::now() < c.refresh_at)
        .map(|c| c.value.clone())
}

pub fn put(key: &str, value: &Secret, expires_in: i64) {
    put_for(key, value, refresh_after(expires_in));
}

/// Caches a token for `usable` more (one read from the shop's shared token file).
pub fn put_for(key: &str, value: &Secret, usable: Duration) {
    tokens().insert(
        key.to_string(),
        Cached {
            value: value.clone(),
            refresh_at: Instant::now() + usable,
        },
    );
}

/// How long until the cached token is refreshed, if there is one.
pub fn refresh_in(key: &str) -> Option<Duration> {
    tokens()
        .get(key)
        .map(|c| c.refresh_at.saturating_duration_since(Instant::now()))
}

/// Forgets a token Sofinco refused (only if it is still the one cached).
pub fn forget(key: &str, value: &Secret) {
    let mut cache = tokens();
    if cache.get(key).is_some_and(|c| &c.value == value) {
        cache.remove(key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn odd_lifetimes_are_clamped() {
        assert_eq!(lifetime(0), MIN_LIFETIME);
        assert_eq!(lifetime(-5), MIN_LIFETIME);
        assert_eq!(lifetime(10_000_000), MAX_LIFETIME);
        assert_eq!(lifetime(1200), Duration::from_secs(1200));
    }

    #[test]
    fn refresh_comes_early() {
        assert_eq!(refresh_after(1200), Duration::from_secs(1080));
        assert_eq!(refresh_after(0), Duration::from_secs(45));
        assert_eq!(refresh_after(999_999), Duration::from_secs(3480));
    }

    #[test]
    fn key_hides_the_secret_and_separates_credentials() {
        let a = cache_key("https://x", "id", "secret");
        assert!(!a.contains("secret"));
        assert_ne!(a, cache_key("https://x", "id", "other"));
        assert_ne!(
            cache_key("https://x", "ab", "c"),
            cache_key("https://x", "a", "bc")
        );
    }

    #[test]
    fn put_get_forget() {
        let key = cache_key("https://t", "put_get_forget", "s");
        assert_eq!(get(&key), None);
        let tok = Secret::new("tok");
        put(&key, &tok, 1200);
        assert_eq!(get(&key), Some(tok.clone()));
        forget(&key, &Secret::new("other"));
        assert_eq!(get(&key), Some(tok.clone()));
        forget(&key, &tok);
        assert_eq!(get(&key), None);
    }
}
