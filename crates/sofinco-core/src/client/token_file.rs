//! The token shared by every PHP worker of a shop: one file, readable only by the shop's
//! PHP user (0600, in a 0700 folder outside the web root), so a shop with many workers
//! makes one token call per token lifetime instead of one per worker. The file names the
//! credentials it belongs to by the same hash as the in-memory cache, never the secret.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use crate::secret::Secret;

#[derive(Serialize, Deserialize)]
struct Stored {
    key: String,
    access_token: Secret,
    /// Unix seconds after which the token must be refreshed.
    refresh_at: u64,
}

fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The stored token for these credentials and how long it stays usable, if it still does.
pub fn load(path: &Path, key: &str) -> Option<(Secret, Duration)> {
    let stored: Stored = serde_json::from_slice(&fs::read(path).ok()?).ok()?;
    let left = stored.refresh_at.checked_sub(now_unix())?;
    (stored.key == key && left > 0 && !stored.access_token.is_empty())
        .then(|| (stored.access_token, Duration::from_secs(left)))
}

/// Best effort: a file that cannot be written only costs this worker's next token call.
pub fn store(path: &Path, key: &str, token: &Secret, refresh_after: Duration) {
    let Some(dir) = path.parent() else {
        return;
    };
    if fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .is_err()
    {
        return;
    }
    let stored = Stored {
        key: key.to_string(),
        access_token: token.clone(),
        refresh_at: now_unix() + refresh_after.as_secs(),
    };
    let Ok(json) = serde_json::to_vec(&stored) else {
        return;
    };
    let tmp = dir.join(format!(
        ".token-{}-{}",
        std::process::id(),
        uuid::Uuid::new_v4()
    ));
    let written = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&tmp)
        .and_then(|mut f| f.write_all(&json));
    if written.is_err() || fs::rename(&tmp, path).is_err() {
        let _ = fs::remove_file(&tmp);
    }
}

/// Removes the stored token if it is the one Sofinco refused.
pub fn forget(path: &Path, key: &str, token: &Secret) {
    if load(path, key).is_some_and(|(stored, _)| &stored == token) {
        let _ = fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn shared_by_key_private_and_forgotten() {
        let dir = std::env::temp_dir().join(format!("sofinco-token-{}", uuid::Uuid::new_v4()));
        let path = dir.join("token.json");
        assert!(load(&path, "k").is_none());
        let tok = Secret::new("tok-1");
        store(&path, "k", &tok, Duration::from_secs(600));
        let (loaded, left) = load(&path, "k").unwrap();
        assert_eq!(loaded, tok);
        assert!(left <= Duration::from_secs(600) && left >= Duration::from_secs(598));
        assert!(load(&path, "other credentials").is_none());
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(
            fs::metadata(&dir).unwrap().permissions().mode() & 0o777,
            0o700
        );
        assert!(!fs::read_to_string(&path).unwrap().contains("secret"));
        forget(&path, "k", &Secret::new("another"));
        assert!(load(&path, "k").is_some());
        forget(&path, "k", &tok);
        assert!(load(&path, "k").is_none());
        store(&path, "k", &tok, Duration::ZERO);
        assert!(
            load(&path, "k").is_none(),
            "a token due for refresh is not reused"
        );
        fs::remove_dir_all(dir).unwrap();
    }
}
