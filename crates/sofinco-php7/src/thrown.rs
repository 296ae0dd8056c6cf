//! What a binding throws: a core `Error` as its `Sofinco\…` exception, or a PHP `TypeError`
//! for an argument of the wrong type (what PHP 8's engine raises for typed parameters).

use std::fmt;

use phper::classes::ClassEntry;
use phper::errors::{error_class, exception_class, type_error_class, Throwable};
use phper::objects::ZObject;

use sofinco_core::error::{Error, ErrorKind};

#[derive(Debug)]
pub enum Thrown {
    Core(Error),
    Type(String),
    /// PHP's `\Error`: a use PHP forbids (e.g. `new` on a class PHP cannot construct).
    Error(String),
}

pub type Res<T> = Result<T, Thrown>;

impl From<Error> for Thrown {
    fn from(e: Error) -> Self {
        Thrown::Core(e)
    }
}

impl fmt::Display for Thrown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // A NUL byte would cut the message short in PHP.
            Thrown::Core(e) => f.write_str(&e.message().replace('\0', "\\0")),
            Thrown::Type(m) | Thrown::Error(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for Thrown {}

/// The PHP class of each core error kind (exceptions.rs registers them).
pub fn class_name(kind: ErrorKind) -> &'static str {
    match kind {
        ErrorKind::Config => "Sofinco\\ConfigException",
        ErrorKind::InvalidInput => "Sofinco\\InvalidInputException",
        ErrorKind::Auth => "Sofinco\\AuthException",
        ErrorKind::Transport => "Sofinco\\TransportException",
        ErrorKind::Api => "Sofinco\\ApiException",
        ErrorKind::NotFound => "Sofinco\\NotFoundException",
        ErrorKind::UnknownStatus => "Sofinco\\UnknownStatusException",
        ErrorKind::Internal => "Sofinco\\SofincoException",
    }
}

impl Throwable for Thrown {
    fn get_class(&self) -> &ClassEntry {
        match self {
            Thrown::Core(e) => {
                ClassEntry::from_globals(class_name(e.kind())).unwrap_or_else(|_| exception_class())
            }
            Thrown::Type(_) => type_error_class(),
            Thrown::Error(_) => error_class(),
        }
    }

    fn get_code(&self) -> Option<i64> {
        match self {
            Thrown::Core(e) => Some(i64::from(e.http_status())),
            Thrown::Type(_) | Thrown::Error(_) => Some(0),
        }
    }

    fn to_object(&mut self) -> Result<ZObject, Box<dyn Throwable>> {
        let mut object = ZObject::new(self.get_class(), []).map_err(|e| Box::new(e) as _)?;
        object.set_property("message", self.to_string());
        object.set_property("code", self.get_code().unwrap_or(0));
        if let Thrown::Core(e) = self {
            if matches!(e.kind(), ErrorKind::Api | ErrorKind::NotFound) {
                object.set_property("httpStatus", i64::from(e.http_status()));
                object.set_property("apiCode", e.api_code());
            }
        }
        Ok(object)
    }
}
