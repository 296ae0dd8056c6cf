//! `Sofinco\DossierSync`: the cron tasks' decisions for the module to apply.

use phper::classes::ClassEntity;
use phper::modules::Module;

use sofinco_core::api::{self, rows};
use sofinco_core::error::Error;
use sofinco_core::sync as core;

use crate::bind::method;
use crate::client::{core_of, NAME as CLIENT};
use crate::decisions;
use crate::thrown::{Res, Thrown};

const NAME: &str = "Sofinco\\DossierSync";

fn sync(this: &Option<core::DossierSync>) -> Res<&core::DossierSync> {
    this.as_ref()
        .ok_or_else(|| Thrown::Core(Error::config("this DossierSync was not constructed")))
}

pub fn register(module: &mut Module) {
    let mut c = ClassEntity::<Option<core::DossierSync>>::new_with_default_state_constructor(NAME);
    let ctor = "\\Sofinco\\SofincoClient $client, ?\\Sofinco\\SyncOptions $options = null";
    method(&mut c, NAME, ("__construct", ctor, ""), |this, a| {
        let client = core_of(a.object(0, "client", CLIENT)?)?;
        let options = a.opt_input(1, "options", "SyncOptions")?;
        let options = rows::sync_options(options.as_ref())?;
        *this.as_mut_state() = Some(core::DossierSync::new(client, options));
        Ok(().into())
    });
    let sig = "?int $deadlineMs, \\Sofinco\\Attempt ...$attempts";
    method(
        &mut c,
        NAME,
        ("orders", sig, "\\Sofinco\\Batch"),
        |this, a| {
            let s = sync(this.as_state())?;
            let deadline = rows::deadline(a.opt_int(0, "deadlineMs")?, s.options())?;
            let list = a.inputs(1, "attempts", "Attempt")?;
            let rows = rows::rows(&list, "Attempt", "orders", rows::attempt)?;
            decisions::batch(s.orders_within(&rows, deadline)?, decisions::order)
        },
    );
    let sig = "?int $deadlineMs, \\Sofinco\\TrackedOrder ...$orders";
    method(
        &mut c,
        NAME,
        ("statuses", sig, "\\Sofinco\\Batch"),
        |this, a| {
            let s = sync(this.as_state())?;
            let deadline = rows::deadline(a.opt_int(0, "deadlineMs")?, s.options())?;
            let list = a.inputs(1, "orders", "TrackedOrder")?;
            let rows = rows::rows(&list, "TrackedOrder", "statuses", rows::tracked_order)?;
            decisions::batch(s.statuses_within(&rows, deadline)?, decisions::status)
        },
    );
    let sig = "?int $deadlineMs, \\Sofinco\\FundingRequest ...$requests";
    method(
        &mut c,
        NAME,
        ("fundings", sig, "\\Sofinco\\Batch"),
        |this, a| {
            let s = sync(this.as_state())?;
            let deadline = rows::deadline(a.opt_int(0, "deadlineMs")?, s.options())?;
            let list = a.inputs(1, "requests", "FundingRequest")?;
            let rows = rows::rows(&list, "FundingRequest", "fundings", rows::funding_request)?;
            decisions::batch(s.fundings_within(&rows, deadline)?, decisions::funding)
        },
    );
    let sig = "\\Sofinco\\CancelRequest $request";
    method(
        &mut c,
        NAME,
        ("cancel", sig, "\\Sofinco\\CancelDecision"),
        |this, a| {
            let row = rows::cancel_request(&a.input(0, "request", "CancelRequest")?)?;
            decisions::cancel(sync(this.as_state())?.cancel(&row)?)
        },
    );
    let sig = "string $body, \\Sofinco\\Attempt $attempt";
    method(
        &mut c,
        NAME,
        ("notification", sig, "\\Sofinco\\OrderDecision"),
        |this, a| {
            let body = api::utf8(a.bytes(0, "body")?, "notification body")?;
            let attempt = a.input(1, "attempt", "Attempt")?;
            let row = rows::one(&attempt, "attempt.", "notification", rows::attempt)?;
            decisions::order(sync(this.as_state())?.notification(body, &row)?)
        },
    );
    module.add_class(c);
}
