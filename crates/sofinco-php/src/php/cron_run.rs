//! `Sofinco\CronRun`: how a cron run ended, from the module's result array (its facts).

use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendHashTable;

use super::array::PhpArray;
use super::guard::guard;
use super::input::{self, Fields};
use crate::sync::run::{RunFacts, RunOutcome};

#[php_class]
#[php(name = "Sofinco\\CronRun")]
#[derive(Default)]
pub struct CronRun;

/// The facts of a cron's result array: `ok`, `locked`, `error_code` and `summary.errors`;
/// its other keys (task, at, error, seconds…) are the caller's.
fn facts(result: &ZendHashTable) -> crate::error::Result<RunFacts> {
    let mut f = Fields::new(result, "result.");
    let ok = f.optional_bool("ok");
    let locked = f.optional_bool("locked").unwrap_or(false);
    let unknown_task = f.optional_string("error_code") == "unknown_task";
    let mut errors = 0;
    if result.get("summary").is_some_and(|v| !v.is_null()) {
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
    input::finish("CronRun::verdict", std::mem::take(&mut f.problems))?;
    Ok(RunFacts {
        ran: ok == Some(true),
        locked,
        unknown_task,
        errors: errors as u64,
    })
}

#[php_impl]
impl CronRun {
    /// A cron run's result (ok, locked, error_code, summary) → [outcome, exit_code,
    /// http_status]: done 0/200, locked 0/200, dossiers_failed 3/502, not_run 1/500,
    /// unknown_task 2/400.
    pub fn verdict(result: &ZendHashTable) -> PhpResult<ZBox<ZendHashTable>> {
        guard(|| {
            let outcome = RunOutcome::of(&facts(result)?);
            Ok(PhpArray::new()
                .with("outcome", outcome.as_str())?
                .with("exit_code", i64::from(outcome.exit_code()))?
                .with("http_status", i64::from(outcome.http_status()))?
                .into_table())
        })
    }
}
