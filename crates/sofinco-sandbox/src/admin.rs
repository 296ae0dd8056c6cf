//! The control routes under `/_sandbox/` (only with `--admin`): set dossier statuses, move
//! the clock, change faults, read what the sandbox received and sent.

use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Json, Response};
use axum::routing::{get, post};
use axum::Router;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::json;

use sofinco_core::contract::{status, Contract, Notification};
use sofinco_core::money::Euros;

use crate::cli;
use crate::errors::{ApiError, ApiResult};
use crate::faults::{FaultSettings, FaultUpdate};
use crate::journey_page;
use crate::notifier;
use crate::state::{Dossier, Shared};

pub const PREFIX: &str = "/_sandbox";

pub fn routes() -> Router<Arc<Shared>> {
    Router::new()
        .route("/dossiers", get(dossiers))
        .route("/dossiers/{order_id}/status", post(set_status))
        .route("/clock/advance", post(advance))
        .route("/reset", post(reset))
        .route("/requests", get(requests))
        .route("/faults", get(faults).post(set_faults))
        .route("/notifications", get(notifications))
        .route("/notify/{order_id}", post(notify))
}

/// A control body: JSON, or nothing for the defaults.
fn body<T: DeserializeOwned + Default>(bytes: &[u8]) -> ApiResult<T> {
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(T::default());
    }
    serde_json::from_slice(bytes)
        .map_err(|e| ApiError::bad_request("INVALID_BODY", &format!("Malformed JSON body: {e}")))
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct StatusChange {
    status: String,
    signature_date: Option<String>,
    amount_cents: Option<i64>,
    /// Makes the dossier one partner's: other partners' lookups no longer find it.
    business_provider_id: Option<String>,
}

/// Sets a status (any code, even one Sofinco never sends: tests need liars), creating
/// the dossier with a contract id when the orderId is new.
async fn set_status(
    State(shared): State<Arc<Shared>>,
    Path(order_id): Path<String>,
    bytes: Bytes,
) -> ApiResult<Json<Contract>> {
    let change: StatusChange = body(&bytes)?;
    let code = change.status.trim();
    if code.is_empty() || code.len() > 10 || order_id.is_empty() {
        return Err(ApiError::bad_request(
            "INVALID_STATUS",
            "status is a non-empty code such as ETU",
        ));
    }
    let mut inner = shared.lock();
    let (now, today) = (inner.now(), inner.today());
    let key = order_id.to_ascii_uppercase();
    if !inner.dossiers.contains_key(&key) {
        let contract_id = inner.new_contract_id();
        inner.dossiers.insert(
            key.clone(),
            Dossier {
                order_id: order_id.clone(),
                business_provider_id: String::new(),
                contract_id,
                status: status::RECEIVED.into(),
                amount_cents: 10_000,
                signature_date: None,
                funding_date: None,
                status_since: now,
                journey: None,
                deliveries: 0,
            },
        );
    }
    let d = inner
        .dossiers
        .get_mut(&key)
        .ok_or_else(|| ApiError::not_found("Unknown dossier"))?;
    d.set_status(code, now);
    // Sofinco moved the dossier on its side: the customer's journey is over.
    if let Some(journey) = d.journey.as_mut().filter(|j| j.ended.is_none()) {
        journey.ended = Some(code.to_string());
    }
    if let Some(cents) = change.amount_cents {
        d.amount_cents = cents;
    }
    if let Some(provider) = change.business_provider_id {
        d.business_provider_id = provider;
    }
    if change.signature_date.is_some() {
        d.signature_date = change.signature_date;
    }
    if code == status::FUNDED && d.funding_date.is_none() {
        d.funding_date = Some(today);
    }
    Ok(Json(d.to_contract()))
}

#[derive(Debug, Default, Deserialize)]
struct Advance {
    seconds: i64,
}

async fn advance(State(shared): State<Arc<Shared>>, bytes: Bytes) -> ApiResult<Response> {
    let Advance { seconds } = body(&bytes)?;
    // Within a century either way: the clock stays far inside chrono's range.
    if seconds.unsigned_abs() > 10 * cli::MAX_SECONDS as u64 {
        return Err(ApiError::bad_request(
            "INVALID_SECONDS",
            "seconds: at most a century either way",
        ));
    }
    let mut inner = shared.lock();
    inner.advance(seconds);
    Ok(Json(json!({ "now": inner.now().to_rfc3339() })).into_response())
}

async fn reset(State(shared): State<Arc<Shared>>) -> StatusCode {
    shared.reset();
    StatusCode::NO_CONTENT
}

async fn requests(State(shared): State<Arc<Shared>>) -> Response {
    Json(&shared.lock().requests).into_response()
}

async fn notifications(State(shared): State<Arc<Shared>>) -> Response {
    Json(&shared.lock().notifications).into_response()
}

/// The settings, and what was injected so far (`counts`).
async fn faults(State(shared): State<Arc<Shared>>) -> Json<serde_json::Value> {
    let faults = shared.faults();
    let mut view = serde_json::to_value(faults.settings()).unwrap_or_default();
    view["counts"] = serde_json::to_value(faults.counts()).unwrap_or_default();
    Json(view)
}

async fn set_faults(
    State(shared): State<Arc<Shared>>,
    bytes: Bytes,
) -> ApiResult<Json<FaultSettings>> {
    let update: FaultUpdate = body(&bytes)?;
    let mut faults = shared.faults();
    faults
        .update(update)
        .map_err(|e| ApiError::bad_request("INVALID_FAULTS", &e))?;
    Ok(Json(faults.settings().clone()))
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct DossierView {
    #[serde(flatten)]
    contract: Contract,
    amount_cents: i64,
    link: Option<String>,
    journey_ended: Option<String>,
    deliveries: u32,
    last_name: Option<String>,
    exchange_url: Option<String>,
    return_url: Option<String>,
}

async fn dossiers(State(shared): State<Arc<Shared>>) -> Json<Vec<DossierView>> {
    let base = &shared.config.base_url;
    let inner = shared.lock();
    let views = inner
        .dossiers
        .values()
        .map(|d| {
            let j = d.journey.as_ref();
            DossierView {
                contract: d.to_contract(),
                amount_cents: d.amount_cents,
                link: j.map(|j| format!("{base}{}{}", journey_page::PREFIX, j.token)),
                journey_ended: j.and_then(|j| j.ended.clone()),
                deliveries: d.deliveries,
                last_name: j.map(|j| j.context.customer_context.last_name.clone()),
                exchange_url: j.map(|j| j.context.provider_context.exchange_url.clone()),
                return_url: j.map(|j| j.context.provider_context.return_url.clone()),
            }
        })
        .collect();
    Json(views)
}

#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
struct NotifyBody {
    status: Option<String>,
    amount_cents: Option<i64>,
}

/// Sends a notification now, saying whatever the body says (Sofinco's are not signed).
async fn notify(
    State(shared): State<Arc<Shared>>,
    Path(order_id): Path<String>,
    bytes: Bytes,
) -> ApiResult<Response> {
    let wanted: NotifyBody = body(&bytes)?;
    let (url, notification) = {
        let inner = shared.lock();
        let d = inner
            .dossiers
            .get(&order_id.to_ascii_uppercase())
            .ok_or_else(|| ApiError::not_found("Unknown dossier"))?;
        let url = d
            .journey
            .as_ref()
            .map(|j| j.context.provider_context.exchange_url.clone())
            .ok_or_else(|| ApiError::conflict("NO_EXCHANGE_URL", "This dossier has no journey"))?;
        let notification = Notification {
            order_id: d.order_id.clone(),
            amount: Euros(wanted.amount_cents.unwrap_or(d.amount_cents)),
            contract_status: wanted.status.unwrap_or_else(|| d.status.clone()),
        };
        (url, notification)
    };
    notifier::spawn(shared.clone(), url, notification.clone());
    Ok((StatusCode::ACCEPTED, Json(notification)).into_response())
}
