//! `Sofinco\StatusMapper`: the status table (design.md §3) for the module.

use phper::classes::ClassEntity;
use phper::modules::Module;
use phper::values::ZVal;

use sofinco_core::error::Error;
use sofinco_core::{money, status, withdrawal};

use crate::bind::static_method;
use crate::php_array::{assoc, list};
use crate::readonly::opt;

const NAME: &str = "Sofinco\\StatusMapper";

pub fn register(module: &mut Module) {
    let mut c = ClassEntity::new(NAME);
    static_method(&mut c, NAME, "stateFor", |a| {
        Ok(opt(status::state_for(&a.string(0, "sofincoCode")?)?))
    });
    static_method(&mut c, NAME, "states", |_| {
        let rows = status::STATES.iter().map(|s| {
            ZVal::from(assoc(vec![
                ("key", s.key.into()),
                ("final", s.is_final.into()),
                ("group", s.group.as_str().into()),
            ]))
        });
        Ok(list(rows).into())
    });
    static_method(&mut c, NAME, "group", |a| {
        Ok(status::group(&a.string(0, "stateKey")?)?.as_str().into())
    });
    static_method(&mut c, NAME, "isSynced", |a| {
        Ok(status::is_synced(&a.string(0, "stateKey")?).into())
    });
    static_method(&mut c, NAME, "canRequestFunding", |a| {
        Ok(status::can_request_funding(&a.string(0, "stateKey")?).into())
    });
    static_method(&mut c, NAME, "canCancel", |a| {
        let (state, code, contract) = (
            a.string(0, "stateKey")?,
            a.string(1, "sofincoStatus")?,
            a.string(2, "contractId")?,
        );
        Ok(status::can_cancel(&state, &code, &contract).into())
    });
    static_method(&mut c, NAME, "withdrawalEnd", |a| {
        Ok(opt(withdrawal::end(
            a.opt_string(0, "signatureDate")?.as_deref(),
        )))
    });
    static_method(&mut c, NAME, "withdrawalRunning", |a| {
        let signature = a.opt_string(0, "signatureDate")?;
        // The shop's local date (PHP's date('Y-m-d')), else the system's.
        let today = a
            .opt_string(1, "today")?
            .as_deref()
            .and_then(withdrawal::signature_date)
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        Ok(withdrawal::running(signature.as_deref(), today).into())
    });
    static_method(&mut c, NAME, "releasesStock", |a| {
        Ok(status::releases_stock(&a.string(0, "stateKey")?).into())
    });
    static_method(&mut c, NAME, "closedReason", |a| {
        Ok(status::closed_reason(&a.string(0, "sofincoStatus")?).into())
    });
    static_method(&mut c, NAME, "prestashopCancelledKey", |_| {
        Ok(status::PS_CANCELED.into())
    });
    static_method(&mut c, NAME, "cents", |a| {
        let v = a.value(0);
        let cents = if let Some(f) = v.and_then(|v| v.as_double()) {
            money::cents_from_float(f)?
        } else if let Some(i) = v.and_then(|v| v.as_long()) {
            money::cents_from_decimal(&i.to_string())?
        } else if let Some(s) = v.and_then(|v| v.as_z_str()) {
            money::cents_from_decimal(&s.to_string_lossy())?
        } else {
            return Err(Error::invalid_input(
                "an amount in euros must be a number or a numeric string",
            )
            .into());
        };
        Ok(cents.into())
    });
    module.add_class(c);
}
