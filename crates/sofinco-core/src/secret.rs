//! Credentials that cannot be printed by accident: the client secret and the OAuth2 token
//! live in `Secret`, whose Debug shows `Secret(***)`, which has no Display, and whose value
//! comes out only through `expose()`, where a request needs it. Serialize writes the value:
//! the one serialized token is the sandbox's own answer.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, PartialEq, Eq, Default)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Self {
        Secret(value.into())
    }

    /// The value, for the one place that must send it (an Authorization header).
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl Serialize for Secret {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Secret {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Secret)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_value() {
        let s = Secret::new("s3cr3t-value");
        assert_eq!(format!("{s:?}"), "Secret(***)");
        assert_eq!(format!("{:?}", Some(&s)), "Some(Secret(***))");
        assert_eq!(s.expose(), "s3cr3t-value");
    }

    #[test]
    fn reads_from_json_like_a_string() {
        #[derive(Deserialize, Debug)]
        struct T {
            access_token: Secret,
        }
        let t: T = serde_json::from_str(r#"{"access_token": "abc"}"#).unwrap();
        assert_eq!(t.access_token.expose(), "abc");
        assert!(!format!("{t:?}").contains("abc"));
    }
}
