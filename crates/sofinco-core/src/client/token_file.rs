//! The token shared by every PHP worker of a shop: one file, readable only by the shop's
//! PHP user (0600, in a 0700 folder), so a shop with many workers makes one token call per
//! token lifetime instead of one per worker. The file names the credentials it belongs to by
//! the same hash as the in-memory cache, never the secret, and holds the token sealed
//! (ChaCha20-Poly1305) with a key derived from the credentials: whoever reads the file (a
//! server that serves PrestaShop's var/ folder, a backup) gets no usable bearer token without
//! the SecretId itself.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use base64::Engine as _;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{ChaCha20Poly1305, Key, Nonce};
use rand::RngCore;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::secret::Secret;

#[derive(Serialize, Deserialize)]
struct Stored {
    key: String,
    nonce: String,
    /// The token, sealed; the key and refresh_at are bound to it as associated data.
    sealed: String,
    /// Unix seconds after which the token must be refreshed.
    refresh_at: u64,
}

/// The sealing key of these credentials: a hash of them under its own label, so the file's
/// `key` (the cache key, another hash) says nothing of it.
pub fn seal_key(base_url: &str, client_id: &str, client_secret: &str) -> Secret {
    let mut hasher = Sha256::new();
    hasher.update(b"sofinco token file v1");
    for part in [base_url, client_id, client_secret] {
        hasher.update((part.len() as u64).to_le_bytes());
        hasher.update(part.as_bytes());
    }
    Secret::new(hex::encode(hasher.finalize()))
}

fn cipher(seal: &Secret) -> Option<ChaCha20Poly1305> {
    let bytes = hex::decode(seal.expose()).ok()?;
    (bytes.len() == 32).then(|| ChaCha20Poly1305::new(Key::from_slice(&bytes)))
}

fn associated(key: &str, refresh_at: u64) -> Vec<u8> {
    format!("{key}|{refresh_at}").into_bytes()
}

fn now_unix() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0)
}

/// The stored token for these credentials and how long it stays usable, if it still does.
pub fn load(path: &Path, key: &str, seal: &Secret) -> Option<(Secret, Duration)> {
    let stored: Stored = serde_json::from_slice(&fs::read(path).ok()?).ok()?;
    let left = stored.refresh_at.checked_sub(now_unix())?;
    if stored.key != key || left == 0 {
        return None;
    }
    let nonce = hex::decode(&stored.nonce).ok().filter(|n| n.len() == 12)?;
    let sealed = base64::engine::general_purpose::STANDARD
        .decode(&stored.sealed)
        .ok()?;
    let aad = associated(&stored.key, stored.refresh_at);
    let token = cipher(seal)?
        .decrypt(
            Nonce::from_slice(&nonce),
            Payload {
                msg: &sealed,
                aad: &aad,
            },
        )
        .ok()?;
    let token = Secret::new(String::from_utf8(token).ok()?);
    (!token.is_empty()).then(|| (token, Duration::from_secs(left)))
}

/// Best effort: a file that cannot be written only costs this worker's next token call.
pub fn store(path: &Path, key: &str, seal: &Secret, token: &Secret, refresh_after: Duration) {
    let Some(dir) = path.parent() else {
        return;
    };
    let Some(cipher) = cipher(seal) else {
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
    let refresh_at = now_unix() + refresh_after.as_secs();
    let mut nonce = [0u8; 12];
    rand::thread_rng().fill_bytes(&mut nonce);
    let aad = associated(key, refresh_at);
    let Ok(sealed) = cipher.encrypt(
        Nonce::from_slice(&nonce),
        Payload {
            msg: token.expose().as_bytes(),
            aad: &aad,
        },
    ) else {
        return;
    };
    let stored = Stored {
        key: key.to_string(),
        nonce: hex::encode(nonce),
        sealed: base64::engine::general_purpose::STANDARD.encode(sealed),
        refresh_at,
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
pub fn forget(path: &Path, key: &str, seal: &Secret, token: &Secret) {
    if load(path, key, seal).is_some_and(|(stored, _)| &stored == token) {
        let _ = fs::remove_file(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn shared_by_key_private_sealed_and_forgotten() {
        let dir = std::env::temp_dir().join(format!("sofinco-token-{}", uuid::Uuid::new_v4()));
        let path = dir.join("token.json");
        let seal = seal_key("https://x", "id", "the-secret");
        assert!(load(&path, "k", &seal).is_none());
        let tok = Secret::new("tok-1-bearer-value");
        store(&path, "k", &seal, &tok, Duration::from_secs(600));
        let (loaded, left) = load(&path, "k", &seal).unwrap();
        assert_eq!(loaded, tok);
        assert!(left <= Duration::from_secs(600) && left >= Duration::from_secs(598));
        assert!(load(&path, "other credentials", &seal).is_none());
        let mode = fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(
            fs::metadata(&dir).unwrap().permissions().mode() & 0o777,
            0o700
        );
        let text = fs::read_to_string(&path).unwrap();
        assert!(!text.contains("the-secret") && !text.contains("tok-1-bearer-value"));
        assert!(
            load(&path, "k", &seal_key("https://x", "id", "another-secret")).is_none(),
            "the file gives nothing without the SecretId"
        );
        // A reader who moves refresh_at forward breaks the seal.
        let tampered = text.replacen("\"refresh_at\":", "\"refresh_at\":9", 1);
        fs::write(&path, tampered).unwrap();
        assert!(load(&path, "k", &seal).is_none());
        store(&path, "k", &seal, &tok, Duration::from_secs(600));
        forget(&path, "k", &seal, &Secret::new("another"));
        assert!(load(&path, "k", &seal).is_some());
        forget(&path, "k", &seal, &tok);
        assert!(load(&path, "k", &seal).is_none());
        store(&path, "k", &seal, &tok, Duration::ZERO);
        assert!(
            load(&path, "k", &seal).is_none(),
            "a token due for refresh is not reused"
        );
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn the_seal_key_hides_the_secret_and_separates_credentials() {
        let a = seal_key("https://x", "id", "secret");
        assert!(!a.expose().contains("secret"));
        assert_ne!(a, seal_key("https://x", "id", "other"));
        assert_ne!(
            a.expose(),
            crate::client::token::cache_key("https://x", "id", "secret")
        );
    }
}
