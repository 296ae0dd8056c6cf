//! The client's inputs: `Sofinco\ClientConfig` (as the configuration's (key, value)
//! entries, so its per-key checks and problem keys stay the client's) and
//! `Sofinco\JourneyOrder` with its `Customer` and `Address`.

use super::reader::{finish, Reader};
use super::value::{Object, Value};
use crate::client::config::ConfigValue;
use crate::client::types::{Address, Customer, JourneyRequest};
use crate::error::Result;

/// `first_name` from `firstName`: the configuration's keys are snake_case.
pub fn snake(camel: &str) -> String {
    let mut out = String::with_capacity(camel.len() + 4);
    for c in camel.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// A `ClientConfig` object as the configuration's entries: every property given (null is
/// "not given": the client's default), under its snake_case key, so the client's per-key
/// problems (`merchant_id`: required…) are what the configuration page maps to its fields.
pub fn client_config_entries(config: &Object) -> Vec<(String, ConfigValue)> {
    config
        .props
        .iter()
        .filter(|(_, v)| !matches!(v, Value::Null))
        .map(|(name, v)| (snake(name), config_value(v)))
        .collect()
}

fn config_value(value: &Value) -> ConfigValue {
    match value {
        Value::Null => ConfigValue::Null,
        Value::Bool(b) => ConfigValue::Bool(*b),
        Value::Int(i) => ConfigValue::Int(*i),
        Value::Float(f) => ConfigValue::Float(*f),
        Value::Str(s) => ConfigValue::Str(s.clone()),
        other => ConfigValue::Other(other.kind()),
    }
}

/// `SofincoClient::createJourney`'s order, checked whole: one error names every problem.
pub fn journey_request(order: &Object) -> Result<JourneyRequest> {
    let mut f = Reader::new(order, "");
    let order_reference = f.string("order_reference");
    let amount_cents = f.int("amount_cents");
    let return_url = f.string("return_url");
    let notification_url = f.string("notification_url");
    let duration_months = f.optional_int("duration_months");
    let mut problems = std::mem::take(&mut f.problems);
    if duration_months.is_some_and(|m| !(1..=240).contains(&m)) {
        problems.push("duration_months must be from 1 to 240".into());
    }
    let customer = f
        .object("customer", "Customer", true)
        .map(|c| customer(c, &mut problems));
    problems.append(&mut f.problems);
    finish("createJourney", problems)?;
    Ok(JourneyRequest {
        order_reference,
        amount_cents,
        customer: customer.unwrap_or_else(empty_customer),
        return_url,
        notification_url,
        duration_months: duration_months.map(|m| m as u32),
    })
}

fn customer(object: &Object, problems: &mut Vec<String>) -> Customer {
    let mut c = Reader::new(object, "customer.");
    let civility = c.optional_string("civility");
    let first_name = c.string("first_name");
    let last_name = c.string("last_name");
    let email = c.string("email");
    let phone = c.optional_string("phone");
    let address = c.object("address", "Address", true).map(|a| {
        let mut a = Reader::new(a, "customer.address.");
        let address = Address {
            line1: a.string("line1"),
            line2: a.optional_string("line2"),
            postcode: a.string("postcode"),
            city: a.string("city"),
            country: a.string("country"),
        };
        problems.append(&mut a.problems);
        address
    });
    problems.append(&mut c.problems);
    Customer {
        civility,
        first_name,
        last_name,
        email,
        phone,
        address: address.unwrap_or_else(empty_address),
    }
}

fn empty_address() -> Address {
    Address {
        line1: String::new(),
        line2: String::new(),
        postcode: String::new(),
        city: String::new(),
        country: String::new(),
    }
}

fn empty_customer() -> Customer {
    Customer {
        civility: String::new(),
        first_name: String::new(),
        last_name: String::new(),
        email: String::new(),
        phone: String::new(),
        address: empty_address(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::config::ClientConfig;

    fn s(text: &str) -> Value {
        Value::Str(text.into())
    }

    fn order() -> Object {
        let address = Object::defaults("Address")
            .with("line1", s("1 rue de la Paix"))
            .with("postcode", s("75002"))
            .with("city", s("Paris"))
            .with("country", s("FR"));
        let customer = Object::defaults("Customer")
            .with("civility", s("mr"))
            .with("firstName", s("Jean"))
            .with("lastName", s("Dupont"))
            .with("email", s("jean@example.fr"))
            .with("phone", s("0600000000"))
            .with("address", Value::Object(address));
        Object::defaults("JourneyOrder")
            .with("orderReference", s("SOF-1"))
            .with("amountCents", Value::Int(129_000))
            .with("customer", Value::Object(customer))
            .with("returnUrl", s("https://shop.example/return"))
            .with("notificationUrl", s("https://shop.example/notify"))
    }

    #[test]
    fn a_full_journey_order_reads() {
        let r = journey_request(&order()).unwrap();
        assert_eq!(r.order_reference, "SOF-1");
        assert_eq!(r.customer.first_name, "Jean");
        assert_eq!(r.customer.address.city, "Paris");
        assert_eq!(r.duration_months, None);
    }

    #[test]
    fn a_bad_journey_order_names_every_problem() {
        let mut o = order();
        o.set("orderReference", s(""));
        o.set("amountCents", s("12"));
        let Some(Value::Object(c)) = o.get("customer").cloned() else {
            unreachable!()
        };
        o.set(
            "customer",
            Value::Object(c.with("email", Value::Bool(true))),
        );
        let err = journey_request(&o).unwrap_err().to_string();
        assert!(err.starts_with("createJourney: "), "{err}");
        assert!(err.contains("order_reference is required"), "{err}");
        assert!(
            err.contains("amount_cents must be an integer, not a string"),
            "{err}"
        );
        assert!(
            err.contains("customer.email must be a string, not a boolean"),
            "{err}"
        );
        let empty = journey_request(&Object::defaults("JourneyOrder")).unwrap_err();
        assert!(
            empty.to_string().contains("customer is required"),
            "{empty}"
        );
    }

    #[test]
    fn client_config_properties_are_the_configuration_keys() {
        let config = Object::defaults("ClientConfig")
            .with("merchantId", Value::Int(5))
            .with("timeoutMs", s("fast"));
        let entries = client_config_entries(&config);
        assert!(entries.contains(&("merchant_id".into(), ConfigValue::Int(5))));
        assert!(entries.contains(&("allow_other_url".into(), ConfigValue::Bool(false))));
        assert!(
            !entries.iter().any(|(k, _)| k == "client_id"),
            "null: not given"
        );
        let problems = ClientConfig::check(&entries).unwrap_err();
        assert!(problems.iter().any(|p| p.key == "timeout_ms"));
        assert!(problems
            .iter()
            .any(|p| p.key == "client_id" && p.code == "required"));
    }
}
