//! Adds a class's methods from their PHP signature (so Reflection, the stub generator and
//! PHP's argument count checks see what the ext-php-rs build declares): each body gets its
//! arguments (named for messages) and runs in `guard`, so a core error or a panic becomes
//! the PHP exception.

use phper::classes::{ClassEntity, Visibility};
use phper::functions::{Argument, MethodEntity, ReturnType};
use phper::objects::StateObj;
use phper::types::{ArgumentTypeHint, ReturnTypeHint};
use phper::values::ZVal;

use crate::args::Args;
use crate::guard::guard;
use crate::thrown::Res;

fn full_name(class: &str, name: &str) -> &'static str {
    // Once per method at module start: the names live as long as PHP.
    Box::leak(format!("{class}::{name}").into_boxed_str())
}

fn argument_hint(ty: &str) -> ArgumentTypeHint {
    match ty {
        "int" => ArgumentTypeHint::Int,
        "string" => ArgumentTypeHint::String,
        "bool" => ArgumentTypeHint::Bool,
        "float" => ArgumentTypeHint::Float,
        "array" => ArgumentTypeHint::Array,
        class => ArgumentTypeHint::ClassEntry(class.trim_start_matches('\\').to_string()),
    }
}

fn return_hint(ty: &str) -> ReturnTypeHint {
    match ty {
        "int" => ReturnTypeHint::Int,
        "string" => ReturnTypeHint::String,
        "bool" => ReturnTypeHint::Bool,
        "float" => ReturnTypeHint::Float,
        "array" => ReturnTypeHint::Array,
        "void" => ReturnTypeHint::Void,
        class => ReturnTypeHint::ClassEntry(class.trim_start_matches('\\').to_string()),
    }
}

/// Declares `params` ("int $amountCents, ?int $deadlineMs = null", PHP's own syntax; a
/// `mixed` or untyped parameter gets no type, as PHP 7 has none) and the return type
/// (`?\Sofinco\Simulation`, "" for none) on `entity`.
fn declare(entity: &mut MethodEntity, params: &str, returns: &str) {
    for param in params.split(", ").filter(|p| !p.is_empty()) {
        let (decl, default) = match param.split_once(" = ") {
            Some((d, v)) => (d, Some(v)),
            None => (param, None),
        };
        let (ty, name) = decl.rsplit_once(' ').unwrap_or(("", decl));
        // phper has no variadic flag: `...$rows` is declared as one optional parameter
        // (PHP passes every extra argument to an internal function all the same).
        let variadic = name.starts_with("...");
        let mut arg = Argument::new(name.trim_start_matches("...").trim_start_matches('$'));
        let nullable = ty.starts_with('?');
        let ty = ty.trim_start_matches('?');
        if !ty.is_empty() && ty != "mixed" {
            arg = arg.with_type_hint(argument_hint(ty));
        }
        if nullable {
            arg = arg.allow_null();
        }
        if let Some(value) = default {
            arg = arg.with_default_value(value);
        } else if variadic {
            arg = arg.optional();
        }
        entity.argument(arg);
    }
    let ty = returns.trim_start_matches('?');
    if !ty.is_empty() && ty != "mixed" {
        let mut ret = ReturnType::new(return_hint(ty));
        if returns.starts_with('?') {
            ret = ret.allow_null();
        }
        entity.return_type(ret);
    }
}

pub fn static_method<T: 'static>(
    class: &mut ClassEntity<T>,
    class_name: &str,
    (name, params, returns): (&'static str, &str, &str),
    body: impl Fn(&Args<'_>) -> Res<ZVal> + 'static,
) {
    let full = full_name(class_name, name);
    let entity = class.add_static_method(name, Visibility::Public, move |args| {
        guard(|| body(&Args::new(full, args)))
    });
    declare(entity, params, returns);
}

pub fn method<T: 'static>(
    class: &mut ClassEntity<T>,
    class_name: &str,
    (name, params, returns): (&'static str, &str, &str),
    body: impl Fn(&mut StateObj<T>, &Args<'_>) -> Res<ZVal> + 'static,
) {
    let full = full_name(class_name, name);
    let entity = class.add_method(name, Visibility::Public, move |this, args| {
        guard(|| body(this, &Args::new(full, args)))
    });
    declare(entity, params, returns);
}

/// A public constructor that does nothing, as the other engine gives its static-only classes.
pub fn default_constructor(class: &mut ClassEntity<()>) {
    class.add_method("__construct", Visibility::Public, |_, _| Res::Ok(()));
}
