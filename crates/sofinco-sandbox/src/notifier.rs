//! The POST to the shop's exchangeUrl when a journey ends (or when a control route says
//! so): in the background, a few tries with backoff, stopping at the first 2xx.

use std::sync::Arc;
use std::time::Duration;

use sofinco_core::contract::Notification;

use crate::state::{NotificationRecord, Shared};

const TRIES: u32 = 5;
const FIRST_BACKOFF: Duration = Duration::from_millis(200);

/// Records the notification and sends it from a background task.
pub fn spawn(shared: Arc<Shared>, url: String, body: Notification) {
    let id = {
        let mut inner = shared.lock();
        let time = inner.now().to_rfc3339();
        let id = inner.new_notification_id();
        inner.notifications.push(NotificationRecord {
            id,
            url: url.clone(),
            body: body.clone(),
            attempts: 0,
            delivered: false,
            last_status: None,
            last_error: None,
            time,
        });
        id
    };
    tokio::spawn(deliver(shared, id, url, body));
}

async fn deliver(shared: Arc<Shared>, id: u64, url: String, body: Notification) {
    // No redirects: the notification goes to the URL the shop gave, nowhere else.
    let client = match reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(5))
        .build()
    {
        Ok(c) => c,
        Err(e) => return update(&shared, id, 0, None, Some(e.to_string()), false),
    };
    let mut backoff = FIRST_BACKOFF;
    for attempt in 1..=TRIES {
        let result = client.post(&url).json(&body).send().await;
        let (code, error, ok) = match result {
            Ok(r) => (Some(r.status().as_u16()), None, r.status().is_success()),
            Err(e) => (None, Some(e.to_string()), false),
        };
        update(&shared, id, attempt, code, error, ok);
        if ok {
            return;
        }
        if attempt < TRIES {
            tokio::time::sleep(backoff).await;
            backoff *= 2;
        }
    }
}

fn update(
    shared: &Shared,
    id: u64,
    attempts: u32,
    code: Option<u16>,
    error: Option<String>,
    ok: bool,
) {
    // After a reset the record is gone: nothing to update.
    if let Some(record) = shared.lock().notifications.iter_mut().find(|r| r.id == id) {
        record.attempts = attempts;
        record.last_status = code;
        record.last_error = error;
        record.delivered = ok;
    }
}
