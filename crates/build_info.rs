// What a build of the extension is (rustc, PHP, profile, date, architecture), for
// `Internal::buildInfo()`, phpinfo() and the User-Agent: shared by both engines' build
// scripts (`include!`d by crates/sofinco-php/build.rs and crates/sofinco-php7/build.rs), so
// that the two report the same facts the same way.

/// Prints the rustc-env lines both engines set, for the PHP that `php_config` describes;
/// returns that PHP's version (or "unknown").
fn emit_common_build_info(php_config: &str) -> String {
    println!("cargo:rerun-if-changed=../../Cargo.lock");
    println!("cargo:rerun-if-changed=../build_info.rs");
    let rustc = std::env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let rustc_version = command_output(&rustc, &["--version"]).unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=SOFINCO_RUSTC_VERSION={rustc_version}");
    let php_version = php_config_answer(php_config, "--version");
    println!("cargo:rustc-env=SOFINCO_PHP_VERSION={php_version}");
    println!(
        "cargo:rustc-env=SOFINCO_PHP_API={}",
        php_config_answer(php_config, "--phpapi")
    );
    println!(
        "cargo:rustc-env=SOFINCO_BUILD_PROFILE={}",
        std::env::var("PROFILE").unwrap_or_default()
    );
    println!("cargo:rustc-env=SOFINCO_BUILD_DATE={}", build_date());
    println!(
        "cargo:rustc-env=SOFINCO_TARGET_ARCH={}",
        std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default()
    );
    php_version
}

/// `php-config FLAG`'s answer, or "unknown".
fn php_config_answer(php_config: &str, flag: &str) -> String {
    command_output(php_config, &[flag]).unwrap_or_else(|| "unknown".into())
}

fn command_output(program: &str, args: &[&str]) -> Option<String> {
    let out = std::process::Command::new(program).args(args).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
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

/// YYYY-MM-DD in UTC, honouring SOURCE_DATE_EPOCH for reproducible builds.
fn build_date() -> String {
    use std::time::{SystemTime, UNIX_EPOCH};
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let secs = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(UNIX_EPOCH)
                .map(|d| d.as_secs() as i64)
                .unwrap_or(0)
        });
    let (y, m, d) = civil_from_days(secs.div_euclid(86_400));
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}
