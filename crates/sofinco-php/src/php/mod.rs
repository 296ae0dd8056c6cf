//! The PHP bindings: the only place that knows ext-php-rs. Each binding converts its
//! arguments, calls the core inside `guard`, and converts the result back.

mod array;
mod client;
mod cron_run;
mod decisions;
mod exceptions;
mod guard;
mod info;
mod inputs;
mod internal;
mod internal_api;
mod state;
mod status_mapper;
mod sync;
mod value;
mod values;

use ext_php_rs::prelude::*;

use crate::version::{PHP_BUILD_VERSION, VERSION};

/// `Sofinco\VERSION`: the extension's version.
const SOFINCO_VERSION: &str = VERSION;
/// `Sofinco\BUILD_PHP`: the PHP version this build was compiled against (php-config).
const SOFINCO_BUILD_PHP: &str = PHP_BUILD_VERSION;

pub fn register(module: ModuleBuilder) -> ModuleBuilder {
    let module = inputs::register(exceptions::register(module));
    module
        .constant(("Sofinco\\VERSION", SOFINCO_VERSION, &[]))
        .constant(("Sofinco\\BUILD_PHP", SOFINCO_BUILD_PHP, &[]))
        .class::<status_mapper::StatusMapper>()
        .class::<client::SofincoClient>()
        .class::<sync::DossierSync>()
        .class::<cron_run::CronRun>()
        .enumeration::<decisions::OrderAction>()
        .enumeration::<decisions::StatusAction>()
        .enumeration::<decisions::FundingAction>()
        .enumeration::<decisions::CancelAction>()
        .enumeration::<client::Availability>()
        .enumeration::<state::OrderState>()
        .class::<decisions::OrderDecision>()
        .class::<decisions::StatusDecision>()
        .class::<decisions::FundingDecision>()
        .class::<decisions::CancelDecision>()
        .class::<decisions::Batch>()
        .class::<values::Offer>()
        .class::<values::Simulation>()
        .class::<values::Dossier>()
        .class::<internal::Internal>()
        .info_function(info::php_module_info)
}
