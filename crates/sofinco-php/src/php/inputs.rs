//! The input classes (docs/php-api.md, "Typed inputs"): final, built with `new` and no
//! argument, public properties with the API description's defaults, and a write to a
//! property the class does not declare refused. Each is read into the core's `Object`,
//! whose reader checks it.
// The property names are the fields' in camelCase (ext-php-rs's rename rule).
#![allow(non_snake_case)]

use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;

use super::guard::guard;
use super::value::Val;
use crate::api::{self, Object};
use crate::error::{printable, Error};

/// `__set`: only a property the class does not declare gets here.
pub fn refuse_unknown(class: &str, name: &str) -> PhpResult<()> {
    guard(|| {
        Err(Error::invalid_input(format!(
            "Sofinco\\{class} has no property \"{}\"",
            printable(name)
        )))
    })
}

/// `__set` of a class the extension builds: nothing may be written.
pub fn refuse_write(class: &str, name: &str) -> PhpResult<()> {
    guard(|| {
        Err(Error::invalid_input(format!(
            "Sofinco\\{class} is read-only: \"{}\" cannot be written",
            printable(name)
        )))
    })
}

/// The default of `prop` from the core's description.
fn initial(defaults: &Object, prop: &str) -> Val {
    Val::of(defaults.get(prop).unwrap_or(&api::Value::Null))
}

macro_rules! input_class {
    ($ty:ident, $php:tt, $short:tt, [$($field:ident => $prop:tt),* $(,)?]) => {
        #[php_class]
        #[php(name = $php, flags = ext_php_rs::flags::ClassFlags::Final)]
        pub struct $ty {
            $(#[php(prop)] pub $field: Val,)*
        }

        #[php_impl]
        impl $ty {
            pub fn __construct() -> Self {
                let defaults = Object::defaults($short);
                $ty {
                    $($field: initial(&defaults, $prop),)*
                }
            }

            /// Refuses a property the class does not declare (a typo must not pass).
            #[php(name = "__set")]
            pub fn set_unknown(&self, name: String, value: &Zval) -> PhpResult<()> {
                let _ = value;
                refuse_unknown($short, &name)
            }
        }

        impl $ty {
            /// The object as the core reads it.
            pub fn object(&self) -> Object {
                let mut o = Object::new($short);
                $(o.set($prop, self.$field.value());)*
                o
            }
        }
    };
}

input_class!(ClientConfig, "Sofinco\\ClientConfig", "ClientConfig", [
    merchantId => "merchantId",
    natureBien => "natureBien",
    q6 => "q6",
    x1 => "x1",
    clientId => "clientId",
    clientSecret => "clientSecret",
    clientSecretUrl => "clientSecretUrl",
    mode => "mode",
    baseUrl => "baseUrl",
    allowOtherUrl => "allowOtherUrl",
    applicationId => "applicationId",
    timeoutMs => "timeoutMs",
    connectTimeoutMs => "connectTimeoutMs",
    maxRetries => "maxRetries",
    logDir => "logDir",
    debug => "debug",
    logUtcOffsetS => "logUtcOffsetS",
    cacheDir => "cacheDir",
    cacheTtlS => "cacheTtlS",
    failureTtlS => "failureTtlS",
    simulationsPerMinute => "simulationsPerMinute",
    tokenFile => "tokenFile",
    userAgent => "userAgent",
    caFile => "caFile",
    minPriceCents => "minPriceCents",
    maxPriceCents => "maxPriceCents",
]);

input_class!(Address, "Sofinco\\Address", "Address", [
    line1 => "line1",
    line2 => "line2",
    postcode => "postcode",
    city => "city",
    country => "country",
]);

input_class!(Customer, "Sofinco\\Customer", "Customer", [
    civility => "civility",
    firstName => "firstName",
    lastName => "lastName",
    email => "email",
    phone => "phone",
    address => "address",
]);

input_class!(JourneyOrder, "Sofinco\\JourneyOrder", "JourneyOrder", [
    orderReference => "orderReference",
    amountCents => "amountCents",
    customer => "customer",
    returnUrl => "returnUrl",
    notificationUrl => "notificationUrl",
    durationMonths => "durationMonths",
]);

input_class!(Attempt, "Sofinco\\Attempt", "Attempt", [
    idCart => "idCart",
    orderReference => "orderReference",
    currency => "currency",
    orderedAs => "orderedAs",
    cartTotalCents => "cartTotalCents",
    createdAt => "createdAt",
]);

input_class!(TrackedOrder, "Sofinco\\TrackedOrder", "TrackedOrder", [
    idOrder => "idOrder",
    contractId => "contractId",
    orderReference => "orderReference",
    currency => "currency",
    state => "state",
    orderTotalCents => "orderTotalCents",
    since => "since",
]);

input_class!(FundingRequest, "Sofinco\\FundingRequest", "FundingRequest", [
    idOrder => "idOrder",
    contractId => "contractId",
    orderReference => "orderReference",
    currency => "currency",
    orderTotalCents => "orderTotalCents",
    requestedAt => "requestedAt",
    sent => "sent",
]);

input_class!(CancelRequest, "Sofinco\\CancelRequest", "CancelRequest", [
    idOrder => "idOrder",
    contractId => "contractId",
    orderReference => "orderReference",
    state => "state",
    sofincoStatus => "sofincoStatus",
]);

input_class!(SyncOptions, "Sofinco\\SyncOptions", "SyncOptions", [
    concurrency => "concurrency",
    deadlineMs => "deadlineMs",
    abandonAfterS => "abandonAfterS",
    graceS => "graceS",
]);

input_class!(CronResult, "Sofinco\\CronResult", "CronResult", [
    ok => "ok",
    locked => "locked",
    errorCode => "errorCode",
    errors => "errors",
]);

/// Registers every input class.
pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    module
        .class::<ClientConfig>()
        .class::<Address>()
        .class::<Customer>()
        .class::<JourneyOrder>()
        .class::<Attempt>()
        .class::<TrackedOrder>()
        .class::<FundingRequest>()
        .class::<CancelRequest>()
        .class::<SyncOptions>()
        .class::<CronResult>()
}
