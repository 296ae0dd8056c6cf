//! `Sofinco\DossierSync`: the cron tasks' decisions for the module to apply.

use phper::classes::ClassEntity;
use phper::modules::Module;

use sofinco_core::error::Error;
use sofinco_core::sync as core;

use crate::bind::method;
use crate::client::{core_of, utf8, NAME as CLIENT};
use crate::decisions;
use crate::inputs;
use crate::thrown::{Res, Thrown};

const NAME: &str = "Sofinco\\DossierSync";

fn sync(this: &Option<core::DossierSync>) -> Res<&core::DossierSync> {
    this.as_ref()
        .ok_or_else(|| Thrown::Core(Error::config("this DossierSync was not constructed")))
}

pub fn register(module: &mut Module) {
    let mut c = ClassEntity::<Option<core::DossierSync>>::new_with_default_state_constructor(NAME);
    method(&mut c, NAME, "__construct", |this, a| {
        let client = core_of(a.object(0, "client", CLIENT)?)?;
        let options = inputs::options(a, 1)?;
        *this.as_mut_state() = Some(core::DossierSync::new(client, options));
        Ok(().into())
    });
    method(&mut c, NAME, "orders", |this, a| {
        let s = sync(this.as_state())?;
        let deadline = inputs::deadline(a, 1, s.options())?;
        let rows = inputs::attempts(a, 0)?;
        decisions::batch(s.orders_within(&rows, deadline)?, decisions::order)
    });
    method(&mut c, NAME, "statuses", |this, a| {
        let s = sync(this.as_state())?;
        let deadline = inputs::deadline(a, 1, s.options())?;
        let rows = inputs::tracked(a, 0)?;
        decisions::batch(s.statuses_within(&rows, deadline)?, decisions::status)
    });
    method(&mut c, NAME, "fundings", |this, a| {
        let s = sync(this.as_state())?;
        let deadline = inputs::deadline(a, 1, s.options())?;
        let rows = inputs::fundings(a, 0)?;
        decisions::batch(s.fundings_within(&rows, deadline)?, decisions::funding)
    });
    method(&mut c, NAME, "cancel", |this, a| {
        let row = inputs::cancel(a, 0)?;
        decisions::cancel(sync(this.as_state())?.cancel(&row)?)
    });
    method(&mut c, NAME, "notification", |this, a| {
        let body = a.bytes(0, "body")?;
        let attempt = inputs::one_attempt(a, 1)?;
        decisions::order(sync(this.as_state())?.notification(utf8(body)?, &attempt)?)
    });
    module.add_class(c);
}
