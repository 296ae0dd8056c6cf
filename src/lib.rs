//! `sofinco`: the Sofinco signature PHP extension.
//!
//! The core modules below know nothing of PHP; `php` binds them (feature `php`, on by
//! default). The sandbox binary and the benches use the core alone.

pub mod client;
pub mod contract;
pub mod error;
pub mod money;
pub mod secret;
pub mod status;
pub mod sync;
pub mod version;
pub mod withdrawal;

#[cfg(feature = "php")]
mod php;

#[cfg(feature = "php")]
use ext_php_rs::prelude::*;

#[cfg(feature = "php")]
#[php_module]
pub fn get_module(module: ModuleBuilder) -> ModuleBuilder {
    php::register(module)
}
