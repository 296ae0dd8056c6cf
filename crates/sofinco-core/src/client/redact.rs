//! Redaction by structure: a body is logged from a copy of its decoded JSON in which every
//! field that can hold a secret or a customer's data is replaced, wherever it sits and however
//! the JSON is spaced; a body that is not JSON is never logged. Free text from Sofinco (an
//! error message that echoes the request) is cleaned of the exact values this call carried.

use serde_json::Value;

pub const MASK: &str = "***";

/// Field names (compared without case, `_` or `-`) whose values never leave unredacted.
const SENSITIVE: &[&str] = &[
    "accesstoken",
    "refreshtoken",
    "idtoken",
    "token",
    "authorization",
    "clientsecret",
    "secret",
    "password",
    "firstname",
    "lastname",
    "name",
    "street",
    "additionalstreet",
    "zipcode",
    "city",
    "emailaddress",
    "email",
    "mobilenumber",
    "phone",
    "phonenumber",
    "returnurl",
    "exchangeurl",
    "link",
];

fn is_sensitive(key: &str) -> bool {
    let folded: String = key
        .chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect();
    SENSITIVE.contains(&folded.as_str())
}

/// The body as it may be logged: redacted JSON, or a note of its size.
pub fn body_for_log(body: &[u8]) -> String {
    if body.is_empty() {
        return String::new();
    }
    match serde_json::from_slice::<Value>(body) {
        Ok(mut value) => {
            redact_value(&mut value);
            value.to_string()
        }
        Err(_) => format!("({} bytes, not JSON: not logged)", body.len()),
    }
}

fn redact_value(value: &mut Value) {
    match value {
        Value::Object(map) => {
            for (key, v) in map.iter_mut() {
                if is_sensitive(key) && !v.is_null() {
                    *v = Value::String(MASK.into());
                } else {
                    redact_value(v);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(redact_value),
        // businessContext is JSON inside a string.
        Value::String(text) if text.trim_start().starts_with('{') => {
            if let Ok(mut inner) = serde_json::from_str::<Value>(text) {
                redact_value(&mut inner);
                *text = inner.to_string();
            }
        }
        _ => {}
    }
}

/// The exact values one call must never let out: the credentials, the token and every
/// sensitive field of the request body.
#[derive(Default)]
pub struct Known(Vec<String>);

impl Known {
    pub fn new(secrets: &[&str], request_json: Option<&str>) -> Self {
        let mut values: Vec<String> = secrets
            .iter()
            .filter(|s| s.len() >= 4)
            .map(|s| s.to_string())
            .collect();
        if let Some(Ok(value)) = request_json.map(serde_json::from_str::<Value>) {
            collect(&value, false, &mut values);
        }
        // Longest first, so a value containing another is masked whole.
        values.sort_by_key(|v| std::cmp::Reverse(v.len()));
        values.dedup();
        Known(values)
    }

    /// The text with each known value (as sent, and as JSON escapes it) replaced.
    pub fn clean(&self, text: &str) -> String {
        let mut out = text.to_string();
        for value in &self.0 {
            out = out.replace(value.as_str(), MASK);
            let escaped = serde_json::to_string(value).unwrap_or_default();
            let escaped = escaped.trim_matches('"');
            if escaped != value {
                out = out.replace(escaped, MASK);
            }
        }
        out
    }
}

fn collect(value: &Value, sensitive: bool, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => map
            .iter()
            .for_each(|(k, v)| collect(v, sensitive || is_sensitive(k), out)),
        Value::Array(items) => items.iter().for_each(|v| collect(v, sensitive, out)),
        Value::String(text) => {
            if let Ok(inner @ Value::Object(_)) = serde_json::from_str::<Value>(text) {
                collect(&inner, sensitive, out);
            } else if sensitive && text.chars().count() >= 3 {
                out.push(text.clone());
            }
        }
        Value::Number(n) if sensitive => out.push(n.to_string()),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_token_answer_with_spaces_is_redacted() {
        let shown = body_for_log(br#"{ "access_token" : "tok-planted-123", "expires_in": 1200 }"#);
        assert!(!shown.contains("tok-planted-123"), "{shown}");
        assert!(shown.contains("1200"));
    }

    #[test]
    fn customer_fields_inside_business_context_are_redacted() {
        let inner = r#"{"customerContext":{"firstName":"Zoé","lastName":"Lefèvre","street":"3 rue Haute","emailAddress":"zoe@example.fr","mobileNumber":"0612345678"},"offerContext":{"orderId":"PS1C42A1","amount":129010}}"#;
        let body =
            serde_json::json!({"tokenFormat": "OPAQUE", "businessContext": inner}).to_string();
        let shown = body_for_log(body.as_bytes());
        for leaked in [
            "Zoé",
            "Lefèvre",
            "3 rue Haute",
            "zoe@example.fr",
            "0612345678",
        ] {
            assert!(!shown.contains(leaked), "{leaked} in {shown}");
        }
        assert!(shown.contains("PS1C42A1") && shown.contains("129010"));
    }

    #[test]
    fn text_that_is_not_json_is_never_logged() {
        assert_eq!(
            body_for_log(b"access_token=abc secret"),
            "(23 bytes, not JSON: not logged)"
        );
    }

    #[test]
    fn an_echoing_error_message_loses_the_calls_values() {
        let request = r#"{"businessContext":"{\"customerContext\":{\"emailAddress\":\"zoe@example.fr\",\"mobileNumber\":\"06 12 34 56 78\"}}"}"#;
        let known = Known::new(&["client-secret-planted", "tok-planted"], Some(request));
        let echoed = "bad request: Authorization: Bearer tok-planted secret=client-secret-planted mail zoe@example.fr tel 06 12 34 56 78";
        let clean = known.clean(echoed);
        for leaked in [
            "tok-planted",
            "client-secret-planted",
            "zoe@example.fr",
            "06 12 34 56 78",
        ] {
            assert!(!clean.contains(leaked), "{leaked} in {clean}");
        }
        assert!(clean.starts_with("bad request"));
    }
}
