//! `Sofinco\StatusMapper`: the status table (design.md §3) for the module, on OrderState.

use phper::classes::ClassEntity;
use phper::modules::Module;
use phper::values::ZVal;

use sofinco_core::error::Error;
use sofinco_core::{money, status, withdrawal};

use crate::bind::static_method;
use crate::php_array::{assoc, list};
use crate::readonly::opt;
use crate::state;

const NAME: &str = "Sofinco\\StatusMapper";

pub fn register(module: &mut Module) {
    let mut c = ClassEntity::new(NAME);
    crate::bind::default_constructor(&mut c);
    let sig = ("stateFor", "string $sofincoCode", "?string");
    static_method(&mut c, NAME, sig, |a| {
        Ok(state::zval(status::state_for(
            &a.string(0, "sofincoCode")?,
        )?))
    });
    static_method(&mut c, NAME, ("states", "", "array"), |_| {
        let rows = status::STATES.iter().map(|s| {
            ZVal::from(assoc(vec![
                ("state", s.state.as_str().into()),
                ("final", s.is_final.into()),
                ("group", s.group.as_str().into()),
            ]))
        });
        Ok(list(rows).into())
    });
    let sig = ("group", "string $state", "string");
    static_method(&mut c, NAME, sig, |a| {
        Ok(status::group(a.state(0, "state")?)?.as_str().into())
    });
    let one = "?string $state = null";
    static_method(&mut c, NAME, ("isSynced", one, "bool"), |a| {
        Ok(status::is_synced(a.opt_state(0, "state")?).into())
    });
    static_method(&mut c, NAME, ("canRequestFunding", one, "bool"), |a| {
        Ok(status::can_request_funding(a.opt_state(0, "state")?).into())
    });
    static_method(&mut c, NAME, ("releasesStock", one, "bool"), |a| {
        Ok(status::releases_stock(a.opt_state(0, "state")?).into())
    });
    let sig = "?string $state, string $sofincoStatus, string $contractId";
    static_method(&mut c, NAME, ("canCancel", sig, "bool"), |a| {
        let (state, code, contract) = (
            a.opt_state(0, "state")?,
            a.string(1, "sofincoStatus")?,
            a.string(2, "contractId")?,
        );
        Ok(status::can_cancel(state, &code, &contract).into())
    });
    let sig = ("withdrawalEnd", "?string $signatureDate = null", "?string");
    static_method(&mut c, NAME, sig, |a| {
        Ok(opt(withdrawal::end(
            a.opt_string(0, "signatureDate")?.as_deref(),
        )))
    });
    let sig = "?string $signatureDate = null, ?string $today = null";
    static_method(&mut c, NAME, ("withdrawalRunning", sig, "bool"), |a| {
        let signature = a.opt_string(0, "signatureDate")?;
        // The shop's local date (PHP's date('Y-m-d')), else the system's.
        let today = a
            .opt_string(1, "today")?
            .as_deref()
            .and_then(withdrawal::signature_date)
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        Ok(withdrawal::running(signature.as_deref(), today).into())
    });
    let sig = ("closedReason", "string $sofincoStatus", "string");
    static_method(&mut c, NAME, sig, |a| {
        Ok(status::closed_reason(&a.string(0, "sofincoStatus")?).into())
    });
    static_method(&mut c, NAME, ("cents", "mixed $euros", "int"), |a| {
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
