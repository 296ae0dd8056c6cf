//! Sofinco's partner API routes (design.md §2), behind the gate.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::{header, HeaderMap, Uri};
use axum::response::Json;
use axum::routing::{get, post};
use axum::Router;
use base64::Engine;
use chrono::Duration;

use sofinco_core::contract::{
    path, query as q, rules, status, BusinessContext, Contract, ContractList, LinkRequest,
    LinkResponse, SimulationRequest, SimulationResponse, TokenResponse, GRANT_TYPE,
    GRANT_TYPE_FIELD,
};

use crate::errors::{json_body, query_map, ApiError, ApiResult};
use crate::journey_page;
use crate::rates;
use crate::state::{Dossier, Journey, Shared};
use crate::validate;

pub fn routes() -> Router<Arc<Shared>> {
    let contract_route = format!("{}/{{id}}", path::CONTRACTS);
    let deliver_route = format!(
        "{}{{id}}{}",
        path::ORDER_STATUS_PREFIX,
        path::DELIVER_SUFFIX
    );
    let cancel_route = format!("{}{{id}}{}", path::ORDER_STATUS_PREFIX, path::CANCEL_SUFFIX);
    Router::new()
        .route(path::TOKEN, post(token))
        .route(path::SIMULATIONS, post(simulate))
        .route(path::LINKS, post(link))
        .route(path::CONTRACTS, get(contracts))
        .route(&contract_route, get(contract))
        .route(&deliver_route, post(deliver))
        .route(&cancel_route, post(cancel))
}

pub fn basic_credentials(headers: &HeaderMap) -> Option<(String, String)> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
    let (scheme, encoded) = value.split_once(' ')?;
    if !scheme.eq_ignore_ascii_case("basic") {
        return None;
    }
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(encoded.trim())
        .ok()?;
    let text = String::from_utf8(decoded).ok()?;
    let (id, secret) = text.split_once(':')?;
    Some((id.to_string(), secret.to_string()))
}

async fn token(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<TokenResponse>> {
    let options = &shared.config.options;
    let good = basic_credentials(&headers)
        .is_some_and(|(id, secret)| id == options.client_id && secret == options.client_secret);
    if !good {
        return Err(ApiError::invalid_token(
            "Access failure: check the client id and secret (HTTP Basic)",
        ));
    }
    let form: HashMap<String, String> = url::form_urlencoded::parse(&body).into_owned().collect();
    if form.get(GRANT_TYPE_FIELD).map(String::as_str) != Some(GRANT_TYPE) {
        return Err(ApiError::bad_request(
            "unsupported_grant_type",
            "grant_type must be client_credentials",
        ));
    }
    let access_token = uuid::Uuid::new_v4().simple().to_string();
    let mut inner = shared.lock();
    let now = inner.now();
    inner.tokens.retain(|_, expiry| *expiry > now);
    inner.tokens.insert(
        access_token.clone(),
        now + Duration::seconds(options.token_ttl),
    );
    Ok(Json(TokenResponse {
        access_token: sofinco_core::secret::Secret::new(access_token),
        token_type: "Bearer".into(),
        scope: Some("default".into()),
        expires_in: options.token_expires_in,
    }))
}

async fn simulate(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<SimulationResponse>> {
    let request: SimulationRequest = json_body(&headers, &body)?;
    validate::partner(
        &shared.config.options,
        Some(&request.business_provider_id),
        Some(&request.equipment_code),
    )?;
    let capital = request.amount.cents();
    let in_range = shared.config.bareme.offers_for(capital);
    if in_range.is_empty() {
        return Err(out_of_range());
    }
    let wanted = request.due_numbers.as_deref().filter(|d| !d.is_empty());
    let proposals: Vec<_> = in_range
        .into_iter()
        .filter(|o| wanted.is_none_or(|w| w.contains(&o.due_number)))
        .filter(|o| {
            request.scale_code.is_none() || o.scale_code.as_deref() == request.scale_code.as_deref()
        })
        .map(|o| rates::proposal(o, capital))
        .collect();
    if proposals.is_empty() {
        return Err(ApiError::bad_request(
            "NO_OFFER",
            "Aucune offre pour ces durées à ce montant",
        ));
    }
    Ok(Json(SimulationResponse {
        id: Some(uuid::Uuid::new_v4().to_string()),
        capital_amount: request.amount,
        proposals,
    }))
}

fn out_of_range() -> ApiError {
    ApiError::bad_request("AMOUNT_OUT_OF_RANGE", "Montant hors barème")
}

async fn link(
    State(shared): State<Arc<Shared>>,
    headers: HeaderMap,
    body: Bytes,
) -> ApiResult<Json<LinkResponse>> {
    let request: LinkRequest = json_body(&headers, &body)?;
    if request.token_format != rules::LINK_TOKEN_FORMAT {
        return Err(ApiError::bad_request(
            "INVALID_TOKEN_FORMAT",
            "tokenFormat must be OPAQUE",
        ));
    }
    let context: BusinessContext =
        serde_json::from_str(&request.business_context).map_err(|e| {
            ApiError::bad_request(
                "INVALID_BUSINESS_CONTEXT",
                &format!("businessContext is not the expected JSON: {e}"),
            )
        })?;
    validate::business_context(&context)?;
    validate::partner(
        &shared.config.options,
        Some(&context.provider_context.business_provider_id),
        Some(&context.offer_context.equipment_code),
    )?;
    let offer = &context.offer_context;
    let offers = shared.config.bareme.offers_for(offer.amount);
    let duration = match offer.duration {
        Some(d) if offers.iter().any(|o| o.due_number == d) => d,
        Some(_) => {
            return Err(ApiError::bad_request(
                "INVALID_DURATION",
                "No offer of this duration for this amount",
            ))
        }
        // No duration asked: the longest offer, the smallest monthly payment.
        None => offers
            .last()
            .map(|o| o.due_number)
            .ok_or_else(out_of_range)?,
    };
    let minutes = if request.token_duration == 0 {
        rules::LINK_TOKEN_DURATION_MIN
    } else {
        request.token_duration
    };

    let token = uuid::Uuid::new_v4().simple().to_string();
    let key = offer.order_id.to_ascii_uppercase();
    let mut inner = shared.lock();
    let now = inner.now();
    let journey = Journey {
        token: token.clone(),
        context: context.clone(),
        duration,
        expires_at: now + Duration::minutes(i64::from(minutes)),
        ended: None,
    };
    let replaced = match inner.dossiers.get(&key) {
        // Same orderId while the customer is still in the journey: the new link replaces
        // the old one on the same dossier (a shop retrying a lost answer).
        Some(d)
            if d.status == status::RECEIVED
                && d.journey.as_ref().is_some_and(|j| j.ended.is_none()) =>
        {
            d.journey.as_ref().map(|j| j.token.clone())
        }
        Some(_) => {
            return Err(ApiError::conflict(
                "ORDER_ID_ALREADY_USED",
                "A dossier already exists for this orderId",
            ))
        }
        None => None,
    };
    if let Some(old) = replaced {
        inner.journeys.remove(&old);
    }
    let contract_id = match inner.dossiers.get(&key) {
        Some(d) => d.contract_id.clone(),
        None => inner.new_contract_id(),
    };
    inner.dossiers.insert(
        key.clone(),
        Dossier {
            order_id: offer.order_id.clone(),
            business_provider_id: context.provider_context.business_provider_id.clone(),
            contract_id,
            status: status::RECEIVED.into(),
            amount_cents: offer.amount,
            signature_date: None,
            funding_date: None,
            status_since: now,
            journey: Some(journey),
            deliveries: 0,
        },
    );
    inner.journeys.insert(token.clone(), key);
    Ok(Json(LinkResponse {
        link: format!("{}{}{token}", shared.config.base_url, journey_page::PREFIX),
    }))
}

fn partner_query(shared: &Shared, query: &HashMap<String, String>) -> ApiResult<()> {
    validate::partner(
        &shared.config.options,
        query.get(q::BUSINESS_PROVIDER_ID).map(String::as_str),
        query.get(q::EQUIPMENT_CODE).map(String::as_str),
    )
}

async fn contracts(State(shared): State<Arc<Shared>>, uri: Uri) -> ApiResult<Json<ContractList>> {
    let query = query_map(&uri);
    partner_query(&shared, &query)?;
    let Some(reference) = query.get(q::PARTNER_EXTERNAL_ID).filter(|r| !r.is_empty()) else {
        return Err(ApiError::bad_request(
            "MISSING_PARAMETER",
            "partnerExternalId is required",
        ));
    };
    let provider = query.get(q::BUSINESS_PROVIDER_ID).map(String::as_str);
    let inner = shared.lock();
    let contracts = inner
        .dossiers
        .values()
        .filter(|d| {
            d.order_id.eq_ignore_ascii_case(reference) && d.is_submitted() && d.belongs_to(provider)
        })
        .map(Dossier::to_contract)
        .collect();
    Ok(Json(ContractList { contracts }))
}

/// The dossier a contract route names, once its query is checked.
fn with_dossier<T>(
    shared: &Shared,
    id: &str,
    uri: &Uri,
    act: impl FnOnce(&mut Dossier, chrono::DateTime<chrono::Utc>, String) -> ApiResult<T>,
) -> ApiResult<T> {
    let query = query_map(uri);
    partner_query(shared, &query)?;
    let order_id = query.get(q::ORDER_ID).cloned().unwrap_or_default();
    if order_id.is_empty() {
        return Err(ApiError::bad_request(
            "MISSING_PARAMETER",
            "orderId is required",
        ));
    }
    let mut inner = shared.lock();
    let (now, today) = (inner.now(), inner.today());
    let provider = query.get(q::BUSINESS_PROVIDER_ID).map(String::as_str);
    let dossier = inner
        .dossier_by_contract(id)
        .filter(|d| d.is_submitted() && d.belongs_to(provider))
        .ok_or_else(|| ApiError::not_found("Unknown contract"))?;
    if !dossier.order_id.eq_ignore_ascii_case(&order_id) {
        return Err(ApiError::bad_request(
            "ORDER_ID_MISMATCH",
            "orderId does not match the contract",
        ));
    }
    act(dossier, now, today)
}

async fn contract(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    uri: Uri,
) -> ApiResult<Json<Contract>> {
    with_dossier(&shared, &id, &uri, |d, _, _| Ok(Json(d.to_contract())))
}

/// "Valider la demande de financement": AFI → FIN; a repeat on FIN is the same answer.
async fn deliver(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    uri: Uri,
) -> ApiResult<Json<Contract>> {
    with_dossier(&shared, &id, &uri, |d, now, today| {
        match d.status.as_str() {
            status::AWAITING_FUNDING => {
                d.set_status(status::FUNDED, now);
                d.funding_date = Some(today);
                d.deliveries += 1;
            }
            status::FUNDED => d.deliveries += 1,
            other => {
                return Err(ApiError::conflict(
                    "INVALID_STATUS",
                    &format!("Cannot fund a dossier in status {other}"),
                ))
            }
        }
        Ok(Json(d.to_contract()))
    })
}

/// Cancel: anything before FIN becomes ANN; a repeat is the same answer.
async fn cancel(
    State(shared): State<Arc<Shared>>,
    Path(id): Path<String>,
    uri: Uri,
) -> ApiResult<Json<Contract>> {
    with_dossier(&shared, &id, &uri, |d, now, _| {
        match d.status.as_str() {
            status::FUNDED => {
                return Err(ApiError::conflict(
                    "INVALID_STATUS",
                    "Cannot cancel a funded dossier",
                ))
            }
            status::CANCELLED => {}
            _ => d.set_status(status::CANCELLED, now),
        }
        Ok(Json(d.to_contract()))
    })
}
