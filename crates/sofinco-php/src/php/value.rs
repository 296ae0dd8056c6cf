//! PHP values as the core reads them (`sofinco_core::api::Value`): the only conversion the
//! input classes need; the core checks types and names every problem.

use ext_php_rs::convert::{FromZval, IntoZval};
use ext_php_rs::flags::DataType;
use ext_php_rs::types::Zval;

use super::inputs::{Address, Customer};
use super::state::OrderState;
use crate::api::Value;

/// What an input class's property holds: any PHP value, kept as PHP holds it (an object
/// stays the same object, so `$order->customer->email = …` writes through), checked by the
/// core when the object is used.
pub struct Val(Zval);

impl Val {
    pub fn of(value: &Value) -> Self {
        let mut zv = Zval::new();
        match value {
            Value::Bool(b) => zv.set_bool(*b),
            Value::Int(i) => zv.set_long(*i),
            Value::Str(s) => {
                // Infallible for a short default; null if it ever were not.
                let _ = zv.set_string(s, false);
            }
            _ => zv.set_null(),
        }
        Val(zv)
    }

    pub fn value(&self) -> Value {
        value(&self.0)
    }
}

impl Clone for Val {
    fn clone(&self) -> Self {
        Val(self.0.shallow_clone())
    }
}

impl FromZval<'_> for Val {
    const TYPE: DataType = DataType::Mixed;

    fn from_zval(zval: &Zval) -> Option<Self> {
        Some(Val(zval.dereference().shallow_clone()))
    }
}

impl IntoZval for Val {
    const TYPE: DataType = DataType::Mixed;
    const NULLABLE: bool = true;

    fn set_zval(self, zv: &mut Zval, persistent: bool) -> ext_php_rs::error::Result<()> {
        self.0.set_zval(zv, persistent)
    }
}

/// One PHP value for the core.
pub fn value(zv: &Zval) -> Value {
    let zv = zv.dereference();
    if zv.is_null() {
        Value::Null
    } else if let Some(b) = zv.bool() {
        Value::Bool(b)
    } else if let Some(i) = zv.long() {
        Value::Int(i)
    } else if let Some(f) = zv.double() {
        Value::Float(f)
    } else if let Some(s) = zv.str() {
        Value::Str(s.to_string())
    } else if zv.zend_str().is_some() {
        Value::Bytes
    } else if zv.is_array() {
        Value::Other("an array")
    } else if let Some(state) = OrderState::from_zval(zv) {
        Value::State(state.into())
    } else if let Some(a) = <&Address>::from_zval(zv) {
        Value::Object(a.object())
    } else if let Some(c) = <&Customer>::from_zval(zv) {
        Value::Object(c.object())
    } else if zv.is_object() {
        Value::Other("an object")
    } else {
        Value::Other("an unsupported value")
    }
}
