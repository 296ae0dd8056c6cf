//! `Sofinco\CronRun`: how a cron run ended, from the module's CronResult (its facts).

use ext_php_rs::boxed::ZBox;
use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendHashTable;

use super::array::PhpArray;
use super::guard::guard;
use super::inputs::CronResult;
use crate::api::rows;
use crate::sync::run::RunOutcome;

#[php_class]
#[php(name = "Sofinco\\CronRun")]
#[derive(Default)]
pub struct CronRun;

#[php_impl]
impl CronRun {
    /// A cron run's result → [outcome, exit_code, http_status]: done 0/200, locked 0/200,
    /// dossiers_failed 3/502, not_run 1/500, unknown_task 2/400.
    pub fn verdict(result: &CronResult) -> PhpResult<ZBox<ZendHashTable>> {
        guard(|| {
            let outcome = RunOutcome::of(&rows::run_facts(&result.object())?);
            Ok(PhpArray::new()
                .with("outcome", outcome.as_str())?
                .with("exit_code", i64::from(outcome.exit_code()))?
                .with("http_status", i64::from(outcome.http_status()))?
                .into_table())
        })
    }
}
