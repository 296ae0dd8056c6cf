//! Reads a binding's arguments with PHP 8's typed-parameter rules: a value of the wrong type
//! is a `TypeError` naming the method and the parameter.

use phper::classes::ClassEntry;
use phper::objects::ZObj;
use phper::values::ZVal;

use crate::thrown::{Res, Thrown};

/// The arguments of one call, with the method's name for messages.
pub struct Args<'a> {
    pub method: &'static str,
    pub values: &'a [ZVal],
}

impl<'a> Args<'a> {
    pub fn new(method: &'static str, values: &'a [ZVal]) -> Self {
        Args { method, values }
    }

    fn get(&self, i: usize) -> Option<&'a ZVal> {
        self.values.get(i).filter(|v| v.as_null().is_none())
    }

    fn wrong(&self, i: usize, name: &str, want: &str) -> Thrown {
        let given = self
            .values
            .get(i)
            .map(|v| {
                v.get_type_info()
                    .get_base_type_name()
                    .to_string_lossy()
                    .into_owned()
            })
            .unwrap_or_else(|| "nothing".into());
        Thrown::Type(format!(
            "{}(): Argument #{} (${name}) must be of type {want}, {given} given",
            self.method,
            i + 1
        ))
    }

    pub fn string(&self, i: usize, name: &str) -> Res<String> {
        self.opt_string(i, name)?
            .ok_or_else(|| self.wrong(i, name, "string"))
    }

    pub fn opt_string(&self, i: usize, name: &str) -> Res<Option<String>> {
        match self.get(i) {
            None => Ok(None),
            Some(v) => match v.as_z_str().map(|s| s.to_str()) {
                Some(Ok(s)) => Ok(Some(s.to_string())),
                Some(Err(_)) => Err(Thrown::Type(format!(
                    "{}(): Argument #{} (${name}): the argument is not UTF-8 text",
                    self.method,
                    i + 1
                ))),
                None => Err(self.wrong(i, name, "string")),
            },
        }
    }

    /// A string argument's bytes (a body may be anything; the core says what is wrong).
    pub fn bytes(&self, i: usize, name: &str) -> Res<&'a [u8]> {
        self.get(i)
            .and_then(|v| v.as_z_str())
            .map(|s| s.to_bytes())
            .ok_or_else(|| self.wrong(i, name, "string"))
    }

    pub fn int(&self, i: usize, name: &str) -> Res<i64> {
        self.opt_int(i, name)?
            .ok_or_else(|| self.wrong(i, name, "int"))
    }

    pub fn opt_int(&self, i: usize, name: &str) -> Res<Option<i64>> {
        match self.get(i) {
            None => Ok(None),
            Some(v) => v
                .as_long()
                .map(Some)
                .ok_or_else(|| self.wrong(i, name, "int")),
        }
    }

    pub fn bool_or(&self, i: usize, name: &str, default: bool) -> Res<bool> {
        match self.get(i) {
            None => Ok(default),
            Some(v) => v.as_bool().ok_or_else(|| self.wrong(i, name, "bool")),
        }
    }

    /// An object of `class` (or a subclass); null or absent when `optional`.
    pub fn object(&self, i: usize, name: &str, class: &str) -> Res<&'a ZObj> {
        self.opt_object(i, name, class)?
            .ok_or_else(|| self.wrong(i, name, class))
    }

    pub fn opt_object(&self, i: usize, name: &str, class: &str) -> Res<Option<&'a ZObj>> {
        let Some(v) = self.get(i) else {
            return Ok(None);
        };
        let wanted = ClassEntry::from_globals(class).map_err(|_| self.wrong(i, name, class))?;
        match v.as_z_obj() {
            Some(o) if o.get_class().is_instance_of(wanted) => Ok(Some(o)),
            _ => Err(self.wrong(i, name, class)),
        }
    }

    /// The raw value at `i` (null when absent).
    pub fn value(&self, i: usize) -> Option<&'a ZVal> {
        self.get(i)
    }
}
