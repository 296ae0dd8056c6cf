//! The async machinery behind the blocking PHP API: one tokio runtime and one HTTP client
//! per worker thread, created lazily (never before php-fpm forks) and created again in a
//! forked child, whose copy of the parent's runtime has no threads.

use std::cell::RefCell;
use std::collections::HashMap;
use std::future::Future;
use std::path::PathBuf;
use std::time::Duration;

use crate::error::{Error, Result};

struct Engine {
    pid: u32,
    runtime: tokio::runtime::Runtime,
    clients: HashMap<HttpSettings, reqwest::Client>,
}

/// What makes two HTTP clients different.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HttpSettings {
    pub connect_timeout: Duration,
    pub user_agent: String,
    pub ca_file: Option<PathBuf>,
}

thread_local! {
    static ENGINE: RefCell<Option<Engine>> = const { RefCell::new(None) };
}

fn with_engine<T>(f: impl FnOnce(&mut Engine) -> Result<T>) -> Result<T> {
    ENGINE.with(|cell| {
        let mut slot = cell.try_borrow_mut().map_err(|_| {
            Error::internal("the Sofinco client was called again from inside itself")
        })?;
        let pid = std::process::id();
        if slot.as_ref().is_none_or(|e| e.pid != pid) {
            if let Some(stale) = slot.take() {
                // The parent's runtime threads do not exist in a forked child: leak it
                // rather than join threads that will never answer.
                std::mem::forget(stale);
            }
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| Error::internal(format!("cannot start the HTTP runtime: {e}")))?;
            *slot = Some(Engine {
                pid,
                runtime,
                clients: HashMap::new(),
            });
        }
        f(slot.as_mut().expect("engine was just set"))
    })
}

/// Runs a future to completion on this worker's runtime.
pub fn block_on<F: Future>(future: F) -> Result<F::Output> {
    with_engine(|engine| Ok(engine.runtime.block_on(future)))
}

/// The HTTP client for these settings, built once per worker.
pub fn http_client(settings: &HttpSettings) -> Result<reqwest::Client> {
    with_engine(|engine| {
        if let Some(client) = engine.clients.get(settings) {
            return Ok(client.clone());
        }
        let client = build_client(settings)?;
        engine.clients.insert(settings.clone(), client.clone());
        Ok(client)
    })
}

fn build_client(settings: &HttpSettings) -> Result<reqwest::Client> {
    let mut builder = reqwest::Client::builder()
        .connect_timeout(settings.connect_timeout)
        .user_agent(settings.user_agent.clone())
        // A proxy from the environment could carry the bearer token elsewhere.
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .https_only(false)
        .pool_idle_timeout(Duration::from_secs(50))
        .tls_built_in_root_certs(true);
    if let Some(path) = &settings.ca_file {
        let pem = std::fs::read(path).map_err(|e| {
            Error::config(format!("ca_file {} cannot be read: {e}", path.display()))
        })?;
        let certs = reqwest::Certificate::from_pem_bundle(&pem).map_err(|e| {
            Error::config(format!(
                "ca_file {} is not a PEM certificate: {e}",
                path.display()
            ))
        })?;
        for cert in certs {
            builder = builder.add_root_certificate(cert);
        }
    }
    builder
        .build()
        .map_err(|e| Error::internal(format!("cannot build the HTTP client: {e}")))
}
