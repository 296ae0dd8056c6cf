//! The PHP-facing shapes of the extension, binding-neutral (docs/php-api.md): both PHP
//! bindings (ext-php-rs for PHP 8.1+, phper for PHP 7.1–8.0) read their input objects into
//! [`Object`]s, call the readers here (every check and problem message lives here), and
//! convert the decisions' flat accessors back. The API description the stub is generated
//! from is [`describe::CLASSES`].

pub mod decisions;
pub mod describe;
pub mod inputs;
pub mod reader;
pub mod rows;
pub mod value;

pub use reader::{finish, Reader};
pub use value::{Object, Value};

use crate::error::{Error, Result};

/// A list of numbers of installments (`SofincoClient::simulate`'s durations).
pub fn durations(values: &[i64], what: &str) -> Result<Vec<u32>> {
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

/// Cents to euros for PrestaShop's float APIs: the nearest double to the exact amount
/// (cents under 2^53 are exact as doubles, and the division is correctly rounded).
pub fn euros(cents: i64) -> f64 {
    cents as f64 / 100.0
}
