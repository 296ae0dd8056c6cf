//! What stands before every API route, as Sofinco's gateway does: the request log, fault
//! injection, the bearer token and the context headers. Never before `/_sandbox/` or the
//! journey page.

use std::collections::BTreeMap;
use std::sync::Arc;

use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, request::Parts, HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use sofinco_core::contract::{header as h, path};

use crate::errors::ApiError;
use crate::faults::{self, Outcome};
use crate::state::{RecordedRequest, Shared};

/// Bodies beyond this are refused: no Sofinco call carries more.
const MAX_BODY: usize = 1 << 20;

pub async fn gate(State(shared): State<Arc<Shared>>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_BODY).await else {
        return ApiError::object(
            StatusCode::PAYLOAD_TOO_LARGE,
            "PAYLOAD_TOO_LARGE",
            "Payload too large",
            "The request body is too large",
        )
        .into_response();
    };
    record(&shared, &parts, &bytes);

    let (decision, hang, echo) = {
        let mut faults = shared.faults();
        (faults.decide(), faults.hang(), faults.settings().echo)
    };
    if !decision.delay.is_zero() {
        tokio::time::sleep(decision.delay).await;
    }
    match decision.outcome {
        Outcome::Pass => {}
        Outcome::Fail(_) if echo => return echo_error(&parts, &bytes).into_response(),
        Outcome::Fail(error) => return error.into_response(),
        Outcome::Throttle(status, seconds) => {
            let mut response = ApiError::array(status, "THROTTLED", "Sandbox: injected throttling")
                .into_response();
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, seconds.into());
            return response;
        }
        Outcome::Hang => {
            tokio::time::sleep(hang).await;
            return ApiError::fault(
                StatusCode::GATEWAY_TIMEOUT,
                "101504",
                "Runtime Error",
                "Sandbox: injected timeout",
            )
            .into_response();
        }
    }

    // The token endpoint is the gateway's own: Basic credentials, no context headers.
    if parts.uri.path() != path::TOKEN {
        if let Err(e) = check_bearer(&shared, &parts.headers) {
            return e.into_response();
        }
        if let Err(e) = check_context_headers(&parts.headers) {
            return e.into_response();
        }
    }

    let response = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    if decision.malformed && response.status() == StatusCode::OK {
        return break_body(response).await;
    }
    if echo {
        return spaced(response).await;
    }
    response
}

/// What a careless gateway answers: a final 400 quoting everything the request carried.
fn echo_error(parts: &Parts, body: &[u8]) -> ApiError {
    let auth = parts
        .headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let credentials = crate::api::basic_credentials(&parts.headers)
        .map(|(id, secret)| format!(" client_id={id} client_secret={secret}"))
        .unwrap_or_default();
    ApiError::fault(
        StatusCode::BAD_REQUEST,
        "ECHO",
        &format!("Bad request: Authorization: {auth}{credentials}"),
        &format!("request body: {}", String::from_utf8_lossy(body)),
    )
}

/// The same JSON answer written with spaces after every colon.
async fn spaced(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let bytes = to_bytes(body, usize::MAX).await.unwrap_or_default();
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    parts.headers.remove(header::CONTENT_LENGTH);
    let pretty = serde_json::to_string_pretty(&value).unwrap_or_default();
    Response::from_parts(parts, Body::from(pretty))
}

fn record(shared: &Shared, parts: &Parts, body: &[u8]) {
    let headers: BTreeMap<String, String> = parts
        .headers
        .iter()
        .map(|(k, v)| {
            (
                k.as_str().to_string(),
                String::from_utf8_lossy(v.as_bytes()).into(),
            )
        })
        .collect();
    let mut inner = shared.lock();
    let time = inner.now().to_rfc3339();
    inner.record(RecordedRequest {
        method: parts.method.to_string(),
        path: parts.uri.path().to_string(),
        query: parts.uri.query().unwrap_or("").to_string(),
        headers,
        body: String::from_utf8_lossy(body).into_owned(),
        time,
    });
}

fn check_bearer(shared: &Shared, headers: &HeaderMap) -> Result<(), ApiError> {
    let value = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .trim();
    let token = match value.split_once(' ') {
        Some((scheme, token)) if scheme.eq_ignore_ascii_case("bearer") => token.trim(),
        _ => {
            return Err(ApiError::fault(
                StatusCode::UNAUTHORIZED,
                "900902",
                "Missing Credentials",
                "Invalid Credentials. Make sure your API invocation call has a header: 'Authorization : Bearer ACCESS_TOKEN'",
            ))
        }
    };
    let inner = shared.lock();
    match inner.tokens.get(token) {
        Some(expiry) if *expiry > inner.now() => Ok(()),
        Some(_) => Err(ApiError::invalid_token(
            "Access failure: the access token has expired",
        )),
        None => Err(ApiError::invalid_token(
            "Access failure: make sure you have given the correct access token",
        )),
    }
}

fn check_context_headers(headers: &HeaderMap) -> Result<(), ApiError> {
    for name in [
        h::CONTEXT_PARTNER_ID,
        h::CONTEXT_SOURCE_ID,
        h::CORRELATION_ID,
    ] {
        let present = headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .is_some_and(|v| !v.trim().is_empty());
        if !present {
            return Err(ApiError::array(
                StatusCode::BAD_REQUEST,
                "MISSING_HEADER",
                &format!("Missing or empty header {name}"),
            ));
        }
    }
    Ok(())
}

async fn break_body(response: Response) -> Response {
    let (mut parts, body) = response.into_parts();
    let bytes = to_bytes(body, usize::MAX).await.unwrap_or_default();
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, Body::from(faults::truncate(&bytes)))
}
