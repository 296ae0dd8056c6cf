//! Sofinco's three error shapes (design.md §2), as axum answers, and the request-input
//! helpers that turn bad input into them instead of a panic.

use std::collections::HashMap;

use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Json, Response};
use serde::de::DeserializeOwned;

use sofinco_core::contract::{ErrorObject, Fault, FaultEnvelope};

/// An error answer in one of Sofinco's shapes.
#[derive(Debug, Clone)]
pub enum ApiError {
    /// `{code, shortlib, longlib}`: the business APIs.
    Object(StatusCode, ErrorObject),
    /// `[{code, shortlib}]`: header and request validation.
    Array(StatusCode, Vec<ErrorObject>),
    /// `{fault:{code, message, description}}`: the gateway (credentials, tokens).
    Fault(StatusCode, FaultEnvelope),
}

impl ApiError {
    pub fn object(status: StatusCode, code: &str, shortlib: &str, longlib: &str) -> Self {
        ApiError::Object(
            status,
            ErrorObject {
                code: code.into(),
                shortlib: Some(shortlib.into()),
                longlib: Some(longlib.into()),
                ..ErrorObject::default()
            },
        )
    }

    pub fn array(status: StatusCode, code: &str, shortlib: &str) -> Self {
        ApiError::Array(
            status,
            vec![ErrorObject {
                code: code.into(),
                shortlib: Some(shortlib.into()),
                ..ErrorObject::default()
            }],
        )
    }

    pub fn fault(status: StatusCode, code: &str, message: &str, description: &str) -> Self {
        ApiError::Fault(
            status,
            FaultEnvelope {
                fault: Fault {
                    code: code.into(),
                    message: message.into(),
                    description: description.into(),
                },
            },
        )
    }

    pub fn bad_request(code: &str, longlib: &str) -> Self {
        Self::object(StatusCode::BAD_REQUEST, code, "Bad request", longlib)
    }

    pub fn not_found(longlib: &str) -> Self {
        Self::object(StatusCode::NOT_FOUND, "NOT_FOUND", "Not found", longlib)
    }

    pub fn conflict(code: &str, longlib: &str) -> Self {
        Self::object(StatusCode::CONFLICT, code, "Conflict", longlib)
    }

    pub fn invalid_token(description: &str) -> Self {
        Self::fault(
            StatusCode::UNAUTHORIZED,
            "900901",
            "Invalid Credentials",
            description,
        )
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            ApiError::Object(s, body) => (s, Json(body)).into_response(),
            ApiError::Array(s, body) => (s, Json(body)).into_response(),
            ApiError::Fault(s, body) => (s, Json(body)).into_response(),
        }
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// A JSON body: JSON content type required, malformed JSON is a 400 object, never a panic.
pub fn json_body<T: DeserializeOwned>(headers: &HeaderMap, body: &[u8]) -> ApiResult<T> {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let essence = content_type.split(';').next().unwrap_or("").trim();
    if !essence.eq_ignore_ascii_case("application/json") && !essence.ends_with("+json") {
        return Err(ApiError::object(
            StatusCode::UNSUPPORTED_MEDIA_TYPE,
            "UNSUPPORTED_MEDIA_TYPE",
            "Unsupported media type",
            "Content-Type must be application/json",
        ));
    }
    serde_json::from_slice(body)
        .map_err(|e| ApiError::bad_request("INVALID_BODY", &format!("Malformed JSON body: {e}")))
}

/// The decoded query string (a broken one reads as what can be read).
pub fn query_map(uri: &Uri) -> HashMap<String, String> {
    url::form_urlencoded::parse(uri.query().unwrap_or("").as_bytes())
        .into_owned()
        .collect()
}
