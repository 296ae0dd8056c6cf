//! `Sofinco\OrderState` below PHP 8.1: the constant's string (`OrderState::InStudy` is
//! 'in_study'), read and written as the core's `OrderState`.

use phper::values::ZVal;

use sofinco_core::status::OrderState;

use crate::args::Args;
use crate::thrown::{Res, Thrown};

pub fn zval(state: Option<OrderState>) -> ZVal {
    state.map_or_else(|| ZVal::from(()), |s| ZVal::from(s.as_str()))
}

impl Args<'_> {
    /// Argument `i`, a `?OrderState` (one of its constants' values, or null).
    pub fn opt_state(&self, i: usize, name: &str) -> Res<Option<OrderState>> {
        let Some(text) = self.opt_string(i, name)? else {
            return Ok(None);
        };
        OrderState::parse(&text).map(Some).ok_or_else(|| {
            Thrown::Type(format!(
                "{}(): Argument #{} (${name}) must be a Sofinco\\OrderState value, \"{}\" given",
                self.method,
                i + 1,
                sofinco_core::error::printable(&text)
            ))
        })
    }

    /// The same, null refused.
    pub fn state(&self, i: usize, name: &str) -> Res<OrderState> {
        self.opt_state(i, name)?.ok_or_else(|| {
            Thrown::Type(format!(
                "{}(): Argument #{} (${name}) must be of type Sofinco\\OrderState, null given",
                self.method,
                i + 1
            ))
        })
    }
}
