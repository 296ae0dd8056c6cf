//! What this build of the extension is, for phpinfo() and support (set by build.rs).

pub use sofinco_core::version::VERSION;

/// Set by build.rs: the rustc and ext-php-rs versions, the PHP API the build targets.
pub const RUSTC_VERSION: &str = env!("SOFINCO_RUSTC_VERSION");
pub const EXT_PHP_RS_VERSION: &str = env!("SOFINCO_EXT_PHP_RS_VERSION");
pub const BUILD_PROFILE: &str = env!("SOFINCO_BUILD_PROFILE");
pub const BUILD_DATE: &str = env!("SOFINCO_BUILD_DATE");

/// `php-config --version` of the PHP this build was compiled against.
pub const PHP_BUILD_VERSION: &str = env!("SOFINCO_PHP_VERSION");
/// `php-config --phpapi` of that PHP (the API number in its extension_dir).
pub const PHP_BUILD_API: &str = env!("SOFINCO_PHP_API");
/// "nts" or "zts": the thread-safety mode of that PHP (a .so loads only into the same mode).
pub const PHP_BUILD_THREAD_SAFETY: &str = env!("SOFINCO_PHP_THREAD_SAFETY");
/// "release" or "debug": whether that PHP is a debug build of PHP.
pub const PHP_BUILD_DEBUG: &str = env!("SOFINCO_PHP_DEBUG");
/// The CPU architecture the .so is for (x86_64, aarch64, ...).
pub const TARGET_ARCH: &str = env!("SOFINCO_TARGET_ARCH");
