//! phper's cfg flags (phper_major_version, …) and link arguments, and what this build is for
//! `Internal::buildInfo()`: the PHP of `PHP_CONFIG` (or `php-config` in PATH).

include!("../build_info.rs");

fn main() {
    phper_build::register_all();
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=PHP_CONFIG");
    let php_config = std::env::var("PHP_CONFIG").unwrap_or_else(|_| "php-config".into());
    emit_common_build_info(&php_config);
    println!(
        "cargo:rustc-env=SOFINCO_PHPER_VERSION={}",
        locked_version("phper").unwrap_or_else(|| "unknown".into())
    );
}
