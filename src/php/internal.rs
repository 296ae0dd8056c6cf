//! `Sofinco\Internal`: diagnostics for support and for the test suite.

use ext_php_rs::prelude::*;

use ext_php_rs::boxed::ZBox;
use ext_php_rs::types::ZendHashTable;

use super::array::PhpArray;
use super::guard::guard;
use crate::error::Error;
use crate::version;

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

    /// What this build is and which PHP it was built for: version, php (php-config
    /// --version), php_api, thread_safety ("nts"/"zts"), zts (bool), php_debug, arch,
    /// profile, date, rustc, ext_php_rs. The module shows it on its configuration page.
    #[php(name = "buildInfo")]
    pub fn build_info() -> PhpResult<ZBox<ZendHashTable>> {
        guard(|| {
            Ok(PhpArray::new()
                .with("version", version::VERSION)?
                .with("php", version::PHP_BUILD_VERSION)?
                .with("php_api", version::PHP_BUILD_API)?
                .with("thread_safety", version::PHP_BUILD_THREAD_SAFETY)?
                .with("zts", version::PHP_BUILD_THREAD_SAFETY == "zts")?
                .with("php_debug", version::PHP_BUILD_DEBUG == "debug")?
                .with("arch", version::TARGET_ARCH)?
                .with("profile", version::BUILD_PROFILE)?
                .with("date", version::BUILD_DATE)?
                .with("rustc", version::RUSTC_VERSION)?
                .with("ext_php_rs", version::EXT_PHP_RS_VERSION)?
                .into_table())
        })
    }
}
