//! Typed reads of one input object's properties, every problem collected under a prefix so
//! one exception names them all ("createJourney: customer.email is required; …").

use super::value::{camel, Object, Value};
use crate::error::{printable, Error, Result};
use crate::status::OrderState;

pub struct Reader<'a> {
    object: &'a Object,
    prefix: String,
    pub problems: Vec<String>,
}

impl<'a> Reader<'a> {
    pub fn new(object: &'a Object, prefix: &str) -> Self {
        Reader {
            object,
            prefix: prefix.to_string(),
            problems: Vec::new(),
        }
    }

    fn name(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    /// The property for snake_case `key`, null as absent.
    fn value(&self, key: &str) -> Option<&'a Value> {
        self.object
            .get(&camel(key))
            .filter(|v| !matches!(v, Value::Null))
    }

    fn wrong(&mut self, key: &str, what: &str, value: &Value) {
        let kind = value.kind();
        self.problems
            .push(format!("{} must be {what}, not {kind}", self.name(key)));
    }

    fn required(&mut self, key: &str) {
        self.problems
            .push(format!("{} is required", self.name(key)));
    }

    /// A required string: absent or empty is a problem.
    pub fn string(&mut self, key: &str) -> String {
        let s = self.optional_string(key);
        if s.trim().is_empty() && !self.named(key) {
            self.required(key);
        }
        s
    }

    /// Whether a problem already names `key` (a wrong type is not also "required").
    fn named(&self, key: &str) -> bool {
        let name = self.name(key);
        self.problems
            .iter()
            .any(|p| p.strip_prefix(&name).is_some_and(|r| r.starts_with(' ')))
    }

    pub fn optional_string(&mut self, key: &str) -> String {
        match self.value(key) {
            None => String::new(),
            Some(Value::Str(s)) => s.clone(),
            Some(Value::Int(i)) => i.to_string(),
            Some(v) => {
                self.wrong(key, "a string", v);
                String::new()
            }
        }
    }

    /// A string that may be null (kept apart from empty).
    pub fn nullable_string(&mut self, key: &str) -> Option<String> {
        self.value(key)?;
        Some(self.optional_string(key))
    }

    /// A required integer.
    pub fn int(&mut self, key: &str) -> i64 {
        match self.value(key) {
            None => {
                self.required(key);
                0
            }
            Some(v) => self.as_int(key, v),
        }
    }

    fn as_int(&mut self, key: &str, value: &Value) -> i64 {
        match value {
            Value::Int(i) => *i,
            v => {
                self.wrong(key, "an integer", v);
                0
            }
        }
    }

    pub fn optional_int(&mut self, key: &str) -> Option<i64> {
        let v = self.value(key)?;
        Some(self.as_int(key, v))
    }

    pub fn bool(&mut self, key: &str) -> bool {
        match self.value(key) {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(Value::Int(0)) => false,
            Some(Value::Int(1)) => true,
            Some(v) => {
                self.wrong(key, "a boolean", v);
                false
            }
        }
    }

    /// A `?OrderState` property: the enum case, or (PHP 7) the constant's string.
    pub fn state(&mut self, key: &str) -> Option<OrderState> {
        match self.value(key)? {
            Value::State(s) => Some(*s),
            Value::Str(s) => match OrderState::parse(s) {
                Some(state) => Some(state),
                None => {
                    let name = self.name(key);
                    self.problems.push(format!(
                        "{name} must be a Sofinco\\OrderState or null, not \"{}\"",
                        printable(s)
                    ));
                    None
                }
            },
            v => {
                self.wrong(key, "a Sofinco\\OrderState or null", v);
                None
            }
        }
    }

    /// A nested input object of `class`; absent is a problem when `required`.
    pub fn object(&mut self, key: &str, class: &str, required: bool) -> Option<&'a Object> {
        match self.value(key) {
            None => {
                if required {
                    self.required(key);
                }
                None
            }
            Some(Value::Object(o)) if o.class == class => Some(o),
            Some(v) => {
                let what = format!("a Sofinco\\{class}");
                self.wrong(key, &what, v);
                None
            }
        }
    }
}

/// The problems collected, as one error (or none).
pub fn finish(what: &str, problems: Vec<String>) -> Result<()> {
    if problems.is_empty() {
        Ok(())
    } else {
        Err(Error::invalid_input(format!(
            "{what}: {}",
            problems.join("; ")
        )))
    }
}
