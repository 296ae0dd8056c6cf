//! phper's cfg flags (phper_major_version, …) and link arguments, and what this build is for
//! `Internal::buildInfo()`: the PHP of `PHP_CONFIG` (or `php-config` in PATH).

use std::env;
use std::process::Command;

fn main() {
    phper_build::register_all();
    println!("cargo:rerun-if-env-changed=PHP_CONFIG");
    let php_config = env::var("PHP_CONFIG").unwrap_or_else(|_| "php-config".into());
    let ask = |flag: &str| {
        Command::new(&php_config)
            .arg(flag)
            .output()
            .ok()
            .filter(|o| o.status.success())
            .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
            .unwrap_or_else(|| "unknown".into())
    };
    println!("cargo:rustc-env=SOFINCO_PHP_VERSION={}", ask("--version"));
    println!("cargo:rustc-env=SOFINCO_PHP_API={}", ask("--phpapi"));
    println!(
        "cargo:rustc-env=SOFINCO_BUILD_PROFILE={}",
        env::var("PROFILE").unwrap_or_default()
    );
    println!(
        "cargo:rustc-env=SOFINCO_TARGET_ARCH={}",
        env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default()
    );
}
