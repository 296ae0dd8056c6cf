//! The enum-like types (the core's description): on PHP 7 and 8.0 final classes of string
//! constants whose values are the 8.1+ enums' backing values, so `===` and `case` read the
//! same.

use phper::classes::ClassEntity;
use phper::modules::Module;

use sofinco_core::api::describe::ENUMS;

pub fn register(module: &mut Module) {
    for e in ENUMS {
        let mut class = ClassEntity::new(format!("Sofinco\\{}", e.name));
        for (case, value) in e.cases {
            class.add_constant(*case, *value);
        }
        module.add_class(class);
    }
}

/// The names of the classes to make final at module start.
pub fn names() -> impl Iterator<Item = String> {
    ENUMS.iter().map(|e| format!("Sofinco\\{}", e.name))
}
