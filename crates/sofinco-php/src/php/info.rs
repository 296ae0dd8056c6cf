//! The extension's phpinfo() section: what this build is and what it was built for.

use ext_php_rs::zend::ModuleEntry;
use ext_php_rs::{info_table_end, info_table_row, info_table_start};

use crate::version;

pub extern "C" fn php_module_info(_module: *mut ModuleEntry) {
    info_table_start!();
    info_table_row!("sofinco support", "enabled");
    info_table_row!("version", version::VERSION);
    info_table_row!("built for PHP", version::PHP_BUILD_VERSION);
    info_table_row!("PHP API", version::PHP_BUILD_API);
    info_table_row!(
        "thread safety",
        if version::PHP_BUILD_THREAD_SAFETY == "zts" {
            "enabled (ZTS)"
        } else {
            "disabled (NTS)"
        }
    );
    info_table_row!("architecture", version::TARGET_ARCH);
    info_table_row!("build", version::BUILD_PROFILE);
    info_table_row!("build date", version::BUILD_DATE);
    info_table_row!("rustc", version::RUSTC_VERSION);
    info_table_row!("ext-php-rs", version::EXT_PHP_RS_VERSION);
    info_table_end!();
}
