//! Every binding runs its body here: a Rust panic becomes a `Sofinco\SofincoException`
//! (the PHP worker lives on), and core errors become their classes (thrown.rs).

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;

use sofinco_core::error::Error;

use crate::thrown::{Res, Thrown};

static QUIET_PANIC_HOOK: Once = Once::new();

pub fn guard<T>(body: impl FnOnce() -> Res<T>) -> Res<T> {
    // One line on stderr (the php-fpm log) instead of a backtrace: the panic is caught.
    QUIET_PANIC_HOOK.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            eprintln!("sofinco: internal error caught and reported to PHP: {info}");
        }))
    });
    match catch_unwind(AssertUnwindSafe(body)) {
        Ok(result) => result,
        Err(payload) => {
            let text = if let Some(t) = payload.downcast_ref::<&str>() {
                (*t).to_string()
            } else if let Some(t) = payload.downcast_ref::<String>() {
                t.clone()
            } else {
                "non-string panic payload".to_string()
            };
            Err(Thrown::Core(Error::internal(format!(
                "internal error in the sofinco extension: {text}"
            ))))
        }
    }
}
