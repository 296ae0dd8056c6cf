//! Simulation answers cached on disk, shared by every PHP worker: a warm product page
//! never waits on the network. Written atomically (temp file, then rename). A failed call
//! leaves a marker for a short while, so a Sofinco that is down costs one call per window,
//! not one per page. The folder also bounds what visitors can make the shop ask Sofinco:
//! a budget of calls per minute (one file per call slot, created exclusively, so the bound
//! holds across workers without a lock), one call at a time per amount (the others wait for
//! its answer), and a sweep that keeps the folder within its age and size.

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

/// Answers kept at most: the oldest go first past this (a day's TTL bounds them too).
pub const MAX_FILES: usize = 2_000;
/// A call marked under way longer than this is a dead worker's: the next one may call.
const IN_FLIGHT_STALE: Duration = Duration::from_secs(30);

fn unix_minute() -> u64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_secs() / 60)
        .unwrap_or(0)
}

/// Creates `path` if nobody has (atomic on a local file system).
fn create_new(path: &Path) -> bool {
    fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .is_ok()
}

impl OfferCache {
    pub fn new(dir: &Path, ttl: Duration, failure_ttl: Duration) -> Self {
        OfferCache {
            dir: dir.to_path_buf(),
            ttl,
            failure_ttl,
        }
    }

    /// Takes one of this minute's `per_minute` call slots for the whole folder; false when
    /// every slot is taken. The first call of a minute sweeps the folder.
    pub fn take_call_slot(&self, per_minute: u32) -> bool {
        let budget = self.dir.join("budget");
        if fs::create_dir_all(&budget).is_err() {
            return true; // no folder: no shared state to bound (nor to cache)
        }
        let minute = unix_minute();
        for slot in 0..per_minute {
            if create_new(&budget.join(format!("{minute}-{slot}"))) {
                if slot == 0 {
                    self.sweep(minute);
                }
                return true;
            }
        }
        false
    }

    /// Marks a call for this key under way; false when another worker's call is (the caller
    /// waits for its answer instead). `end_call` removes the mark.
    pub fn begin_call(&self, key_parts: &[&str]) -> bool {
        if fs::create_dir_all(&self.dir).is_err() {
            return true;
        }
        let mark = self.in_flight_path(key_parts);
        if create_new(&mark) {
            return true;
        }
        if fresh(&mark, IN_FLIGHT_STALE) {
            return false;
        }
        let _ = fs::remove_file(&mark);
        create_new(&mark)
    }

    pub fn end_call(&self, key_parts: &[&str]) {
        let _ = fs::remove_file(self.in_flight_path(key_parts));
    }

    fn in_flight_path(&self, key_parts: &[&str]) -> PathBuf {
        self.path(key_parts).with_extension("inflight")
    }

    /// Drops past minutes' call slots, answers and markers past their age, and the oldest
    /// answers beyond MAX_FILES.
    pub fn sweep(&self, minute: u64) {
        if let Ok(slots) = fs::read_dir(self.dir.join("budget")) {
            for slot in slots.flatten() {
                let name = slot.file_name();
                let past = name
                    .to_str()
                    .and_then(|n| n.split('-').next())
                    .and_then(|m| m.parse::<u64>().ok())
                    .is_none_or(|m| m < minute);
                if past {
                    let _ = fs::remove_file(slot.path());
                }
            }
        }
        let Ok(entries) = fs::read_dir(&self.dir) else {
            return;
        };
        let mut answers = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
                continue;
            };
            let max_age = if name.ends_with(".json") && name.starts_with("sim-") {
                self.ttl
            } else if name.ends_with(".failed") {
                self.failure_ttl
            } else if name.ends_with(".inflight") || name.starts_with(".tmp-") {
                IN_FLIGHT_STALE
            } else {
                continue;
            };
            let modified = entry.metadata().and_then(|m| m.modified()).ok();
            let age = modified.and_then(|t| SystemTime::now().duration_since(t).ok());
            if age.is_none_or(|a| a > max_age) {
                let _ = fs::remove_file(&path);
            } else if name.ends_with(".json") {
                answers.push((modified, path));
            }
        }
        if answers.len() > MAX_FILES {
            answers.sort();
            for (_, path) in &answers[..answers.len() - MAX_FILES] {
                let _ = fs::remove_file(path);
            }
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
    fn the_call_budget_is_shared_and_per_minute() {
        let dir = std::env::temp_dir().join(format!("sofinco-cache-{}", uuid::Uuid::new_v4()));
        let a = OfferCache::new(&dir, Duration::from_secs(60), Duration::from_secs(60));
        let b = OfferCache::new(&dir, Duration::from_secs(60), Duration::from_secs(60));
        // Two workers, one budget of 3: a fourth call this minute is refused to both.
        let taken = (0..10)
            .filter(|i| if i % 2 == 0 { &a } else { &b }.take_call_slot(3))
            .count();
        assert!((1..=3).contains(&taken), "{taken}");
        // A past minute's slots are swept.
        fs::write(dir.join("budget").join("1-0"), b"").unwrap();
        a.sweep(unix_minute());
        assert!(!dir.join("budget").join("1-0").exists());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn one_call_per_amount_at_a_time() {
        let dir = std::env::temp_dir().join(format!("sofinco-cache-{}", uuid::Uuid::new_v4()));
        let cache = OfferCache::new(&dir, Duration::from_secs(60), Duration::from_secs(60));
        let key = ["test", "M", "1000"];
        assert!(cache.begin_call(&key));
        assert!(!cache.begin_call(&key), "a second worker waits");
        assert!(
            cache.begin_call(&["test", "M", "1001"]),
            "another amount does not"
        );
        cache.end_call(&key);
        assert!(cache.begin_call(&key));
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_sweep_keeps_the_folder_within_age_and_size() {
        let dir = std::env::temp_dir().join(format!("sofinco-cache-{}", uuid::Uuid::new_v4()));
        let cache = OfferCache::new(&dir, Duration::from_secs(3600), Duration::from_secs(60));
        for i in 0..(MAX_FILES + 50) {
            cache.put(&["test", "M", &i.to_string()], &[offer(10)]);
        }
        let old = OfferCache::new(&dir, Duration::ZERO, Duration::ZERO);
        cache.sweep(unix_minute());
        let count = |d: &Path| {
            fs::read_dir(d)
                .unwrap()
                .filter(|e| {
                    e.as_ref()
                        .unwrap()
                        .path()
                        .extension()
                        .is_some_and(|x| x == "json")
                })
                .count()
        };
        assert_eq!(count(&dir), MAX_FILES);
        std::thread::sleep(Duration::from_millis(5));
        old.sweep(unix_minute());
        assert_eq!(count(&dir), 0, "past their age");
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
