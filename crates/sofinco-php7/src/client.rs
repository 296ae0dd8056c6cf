//! `Sofinco\SofincoClient`: the API client for the module (design.md §2).

use std::sync::Arc;

use phper::classes::ClassEntity;
use phper::modules::Module;
use phper::objects::ZObj;
use phper::values::ZVal;

use sofinco_core::api;
use sofinco_core::client::config::{self, price_range_problem, ClientConfig, Mode};
use sofinco_core::client::types::Ack;
use sofinco_core::client::SofincoClient as Core;
use sofinco_core::error::Error;

use crate::args::Args;
use crate::bind::{method, static_method};
use crate::php_array::{assoc, list};
use crate::thrown::{Res, Thrown};
use crate::values;

pub const NAME: &str = "Sofinco\\SofincoClient";

/// The core client of a `SofincoClient` object (None until its constructor ran).
pub type ClientState = Option<Arc<Core>>;

/// The core client behind a PHP `SofincoClient` argument.
pub fn core_of(object: &ZObj) -> Res<Arc<Core>> {
    // SAFETY: Args::object checked the class; its state type is ClientState.
    let state = unsafe { object.as_state_obj::<ClientState>() }.as_state();
    state
        .clone()
        .ok_or_else(|| Thrown::Core(Error::config("this SofincoClient was not constructed")))
}

fn client(this: &ClientState) -> Res<&Core> {
    this.as_deref()
        .ok_or_else(|| Thrown::Core(Error::config("this SofincoClient was not constructed")))
}

fn ack(a: Ack) -> ZVal {
    assoc(vec![
        ("accepted", a.accepted.into()),
        ("correlation_id", a.correlation_id.into()),
    ])
    .into()
}

pub fn register(module: &mut Module) {
    let mut c = ClassEntity::<ClientState>::new_with_default_state_constructor(NAME);
    method(
        &mut c,
        NAME,
        ("__construct", "\\Sofinco\\ClientConfig $config", ""),
        |this, a| {
            let config = a.input(0, "config", "ClientConfig")?;
            let core = Core::from_entries(&api::inputs::client_config_entries(&config))?;
            *this.as_mut_state() = Some(Arc::new(core));
            Ok(().into())
        },
    );
    static_method(
        &mut c,
        NAME,
        ("checkConfig", "\\Sofinco\\ClientConfig $config", "array"),
        |a| {
            let config = a.input(0, "config", "ClientConfig")?;
            let problems = match ClientConfig::check(&api::inputs::client_config_entries(&config)) {
                Ok(_) => Vec::new(),
                Err(problems) => problems,
            };
            Ok(list(problems.into_iter().map(|p| {
                ZVal::from(assoc(vec![
                    ("key", p.key.into()),
                    ("code", p.code.into()),
                    ("message", p.message.into()),
                ]))
            }))
            .into())
        },
    );
    static_method(
        &mut c,
        NAME,
        ("apiUrlFor", "string $mode, string $apiUrl", "string"),
        |a| {
            let (mode, url) = (a.string(0, "mode")?, a.string(1, "apiUrl")?);
            let mode = Mode::parse(&mode)
                .ok_or_else(|| Error::config("mode must be \"test\" or \"production\""))?;
            Ok(config::api_url_for(mode, Some(url.as_str()))
                .map(|url| url.as_str().to_string())
                .map_err(|_| Error::config("the API URL is not a clean absolute https URL"))?
                .into())
        },
    );
    method(
        &mut c,
        NAME,
        (
            "simulate",
            "int $amountCents, array $durations = []",
            "\\Sofinco\\Simulation",
        ),
        |this, a| {
            let amount = a.int(0, "amountCents")?;
            let durations = durations(a, 1)?;
            values::simulation(&client(this.as_state())?.simulate(amount, &durations)?)
        },
    );
    method(
        &mut c,
        NAME,
        (
            "cachedSimulation",
            "int $amountCents, array $durations = []",
            "?\\Sofinco\\Simulation",
        ),
        |this, a| {
            let amount = a.int(0, "amountCents")?;
            let durations = durations(a, 1)?;
            match client(this.as_state())?.cached_simulation(amount, &durations)? {
                Some(s) => values::simulation(&s),
                None => Ok(().into()),
            }
        },
    );
    method(
        &mut c,
        NAME,
        ("availability", "int $amountCents, bool $ask = false", ""),
        |this, a| {
            let (amount, ask) = (a.int(0, "amountCents")?, a.bool_or(1, "ask", false)?);
            Ok(client(this.as_state())?
                .availability(amount, ask)
                .as_str()
                .into())
        },
    );
    static_method(
        &mut c,
        NAME,
        ("priceRangeValid", "int $minCents, int $maxCents", "bool"),
        |a| {
            let (min, max) = (a.int(0, "minCents")?, a.int(1, "maxCents")?);
            Ok(price_range_problem(min, max).is_none().into())
        },
    );
    method(
        &mut c,
        NAME,
        ("createJourney", "\\Sofinco\\JourneyOrder $order", "array"),
        |this, a| {
            let request = api::inputs::journey_request(&a.input(0, "order", "JourneyOrder")?)?;
            let journey = client(this.as_state())?.create_journey(&request)?;
            Ok(assoc(vec![
                ("journey_url", journey.journey_url.into()),
                ("order_reference", journey.order_reference.into()),
            ])
            .into())
        },
    );
    method(
        &mut c,
        NAME,
        (
            "findDossier",
            "string $orderReference",
            "?\\Sofinco\\Dossier",
        ),
        |this, a| {
            let reference = a.string(0, "orderReference")?;
            match client(this.as_state())?.find_dossier(&reference)? {
                Some(d) => values::dossier(&d),
                None => Ok(().into()),
            }
        },
    );
    method(
        &mut c,
        NAME,
        (
            "getDossier",
            "string $contractId, string $orderReference",
            "\\Sofinco\\Dossier",
        ),
        |this, a| {
            let (contract, reference) =
                (a.string(0, "contractId")?, a.string(1, "orderReference")?);
            values::dossier(&client(this.as_state())?.get_dossier(&contract, &reference)?)
        },
    );
    method(
        &mut c,
        NAME,
        (
            "requestFunding",
            "string $contractId, string $orderReference",
            "array",
        ),
        |this, a| {
            let (contract, reference) =
                (a.string(0, "contractId")?, a.string(1, "orderReference")?);
            Ok(ack(
                client(this.as_state())?.request_funding(&contract, &reference)?
            ))
        },
    );
    method(
        &mut c,
        NAME,
        (
            "cancelDossier",
            "string $contractId, string $orderReference",
            "array",
        ),
        |this, a| {
            let (contract, reference) =
                (a.string(0, "contractId")?, a.string(1, "orderReference")?);
            Ok(ack(
                client(this.as_state())?.cancel_dossier(&contract, &reference)?
            ))
        },
    );
    method(
        &mut c,
        NAME,
        ("parseNotification", "string $body", "array"),
        |_, a| {
            let body = api::utf8(a.bytes(0, "body")?, "notification body")?;
            let hint = Core::parse_notification(body)?;
            Ok(assoc(vec![
                ("order_reference", hint.order_reference.into()),
                ("amount_cents", hint.amount_cents.into()),
                ("status", hint.status.into()),
            ])
            .into())
        },
    );
    method(&mut c, NAME, ("testConnection", "", "array"), |this, _| {
        let r = client(this.as_state())?.test_connection();
        Ok(assoc(vec![
            ("ok", r.ok.into()),
            ("code", r.code.as_str().into()),
            ("step", r.step.map(|s| s.as_str()).unwrap_or("").into()),
            ("host", r.host.into()),
            ("mode", r.mode.into()),
            ("offers", (r.offers as i64).into()),
            ("http_status", i64::from(r.http_status).into()),
            ("api_code", r.api_code.into()),
            ("latency_ms", (r.latency_ms as i64).into()),
            ("message", r.message.into()),
        ])
        .into())
    });
    module.add_class(c);
}

/// `simulate()`'s durations (argument `i`, an array of ints; absent: every offer).
fn durations(a: &Args<'_>, i: usize) -> Res<Vec<u32>> {
    let Some(list) = a.value(i) else {
        return Ok(Vec::new());
    };
    let wrong = || {
        Thrown::Type(format!(
            "{}(): Argument #{} ($durations) must be of type array, a list of int",
            a.method,
            i + 1
        ))
    };
    let list = list.as_z_arr().ok_or_else(wrong)?;
    let numbers = list
        .iter()
        .map(|(_, v)| v.as_long().ok_or_else(wrong))
        .collect::<Res<Vec<_>>>()?;
    Ok(api::durations(&numbers, "durations")?)
}
