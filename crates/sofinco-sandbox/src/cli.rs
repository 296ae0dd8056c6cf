//! Command-line options, parsed by clap. Every flag name of the hand-written parser is kept
//! (scripts and tests use them), `--flag=value` and `--flag value` both.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::Parser;

use crate::faults::FaultSettings;

/// Ten years: longer periods would overflow date arithmetic for no test's benefit.
pub const MAX_SECONDS: i64 = 10 * 366 * 24 * 3600;

/// sofinco-sandbox: Sofinco's partner API (recette) on loopback, for tests and demos
#[derive(Parser, Debug)]
#[command(name = "sofinco-sandbox", version, allow_negative_numbers = true)]
struct Args {
    /// address to listen on (default 127.0.0.1:0: a free port)
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:0", value_parser = parse_listen)]
    listen: SocketAddr,
    /// allow a --listen address beyond loopback
    #[arg(long)]
    allow_non_loopback: bool,
    /// OAuth2 client id
    #[arg(long, value_name = "ID", default_value = "sandbox-client")]
    client_id: String,
    /// OAuth2 client secret
    #[arg(long, value_name = "SECRET", default_value = "sandbox-secret")]
    client_secret: String,
    /// real token validity on the sandbox clock, in seconds
    #[arg(long, value_name = "SECONDS", default_value_t = 1200, value_parser = clap::value_parser!(i64).range(1..=MAX_SECONDS))]
    token_ttl: i64,
    /// expires_in announced in the token answer (default: the ttl)
    #[arg(long, value_name = "N")]
    token_expires_in: Option<i64>,
    /// rate grid (barème), TOML or JSON (default: built in)
    #[arg(long, value_name = "FILE")]
    rates: Option<PathBuf>,
    /// enable the /_sandbox/ control routes
    #[arg(long)]
    admin: bool,
    /// seed of the fault randomness
    #[arg(long, value_name = "N", default_value_t = 0)]
    seed: u64,
    /// added latency per API request
    #[arg(long, value_name = "MS", default_value_t = 0)]
    latency_ms: u64,
    /// random extra latency, 0..MS
    #[arg(long, value_name = "MS", default_value_t = 0)]
    jitter_ms: u64,
    /// share of API requests answered 5xx (0..1)
    #[arg(long, value_name = "R", default_value_t = 0.0, value_parser = rate)]
    fail_rate: f64,
    /// share of API requests that hang 30 s, then 504
    #[arg(long, value_name = "R", default_value_t = 0.0, value_parser = rate)]
    timeout_rate: f64,
    /// share of 200 answers with a truncated body
    #[arg(long, value_name = "R", default_value_t = 0.0, value_parser = rate)]
    malformed_rate: f64,
    /// accepted businessProviderId (repeatable, or comma-separated; default: any valid)
    #[arg(long, value_name = "ID", value_delimiter = ',')]
    business_provider_id: Vec<String>,
    /// accepted equipmentCode (repeatable, or comma-separated; default: any valid)
    #[arg(long, value_name = "CODE", value_delimiter = ',')]
    equipment_code: Vec<String>,
    /// move signed dossiers ETU -> CLI -> AFI every SECONDS
    #[arg(long, value_name = "SECONDS", value_parser = clap::value_parser!(i64).range(1..=MAX_SECONDS))]
    auto_advance: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct Options {
    pub listen: SocketAddr,
    pub client_id: String,
    pub client_secret: String,
    pub token_ttl: i64,
    pub token_expires_in: i64,
    pub rates: Option<PathBuf>,
    pub admin: bool,
    pub faults: FaultSettings,
    pub business_provider_ids: Vec<String>,
    pub equipment_codes: Vec<String>,
    pub auto_advance: Option<i64>,
}

/// What the command line asks for: run, or print a text (help, version) and stop.
pub enum Command {
    Run(Box<Options>),
    Print(String),
}

/// The options, or clap's message (usage included) for a wrong command line.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let args =
        match Args::try_parse_from(std::iter::once("sofinco-sandbox".to_string()).chain(args)) {
            Ok(args) => args,
            Err(e) if !e.use_stderr() => return Ok(Command::Print(e.render().to_string())),
            Err(e) => return Err(e.render().to_string()),
        };
    if !args.listen.ip().is_loopback() && !args.allow_non_loopback {
        return Err(format!(
            "refusing to listen on {} (not loopback) without --allow-non-loopback",
            args.listen
        ));
    }
    let clean = |list: Vec<String>| -> Vec<String> {
        list.into_iter()
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .collect()
    };
    Ok(Command::Run(Box::new(Options {
        listen: args.listen,
        client_id: args.client_id,
        client_secret: args.client_secret,
        token_ttl: args.token_ttl,
        token_expires_in: args.token_expires_in.unwrap_or(args.token_ttl),
        rates: args.rates,
        admin: args.admin,
        faults: FaultSettings {
            seed: args.seed,
            latency_ms: args.latency_ms,
            jitter_ms: args.jitter_ms,
            fail_rate: args.fail_rate,
            timeout_rate: args.timeout_rate,
            malformed_rate: args.malformed_rate,
            ..FaultSettings::default()
        },
        business_provider_ids: clean(args.business_provider_id),
        equipment_codes: clean(args.equipment_code),
        auto_advance: args.auto_advance,
    })))
}

fn parse_listen(text: &str) -> Result<SocketAddr, String> {
    let text = match text.strip_prefix("localhost:") {
        Some(port) => format!("127.0.0.1:{port}"),
        None => text.to_string(),
    };
    text.parse()
        .map_err(|_| format!("--listen: \"{text}\" is not an address such as 127.0.0.1:0"))
}

fn rate(text: &str) -> Result<f64, String> {
    let r: f64 = text
        .trim()
        .parse()
        .map_err(|_| format!("\"{text}\" is not a number"))?;
    if (0.0..=1.0).contains(&r) {
        Ok(r)
    } else {
        Err(format!("a share between 0 and 1, not {text}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Options, String> {
        match parse(args.iter().map(|s| s.to_string()))? {
            Command::Run(o) => Ok(*o),
            Command::Print(text) => Err(text),
        }
    }

    #[test]
    fn defaults_and_overrides() {
        let o = run(&[]).unwrap();
        assert_eq!(o.listen.port(), 0);
        assert_eq!(o.token_expires_in, 1200);
        let o = run(&["--token-ttl=60", "--token-expires-in", "-5", "--admin"]).unwrap();
        assert_eq!((o.token_ttl, o.token_expires_in, o.admin), (60, -5, true));
    }

    #[test]
    fn non_loopback_needs_permission() {
        assert!(run(&["--listen", "0.0.0.0:0"]).is_err());
        assert!(run(&["--listen", "0.0.0.0:0", "--allow-non-loopback"]).is_ok());
        assert!(run(&["--listen", "[::1]:0"]).is_ok());
        assert!(run(&["--fail-rate", "2"]).is_err());
        assert!(run(&["--bogus"]).is_err());
        assert!(run(&["--auto-advance", "0"]).is_err());
    }

    #[test]
    fn every_flag_of_the_old_parser_still_works() {
        let o = run(&[
            "--listen",
            "localhost:0",
            "--client-id",
            "id",
            "--client-secret=s",
            "--rates",
            "r.toml",
            "--seed",
            "3",
            "--latency-ms",
            "50",
            "--jitter-ms=5",
            "--fail-rate",
            "0.5",
            "--timeout-rate",
            "0",
            "--malformed-rate",
            "0.1",
            "--business-provider-id",
            "A,B",
            "--business-provider-id",
            "C",
            "--equipment-code",
            "ABC",
            "--auto-advance",
            "30",
        ])
        .unwrap();
        assert_eq!(o.business_provider_ids, ["A", "B", "C"]);
        assert_eq!(
            (o.faults.seed, o.faults.latency_ms, o.faults.jitter_ms),
            (3, 50, 5)
        );
        assert_eq!(o.auto_advance, Some(30));
        assert_eq!(o.client_secret, "s");
        assert!(matches!(
            parse(["--help".to_string()]),
            Ok(Command::Print(text)) if text.contains("--latency-ms")
        ));
    }
}
