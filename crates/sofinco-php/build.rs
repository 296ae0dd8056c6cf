//! Records what this build is (rustc, ext-php-rs, PHP, profile, date) for phpinfo() and
//! the User-Agent. ext-php-rs itself finds PHP's headers through `PHP_CONFIG` (or
//! `php-config` in PATH) and the PHP's version and thread safety through `PHP` (or `php` in
//! PATH): when the two name different PHPs the build would not load, so it stops here.

use std::env;
use std::process::Command;
use std::time::{SystemTime, UNIX_EPOCH};

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=../../Cargo.lock");
    println!("cargo:rerun-if-env-changed=PHP_CONFIG");
    println!("cargo:rerun-if-env-changed=PHP");

    let rustc = env::var("RUSTC").unwrap_or_else(|_| "rustc".into());
    let rustc_version = command_output(&rustc, &["--version"]).unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=SOFINCO_RUSTC_VERSION={rustc_version}");

    println!(
        "cargo:rustc-env=SOFINCO_EXT_PHP_RS_VERSION={}",
        locked_version("ext-php-rs").unwrap_or_else(|| "unknown".into())
    );

    let php_config = env::var("PHP_CONFIG").unwrap_or_else(|_| "php-config".into());
    let php_version =
        command_output(&php_config, &["--version"]).unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=SOFINCO_PHP_VERSION={php_version}");
    let php_api = command_output(&php_config, &["--phpapi"]).unwrap_or_else(|| "unknown".into());
    println!("cargo:rustc-env=SOFINCO_PHP_API={php_api}");

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
    println!(
        "cargo:rustc-env=SOFINCO_TARGET_ARCH={}",
        env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default()
    );

    println!(
        "cargo:rustc-env=SOFINCO_BUILD_PROFILE={}",
        env::var("PROFILE").unwrap_or_default()
    );
    println!("cargo:rustc-env=SOFINCO_BUILD_DATE={}", build_date());
}

fn command_output(program: &str, args: &[&str]) -> Option<String> {
    let out = Command::new(program).args(args).output().ok()?;
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
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    let secs = env::var("SOURCE_DATE_EPOCH")
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
