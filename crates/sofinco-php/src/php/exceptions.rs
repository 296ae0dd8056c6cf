//! The exception classes under `Sofinco\` and the one conversion from a core `Error`.
//! Parents are registered before their children: PHP needs the parent's class entry.

use ext_php_rs::class::RegisteredClass;
use ext_php_rs::convert::IntoZval;
use ext_php_rs::exception::{throw_with_code, PhpException};
use ext_php_rs::prelude::*;
use ext_php_rs::types::ZendClassObject;
use ext_php_rs::zend::{ce, ClassEntry, ExecutorGlobals};

use crate::error::{Error, ErrorKind};

/// Root of every exception the extension throws.
#[php_class]
#[php(name = "Sofinco\\SofincoException")]
#[php(extends(ce = ce::exception, stub = "\\Exception"))]
#[derive(Default)]
pub struct SofincoException;

/// Bad or missing configuration (every problem is listed in one message).
#[php_class]
#[php(name = "Sofinco\\ConfigException")]
#[php(extends(SofincoException))]
#[derive(Default)]
pub struct ConfigException;

/// Bad input from the caller: an amount, a reference, a notification body.
#[php_class]
#[php(name = "Sofinco\\InvalidInputException")]
#[php(extends(SofincoException))]
#[derive(Default)]
pub struct InvalidInputException;

/// Sofinco refused the credentials.
#[php_class]
#[php(name = "Sofinco\\AuthException")]
#[php(extends(SofincoException))]
#[derive(Default)]
pub struct AuthException;

/// Sofinco could not be reached: connection, timeout, TLS.
#[php_class]
#[php(name = "Sofinco\\TransportException")]
#[php(extends(SofincoException))]
#[derive(Default)]
pub struct TransportException;

/// A status code or state key the table does not know.
#[php_class]
#[php(name = "Sofinco\\UnknownStatusException")]
#[php(extends(SofincoException))]
#[derive(Default)]
pub struct UnknownStatusException;

/// PHP methods of a Rust parent do not reach a Rust child, so each API exception class gets
/// its own copy of the two accessors.
macro_rules! api_exception {
    ($(#[$doc:meta])* $name:ident, $php:literal, $parent:ident) => {
        $(#[$doc])*
        #[php_class]
        #[php(name = $php)]
        #[php(extends($parent))]
        #[derive(Default)]
        pub struct $name {
            http_status: i64,
            api_code: String,
        }

        #[php_impl]
        impl $name {
            /// The HTTP status of Sofinco's answer (0 when there was none).
            #[php(name = "getHttpStatus")]
            pub fn get_http_status(&self) -> i64 {
                self.http_status
            }

            /// Sofinco's error code ("" when it gave none).
            #[php(name = "getApiCode")]
            pub fn get_api_code(&self) -> String {
                self.api_code.clone()
            }
        }
    };
}

api_exception!(
    /// Sofinco answered with an error, or with a body that cannot be read.
    ApiException,
    "Sofinco\\ApiException",
    SofincoException
);
api_exception!(
    /// Sofinco knows no such dossier.
    NotFoundException,
    "Sofinco\\NotFoundException",
    ApiException
);

pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    module
        .class::<SofincoException>()
        .class::<ConfigException>()
        .class::<InvalidInputException>()
        .class::<AuthException>()
        .class::<TransportException>()
        .class::<UnknownStatusException>()
        .class::<ApiException>()
        .class::<NotFoundException>()
}

/// The PHP exception for `err`, for the binding to return. An API error comes back as its
/// object with the HTTP status and API code filled in (`PhpException::with_object`).
pub fn raise(err: &Error) -> PhpException {
    let class = match err.kind() {
        ErrorKind::Config => ConfigException::get_metadata().ce(),
        ErrorKind::InvalidInput => InvalidInputException::get_metadata().ce(),
        ErrorKind::Auth => AuthException::get_metadata().ce(),
        ErrorKind::Transport => TransportException::get_metadata().ce(),
        ErrorKind::Api => ApiException::get_metadata().ce(),
        ErrorKind::NotFound => NotFoundException::get_metadata().ce(),
        ErrorKind::UnknownStatus => UnknownStatusException::get_metadata().ce(),
        ErrorKind::Internal => SofincoException::get_metadata().ce(),
    };
    // A NUL byte would make the message unthrowable.
    let message = err.message().replace('\0', "\\0");
    let code = i32::from(err.http_status());
    let exception = PhpException::new(message.clone(), code, class);
    let status = i64::from(err.http_status());
    let api_code = err.api_code();
    match err.kind() {
        ErrorKind::Api => with_fields(exception, class, code, &message, |e: &mut ApiException| {
            e.http_status = status;
            e.api_code = api_code.to_string();
        }),
        ErrorKind::NotFound => with_fields(
            exception,
            class,
            code,
            &message,
            |e: &mut NotFoundException| {
                e.http_status = status;
                e.api_code = api_code.to_string();
            },
        ),
        _ => exception,
    }
}

/// `exception` as an object of `T` with `fill` applied; `exception` itself (same class,
/// message and code, accessors at their defaults) when no object can be had. The engine
/// builds the object (its constructor is closed to PHP, and Exception's message and code are
/// protected), then hands it back untouched by any handler.
fn with_fields<T: RegisteredClass>(
    exception: PhpException,
    class: &ClassEntry,
    code: i32,
    message: &str,
    fill: impl FnOnce(&mut T),
) -> PhpException {
    // A pending exception wins (ext-php-rs throws nothing over it): leave it alone.
    if ExecutorGlobals::has_exception() || throw_with_code(class, code, message).is_err() {
        return exception;
    }
    let Some(mut object) = ExecutorGlobals::take_exception() else {
        return exception;
    };
    if let Some(fields) = ZendClassObject::<T>::from_zend_obj_mut(&mut object) {
        fill(fields);
    }
    match object.into_zval(false) {
        Ok(zval) => exception.with_object(zval),
        Err(_) => exception,
    }
}
