//! Builds PHP arrays in a fixed key order (a Rust HashMap would lose it).

use ext_php_rs::boxed::ZBox;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::types::ZendHashTable;

use crate::error::{Error, Result};

/// An ordered PHP array under construction.
pub struct PhpArray(ZBox<ZendHashTable>);

impl PhpArray {
    pub fn new() -> Self {
        PhpArray(ZendHashTable::new())
    }

    /// Sets `key` to `value`; chains.
    pub fn with(mut self, key: &str, value: impl IntoZval) -> Result<Self> {
        self.0
            .insert(key, value)
            .map_err(|e| Error::internal(format!("cannot build PHP array: {e}")))?;
        Ok(self)
    }

    pub fn push(&mut self, value: impl IntoZval) -> Result<()> {
        self.0
            .push(value)
            .map_err(|e| Error::internal(format!("cannot build PHP array: {e}")))
    }

    pub fn into_table(self) -> ZBox<ZendHashTable> {
        self.0
    }
}
