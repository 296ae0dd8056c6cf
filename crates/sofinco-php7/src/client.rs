//! `Sofinco\SofincoClient`: the API client for the module (design.md §2).

use std::sync::Arc;

use phper::arrays::ZArr;
use phper::classes::ClassEntity;
use phper::modules::Module;
use phper::objects::ZObj;
use phper::values::ZVal;

use sofinco_core::client::config::{self, price_range_problem, ClientConfig, Mode};
use sofinco_core::client::types::Ack;
use sofinco_core::client::SofincoClient as Core;
use sofinco_core::error::{Error, Result};

use crate::args::Args;
use crate::bind::{method, static_method};
use crate::inputs;
use crate::php_array::{assoc, list};
use crate::thrown::{Res, Thrown};
use crate::{config as entries, values};

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

fn array<'a>(a: &Args<'a>, i: usize, name: &str) -> Res<&'a ZArr> {
    a.value(i).and_then(|v| v.as_z_arr()).ok_or_else(|| {
        Thrown::Type(format!(
            "{}(): Argument #{} (${name}) must be of type array",
            a.method,
            i + 1
        ))
    })
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
    method(&mut c, NAME, "__construct", |this, a| {
        let core = Core::from_entries(&entries::entries(array(a, 0, "config")?))?;
        *this.as_mut_state() = Some(Arc::new(core));
        Ok(().into())
    });
    static_method(&mut c, NAME, "checkConfig", |a| {
        let problems = match ClientConfig::check(&entries::entries(array(a, 0, "config")?)) {
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
    });
    static_method(&mut c, NAME, "apiUrlFor", |a| {
        let (mode, url) = (a.string(0, "mode")?, a.string(1, "apiUrl")?);
        let mode = Mode::parse(&mode)
            .ok_or_else(|| Error::config("mode must be \"test\" or \"production\""))?;
        Ok(config::api_url_for(mode, Some(url.as_str()))
            .map(|url| url.as_str().to_string())
            .map_err(|_| Error::config("the API URL is not a clean absolute https URL"))?
            .into())
    });
    method(&mut c, NAME, "simulate", |this, a| {
        let amount = a.int(0, "amountCents")?;
        let durations = inputs::durations(a, 1)?;
        values::simulation(&client(this.as_state())?.simulate(amount, &durations)?)
    });
    method(&mut c, NAME, "cachedSimulation", |this, a| {
        let amount = a.int(0, "amountCents")?;
        let durations = inputs::durations(a, 1)?;
        match client(this.as_state())?.cached_simulation(amount, &durations)? {
            Some(s) => values::simulation(&s),
            None => Ok(().into()),
        }
    });
    method(&mut c, NAME, "availability", |this, a| {
        let (amount, ask) = (a.int(0, "amountCents")?, a.bool_or(1, "ask", false)?);
        Ok(client(this.as_state())?
            .availability(amount, ask)
            .as_str()
            .into())
    });
    static_method(&mut c, NAME, "priceRangeValid", |a| {
        let (min, max) = (a.int(0, "minCents")?, a.int(1, "maxCents")?);
        Ok(price_range_problem(min, max).is_none().into())
    });
    method(&mut c, NAME, "createJourney", |this, a| {
        let request = inputs::journey(a, 0)?;
        let journey = client(this.as_state())?.create_journey(&request)?;
        Ok(assoc(vec![
            ("journey_url", journey.journey_url.into()),
            ("order_reference", journey.order_reference.into()),
        ])
        .into())
    });
    method(&mut c, NAME, "findDossier", |this, a| {
        let reference = a.string(0, "orderReference")?;
        match client(this.as_state())?.find_dossier(&reference)? {
            Some(d) => values::dossier(&d),
            None => Ok(().into()),
        }
    });
    method(&mut c, NAME, "getDossier", |this, a| {
        let (contract, reference) = (a.string(0, "contractId")?, a.string(1, "orderReference")?);
        values::dossier(&client(this.as_state())?.get_dossier(&contract, &reference)?)
    });
    method(&mut c, NAME, "requestFunding", |this, a| {
        let (contract, reference) = (a.string(0, "contractId")?, a.string(1, "orderReference")?);
        Ok(ack(
            client(this.as_state())?.request_funding(&contract, &reference)?
        ))
    });
    method(&mut c, NAME, "cancelDossier", |this, a| {
        let (contract, reference) = (a.string(0, "contractId")?, a.string(1, "orderReference")?);
        Ok(ack(
            client(this.as_state())?.cancel_dossier(&contract, &reference)?
        ))
    });
    method(&mut c, NAME, "parseNotification", |_, a| {
        let body = utf8(a.bytes(0, "body")?)?;
        let hint = Core::parse_notification(body)?;
        Ok(assoc(vec![
            ("order_reference", hint.order_reference.into()),
            ("amount_cents", hint.amount_cents.into()),
            ("status", hint.status.into()),
        ])
        .into())
    });
    method(&mut c, NAME, "testConnection", |this, _| {
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

/// Text from a body's raw bytes: not UTF-8 is bad input, not a TypeError.
pub fn utf8(bytes: &[u8]) -> Result<&str> {
    std::str::from_utf8(bytes)
        .map_err(|_| Error::invalid_input("notification body is not UTF-8 text"))
}
