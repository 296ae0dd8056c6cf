//! `Sofinco\CronRun`: how a cron run ended, from the module's result (its facts).

use phper::classes::ClassEntity;
use phper::modules::Module;

use sofinco_core::sync::run::RunOutcome;

use crate::bind::static_method;
use crate::inputs;
use crate::php_array::assoc;

const NAME: &str = "Sofinco\\CronRun";

pub fn register(module: &mut Module) {
    let mut c = ClassEntity::new(NAME);
    static_method(&mut c, NAME, "verdict", |a| {
        let outcome = RunOutcome::of(&inputs::run_facts(a, 0)?);
        Ok(assoc(vec![
            ("outcome", outcome.as_str().into()),
            ("exit_code", i64::from(outcome.exit_code()).into()),
            ("http_status", i64::from(outcome.http_status()).into()),
        ])
        .into())
    });
    module.add_class(c);
}
