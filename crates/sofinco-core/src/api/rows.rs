//! DossierSync's inputs: the rows of its batches (`Attempt`, `TrackedOrder`,
//! `FundingRequest`), `CancelRequest`, `SyncOptions`, and CronRun's `CronResult`.

use std::time::Duration;

use super::reader::{finish, Reader};
use super::value::Object;
use crate::error::{Error, Result};
use crate::sync::decide::Policy;
use crate::sync::run::RunFacts;
use crate::sync::types::{Attempt, CancelRequest, FundingRequest, TrackedOrder};
use crate::sync::SyncOptions;

/// The longest deadline a call may have.
const MAX_DEADLINE_MS: i64 = 3_600_000;

pub fn attempt(f: &mut Reader) -> Attempt {
    Attempt {
        id_cart: f.int("id_cart"),
        order_reference: f.string("order_reference"),
        cart_total_cents: f.int("cart_total_cents"),
        currency: f.string("currency"),
        ordered_as: f.optional_string("ordered_as"),
        created_at: f.int("created_at"),
    }
}

pub fn tracked_order(f: &mut Reader) -> TrackedOrder {
    TrackedOrder {
        id_order: f.int("id_order"),
        contract_id: f.optional_string("contract_id"),
        order_reference: f.string("order_reference"),
        state: f.state("state"),
        order_total_cents: f.int("order_total_cents"),
        currency: f.string("currency"),
        since: f.int("since"),
    }
}

pub fn funding_request(f: &mut Reader) -> FundingRequest {
    FundingRequest {
        id_order: f.int("id_order"),
        // Empty is the core's to refuse (funding_precheck: never sent).
        contract_id: f.optional_string("contract_id"),
        order_reference: f.string("order_reference"),
        order_total_cents: f.int("order_total_cents"),
        currency: f.string("currency"),
        requested_at: f.int("requested_at"),
        sent: f.bool("sent"),
    }
}

/// Reads each row of a batch with `read`, naming the row of every problem ("row 2:
/// currency is required"); at most about 20 problems.
pub fn rows<T>(
    list: &[Object],
    class: &str,
    what: &str,
    read: impl Fn(&mut Reader) -> T,
) -> Result<Vec<T>> {
    let mut out = Vec::with_capacity(list.len());
    let mut problems = Vec::new();
    for (i, object) in list.iter().enumerate() {
        if object.class != class {
            problems.push(format!("row {i} must be a Sofinco\\{class}"));
            continue;
        }
        let prefix = format!("row {i}: ");
        let mut f = Reader::new(object, &prefix);
        out.push(read(&mut f));
        problems.append(&mut f.problems);
        if problems.len() > 20 {
            break;
        }
    }
    finish(what, problems)?;
    Ok(out)
}

/// One object read with `read`, its problems under `prefix` ("attempt.id_cart is required").
pub fn one<T>(
    object: &Object,
    prefix: &str,
    what: &str,
    read: impl Fn(&mut Reader) -> T,
) -> Result<T> {
    let mut f = Reader::new(object, prefix);
    let row = read(&mut f);
    finish(what, std::mem::take(&mut f.problems))?;
    Ok(row)
}

pub fn cancel_request(object: &Object) -> Result<CancelRequest> {
    one(object, "request.", "cancel", |f| CancelRequest {
        id_order: f.int("id_order"),
        contract_id: f.optional_string("contract_id"),
        order_reference: f.string("order_reference"),
        state: f.state("state"),
        sofinco_status: f.optional_string("sofinco_status"),
    })
}

/// `new DossierSync($client, $options)`: every null is the default (concurrency 8,
/// deadlineMs 50000, abandonAfterS 172800, graceS 604800). A ConfigException names every
/// value out of range.
pub fn sync_options(options: Option<&Object>) -> Result<SyncOptions> {
    let defaults = SyncOptions::default();
    let Some(options) = options else {
        return Ok(defaults);
    };
    let mut f = Reader::new(options, "");
    let mut problems = Vec::new();
    let mut ranged = |key: &str, default: i64, min: i64, max: i64| match f.optional_int(key) {
        None => default,
        Some(v) if (min..=max).contains(&v) => v,
        Some(_) => {
            problems.push(format!("{key} must be from {min} to {max}"));
            default
        }
    };
    let concurrency = ranged("concurrency", defaults.concurrency as i64, 1, 256);
    let deadline_ms = ranged(
        "deadline_ms",
        defaults.deadline.as_millis() as i64,
        0,
        MAX_DEADLINE_MS,
    );
    let abandon_after_s = ranged(
        "abandon_after_s",
        defaults.policy.abandon_after_s,
        0,
        365 * 86_400,
    );
    let grace_s = ranged("grace_s", defaults.policy.grace_s, 0, 365 * 86_400);
    problems.append(&mut f.problems);
    finish("DossierSync options", problems).map_err(|e| Error::config(e.message()))?;
    Ok(SyncOptions {
        concurrency: concurrency as usize,
        deadline: Duration::from_millis(deadline_ms as u64),
        policy: Policy {
            abandon_after_s,
            grace_s,
        },
    })
}

/// A batch call's own deadline (the cron's chunks get what is left of the run), else the
/// options' one.
pub fn deadline(given: Option<i64>, options: &SyncOptions) -> Result<Duration> {
    match given {
        None => Ok(options.deadline),
        Some(ms) if (0..=MAX_DEADLINE_MS).contains(&ms) => Ok(Duration::from_millis(ms as u64)),
        Some(_) => Err(Error::invalid_input(
            "deadline_ms must be from 0 to 3600000",
        )),
    }
}

/// The facts of a cron's `CronResult`: ok, locked, errorCode and errors.
pub fn run_facts(result: &Object) -> Result<RunFacts> {
    one(result, "result.", "CronRun::verdict", |f| {
        let ok = f.bool("ok");
        let locked = f.bool("locked");
        let unknown_task = f.optional_string("error_code") == "unknown_task";
        let errors = f.optional_int("errors").unwrap_or(0);
        if errors < 0 {
            f.problems.push("result.errors must not be negative".into());
        }
        RunFacts {
            ran: ok,
            locked,
            unknown_task,
            errors: errors.max(0) as u64,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::value::Value;
    use crate::status::OrderState;

    #[test]
    fn rows_name_their_index_and_every_problem() {
        let good = Object::defaults("Attempt")
            .with("idCart", Value::Int(4))
            .with("orderReference", Value::Str("SOF-4".into()))
            .with("currency", Value::Str("EUR".into()));
        let bad = Object::defaults("Attempt").with("createdAt", Value::Str("now".into()));
        let err = rows(&[good.clone(), bad], "Attempt", "orders", attempt)
            .unwrap_err()
            .to_string();
        assert!(
            err.starts_with("orders: row 1: order_reference is required"),
            "{err}"
        );
        assert!(err.contains("row 1: currency is required"), "{err}");
        assert!(
            err.contains("row 1: created_at must be an integer, not a string"),
            "{err}"
        );
        assert!(!err.contains("row 0"), "{err}");
        let wrong = rows(
            &[Object::defaults("TrackedOrder")],
            "Attempt",
            "orders",
            attempt,
        );
        assert!(wrong
            .unwrap_err()
            .to_string()
            .contains("row 0 must be a Sofinco\\Attempt"));
        assert_eq!(
            rows(&[good], "Attempt", "orders", attempt).unwrap()[0].id_cart,
            4
        );
    }

    #[test]
    fn states_are_the_enum_or_its_php7_string() {
        let row = |state: Value| {
            Object::defaults("CancelRequest")
                .with("idOrder", Value::Int(7))
                .with("orderReference", Value::Str("SOF-7".into()))
                .with("state", state)
        };
        let enum_case = cancel_request(&row(Value::State(OrderState::InStudy))).unwrap();
        let php7 = cancel_request(&row(Value::Str("in_study".into()))).unwrap();
        assert_eq!(enum_case.state, Some(OrderState::InStudy));
        assert_eq!(php7, enum_case);
        assert_eq!(cancel_request(&row(Value::Null)).unwrap().state, None);
        let key = cancel_request(&row(Value::Str("SOFINCO_OS_IN_STUDY".into())));
        assert!(key
            .unwrap_err()
            .to_string()
            .contains("request.state must be"));
    }

    #[test]
    fn options_out_of_range_are_a_config_error_naming_each() {
        let o = Object::defaults("SyncOptions")
            .with("concurrency", Value::Int(0))
            .with("graceS", Value::Int(-1));
        let err = sync_options(Some(&o)).unwrap_err();
        assert_eq!(err.kind(), crate::error::ErrorKind::Config);
        assert!(err
            .to_string()
            .contains("concurrency must be from 1 to 256"));
        assert!(err.to_string().contains("grace_s must be from 0"));
        let defaults = sync_options(Some(&Object::defaults("SyncOptions"))).unwrap();
        assert_eq!(defaults, SyncOptions::default());
    }

    #[test]
    fn cron_results_give_the_run_facts() {
        let r = Object::defaults("CronResult")
            .with("ok", Value::Bool(true))
            .with("errors", Value::Int(2));
        let facts = run_facts(&r).unwrap();
        assert!(facts.ran && !facts.locked && facts.errors == 2);
        let bad = r.with("errors", Value::Int(-1));
        assert!(run_facts(&bad).is_err());
    }
}
