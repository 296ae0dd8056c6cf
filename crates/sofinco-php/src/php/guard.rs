//! Every binding runs its body here: a Rust panic becomes a `Sofinco\SofincoException`
//! (ext-php-rs alone would raise PHP's `\Error`), and core errors become their classes.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

use ext_php_rs::exception::PhpResult;

use super::exceptions::raise;
use crate::error::{Error, Result};

static QUIET_PANIC_HOOK: Once = Once::new();

pub fn guard<T>(body: impl FnOnce() -> Result<T>) -> PhpResult<T> {
    // One line on stderr (the php-fpm log) instead of a backtrace: the panic is caught.
    QUIET_PANIC_HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            eprintln!("sofinco: internal error caught and reported to PHP: {info}");
        }))
    });
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(Ok(value)) => Ok(value),
        Ok(Err(err)) => Err(raise(&err)),
        Err(payload) => Err(raise(&Error::internal(format!(
            "internal error in the sofinco extension: {}",
            panic_message(payload.as_ref())
        )))),
    }
}

fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    if let Some(text) = payload.downcast_ref::<&str>() {
        (*text).to_string()
    } else if let Some(text) = payload.downcast_ref::<String>() {
        text.clone()
    } else {
        "non-string panic payload".to_string()
    }
}
