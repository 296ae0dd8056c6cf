//! The version every crate of the workspace shares, and the User-Agent built from it.

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The User-Agent prefix of every call; the module appends PrestaShop and PHP versions.
pub fn user_agent_prefix() -> String {
    format!("sofinco-ext/{VERSION}")
}
