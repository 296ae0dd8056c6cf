//! What this build is (set by build.rs), for `Internal::buildInfo()` and phpinfo().

pub use sofinco_core::version::VERSION;

/// `php-config --version` of the PHP this build was compiled against.
pub const PHP_BUILD_VERSION: &str = env!("SOFINCO_PHP_VERSION");
/// `php-config --phpapi` of that PHP.
pub const PHP_BUILD_API: &str = env!("SOFINCO_PHP_API");
pub const BUILD_PROFILE: &str = env!("SOFINCO_BUILD_PROFILE");
pub const TARGET_ARCH: &str = env!("SOFINCO_TARGET_ARCH");
pub const BUILD_DATE: &str = env!("SOFINCO_BUILD_DATE");
pub const RUSTC_VERSION: &str = env!("SOFINCO_RUSTC_VERSION");
/// The phper release Cargo.lock pins.
pub const PHPER_VERSION: &str = env!("SOFINCO_PHPER_VERSION");
