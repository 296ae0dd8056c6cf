//! The input classes (`ClientConfig`, `Customer`, `Attempt`…), declared from the core's API
//! description: public properties with its defaults, `new` with no argument, a write to an
//! undeclared property refused. The core reads them (`sofinco_core::api`) as `Object`s:
//! this file only converts.

use phper::classes::{ClassEntity, Visibility};
use phper::functions::Argument;
use phper::modules::Module;
use phper::objects::ZObj;
use phper::values::ZVal;

use sofinco_core::api::describe::{Initial, Kind, CLASSES};
use sofinco_core::api::{Object, Value};
use sofinco_core::error::{printable, Error};

use crate::args::Args;
use crate::thrown::{Res, Thrown};

const PREFIX: &str = "Sofinco\\";

pub fn register(module: &mut Module) {
    for c in CLASSES.iter().filter(|c| c.kind == Kind::Input) {
        let name = c.name;
        let mut class = ClassEntity::new(format!("{PREFIX}{name}"));
        for p in c.props {
            match p.default {
                Initial::Null => class.add_property(p.name, Visibility::Public, ()),
                Initial::Str(s) => class.add_property(p.name, Visibility::Public, s),
                Initial::Int(i) => class.add_property(p.name, Visibility::Public, i),
                Initial::Bool(b) => class.add_property(p.name, Visibility::Public, b),
            }
        }
        // `new` with no argument, as the other engine declares it.
        class.add_method("__construct", Visibility::Public, |_, _| Res::Ok(()));
        // Only undeclared properties reach __set: a typo never passes silently.
        class
            .add_method("__set", Visibility::Public, move |_, args| {
                let prop = args
                    .first()
                    .and_then(|v| v.as_z_str())
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default();
                Res::<()>::Err(Thrown::Core(Error::invalid_input(format!(
                    "Sofinco\\{name} has no property \"{}\"",
                    printable(&prop)
                ))))
            })
            .arguments([Argument::new("name"), Argument::new("value")]);
        module.add_class(class);
    }
}

/// The names of the input classes (final, like the other engine's).
pub fn names() -> impl Iterator<Item = String> {
    CLASSES
        .iter()
        .filter(|c| c.kind == Kind::Input)
        .map(|c| format!("{PREFIX}{}", c.name))
}

/// The input class an object is (its short name), if it is one.
fn input_class(object: &ZObj) -> Option<&'static str> {
    let name = object.get_class().get_name().to_string_lossy().into_owned();
    let short = name.strip_prefix(PREFIX)?;
    CLASSES
        .iter()
        .find(|c| c.kind == Kind::Input && c.name == short)
        .map(|c| c.name)
}

/// A property's value as the core reads it.
fn value(v: &ZVal) -> Value {
    if v.as_null().is_some() {
        Value::Null
    } else if let Some(b) = v.as_bool() {
        Value::Bool(b)
    } else if let Some(i) = v.as_long() {
        Value::Int(i)
    } else if let Some(f) = v.as_double() {
        Value::Float(f)
    } else if let Some(s) = v.as_z_str() {
        match s.to_str() {
            Ok(s) => Value::Str(s.to_string()),
            Err(_) => Value::Bytes,
        }
    } else if v.as_z_arr().is_some() {
        Value::Other("an array")
    } else if let Some(o) = v.as_z_obj() {
        match input_class(o) {
            Some(class) => Value::Object(object(o, class)),
            None => Value::Other("an object"),
        }
    } else if let Some(r) = v.as_z_ref() {
        value(r.val())
    } else {
        Value::Other("an unsupported value")
    }
}

/// An input object's declared properties as the core's `Object`.
fn object(o: &ZObj, class: &'static str) -> Object {
    let mut out = Object::new(class);
    if let Some(c) = sofinco_core::api::describe::class(class) {
        for p in c.props {
            out.set(p.name, value(o.get_property(p.name)));
        }
    }
    out
}

impl Args<'_> {
    /// Argument `i`, an object of the input class `class` (short name).
    pub fn input(&self, i: usize, name: &str, class: &'static str) -> Res<Object> {
        let o = self.object(i, name, &format!("{PREFIX}{class}"))?;
        Ok(object(o, class))
    }

    /// The same, null or absent allowed.
    pub fn opt_input(&self, i: usize, name: &str, class: &'static str) -> Res<Option<Object>> {
        let o = self.opt_object(i, name, &format!("{PREFIX}{class}"))?;
        Ok(o.map(|o| object(o, class)))
    }

    /// The variadic arguments from `from` on, each an object of `class`.
    pub fn inputs(&self, from: usize, name: &str, class: &'static str) -> Res<Vec<Object>> {
        (from..self.values.len())
            .map(|i| self.input(i, name, class))
            .collect()
    }
}
