//! Simulation answers cached on disk, shared by every PHP worker: a warm product page
//! never waits on the network. Written atomically (temp file, then rename).

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use sha2::{Digest, Sha256};

use super::types::Offer;

pub struct OfferCache {
    dir: PathBuf,
    ttl: Duration,
}

impl OfferCache {
    pub fn new(dir: &Path, ttl: Duration) -> Self {
        OfferCache {
            dir: dir.to_path_buf(),
            ttl,
        }
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
        let age = fs::metadata(&path)
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| SystemTime::now().duration_since(t).ok())?;
        if age > self.ttl {
            return None;
        }
        let bytes = fs::read(&path).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Best effort: a cache that cannot be written only costs a network call.
    pub fn put(&self, key_parts: &[&str], offers: &[Offer]) {
        let path = self.path(key_parts);
        let Ok(json) = serde_json::to_vec(offers) else {
            return;
        };
        if fs::create_dir_all(&self.dir).is_err() {
            return;
        }
        let tmp = self.dir.join(format!(
            ".tmp-{}-{}",
            std::process::id(),
            uuid::Uuid::new_v4()
        ));
        if fs::write(&tmp, json).is_ok() && fs::rename(&tmp, &path).is_err() {
            let _ = fs::remove_file(&tmp);
        }
    }
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
        let cache = OfferCache::new(&dir, Duration::from_secs(60));
        assert!(cache.get(&["test", "M", "1000"]).is_none());
        cache.put(&["test", "M", "1000"], &[offer(10)]);
        assert_eq!(cache.get(&["test", "M", "1000"]).unwrap(), vec![offer(10)]);
        assert!(cache.get(&["test", "M", "1001"]).is_none());
        assert!(cache.get(&["production", "M", "1000"]).is_none());
        let expired = OfferCache::new(&dir, Duration::ZERO);
        std::thread::sleep(Duration::from_millis(5));
        assert!(expired.get(&["test", "M", "1000"]).is_none());
        fs::remove_dir_all(dir).unwrap();
    }
}
