//! `Sofinco\CronRun`: how a cron run ended, from the module's `CronResult` (its facts).

use phper::classes::ClassEntity;
use phper::modules::Module;

use sofinco_core::api::rows;
use sofinco_core::sync::run::RunOutcome;

use crate::bind::static_method;
use crate::php_array::assoc;

const NAME: &str = "Sofinco\\CronRun";

pub fn register(module: &mut Module) {
    let mut c = ClassEntity::new(NAME);
    crate::bind::default_constructor(&mut c);
    let sig = ("verdict", "\\Sofinco\\CronResult $result", "array");
    static_method(&mut c, NAME, sig, |a| {
        let result = a.input(0, "result", "CronResult")?;
        let outcome = RunOutcome::of(&rows::run_facts(&result)?);
        Ok(assoc(vec![
            ("outcome", outcome.as_str().into()),
            ("exit_code", i64::from(outcome.exit_code()).into()),
            ("http_status", i64::from(outcome.http_status()).into()),
        ])
        .into())
    });
    module.add_class(c);
}
