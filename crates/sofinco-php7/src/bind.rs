//! Adds a class's methods: each body gets its arguments (named for messages) and runs in
//! `guard`, so a core error or a panic becomes the PHP exception.

use phper::classes::{ClassEntity, Visibility};
use phper::objects::StateObj;
use phper::values::ZVal;

use crate::args::Args;
use crate::guard::guard;
use crate::thrown::Res;

fn full_name(class: &str, name: &str) -> &'static str {
    // Once per method at module start: the names live as long as PHP.
    Box::leak(format!("{class}::{name}").into_boxed_str())
}

pub fn static_method<T: 'static>(
    class: &mut ClassEntity<T>,
    class_name: &str,
    name: &'static str,
    body: impl Fn(&Args<'_>) -> Res<ZVal> + 'static,
) {
    let full = full_name(class_name, name);
    class.add_static_method(name, Visibility::Public, move |args| {
        guard(|| body(&Args::new(full, args)))
    });
}

pub fn method<T: 'static>(
    class: &mut ClassEntity<T>,
    class_name: &str,
    name: &'static str,
    body: impl Fn(&mut StateObj<T>, &Args<'_>) -> Res<ZVal> + 'static,
) {
    let full = full_name(class_name, name);
    class.add_method(name, Visibility::Public, move |this, args| {
        guard(|| body(this, &Args::new(full, args)))
    });
}
