//! Read-only classes PHP cannot construct (decisions, offers, dossiers): the properties are
//! declared (Reflection lists them) but protected, so a read goes through `__get` and a
//! write through `__set`, which refuses it. The extension fills them when it builds one.

use phper::classes::{ClassEntity, ClassEntry, Visibility};
use phper::functions::Argument;
use phper::objects::ZObject;
use phper::values::ZVal;

use sofinco_core::error::Error;

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

fn property_name(args: &[ZVal]) -> String {
    args.first()
        .and_then(|v| v.as_z_str())
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The class `name` with `props` (all null until the extension fills them); `T` is its
/// state, when methods need one.
pub fn class<T: Default + 'static>(name: &'static str, props: &[&str]) -> ClassEntity<T> {
    let mut class = ClassEntity::<T>::new_with_default_state_constructor(name);
    for p in props {
        class.add_property(*p, Visibility::Protected, ());
    }
    class.add_method("__construct", Visibility::Private, |_, _| Res::Ok(()));
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
        .add_method("__set", Visibility::Public, move |_, args| {
            Res::<()>::Err(Thrown::Core(Error::invalid_input(format!(
                "{name}::${} is read-only",
                property_name(args)
            ))))
        })
        .arguments([Argument::new("name"), Argument::new("value")]);
    class
        .add_method("__unset", Visibility::Public, move |_, args| {
            Res::<()>::Err(Thrown::Core(Error::invalid_input(format!(
                "{name}::${} is read-only",
                property_name(args)
            ))))
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

/// The classes PHP may not extend besides the enum-likes.
pub const FINAL: [&str; 13] = [
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
