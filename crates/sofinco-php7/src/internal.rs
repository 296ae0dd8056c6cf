//! `Sofinco\Internal`: diagnostics for support and for the test suite.

use phper::classes::ClassEntity;
use phper::modules::Module;
use phper::values::ZVal;

use sofinco_core::error::Error;

use crate::bind::static_method;
use crate::client::{core_of, NAME as CLIENT};
use crate::php_array::assoc;
use crate::version;

const NAME: &str = "Sofinco\\Internal";

pub fn register(module: &mut Module) {
    let mut c = ClassEntity::new(NAME);
    // "panic" panics inside a binding (the guard must turn it into a SofincoException),
    // "error" returns an internal error, anything else returns "ok".
    static_method(&mut c, NAME, "selfTest", |a| {
        match a.string(0, "what")?.as_str() {
            "panic" => panic!("self-test panic"),
            "error" => Err(Error::internal("self-test error").into()),
            _ => Ok("ok".into()),
        }
    });
    static_method(&mut c, NAME, "tokenRefreshIn", |a| {
        let client = core_of(a.object(0, "client", CLIENT)?)?;
        Ok(client
            .token_refresh_in()
            .map_or_else(|| ZVal::from(()), |d| ZVal::from(d.as_secs() as i64)))
    });
    static_method(&mut c, NAME, "buildInfo", |_| {
        Ok(assoc(vec![
            ("version", version::VERSION.into()),
            ("php", version::PHP_BUILD_VERSION.into()),
            ("php_api", version::PHP_BUILD_API.into()),
            ("thread_safety", "nts".into()),
            ("zts", false.into()),
            ("php_debug", false.into()),
            ("arch", version::TARGET_ARCH.into()),
            ("profile", version::BUILD_PROFILE.into()),
            ("engine", format!("phper {}", version::PHPER_VERSION).into()),
        ])
        .into())
    });
    module.add_class(c);
}
