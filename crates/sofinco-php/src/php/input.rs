//! Reads PHP arrays given to the bindings into core values, collecting every problem so
//! one exception names them all.

use ext_php_rs::flags::DataType;
use ext_php_rs::types::{ArrayKey, ZendHashTable, Zval};

use crate::client::ConfigValue;
use crate::error::{printable, Error, Result};

fn key_text(key: &ArrayKey<'_>) -> String {
    match key {
        ArrayKey::Long(i) => i.to_string(),
        ArrayKey::String(s) => s.clone(),
        ArrayKey::Str(s) => s.to_string(),
        ArrayKey::ZendString(s) => s
            .as_str()
            .map(str::to_string)
            .unwrap_or_else(|_| "(not UTF-8)".to_string()),
    }
}

fn type_name(value: &Zval) -> &'static str {
    match value.get_type() {
        DataType::Null | DataType::Undef => "null",
        DataType::False | DataType::True | DataType::Bool => "a boolean",
        DataType::Long => "an integer",
        DataType::Double => "a float",
        DataType::String => "a string",
        DataType::Array => "an array",
        DataType::Object(_) => "an object",
        _ => "an unsupported value",
    }
}

/// A configuration array as (key, value) pairs.
pub fn config_entries(table: &ZendHashTable) -> Vec<(String, ConfigValue)> {
    table
        .iter()
        .map(|(key, value)| (key_text(&key), config_value(value)))
        .collect()
}

fn config_value(value: &Zval) -> ConfigValue {
    if value.is_null() {
        ConfigValue::Null
    } else if let Some(b) = value.bool() {
        ConfigValue::Bool(b)
    } else if let Some(i) = value.long() {
        ConfigValue::Int(i)
    } else if let Some(f) = value.double() {
        ConfigValue::Float(f)
    } else if let Some(s) = value.str() {
        ConfigValue::Str(s.to_string())
    } else if value.zend_str().is_some() {
        ConfigValue::Other("a string that is not UTF-8")
    } else {
        ConfigValue::Other(type_name(value))
    }
}

/// Typed access to the keys of one PHP array, with problems collected under a prefix.
pub struct Fields<'a> {
    table: &'a ZendHashTable,
    prefix: String,
    pub problems: Vec<String>,
}

impl<'a> Fields<'a> {
    pub fn new(table: &'a ZendHashTable, prefix: &str) -> Self {
        Fields {
            table,
            prefix: prefix.to_string(),
            problems: Vec::new(),
        }
    }

    fn name(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }

    fn value(&self, key: &str) -> Option<&'a Zval> {
        self.table.get(key).filter(|v| !v.is_null())
    }

    pub fn string(&mut self, key: &str) -> String {
        match self.value(key) {
            None => {
                self.problems
                    .push(format!("{} is required", self.name(key)));
                String::new()
            }
            Some(v) => self.as_string(key, v),
        }
    }

    pub fn optional_string(&mut self, key: &str) -> String {
        match self.value(key) {
            None => String::new(),
            Some(v) => self.as_string(key, v),
        }
    }

    fn as_string(&mut self, key: &str, value: &Zval) -> String {
        if let Some(s) = value.str() {
            s.to_string()
        } else if let Some(i) = value.long() {
            i.to_string()
        } else {
            let kind = if value.zend_str().is_some() {
                "a string that is not UTF-8"
            } else {
                type_name(value)
            };
            self.problems
                .push(format!("{} must be a string, not {kind}", self.name(key)));
            String::new()
        }
    }

    pub fn int(&mut self, key: &str) -> i64 {
        match self.value(key).map(|v| (v.long(), v)) {
            Some((Some(i), _)) => i,
            None => {
                self.problems
                    .push(format!("{} is required", self.name(key)));
                0
            }
            Some((None, v)) => {
                self.problems.push(format!(
                    "{} must be an integer, not {}",
                    self.name(key),
                    type_name(v)
                ));
                0
            }
        }
    }

    pub fn optional_int(&mut self, key: &str) -> Option<i64> {
        self.value(key)?;
        Some(self.int(key))
    }

    pub fn optional_bool(&mut self, key: &str) -> Option<bool> {
        let value = self.value(key)?;
        match (value.bool(), value.long()) {
            (Some(b), _) => Some(b),
            (None, Some(0)) => Some(false),
            (None, Some(1)) => Some(true),
            _ => {
                let kind = type_name(value);
                self.problems
                    .push(format!("{} must be a boolean, not {kind}", self.name(key)));
                None
            }
        }
    }

    pub fn table(&mut self, key: &str) -> Option<&'a ZendHashTable> {
        match self.value(key) {
            None => {
                self.problems
                    .push(format!("{} is required", self.name(key)));
                None
            }
            Some(v) => match v.array() {
                Some(t) => Some(t),
                None => {
                    self.problems.push(format!(
                        "{} must be an array, not {}",
                        self.name(key),
                        type_name(v)
                    ));
                    None
                }
            },
        }
    }

    /// Keys this reader does not know, reported so typos do not pass silently.
    pub fn reject_unknown(&mut self, known: &[&str]) {
        for (key, _) in self.table.iter() {
            let key = key_text(&key);
            if !known.contains(&key.as_str()) {
                self.problems.push(format!(
                    "unknown key \"{}{}\"",
                    self.prefix,
                    printable(&key)
                ));
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

/// A list of numbers of installments.
pub fn int_list(values: &[i64], what: &str) -> Result<Vec<u32>> {
    values
        .iter()
        .map(|&i| {
            u32::try_from(i)
                .ok()
                .filter(|i| (1..=240).contains(i))
                .ok_or_else(|| {
                    Error::invalid_input(format!("{what} must be whole numbers from 1 to 240"))
                })
        })
        .collect()
}

/// Text from raw bytes (an HTTP body may be anything): not UTF-8 is bad input, not a
/// TypeError.
pub fn utf8<'a>(bytes: &'a [u8], what: &str) -> Result<&'a str> {
    std::str::from_utf8(bytes)
        .map_err(|_| Error::invalid_input(format!("{what} is not UTF-8 text")))
}
