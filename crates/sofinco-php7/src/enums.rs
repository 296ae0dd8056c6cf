//! The enum-like types: on PHP 7 and 8.0 final classes of string constants whose values are
//! the 8.1+ enums' backing values (the core's `as_str()`), so `===` and `case` read the same.

use phper::classes::ClassEntity;
use phper::modules::Module;

/// (class, [(case, value)]): the cases of each enum-like, in the 8.1+ enums' order.
pub const ENUMS: [(&str, &[(&str, &str)]); 5] = [
    (
        "Sofinco\\OrderAction",
        &[
            ("CreateOrder", "create_order"),
            ("Wait", "wait"),
            ("Abandon", "abandon"),
            ("Cancelled", "cancelled"),
            ("Error", "error"),
            ("Ignore", "none"),
        ],
    ),
    (
        "Sofinco\\StatusAction",
        &[
            ("SetState", "set_state"),
            ("Unchanged", "none"),
            ("Leave", "leave"),
            ("Error", "error"),
        ],
    ),
    (
        "Sofinco\\FundingAction",
        &[
            ("Sent", "sent"),
            ("Retry", "retry"),
            ("Funded", "funded"),
            ("Closed", "closed"),
            ("Unchanged", "none"),
            ("Error", "error"),
        ],
    ),
    (
        "Sofinco\\CancelAction",
        &[
            ("Cancelled", "cancelled"),
            ("NotAllowed", "not_allowed"),
            ("NotAccepted", "not_accepted"),
            ("Error", "error"),
        ],
    ),
    (
        "Sofinco\\Availability",
        &[
            ("Offered", "offered"),
            ("BelowMinimum", "below_minimum"),
            ("AboveMaximum", "above_maximum"),
            ("OutOfRange", "out_of_range"),
            ("Unknown", "unknown"),
        ],
    ),
];

pub fn register(module: &mut Module) {
    for (name, cases) in ENUMS {
        let mut class = ClassEntity::new(name);
        for (case, value) in cases {
            class.add_constant(*case, *value);
        }
        module.add_class(class);
    }
}

/// The names of the classes to make final at module start.
pub fn names() -> impl Iterator<Item = &'static str> {
    ENUMS.iter().map(|(name, _)| *name)
}
