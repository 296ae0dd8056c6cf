//! `Sofinco\Internal`: diagnostics for support and for the test suite.

use phper::classes::ClassEntity;
use phper::modules::Module;
use phper::values::ZVal;

use phper::arrays::ZArray;
use sofinco_core::api::describe::{Initial, Kind, CLASSES, ENUMS};
use sofinco_core::error::Error;

use crate::bind::static_method;
use crate::client::{core_of, NAME as CLIENT};
use crate::php_array::{assoc, assoc_owned};
use crate::version;

const NAME: &str = "Sofinco\\Internal";

pub fn register(module: &mut Module) {
    let mut c = ClassEntity::new(NAME);
    crate::bind::default_constructor(&mut c);
    // "panic" panics inside a binding (the guard must turn it into a SofincoException),
    // "error" returns an internal error, anything else returns "ok".
    static_method(
        &mut c,
        NAME,
        ("selfTest", "string $what", "string"),
        |a| match a.string(0, "what")?.as_str() {
            "panic" => panic!("self-test panic"),
            "error" => Err(Error::internal("self-test error").into()),
            _ => Ok("ok".into()),
        },
    );
    static_method(
        &mut c,
        NAME,
        ("tokenRefreshIn", "\\Sofinco\\SofincoClient $client", "?int"),
        |a| {
            let client = core_of(a.object(0, "client", CLIENT)?)?;
            Ok(client
                .token_refresh_in()
                .map_or_else(|| ZVal::from(()), |d| ZVal::from(d.as_secs() as i64)))
        },
    );
    static_method(&mut c, NAME, ("buildInfo", "", "array"), |_| {
        Ok(assoc(vec![
            ("version", version::VERSION.into()),
            ("php", version::PHP_BUILD_VERSION.into()),
            ("php_api", version::PHP_BUILD_API.into()),
            ("thread_safety", "nts".into()),
            ("zts", false.into()),
            ("php_debug", false.into()),
            ("arch", version::TARGET_ARCH.into()),
            ("profile", version::BUILD_PROFILE.into()),
            ("date", version::BUILD_DATE.into()),
            ("rustc", version::RUSTC_VERSION.into()),
            // The same keys from both engines: this build has no ext-php-rs.
            ("ext_php_rs", "".into()),
        ])
        .into())
    });
    // The core's API description, for tools/gen-stubs.php (the same from both engines).
    static_method(&mut c, NAME, ("apiDescription", "", "array"), |_| {
        Ok(description().into())
    });
    module.add_class(c);
}

/// `['classes' => [name => ['kind', 'doc', 'properties' => [name => ['type', 'doc']]]],
/// 'enums' => [name => ['doc', 'cases' => [case => value]]]]`, names under `Sofinco\`.
fn description() -> ZArray {
    let classes = CLASSES.iter().map(|c| {
        let props = c.props.iter().map(|p| {
            let mut prop = vec![("type", p.php_type.into()), ("doc", p.doc.into())];
            // Inputs' defaults, for the stub's `= …` (outputs have none).
            if c.kind == Kind::Input {
                let default = match p.default {
                    Initial::Null => ZVal::from(()),
                    Initial::Str(s) => s.into(),
                    Initial::Int(i) => i.into(),
                    Initial::Bool(b) => b.into(),
                };
                prop.push(("default", default));
            }
            (p.name, ZVal::from(assoc(prop)))
        });
        let kind = match c.kind {
            Kind::Input => "input",
            Kind::Output => "output",
        };
        let class = assoc(vec![
            ("kind", kind.into()),
            ("doc", c.doc.into()),
            ("properties", assoc(props.collect()).into()),
        ]);
        (format!("Sofinco\\{}", c.name), ZVal::from(class))
    });
    let enums = ENUMS.iter().map(|e| {
        let cases = e
            .cases
            .iter()
            .map(|(case, value)| (*case, ZVal::from(*value)));
        let one = assoc(vec![
            ("doc", e.doc.into()),
            ("cases", assoc(cases.collect()).into()),
        ]);
        (format!("Sofinco\\{}", e.name), ZVal::from(one))
    });
    assoc(vec![
        ("classes", assoc_owned(classes.collect()).into()),
        ("enums", assoc_owned(enums.collect()).into()),
    ])
}
