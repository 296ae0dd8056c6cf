//! Command-line options. Hand-parsed: a dozen flags do not need a parser crate.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use crate::faults::FaultSettings;

pub const USAGE: &str = "\
sofinco-sandbox: Sofinco's partner API (recette) on loopback, for tests and demos

  --listen ADDR              address to listen on (default 127.0.0.1:0: a free port)
  --allow-non-loopback       allow a --listen address beyond loopback
  --client-id ID             OAuth2 client id (default sandbox-client)
  --client-secret SECRET     OAuth2 client secret (default sandbox-secret)
  --token-ttl SECONDS        real token validity on the sandbox clock (default 1200)
  --token-expires-in N       expires_in announced in the token answer (default: the ttl)
  --rates FILE               rate grid (barème), TOML or JSON (default: built in)
  --admin                    enable the /_sandbox/ control routes
  --seed N                   seed of the fault randomness (default 0)
  --latency-ms MS            added latency per API request
  --jitter-ms MS             random extra latency, 0..MS
  --fail-rate R              share of API requests answered 5xx (0..1)
  --timeout-rate R           share of API requests that hang 30 s, then 504
  --malformed-rate R         share of 200 answers with a truncated body
  --business-provider-id ID  accepted businessProviderId (repeatable; default: any valid)
  --equipment-code CODE      accepted equipmentCode (repeatable; default: any valid)
  --auto-advance SECONDS     move signed dossiers ETU -> CLI -> AFI every SECONDS
  --help                     this text
";

/// Ten years: longer periods would overflow date arithmetic for no test's benefit.
pub const MAX_SECONDS: i64 = 10 * 366 * 24 * 3600;

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

/// What the command line asks for: run, or print the usage.
pub enum Command {
    Run(Box<Options>),
    Help,
}

pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Command, String> {
    let mut listen = "127.0.0.1:0".to_string();
    let mut allow_non_loopback = false;
    let mut o = Options {
        listen: SocketAddr::new(IpAddr::V4(Ipv4Addr::LOCALHOST), 0),
        client_id: "sandbox-client".into(),
        client_secret: "sandbox-secret".into(),
        token_ttl: 1200,
        token_expires_in: 0,
        rates: None,
        admin: false,
        faults: FaultSettings::default(),
        business_provider_ids: Vec::new(),
        equipment_codes: Vec::new(),
        auto_advance: None,
    };
    let mut expires_in: Option<i64> = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |name: &str| -> Result<String, String> {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{name} needs a value"))
        };
        match flag.as_str() {
            "--help" | "-h" => return Ok(Command::Help),
            "--admin" => o.admin = true,
            "--allow-non-loopback" => allow_non_loopback = true,
            "--listen" => listen = value(&flag)?,
            "--client-id" => o.client_id = value(&flag)?,
            "--client-secret" => o.client_secret = value(&flag)?,
            "--token-ttl" => o.token_ttl = number(&flag, &value(&flag)?)?,
            "--token-expires-in" => expires_in = Some(number(&flag, &value(&flag)?)?),
            "--rates" => o.rates = Some(PathBuf::from(value(&flag)?)),
            "--seed" => o.faults.seed = number(&flag, &value(&flag)?)?,
            "--latency-ms" => o.faults.latency_ms = number(&flag, &value(&flag)?)?,
            "--jitter-ms" => o.faults.jitter_ms = number(&flag, &value(&flag)?)?,
            "--fail-rate" => o.faults.fail_rate = rate(&flag, &value(&flag)?)?,
            "--timeout-rate" => o.faults.timeout_rate = rate(&flag, &value(&flag)?)?,
            "--malformed-rate" => o.faults.malformed_rate = rate(&flag, &value(&flag)?)?,
            "--business-provider-id" => o.business_provider_ids.extend(list(&value(&flag)?)),
            "--equipment-code" => o.equipment_codes.extend(list(&value(&flag)?)),
            "--auto-advance" => {
                let seconds: i64 = number(&flag, &value(&flag)?)?;
                if !(1..=MAX_SECONDS).contains(&seconds) {
                    return Err("--auto-advance needs between 1 s and ten years".into());
                }
                o.auto_advance = Some(seconds);
            }
            other => return Err(format!("unknown option {other}")),
        }
    }
    o.listen = parse_listen(&listen)?;
    if !o.listen.ip().is_loopback() && !allow_non_loopback {
        return Err(format!(
            "refusing to listen on {} (not loopback) without --allow-non-loopback",
            o.listen
        ));
    }
    if !(1..=MAX_SECONDS).contains(&o.token_ttl) {
        return Err("--token-ttl must be between 1 s and ten years".into());
    }
    o.token_expires_in = expires_in.unwrap_or(o.token_ttl);
    Ok(Command::Run(Box::new(o)))
}

fn parse_listen(text: &str) -> Result<SocketAddr, String> {
    let text = match text.strip_prefix("localhost:") {
        Some(port) => format!("127.0.0.1:{port}"),
        None => text.to_string(),
    };
    text.parse()
        .map_err(|_| format!("--listen: \"{text}\" is not an address such as 127.0.0.1:0"))
}

fn number<T: std::str::FromStr>(flag: &str, text: &str) -> Result<T, String> {
    text.trim()
        .parse()
        .map_err(|_| format!("{flag}: \"{text}\" is not a number"))
}

fn rate(flag: &str, text: &str) -> Result<f64, String> {
    let r: f64 = number(flag, text)?;
    if (0.0..=1.0).contains(&r) {
        Ok(r)
    } else {
        Err(format!("{flag}: a share between 0 and 1, not {text}"))
    }
}

fn list(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Options, String> {
        match parse(args.iter().map(|s| s.to_string()))? {
            Command::Run(o) => Ok(*o),
            Command::Help => Err("help".into()),
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
    }
}
