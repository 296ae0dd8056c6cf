//! `Sofinco\Internal::apiDescription()`: the core's API description as a PHP array, for
//! tools/gen-stubs.php.

use ext_php_rs::boxed::ZBox;
use ext_php_rs::types::ZendHashTable;

use super::array::PhpArray;
use crate::api::describe::{Initial, Kind, CLASSES, ENUMS};
use crate::error::Result;

/// `['classes' => [name => ['kind', 'doc', 'properties' => [name => ['type', 'doc',
/// 'default' (inputs)]]]],
/// 'enums' => [name => ['doc', 'cases' => [case => value]]]]`, names under `Sofinco\`.
pub fn description() -> Result<ZBox<ZendHashTable>> {
    let mut classes = PhpArray::new();
    for c in CLASSES {
        let mut props = PhpArray::new();
        for p in c.props {
            let prop = PhpArray::new()
                .with("type", p.php_type)?
                .with("doc", p.doc)?;
            let prop = match (c.kind, p.default) {
                (Kind::Output, _) => prop,
                (Kind::Input, Initial::Null) => prop.with("default", Option::<i64>::None)?,
                (Kind::Input, Initial::Str(s)) => prop.with("default", s)?,
                (Kind::Input, Initial::Int(i)) => prop.with("default", i)?,
                (Kind::Input, Initial::Bool(b)) => prop.with("default", b)?,
            };
            props = props.with(p.name, prop.into_table())?;
        }
        let kind = match c.kind {
            Kind::Input => "input",
            Kind::Output => "output",
        };
        let class = PhpArray::new()
            .with("kind", kind)?
            .with("doc", c.doc)?
            .with("properties", props.into_table())?;
        classes = classes.with(&format!("Sofinco\\{}", c.name), class.into_table())?;
    }
    let mut enums = PhpArray::new();
    for e in ENUMS {
        let mut cases = PhpArray::new();
        for (case, value) in e.cases {
            cases = cases.with(case, *value)?;
        }
        let one = PhpArray::new()
            .with("doc", e.doc)?
            .with("cases", cases.into_table())?;
        enums = enums.with(&format!("Sofinco\\{}", e.name), one.into_table())?;
    }
    Ok(PhpArray::new()
        .with("classes", classes.into_table())?
        .with("enums", enums.into_table())?
        .into_table())
}
