//! `Sofinco\Internal`: diagnostics for support and for the test suite.

use ext_php_rs::prelude::*;

use ext_php_rs::boxed::ZBox;
use ext_php_rs::types::ZendHashTable;

use super::array::PhpArray;
use super::client::SofincoClient;
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

    /// Seconds until this worker asks for a new token for $client's gateway and
    /// credentials (null: it holds none). For support ("why so many token calls?") and
    /// for the test that an announced lifetime of a year is not believed.
    #[php(name = "tokenRefreshIn")]
    pub fn token_refresh_in(client: &SofincoClient) -> Option<i64> {
        client.inner.token_refresh_in().map(|d| d.as_secs() as i64)
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

    /// The API description (classes: kind, doc, properties' types and docs; enum-likes'
    /// cases), the same on both engines: tools/gen-stubs.php writes the stub from it.
    #[php(name = "apiDescription")]
    pub fn api_description() -> PhpResult<ZBox<ZendHashTable>> {
        guard(super::internal_api::description)
    }
}
