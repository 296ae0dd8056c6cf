//! Records what this build is (rustc, ext-php-rs, PHP, profile, date) for phpinfo() and
//! the User-Agent. ext-php-rs itself finds PHP's headers through `PHP_CONFIG` (or
//! `php-config` in PATH) and the PHP's version and thread safety through `PHP` (or `php` in
//! PATH): when the two name different PHPs the build would not load, so it stops here.

use std::env;

include!("../build_info.rs");

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=PHP_CONFIG");
    println!("cargo:rerun-if-env-changed=PHP");

    println!(
        "cargo:rustc-env=SOFINCO_EXT_PHP_RS_VERSION={}",
        locked_version("ext-php-rs").unwrap_or_else(|| "unknown".into())
    );

    let php_config = env::var("PHP_CONFIG").unwrap_or_else(|_| "php-config".into());
    let php_version = emit_common_build_info(&php_config);

    // The PHP binary ext-php-rs asked (`php -i`) for thread safety and debug mode.
    let php = env::var("PHP").unwrap_or_else(|_| "php".into());
    let probe = command_output(
        &php,
        &[
            "-n",
            "-r",
            "echo PHP_VERSION, ' ', PHP_ZTS ? 'zts' : 'nts', ' ', PHP_DEBUG ? 'debug' : 'release';",
        ],
    );
    if let (Some(probe), true) = (&probe, php_version != "unknown") {
        let binary_version = probe.split(' ').next().unwrap_or_default();
        if binary_version != php_version {
            panic!(
                "PHP_CONFIG ({php_config}) describes PHP {php_version} but PHP ({php}) is PHP \
                 {binary_version}: the extension would not load. Build with both set, e.g. \
                 PHP_CONFIG={php_config} PHP=$({php_config} --php-binary) cargo build --release \
                 (make build PHP_CONFIG=... sets PHP for you)"
            );
        }
    }
    let mut fields = probe
        .as_deref()
        .unwrap_or("unknown unknown unknown")
        .split(' ');
    let _ = fields.next();
    println!(
        "cargo:rustc-env=SOFINCO_PHP_THREAD_SAFETY={}",
        fields.next().unwrap_or("unknown")
    );
    println!(
        "cargo:rustc-env=SOFINCO_PHP_DEBUG={}",
        fields.next().unwrap_or("unknown")
    );
}
