//! PHP arrays in a fixed key order.

use phper::arrays::{InsertKey, ZArray};
use phper::values::ZVal;

/// An array of `key => value` pairs, in order.
pub fn assoc(pairs: Vec<(&str, ZVal)>) -> ZArray {
    let mut a = ZArray::new();
    for (k, v) in pairs {
        a.insert(InsertKey::Str(k), v);
    }
    a
}

/// A list of values.
pub fn list(values: impl IntoIterator<Item = ZVal>) -> ZArray {
    let mut a = ZArray::new();
    for v in values {
        a.insert(InsertKey::NextIndex, v);
    }
    a
}

/// The same with keys made at run time.
pub fn assoc_owned(pairs: Vec<(String, ZVal)>) -> ZArray {
    let mut a = ZArray::new();
    for (k, v) in pairs {
        a.insert(InsertKey::Str(&k), v);
    }
    a
}
