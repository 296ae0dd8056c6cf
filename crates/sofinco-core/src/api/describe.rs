//! The API description (docs/php-api.md): every class of the typed boundary, with its
//! properties' PHP types, defaults and one-line docs, and the enum-like types' cases. Both
//! engines return it from `Sofinco\Internal::apiDescription()`; the stub is generated from
//! it, and a binding declares its input classes' properties and defaults from it.

use super::value::Value;

/// A property's default in an input class built with `new` (outputs have none).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Initial {
    Null,
    Str(&'static str),
    Int(i64),
    Bool(bool),
}

impl Initial {
    pub fn value(self) -> Value {
        match self {
            Initial::Null => Value::Null,
            Initial::Str(s) => Value::Str(s.to_string()),
            Initial::Int(i) => Value::Int(i),
            Initial::Bool(b) => Value::Bool(b),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Prop {
    /// The PHP (camelCase) name.
    pub name: &'static str,
    /// The PHP type as the stub writes it (`?string`, `?\Sofinco\OrderState`, `array`).
    pub php_type: &'static str,
    pub default: Initial,
    pub doc: &'static str,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Built by the module with `new` and no argument; public typed properties, writes to
    /// undeclared properties refused.
    Input,
    /// Built by the extension only (`new` throws); read-only properties.
    Output,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Class {
    /// The name under `Sofinco\`.
    pub name: &'static str,
    pub kind: Kind,
    pub doc: &'static str,
    pub props: &'static [Prop],
}

/// An enum-like type: a backed enum on PHP 8.1+, a final class of string constants on 7.x.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EnumLike {
    pub name: &'static str,
    pub doc: &'static str,
    /// (case, value)
    pub cases: &'static [(&'static str, &'static str)],
}

const fn p(
    name: &'static str,
    php_type: &'static str,
    default: Initial,
    doc: &'static str,
) -> Prop {
    Prop {
        name,
        php_type,
        default,
        doc,
    }
}

/// An output's property (no default).
const fn o(name: &'static str, php_type: &'static str, doc: &'static str) -> Prop {
    p(name, php_type, Initial::Null, doc)
}

use Initial::{Bool, Int, Null, Str};

const fn ns(name: &'static str, doc: &'static str) -> Prop {
    p(name, "?string", Null, doc)
}
const fn ni(name: &'static str, doc: &'static str) -> Prop {
    p(name, "?int", Null, doc)
}
const fn s(name: &'static str, doc: &'static str) -> Prop {
    p(name, "string", Str(""), doc)
}
const fn i(name: &'static str, doc: &'static str) -> Prop {
    p(name, "int", Int(0), doc)
}

const fn input(name: &'static str, doc: &'static str, props: &'static [Prop]) -> Class {
    Class {
        name,
        kind: Kind::Input,
        doc,
        props,
    }
}
const fn output(name: &'static str, doc: &'static str, props: &'static [Prop]) -> Class {
    Class {
        name,
        kind: Kind::Output,
        doc,
        props,
    }
}

pub const CLASSES: &[Class] = &[
    input(
        "ClientConfig",
        "The client's configuration (new SofincoClient, SofincoClient::checkConfig): null is the extension's default; problems keep their snake_case keys (merchant_id).",
        &[
            ns("merchantId", "Sofinco merchant number (11 digits)."),
            ns("natureBien", "Nature of the goods Sofinco finances."),
            ns("q6", "Sofinco's q6 offer code."),
            ns("x1", "Sofinco's x1 code."),
            ns("clientId", "OAuth client id of the gateway."),
            ns("clientSecret", "OAuth client secret (never logged)."),
            ns("clientSecretUrl", "The API URL the secret was saved for (SofincoClient::apiUrlFor)."),
            p("mode", "?string", Str("test"), "'test' or 'production'."),
            ns("baseUrl", "The API URL; null or '' for Sofinco's own for the mode."),
            p("allowOtherUrl", "bool", Bool(false), "Allows a production URL that is not Sofinco's."),
            ns("applicationId", "Application id sent to Sofinco."),
            ni("timeoutMs", "Whole-call timeout in milliseconds (10000)."),
            ni("connectTimeoutMs", "Connect timeout in milliseconds (3000)."),
            ni("maxRetries", "Retries of a call that may be repeated (2)."),
            ns("logDir", "Folder of the client's logs; null: no log."),
            p("debug", "bool", Bool(false), "Logs every call, redacted."),
            ni("logUtcOffsetS", "The shop's UTC offset in seconds, for log times."),
            ns("cacheDir", "Folder of the simulation cache; null: no cache."),
            ni("cacheTtlS", "How long a simulation is cached, in seconds (86400)."),
            ni("failureTtlS", "How long a failed simulation is remembered, in seconds (60)."),
            ni("simulationsPerMinute", "Simulations the shop may send per minute (30)."),
            ns("tokenFile", "The file every PHP worker shares its token in."),
            ns("userAgent", "User-Agent of the calls."),
            ns("caFile", "Extra CA certificate (PEM) to trust."),
            ni("minPriceCents", "Lowest amount Sofinco is offered for, in cents (0)."),
            ni("maxPriceCents", "Highest amount Sofinco is offered for, in cents (0: none)."),
        ],
    ),
    input(
        "Address",
        "The customer's address in a JourneyOrder.",
        &[
            s("line1", "Street and number."),
            s("line2", "Address complement."),
            s("postcode", "Postcode."),
            s("city", "City."),
            s("country", "ISO 3166-1 alpha-2 country code."),
        ],
    ),
    input(
        "Customer",
        "The customer of a JourneyOrder.",
        &[
            s("civility", "'mr', 'mrs' or 'ms'."),
            s("firstName", "First name."),
            s("lastName", "Last name."),
            s("email", "E-mail address."),
            s("phone", "Phone number."),
            p("address", "?\\Sofinco\\Address", Null, "The customer's address (required)."),
        ],
    ),
    input(
        "JourneyOrder",
        "What SofincoClient::createJourney asks Sofinco a journey for.",
        &[
            s("orderReference", "The shop's reference of the attempt."),
            i("amountCents", "Amount to finance, in cents."),
            p("customer", "?\\Sofinco\\Customer", Null, "The customer (required)."),
            s("returnUrl", "Where Sofinco sends the customer back."),
            s("notificationUrl", "Where Sofinco posts its notifications."),
            ni("durationMonths", "The duration the customer chose, null: Sofinco asks."),
        ],
    ),
    input(
        "Attempt",
        "A checkout attempt (DossierSync::orders, ::notification), with its cart as it is now.",
        &[
            i("idCart", "The cart the attempt paid for."),
            s("orderReference", "The attempt's reference at Sofinco."),
            s("currency", "The cart's currency now (ISO 4217)."),
            s("orderedAs", "The reference of the order the cart already has ('' when none)."),
            i("cartTotalCents", "The cart's total now, in cents."),
            i("createdAt", "When the attempt was made (Unix seconds)."),
        ],
    ),
    input(
        "TrackedOrder",
        "An order DossierSync::statuses follows.",
        &[
            i("idOrder", "The order."),
            s("contractId", "Sofinco's contract number ('' when not known yet)."),
            s("orderReference", "The attempt's reference at Sofinco."),
            s("currency", "The order's currency (ISO 4217)."),
            p("state", "?\\Sofinco\\OrderState", Null, "The order's state; null for a state that is not Sofinco's."),
            i("orderTotalCents", "The order's total now, in cents."),
            i("since", "When the order entered its state (Unix seconds)."),
        ],
    ),
    input(
        "FundingRequest",
        "A funding request the merchant queued (DossierSync::fundings).",
        &[
            i("idOrder", "The order."),
            s("contractId", "Sofinco's contract number."),
            s("orderReference", "The attempt's reference at Sofinco."),
            s("currency", "The order's currency (ISO 4217)."),
            i("orderTotalCents", "The order's total now, in cents."),
            i("requestedAt", "When the merchant asked (Unix seconds)."),
            p("sent", "bool", Bool(false), "Sofinco accepted the request already."),
        ],
    ),
    input(
        "CancelRequest",
        "\"Annuler le dossier chez Sofinco\" for one order (DossierSync::cancel).",
        &[
            i("idOrder", "The order."),
            s("contractId", "Sofinco's contract number."),
            s("orderReference", "The attempt's reference at Sofinco."),
            p("state", "?\\Sofinco\\OrderState", Null, "The order's state; null for a state that is not Sofinco's."),
            ns("sofincoStatus", "Sofinco's last known code for the dossier."),
        ],
    ),
    input(
        "SyncOptions",
        "DossierSync's options: null is the default.",
        &[
            ni("concurrency", "Calls in flight at once (8)."),
            ni("deadlineMs", "A batch ends by this, in milliseconds (50000)."),
            ni("abandonAfterS", "An attempt with no live dossier is closed after this (172800)."),
            ni("graceS", "NOT_FOUND and TECH_ERROR orders are checked this long (604800)."),
        ],
    ),
    input(
        "CronResult",
        "How a cron run ended, for CronRun::verdict.",
        &[
            p("ok", "bool", Bool(false), "The run went through."),
            p("locked", "bool", Bool(false), "Another run of the task was under way."),
            s("errorCode", "The run's error code ('unknown_task'…), '' when none."),
            i("errors", "Dossiers the run could not decide or apply."),
        ],
    ),
    output(
        "OrderDecision",
        "One decision of DossierSync::orders() or ::notification().",
        &[
            o("idCart", "int", "The cart the attempt paid for."),
            o("orderReference", "string", "The attempt's reference at Sofinco."),
            o("action", "\\Sofinco\\OrderAction", "What to do with the attempt."),
            o("state", "?\\Sofinco\\OrderState", "The state Sofinco's dossier maps to (CreateOrder only)."),
            o("createIn", "?\\Sofinco\\OrderState", "The state validateOrder creates the order in; state follows when different."),
            o("paymentCents", "int", "What validateOrder books as paid, in cents (the amount once funded)."),
            o("paymentEuros", "float", "The same in euros, for validateOrder."),
            o("contractId", "?string", "Sofinco's contract number (CreateOrder only)."),
            o("signatureDate", "?string", "When the customer signed (Y-m-d)."),
            o("withdrawalEnd", "?string", "Last day of the withdrawal period (Y-m-d)."),
            o("reason", "string", "Why, in English, for the logs."),
            o("sofincoStatus", "?string", "Sofinco's code, when Sofinco answered."),
            o("sofincoAmountCents", "?int", "Sofinco's dossier amount in cents, when Sofinco answered."),
            o("heldBecause", "?string", "Why the dossier does not pay for the cart: 'amount' or 'currency'."),
        ],
    ),
    output(
        "StatusDecision",
        "One decision of DossierSync::statuses().",
        &[
            o("idOrder", "int", "The order."),
            o("action", "\\Sofinco\\StatusAction", "What to do with the order."),
            o("state", "?\\Sofinco\\OrderState", "The state to move the order to (SetState only)."),
            o("releaseStock", "bool", "The new state ends the dossier without money: PrestaShop's cancelled state follows."),
            o("signatureDate", "?string", "When the customer signed (Y-m-d)."),
            o("withdrawalEnd", "?string", "Last day of the withdrawal period (Y-m-d)."),
            o("reason", "string", "Why, in English, for the logs."),
            o("sofincoStatus", "?string", "Sofinco's code, when Sofinco answered."),
            o("sofincoAmountCents", "?int", "Sofinco's dossier amount in cents, when Sofinco answered."),
            o("heldBecause", "?string", "Why the order is held: 'amount' or 'currency'."),
        ],
    ),
    output(
        "FundingDecision",
        "One decision of DossierSync::fundings().",
        &[
            o("idOrder", "int", "The order."),
            o("action", "\\Sofinco\\FundingAction", "What became of the request."),
            o("state", "?\\Sofinco\\OrderState", "The state to move the order to."),
            o("sofincoStatus", "?string", "Sofinco's code when the task learnt it."),
            o("reason", "string", "Why, in English, for the logs."),
            o("heldBecause", "?string", "Why nothing was sent: 'amount' or 'currency'."),
        ],
    ),
    output(
        "CancelDecision",
        "The decision of DossierSync::cancel().",
        &[
            o("idOrder", "int", "The order."),
            o("action", "\\Sofinco\\CancelAction", "What became of the cancellation."),
            o("state", "?\\Sofinco\\OrderState", "The state to move the order to (Cancelled only)."),
            o("releaseStock", "bool", "The new state ends the dossier without money: PrestaShop's cancelled state follows."),
            o("sofincoStatus", "?string", "Sofinco's code after the cancellation."),
            o("reason", "string", "Why, in English, for the logs."),
        ],
    ),
    output(
        "Batch",
        "The result of one task run: the decisions, in the rows' order, and its summary.",
        &[
            o("decisions", "array", "The OrderDecision, StatusDecision or FundingDecision objects."),
            o("checked", "int", "Rows decided."),
            o("changed", "int", "Decisions that change something."),
            o("errors", "int", "Rows that could not be decided."),
            o("remaining", "int", "Rows the deadline left for the next run."),
            o("elapsedMs", "int", "How long the run took, in milliseconds."),
        ],
    ),
    output(
        "Offer",
        "One credit offer (a duration) of a Simulation.",
        &[
            o("durationMonths", "int", "Number of monthly payments."),
            o("monthlyPaymentCents", "int", "Monthly payment, in cents."),
            o("firstPaymentCents", "int", "First payment, in cents."),
            o("lastPaymentCents", "int", "Last payment, in cents."),
            o("uneven", "bool", "Whether the first or last payment differs from the others."),
            o("totalDueCents", "int", "Total the customer repays, in cents."),
            o("creditCostCents", "int", "Cost of the credit, in cents."),
            o("feesCents", "int", "Fees, in cents."),
            o("debitRate", "float", "Taux débiteur fixe, percent."),
            o("taeg", "float", "TAEG fixe, percent."),
            o("free", "bool", "Free credit (3x, 4x): no interest, no fees."),
        ],
    ),
    output(
        "Simulation",
        "The offers Sofinco makes for one amount.",
        &[
            o("offers", "array", "The Offer objects, shortest duration first."),
            o("lowestMonthlyCents", "?int", "The smallest monthly payment, null without offers."),
            o("representative", "?\\Sofinco\\Offer", "The offer the headline advertises, null without offers."),
            o("legalNotice", "string", "The consumer-credit notice every advert must carry."),
            o("cached", "bool", "Whether the offers came from the disk cache."),
        ],
    ),
    output(
        "Dossier",
        "A Sofinco dossier as Sofinco describes it now.",
        &[
            o("contractId", "string", "Sofinco's contract number."),
            o("orderReference", "string", "The shop's reference of the attempt."),
            o("amountCents", "int", "The dossier's amount, in cents."),
            o("status", "string", "Sofinco's status code (StatusMapper::stateFor maps it)."),
            o("signatureDate", "?string", "When the customer signed (Y-m-d)."),
            o("withdrawalEnd", "?string", "Last day of the withdrawal period (Y-m-d)."),
            o("fundedAt", "?string", "When Sofinco funded the dossier."),
        ],
    ),
];

/// The enum-like types: backed enums on PHP 8.1+, classes of constants on 7.x.
pub const ENUMS: &[EnumLike] = &[
    EnumLike {
        name: "OrderState",
        doc: "The order states the extension reasons about; the module maps each to its PrestaShop configuration key (SofincoStates).",
        cases: &[
            ("InStudy", "in_study"),
            ("AwaitingCustomer", "awaiting_customer"),
            ("AwaitingFunding", "awaiting_funding"),
            ("FundingRequested", "funding_requested"),
            ("Funded", "funded"),
            ("Refused", "refused"),
            ("Cancelled", "cancelled"),
            ("NotFound", "not_found"),
            ("TechError", "tech_error"),
            ("PrestashopCancelled", "prestashop_cancelled"),
        ],
    },
    EnumLike {
        name: "OrderAction",
        doc: "What to do with a checkout attempt.",
        cases: &[
            ("CreateOrder", "create_order"),
            ("Wait", "wait"),
            ("Abandon", "abandon"),
            ("Cancelled", "cancelled"),
            ("Error", "error"),
            ("Ignore", "none"),
        ],
    },
    EnumLike {
        name: "StatusAction",
        doc: "What to do with a followed order.",
        cases: &[
            ("SetState", "set_state"),
            ("Unchanged", "none"),
            ("Leave", "leave"),
            ("Error", "error"),
        ],
    },
    EnumLike {
        name: "FundingAction",
        doc: "What became of a queued funding request.",
        cases: &[
            ("Sent", "sent"),
            ("Retry", "retry"),
            ("Funded", "funded"),
            ("Closed", "closed"),
            ("Unchanged", "none"),
            ("Error", "error"),
        ],
    },
    EnumLike {
        name: "CancelAction",
        doc: "What became of a cancellation.",
        cases: &[
            ("Cancelled", "cancelled"),
            ("NotAllowed", "not_allowed"),
            ("NotAccepted", "not_accepted"),
            ("Error", "error"),
        ],
    },
    EnumLike {
        name: "Availability",
        doc: "Whether Sofinco can be offered for an amount (SofincoClient::availability).",
        cases: &[
            ("Offered", "offered"),
            ("BelowMinimum", "below_minimum"),
            ("AboveMaximum", "above_maximum"),
            ("OutOfRange", "out_of_range"),
            ("Unknown", "unknown"),
        ],
    },
];

/// The class named `name` (under `Sofinco\`).
pub fn class(name: &str) -> Option<&'static Class> {
    CLASSES.iter().find(|c| c.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::status::OrderState;

    #[test]
    fn order_state_cases_are_the_core_enum() {
        let e = ENUMS.iter().find(|e| e.name == "OrderState").unwrap();
        let cases: Vec<_> = OrderState::ALL
            .iter()
            .map(|s| (s.name(), s.as_str()))
            .collect();
        assert_eq!(e.cases, cases.as_slice());
    }

    #[test]
    fn every_property_has_a_type_and_a_doc_and_inputs_a_default_of_their_type() {
        for c in CLASSES {
            for p in c.props {
                assert!(
                    !p.php_type.is_empty() && p.doc.ends_with('.'),
                    "{}::{}",
                    c.name,
                    p.name
                );
                if c.kind == Kind::Input {
                    let ok = match p.default {
                        Null => p.php_type.starts_with('?'),
                        Str(_) => p.php_type.ends_with("string"),
                        Int(_) => p.php_type.ends_with("int"),
                        Bool(_) => p.php_type == "bool",
                    };
                    assert!(ok, "{}::{} default", c.name, p.name);
                }
            }
        }
    }
}
