//! The module's array inputs read into core values, collecting every problem for one
//! `InvalidInputException`. TEMPORARY (issue 33): these readers follow the array API the
//! ext-php-rs binding reads today, so the PHP suites run on PHP 7.4 now; they go when the
//! typed input classes and `sofinco_core::api` (branch wip-typed) take their place.

use std::time::Duration;

use phper::arrays::{IterKey, ZArr};
use phper::values::ZVal;

use sofinco_core::client::types::{Address, Customer, JourneyRequest};
use sofinco_core::error::{printable, Error, Result};
use sofinco_core::sync::decide::Policy;
use sofinco_core::sync::types::{Attempt, CancelRequest, FundingRequest, TrackedOrder};
use sofinco_core::sync::SyncOptions;

use crate::args::Args;
use crate::thrown::{Res, Thrown};

fn kind(v: &ZVal) -> &'static str {
    if v.as_null().is_some() {
        "null"
    } else if v.as_bool().is_some() {
        "a boolean"
    } else if v.as_long().is_some() {
        "an integer"
    } else if v.as_double().is_some() {
        "a float"
    } else if v.as_z_str().is_some() {
        "a string"
    } else if v.as_z_arr().is_some() {
        "an array"
    } else if v.as_z_obj().is_some() {
        "an object"
    } else {
        "an unsupported value"
    }
}

fn key_text(k: &IterKey<'_>) -> String {
    match k {
        IterKey::Index(i) => i.to_string(),
        IterKey::ZStr(s) => s.to_string_lossy().into_owned(),
    }
}

/// Typed access to one array's keys, problems named under a prefix.
pub struct Fields<'a> {
    table: &'a ZArr,
    prefix: String,
    pub problems: Vec<String>,
}

impl<'a> Fields<'a> {
    pub fn new(table: &'a ZArr, prefix: &str) -> Self {
        Fields {
            table,
            prefix: prefix.into(),
            problems: Vec::new(),
        }
    }
    fn value<'k>(&self, key: &'k str) -> Option<&'k ZVal> {
        self.table.get(key).filter(|v| v.as_null().is_none())
    }
    fn problem(&mut self, key: &str, what: &str) {
        self.problems.push(format!("{}{key} {what}", self.prefix));
    }
    pub fn string(&mut self, key: &str) -> String {
        if self.value(key).is_none() {
            self.problem(key, "is required");
        }
        self.optional_string(key)
    }
    pub fn optional_string(&mut self, key: &str) -> String {
        let Some(v) = self.value(key) else {
            return String::new();
        };
        if let Some(Ok(s)) = v.as_z_str().map(|s| s.to_str()) {
            return s.to_string();
        }
        if let Some(i) = v.as_long() {
            return i.to_string();
        }
        let k = if v.as_z_str().is_some() {
            "a string that is not UTF-8"
        } else {
            kind(v)
        };
        self.problem(key, &format!("must be a string, not {k}"));
        String::new()
    }
    pub fn int(&mut self, key: &str) -> i64 {
        match self.value(key) {
            None => {
                self.problem(key, "is required");
                0
            }
            Some(v) => v.as_long().unwrap_or_else(|| {
                self.problem(key, &format!("must be an integer, not {}", kind(v)));
                0
            }),
        }
    }
    pub fn optional_int(&mut self, key: &str) -> Option<i64> {
        self.value(key)?;
        Some(self.int(key))
    }
    pub fn optional_bool(&mut self, key: &str) -> Option<bool> {
        let v = self.value(key)?;
        match (v.as_bool(), v.as_long()) {
            (Some(b), _) => Some(b),
            (None, Some(0)) => Some(false),
            (None, Some(1)) => Some(true),
            _ => {
                self.problem(key, &format!("must be a boolean, not {}", kind(v)));
                None
            }
        }
    }
    pub fn table(&mut self, key: &'a str) -> Option<&'a ZArr> {
        match self.value(key) {
            None => {
                self.problem(key, "is required");
                None
            }
            Some(v) => v.as_z_arr().or_else(|| {
                self.problem(key, &format!("must be an array, not {}", kind(v)));
                None
            }),
        }
    }
    pub fn reject_unknown(&mut self, known: &[&str]) {
        for (k, _) in self.table.iter() {
            let k = key_text(&k);
            if !known.contains(&k.as_str()) {
                self.problems
                    .push(format!("unknown key \"{}{}\"", self.prefix, printable(&k)));
            }
        }
    }
}

pub fn finish(what: &str, problems: Vec<String>) -> Result<()> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "{what}: {}",
            problems.join("; ")
        )))
    }
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

/// `simulate()`'s durations: numbers of instalments from 1 to 240 (none: every offer).
pub fn durations(a: &Args<'_>, i: usize) -> Res<Vec<u32>> {
    let Some(list) = a.value(i) else {
        return Ok(Vec::new());
    };
    let list = list.as_z_arr().ok_or_else(|| {
        Thrown::Type(format!(
            "{}(): Argument #{} ($durations) must be of type array",
            a.method,
            i + 1
        ))
    })?;
    list.iter()
        .map(|(_, v)| {
            v.as_long()
                .and_then(|n| u32::try_from(n).ok())
                .filter(|n| (1..=240).contains(n))
                .ok_or_else(|| {
                    Thrown::Core(Error::invalid_input(
                        "durations must be whole numbers from 1 to 240",
                    ))
                })
        })
        .collect()
}

pub fn journey(a: &Args<'_>, i: usize) -> Res<JourneyRequest> {
    let order = array(a, i, "order")?;
    let mut f = Fields::new(order, "");
    f.reject_unknown(&[
        "order_reference",
        "amount_cents",
        "customer",
        "return_url",
        "notification_url",
        "duration_months",
    ]);
    let order_reference = f.string("order_reference");
    let amount_cents = f.int("amount_cents");
    let return_url = f.string("return_url");
    let notification_url = f.string("notification_url");
    let duration_months = f
        .optional_int("duration_months")
        .map(|m| u32::try_from(m).unwrap_or(0));
    let mut problems = std::mem::take(&mut f.problems);
    let customer = f.table("customer").map(|t| customer(t, &mut problems));
    problems.append(&mut f.problems);
    finish("createJourney", problems)?;
    Ok(JourneyRequest {
        order_reference,
        amount_cents,
        customer: customer
            .ok_or_else(|| Error::invalid_input("createJourney: customer is required"))?,
        return_url,
        notification_url,
        duration_months,
    })
}

fn customer(table: &ZArr, problems: &mut Vec<String>) -> Customer {
    let mut c = Fields::new(table, "customer.");
    c.reject_unknown(&[
        "civility",
        "first_name",
        "last_name",
        "email",
        "phone",
        "address",
    ]);
    let (civility, first_name, last_name) = (
        c.string("civility"),
        c.string("first_name"),
        c.string("last_name"),
    );
    let (email, phone) = (c.string("email"), c.string("phone"));
    let address = c.table("address").map(|t| {
        let mut a = Fields::new(t, "customer.address.");
        a.reject_unknown(&["line1", "line2", "postcode", "city", "country"]);
        let address = Address {
            line1: a.string("line1"),
            line2: a.optional_string("line2"),
            postcode: a.string("postcode"),
            city: a.string("city"),
            country: a.string("country"),
        };
        problems.append(&mut a.problems);
        address
    });
    problems.append(&mut c.problems);
    Customer {
        civility,
        first_name,
        last_name,
        email,
        phone,
        address: address.unwrap_or(Address {
            line1: String::new(),
            line2: String::new(),
            postcode: String::new(),
            city: String::new(),
            country: String::new(),
        }),
    }
}

pub fn options(a: &Args<'_>, i: usize) -> Res<SyncOptions> {
    if a.value(i).is_none() {
        return Ok(SyncOptions::default());
    }
    let table = array(a, i, "options")?;
    let mut f = Fields::new(table, "");
    f.reject_unknown(&["concurrency", "deadline_ms", "abandon_after_s", "grace_s"]);
    let d = SyncOptions::default();
    let mut ranged = |key: &str, default: i64, min: i64, max: i64| match f.optional_int(key) {
        None => default,
        Some(v) if (min..=max).contains(&v) => v,
        Some(_) => {
            f.problems
                .push(format!("{key} must be from {min} to {max}"));
            default
        }
    };
    let concurrency = ranged("concurrency", d.concurrency as i64, 1, 256);
    let deadline_ms = ranged("deadline_ms", 50_000, 0, 3_600_000);
    let abandon_after_s = ranged("abandon_after_s", d.policy.abandon_after_s, 0, 365 * 86_400);
    let grace_s = ranged("grace_s", d.policy.grace_s, 0, 365 * 86_400);
    finish("DossierSync options", std::mem::take(&mut f.problems))
        .map_err(|e| Error::config(e.message()))?;
    Ok(SyncOptions {
        concurrency: concurrency as usize,
        deadline: Duration::from_millis(deadline_ms as u64),
        policy: Policy {
            abandon_after_s,
            grace_s,
        },
    })
}

/// A call's own deadline, else the options' one.
pub fn deadline(a: &Args<'_>, i: usize, options: &SyncOptions) -> Res<Duration> {
    match a.opt_int(i, "deadlineMs")? {
        None => Ok(options.deadline),
        Some(ms) if (0..=3_600_000).contains(&ms) => Ok(Duration::from_millis(ms as u64)),
        Some(_) => Err(Error::invalid_input("deadline_ms must be from 0 to 3600000").into()),
    }
}

fn rows<T>(a: &Args<'_>, i: usize, what: &str, read: impl Fn(&mut Fields) -> T) -> Res<Vec<T>> {
    let list = array(a, i, what)?;
    let mut out = Vec::new();
    let mut problems = Vec::new();
    for (n, (_, v)) in list.iter().enumerate() {
        let Some(table) = v.as_z_arr() else {
            problems.push(format!("row {n} must be an array"));
            continue;
        };
        let mut f = Fields::new(table, &format!("row {n}: "));
        out.push(read(&mut f));
        problems.append(&mut f.problems);
        if problems.len() > 20 {
            break;
        }
    }
    finish(what, problems)?;
    Ok(out)
}

pub fn attempt(f: &mut Fields) -> Attempt {
    Attempt {
        id_cart: f.int("id_cart"),
        order_reference: f.string("order_reference"),
        cart_total_cents: f.int("cart_total_cents"),
        currency: f.string("currency"),
        ordered_as: f.optional_string("ordered_as"),
        created_at: f.int("created_at"),
    }
}

pub fn attempts(a: &Args<'_>, i: usize) -> Res<Vec<Attempt>> {
    rows(a, i, "orders", attempt)
}

pub fn one_attempt(a: &Args<'_>, i: usize) -> Res<Attempt> {
    let mut f = Fields::new(array(a, i, "attempt")?, "attempt.");
    let row = attempt(&mut f);
    finish("notification", std::mem::take(&mut f.problems))?;
    Ok(row)
}

pub fn tracked(a: &Args<'_>, i: usize) -> Res<Vec<TrackedOrder>> {
    rows(a, i, "statuses", |f| TrackedOrder {
        id_order: f.int("id_order"),
        contract_id: f.optional_string("contract_id"),
        order_reference: f.string("order_reference"),
        state: f.optional_string("state"),
        order_total_cents: f.int("order_total_cents"),
        currency: f.string("currency"),
        since: f.int("since"),
    })
}

pub fn fundings(a: &Args<'_>, i: usize) -> Res<Vec<FundingRequest>> {
    rows(a, i, "fundings", |f| FundingRequest {
        id_order: f.int("id_order"),
        contract_id: f.string("contract_id"),
        order_reference: f.string("order_reference"),
        order_total_cents: f.int("order_total_cents"),
        currency: f.string("currency"),
        requested_at: f.int("requested_at"),
        sent: f.optional_bool("sent").unwrap_or(false),
    })
}

pub fn cancel(a: &Args<'_>, i: usize) -> Res<CancelRequest> {
    let mut f = Fields::new(array(a, i, "request")?, "request.");
    let row = CancelRequest {
        id_order: f.int("id_order"),
        contract_id: f.optional_string("contract_id"),
        order_reference: f.string("order_reference"),
        state: f.optional_string("state"),
        sofinco_status: f.optional_string("sofinco_status"),
    };
    finish("cancel", std::mem::take(&mut f.problems))?;
    Ok(row)
}

/// `CronRun::verdict()`'s facts: ok, locked, error_code and summary.errors.
pub fn run_facts(a: &Args<'_>, i: usize) -> Res<sofinco_core::sync::run::RunFacts> {
    let result = array(a, i, "result")?;
    let mut f = Fields::new(result, "result.");
    let ok = f.optional_bool("ok");
    let locked = f.optional_bool("locked").unwrap_or(false);
    let unknown_task = f.optional_string("error_code") == "unknown_task";
    let mut errors = 0;
    if result.get("summary").is_some_and(|v| v.as_null().is_none()) {
        if let Some(summary) = f.table("summary") {
            let mut s = Fields::new(summary, "result.summary.");
            errors = s.int("errors");
            f.problems.append(&mut s.problems);
        }
    }
    if ok.is_none() {
        f.problems.push("result.ok is required".into());
    }
    if errors < 0 {
        f.problems
            .push("result.summary.errors must not be negative".into());
    }
    finish("CronRun::verdict", std::mem::take(&mut f.problems))?;
    Ok(sofinco_core::sync::run::RunFacts {
        ran: ok == Some(true),
        locked,
        unknown_task,
        errors: errors as u64,
    })
}
