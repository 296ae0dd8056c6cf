//! `sofinco`: the Sofinco signature PHP extension, the PHP bindings of `sofinco-core`.
//! Only `php` knows PHP; the core's modules are re-exported so the bindings name them as
//! `crate::…`.

pub use sofinco_core::{api, client, contract, error, money, secret, status, sync, withdrawal};

mod php;
pub mod version;

use ext_php_rs::prelude::*;

#[php_module]
pub fn get_module(module: ModuleBuilder) -> ModuleBuilder {
    // PHP knows the extension as `sofinco` (extension_loaded, php -m), not by the crate's name.
    php::register(module.name("sofinco"))
}
