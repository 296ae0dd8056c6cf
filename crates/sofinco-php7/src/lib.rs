//! `sofinco` for PHP 7.1 to 8.0: the phper binding of `sofinco-core`. Glue only: each method
//! converts its arguments, calls the core inside `guard`, and converts the result back; the
//! API is the one the ext-php-rs binding (PHP 8.1+) exposes (docs/php-api.md).

mod args;
mod bind;
mod client;
mod cron_run;
mod decisions;
mod enums;
mod exceptions;
mod guard;
mod handlers;
mod inputs;
mod internal;
mod php_array;
mod readonly;
mod state;
mod status_mapper;
mod sync;
mod thrown;
mod values;
mod version;

use phper::modules::Module;
use phper::php_get_module;

#[php_get_module]
pub fn get_module() -> Module {
    let mut module = Module::new("sofinco", version::VERSION, "Sofinco");
    module.add_constant("Sofinco\\VERSION", version::VERSION);
    module.add_constant("Sofinco\\BUILD_PHP", version::PHP_BUILD_VERSION);
    exceptions::register(&mut module);
    enums::register(&mut module);
    inputs::register(&mut module);
    status_mapper::register(&mut module);
    client::register(&mut module);
    sync::register(&mut module);
    cron_run::register(&mut module);
    decisions::register(&mut module);
    values::register(&mut module);
    internal::register(&mut module);
    module.add_info("sofinco support", "enabled");
    module.add_info("version", version::VERSION);
    module.add_info("built for PHP", version::PHP_BUILD_VERSION);
    module.add_info("PHP API", version::PHP_BUILD_API);
    module.add_info("thread safety", "disabled (NTS)");
    module.add_info("architecture", version::TARGET_ARCH);
    module.add_info("build", version::BUILD_PROFILE);
    module.add_info("build date", version::BUILD_DATE);
    module.add_info("rustc", version::RUSTC_VERSION);
    module.add_info("phper", version::PHPER_VERSION);
    module.on_module_init(|| {
        exceptions::restore_exception_creation();
        // Final as on the other engine: the enum-likes and the input classes.
        let finals: Vec<String> = enums::names().chain(inputs::names()).collect();
        readonly::make_final(finals.iter().map(String::as_str));
        let made: Vec<String> = finals
            .into_iter()
            .chain(readonly::MADE.iter().map(|n| n.to_string()))
            .collect();
        handlers::share(made.iter().map(String::as_str));
    });
    module
}
