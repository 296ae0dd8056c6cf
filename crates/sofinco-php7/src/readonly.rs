//! Read-only classes PHP cannot construct (decisions, offers, dossiers): the properties are
//! declared (Reflection lists them) but protected, so a read goes through `__get` and a
//! write through `__set`, which refuses it. The extension fills them when it builds one.

use phper::classes::{ClassEntity, ClassEntry, Visibility};
use phper::functions::Argument;
use phper::objects::ZObject;
use phper::values::ZVal;

use sofinco_core::api::describe;
use sofinco_core::error::{printable, Error};

use crate::thrown::{Res, Thrown};

fn declared(class: &ClassEntry, name: &str) -> bool {
    let Ok(name) = std::ffi::CString::new(name) else {
        return false;
    };
    // SAFETY: a live class entry and a NUL-terminated name.
    unsafe {
        let table = &(*class.as_ptr()).properties_info as *const phper::sys::HashTable;
        !phper::sys::zend_hash_str_find(table, name.as_ptr(), name.as_bytes().len()).is_null()
    }
}

/// The other engine's refusal of a write, word for word: its own for a property it declares
/// (ext-php-rs's getter without a setter), the binding's for any other name.
fn read_only(class: &ClassEntry, name: &str, args: &[ZVal]) -> Thrown {
    let prop = property_name(args);
    if declared(class, &prop) {
        return Thrown::Core(Error::invalid_input(
            "No setter available for this property.",
        ));
    }
    Thrown::Core(Error::invalid_input(format!(
        "{name} is read-only: \"{}\" cannot be written",
        printable(&prop)
    )))
}

fn property_name(args: &[ZVal]) -> String {
    args.first()
        .and_then(|v| v.as_z_str())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The output class `Sofinco\{short}` with the properties the core's description lists (all
/// null until the extension fills them); `T` is its state, when methods need one.
pub fn class<T: Default + 'static>(name: &'static str) -> ClassEntity<T> {
    let mut class = ClassEntity::<T>::new_with_default_state_constructor(name);
    let short = name.trim_start_matches("Sofinco\\");
    for p in describe::class(short).map_or(&[][..], |c| c.props) {
        class.add_property(p.name, Visibility::Protected, ());
    }
    // As the ext-php-rs build: a public constructor that refuses (the stub says so).
    class.add_method("__construct", Visibility::Public, move |_, _| {
        Res::<()>::Err(Thrown::Error(format!(
            "{name}: you cannot instantiate this object from PHP"
        )))
    });
    class
        .add_method("__get", Visibility::Public, move |this, args| {
            let prop = property_name(args);
            if declared(this.get_class(), &prop) {
                Ok(this.get_property(&prop).clone())
            } else {
                Err(Thrown::Core(Error::invalid_input(format!(
                    "{name} has no property {prop}"
                ))))
            }
        })
        .arguments([Argument::new("name")]);
    class
        .add_method("__isset", Visibility::Public, |this, args| {
            let prop = property_name(args);
            Res::Ok(
                declared(this.get_class(), &prop) && this.get_property(&prop).as_null().is_none(),
            )
        })
        .arguments([Argument::new("name")]);
    class
        .add_method("__set", Visibility::Public, move |this, args| {
            Res::<()>::Err(read_only(this.get_class(), name, args))
        })
        .arguments([Argument::new("name"), Argument::new("value")]);
    class
        .add_method("__unset", Visibility::Public, move |this, args| {
            Res::<()>::Err(read_only(this.get_class(), name, args))
        })
        .arguments([Argument::new("name")]);
    class
}

/// A new object of the read-only class `name` with its properties set.
pub fn object(name: &str, props: Vec<(&str, ZVal)>) -> Res<ZObject> {
    let class = ClassEntry::from_globals(name)
        .map_err(|_| Thrown::Core(Error::internal(format!("class {name} is not registered"))))?;
    let mut object = class
        .init_object()
        .map_err(|_| Thrown::Core(Error::internal(format!("cannot create {name}"))))?;
    for (prop, value) in props {
        object.set_property(prop, value);
    }
    Ok(object)
}

/// An optional value as a property (null when absent).
pub fn opt<T: Into<ZVal>>(v: Option<T>) -> ZVal {
    v.map_or_else(|| ZVal::from(()), Into::into)
}

/// The other classes whose objects phper creates (handlers.rs shares their handlers).
pub const MADE: [&str; 13] = [
    "Sofinco\\StatusMapper",
    "Sofinco\\SofincoClient",
    "Sofinco\\DossierSync",
    "Sofinco\\CronRun",
    "Sofinco\\Internal",
    "Sofinco\\OrderDecision",
    "Sofinco\\StatusDecision",
    "Sofinco\\FundingDecision",
    "Sofinco\\CancelDecision",
    "Sofinco\\Batch",
    "Sofinco\\Offer",
    "Sofinco\\Simulation",
    "Sofinco\\Dossier",
];

/// Marks classes final (phper has no builder flag for it): at module start, once they exist.
pub fn make_final<'a>(names: impl Iterator<Item = &'a str>) {
    for name in names {
        if let Ok(ce) = ClassEntry::from_globals(name) {
            // SAFETY: module start-up, single-threaded; the entry lives as long as PHP.
            unsafe {
                (*(ce.as_ptr() as *mut phper::sys::zend_class_entry)).ce_flags |=
                    phper::sys::ZEND_ACC_FINAL;
            }
        }
    }
}
