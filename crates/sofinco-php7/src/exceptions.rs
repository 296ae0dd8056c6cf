//! The exception classes under `Sofinco\`, parents before children. They keep PHP's own
//! object creation (file, line, trace): phper's would leave those unset.

use phper::classes::{ClassEntity, ClassEntry, StateClass, Visibility};
use phper::functions::ReturnType;
use phper::modules::Module;
use phper::types::ReturnTypeHint;

use crate::thrown::Res;

const PLAIN: [(&str, &str); 6] = [
    ("Sofinco\\SofincoException", "Exception"),
    ("Sofinco\\ConfigException", "Sofinco\\SofincoException"),
    (
        "Sofinco\\InvalidInputException",
        "Sofinco\\SofincoException",
    ),
    ("Sofinco\\AuthException", "Sofinco\\SofincoException"),
    ("Sofinco\\TransportException", "Sofinco\\SofincoException"),
    (
        "Sofinco\\UnknownStatusException",
        "Sofinco\\SofincoException",
    ),
];

pub const NAMES: [&str; 8] = [
    "Sofinco\\SofincoException",
    "Sofinco\\ConfigException",
    "Sofinco\\InvalidInputException",
    "Sofinco\\AuthException",
    "Sofinco\\TransportException",
    "Sofinco\\UnknownStatusException",
    "Sofinco\\ApiException",
    "Sofinco\\NotFoundException",
];

pub fn register(module: &mut Module) {
    for (name, parent) in PLAIN {
        let mut class = ClassEntity::new(name);
        class.extends(StateClass::from_name(parent));
        module.add_class(class);
    }
    // Sofinco's answer: its HTTP status and error code. NotFoundException declares the two
    // getters again, as the other engine does (its stub lists them on both).
    let mut api = ClassEntity::new("Sofinco\\ApiException");
    api.extends(StateClass::from_name("Sofinco\\SofincoException"));
    api.add_property("httpStatus", Visibility::Protected, 0i64);
    api.add_property("apiCode", Visibility::Protected, "");
    getters(&mut api);
    module.add_class(api);
    let mut not_found = ClassEntity::new("Sofinco\\NotFoundException");
    not_found.extends(StateClass::from_name("Sofinco\\ApiException"));
    getters(&mut not_found);
    module.add_class(not_found);
}

fn getters(class: &mut ClassEntity<()>) {
    class
        .add_method("getApiCode", Visibility::Public, |this, _| {
            Res::Ok(this.get_property("apiCode").clone())
        })
        .return_type(ReturnType::new(ReturnTypeHint::String));
    class
        .add_method("getHttpStatus", Visibility::Public, |this, _| {
            Res::Ok(this.get_property("httpStatus").clone())
        })
        .return_type(ReturnType::new(ReturnTypeHint::Int));
}

/// At module start, once the classes exist: PHP's exception object creation back.
pub fn restore_exception_creation() {
    let Ok(exception) = ClassEntry::from_globals("Exception") else {
        return;
    };
    // SAFETY: module start-up, single-threaded; the entries live as long as PHP.
    unsafe {
        let create = *phper::sys::phper_get_create_object(exception.as_ptr() as *mut _);
        for name in NAMES {
            if let Ok(ce) = ClassEntry::from_globals(name) {
                *phper::sys::phper_get_create_object(ce.as_ptr() as *mut _) = create;
            }
        }
    }
}
