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
    let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let rustc_version = Command::new(rustc)
        .arg("--version")
        .output()
        .ok()
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=SOFINCO_RUSTC_VERSION={rustc_version}");
    println!("cargo:rerun-if-changed=../../Cargo.lock");
    println!(
        "cargo:rustc-env=SOFINCO_PHPER_VERSION={}",
        locked_version("phper").unwrap_or_else(|| "unknown".into())
    );
    // YYYY-MM-DD in UTC, honouring SOURCE_DATE_EPOCH for reproducible builds.
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let date = env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .and_then(|s| chrono::DateTime::from_timestamp(s, 0))
        .unwrap_or_else(chrono::Utc::now);
    println!(
        "cargo:rustc-env=SOFINCO_BUILD_DATE={}",
        date.format("%Y-%m-%d")
    );
    println!(
        "cargo:rustc-env=SOFINCO_TARGET_ARCH={}",
        env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default()
    );
}

/// The version Cargo.lock pins for a package.
fn locked_version(package: &str) -> Option<String> {
    let lock = std::fs::read_to_string("../../Cargo.lock").ok()?;
    let needle = format!("name = \"{package}\"\n");
    let start = lock.find(&needle)? + needle.len();
    let line = lock[start..].lines().next()?;
    Some(
        line.strip_prefix("version = ")?
            .trim_matches('"')
            .to_string(),
    )
}
