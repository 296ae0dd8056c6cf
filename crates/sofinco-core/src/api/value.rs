//! A PHP value as a binding reads it off an input object: the core checks its type, so a
//! wrong type is a problem named with the others, on either engine.

use crate::status::OrderState;

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    /// A string that is not UTF-8.
    Bytes,
    /// A `Sofinco\OrderState` case (PHP 8.1+; PHP 7 gives the constant's string).
    State(OrderState),
    /// One of the API's input objects (`Sofinco\Customer`…), read in turn.
    Object(Object),
    /// Anything else, by what it is ("an array", "an object").
    Other(&'static str),
}

impl Value {
    /// How a problem names what was given.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Int(_) => "an integer",
            Value::Float(_) => "a float",
            Value::Str(_) => "a string",
            Value::Bytes => "a string that is not UTF-8",
            Value::State(_) => "a Sofinco\\OrderState",
            Value::Object(o) => o.class_kind(),
            Value::Other(kind) => kind,
        }
    }
}

/// An input object: its class (short name under `Sofinco\`) and its properties by their
/// PHP (camelCase) names.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Object {
    pub class: String,
    pub props: Vec<(String, Value)>,
}

impl Object {
    pub fn new(class: &str) -> Self {
        Object {
            class: class.to_string(),
            props: Vec::new(),
        }
    }

    /// Sets a property; chains (tests and bindings build objects this way).
    pub fn with(mut self, name: &str, value: Value) -> Self {
        self.set(name, value);
        self
    }

    pub fn set(&mut self, name: &str, value: Value) {
        match self.props.iter_mut().find(|(n, _)| n == name) {
            Some((_, v)) => *v = value,
            None => self.props.push((name.to_string(), value)),
        }
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        self.props.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    fn class_kind(&self) -> &'static str {
        match self.class.as_str() {
            "Address" => "a Sofinco\\Address",
            "Customer" => "a Sofinco\\Customer",
            "JourneyOrder" => "a Sofinco\\JourneyOrder",
            _ => "an object",
        }
    }

    /// The object's defaults, from the API description (a binding's `new` starts here).
    pub fn defaults(class: &str) -> Self {
        let mut o = Object::new(class);
        if let Some(c) = super::describe::class(class) {
            for p in c.props {
                o.set(p.name, p.default.value());
            }
        }
        o
    }
}

/// `first_name` → `firstName`: problems keep the snake_case names they always had (the
/// configuration page maps them to its fields); properties are camelCase.
pub fn camel(snake: &str) -> String {
    let mut out = String::with_capacity(snake.len());
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snake_keys_are_camel_properties() {
        assert_eq!(camel("first_name"), "firstName");
        assert_eq!(camel("log_utc_offset_s"), "logUtcOffsetS");
        assert_eq!(camel("q6"), "q6");
    }
}
