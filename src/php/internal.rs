//! `Sofinco\Internal`: diagnostics for support and for the test suite.

use ext_php_rs::prelude::*;

use super::guard::guard;
use crate::error::Error;

#[php_class]
#[php(name = "Sofinco\\Internal")]
#[derive(Default)]
pub struct Internal;

#[php_impl]
impl Internal {
    /// Exercises the error paths of the bindings: "panic" panics inside a binding (the
    /// guard must turn it into a SofincoException), "error" returns an internal error,
    /// anything else returns "ok". Lets support prove a PHP worker survives both.
    #[php(name = "selfTest")]
    pub fn self_test(what: String) -> PhpResult<String> {
        guard(|| match what.as_str() {
            "panic" => panic!("self-test panic"),
            "error" => Err(Error::internal("self-test error")),
            _ => Ok("ok".to_string()),
        })
    }
}
