//! Simulation answers cached on disk, shared by every PHP worker: a warm product page
//! never waits on the network. Written atomically (temp file, then rename). A failed call
//! leaves a marker for a short while, so a Sofinco that is down costs one call per window,
//! not one per page.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use sha2::{Digest, Sha256};

use super::types::Offer;

pub struct OfferCache {
    dir: PathBuf,
    ttl: Duration,
    failure_ttl: Duration,
}

impl OfferCache {
    pub fn new(dir: &Path, ttl: Duration, failure_ttl: Duration) -> Self {
        OfferCache {
            dir: dir.to_path_buf(),
            ttl,
            failure_ttl,
        }
    }

    /// Whether a call for this key failed less than `failure_ttl` ago.
    pub fn failed_recently(&self, key_parts: &[&str]) -> bool {
        fresh(&self.failure_path(key_parts), self.failure_ttl)
    }

    /// Remembers a failure (best effort, like `put`).
    pub fn put_failure(&self, key_parts: &[&str]) {
        self.write(&self.failure_path(key_parts), b"{}");
    }

    /// Ends a failure window at once (Sofinco answered again).
    pub fn clear_failure(&self, key_parts: &[&str]) {
        let _ = fs::remove_file(self.failure_path(key_parts));
    }

    fn failure_path(&self, key_parts: &[&str]) -> PathBuf {
        self.path(key_parts).with_extension("failed")
    }

    /// One file per (mode, merchant, amount, durations).
    fn path(&self, key_parts: &[&str]) -> PathBuf {
        let mut hasher = Sha256::new();
        for part in key_parts {
            hasher.update((part.len() as u64).to_le_bytes());
            hasher.update(part.as_bytes());
        }
        let name = hex::encode(&hasher.finalize()[..16]);
        self.dir.join(format!("sim-{name}.json"))
    }

    pub fn get(&self, key_parts: &[&str]) -> Option<Vec<Offer>> {
        let path = self.path(key_parts);
        if !fresh(&path, self.ttl) {
            return None;
        }
        let bytes = fs::read(&path).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Best effort: a cache that cannot be written only costs a network call.
    pub fn put(&self, key_parts: &[&str], offers: &[Offer]) {
        let Ok(json) = serde_json::to_vec(offers) else {
            return;
        };
        self.write(&self.path(key_parts), &json);
        // A success ends the failure window at once.
        let _ = fs::remove_file(self.failure_path(key_parts));
    }

    fn write(&self, path: &Path, json: &[u8]) {
        if fs::create_dir_all(&self.dir).is_err() {
            return;
        }
        let tmp = self.dir.join(format!(
            ".tmp-{}-{}",
            std::process::id(),
            uuid::Uuid::new_v4()
        ));
        if fs::write(&tmp, json).is_ok() && fs::rename(&tmp, path).is_err() {
            let _ = fs::remove_file(&tmp);
        }
    }
}

/// Whether the file exists and was written less than `ttl` ago.
fn fresh(path: &Path, ttl: Duration) -> bool {
    fs::metadata(path)
        .and_then(|m| m.modified())
        .ok()
        .and_then(|t| SystemTime::now().duration_since(t).ok())
        .is_some_and(|age| age <= ttl)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer(months: u32) -> Offer {
        Offer {
            duration_months: months,
            monthly_payment_cents: 10_000,
            first_payment_cents: 10_000,
            last_payment_cents: 10_000,
            total_due_cents: 120_000,
            credit_cost_cents: 0,
            fees_cents: 0,
            debit_rate: 0.0,
            taeg: 0.0,
        }
    }

    #[test]
    fn round_trip_keys_and_expiry() {
        let dir = std::env::temp_dir().join(format!("sofinco-cache-{}", uuid::Uuid::new_v4()));
        let cache = OfferCache::new(&dir, Duration::from_secs(60), Duration::from_secs(60));
        assert!(cache.get(&["test", "M", "1000"]).is_none());
        cache.put(&["test", "M", "1000"], &[offer(10)]);
        assert_eq!(cache.get(&["test", "M", "1000"]).unwrap(), vec![offer(10)]);
        assert!(cache.get(&["test", "M", "1001"]).is_none());
        assert!(cache.get(&["production", "M", "1000"]).is_none());
        let expired = OfferCache::new(&dir, Duration::ZERO, Duration::ZERO);
        std::thread::sleep(Duration::from_millis(5));
        assert!(expired.get(&["test", "M", "1000"]).is_none());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn failures_are_remembered_briefly_and_cleared_by_a_success() {
        let dir = std::env::temp_dir().join(format!("sofinco-cache-{}", uuid::Uuid::new_v4()));
        let cache = OfferCache::new(&dir, Duration::from_secs(60), Duration::from_secs(60));
        let key = ["test", "M", "1000"];
        assert!(!cache.failed_recently(&key));
        cache.put_failure(&key);
        assert!(cache.failed_recently(&key));
        assert!(!cache.failed_recently(&["test", "M", "1001"]));
        let short = OfferCache::new(&dir, Duration::from_secs(60), Duration::ZERO);
        std::thread::sleep(Duration::from_millis(5));
        assert!(!short.failed_recently(&key));
        cache.put(&key, &[offer(10)]);
        assert!(!cache.failed_recently(&key));
        fs::remove_dir_all(dir).unwrap();
    }
}
