//! Bad input never panics: every Sofinco answer the client decodes, the error bodies, the
//! notification, amounts and the client configuration, fed random and mutated input.
//! `make test` runs the default number of cases; `make fuzz` runs many more
//! (PROPTEST_CASES).

use proptest::prelude::*;
use sofinco_core::client::types::Dossier;
use sofinco_core::client::{ConfigValue, SofincoClient};
use sofinco_core::contract::{
    self, Contract, ContractList, LinkResponse, SimulationResponse, TokenResponse,
};
use sofinco_core::money;

/// Random bytes, random JSON-ish text, and valid answers with bytes flipped.
fn inputs() -> impl Strategy<Value = Vec<u8>> {
    let valid = prop_oneof![
        Just(br#"{"access_token":"a","token_type":"Bearer","expires_in":1200}"#.to_vec()),
        Just(br#"{"contracts":[{"contractId":"C1","partnerExternalId":"R1","status":"ETU","amount":1290.1,"signatureDate":"2026-11-26"}]}"#.to_vec()),
        Just(br#"{"capitalAmount":1000,"proposals":[{"dueNumber":10,"annualDebitRate":5.9,"annualGlobalEffectiveRate":6.06,"installmentWithoutInsurance":{"amount":103.0,"firstAmount":103.0,"lastAmount":103.1},"totalAmountWithoutInsurance":1030.1,"totalCostWithoutInsurance":30.1}]}"#.to_vec()),
        Just(br#"{"fault":{"code":900901,"message":"Invalid","description":"x"}}"#.to_vec()),
        Just(br#"[{"code":"E1","shortlib":"bad"}]"#.to_vec()),
        Just(br#"{"ORDER_ID":"PS1","AMOUNT":1290.10,"CONTRACT_STATUS":"ETU"}"#.to_vec()),
    ];
    prop_oneof![
        proptest::collection::vec(any::<u8>(), 0..512),
        "[\\[\\]{}\":,0-9a-zA-Z.eE+-]{0,256}".prop_map(String::into_bytes),
        (
            valid,
            proptest::collection::vec((any::<usize>(), any::<u8>()), 0..8)
        )
            .prop_map(|(mut v, flips)| {
                for (at, byte) in flips {
                    if !v.is_empty() {
                        let i = at % v.len();
                        v[i] = byte;
                    }
                }
                v
            }),
    ]
}

proptest! {
    #[test]
    fn answers_decode_or_fail_cleanly(body in inputs()) {
        let _ = serde_json::from_slice::<TokenResponse>(&body);
        let _ = serde_json::from_slice::<SimulationResponse>(&body);
        let _ = serde_json::from_slice::<LinkResponse>(&body);
        let _ = contract::read_error_body(&body);
        if let Ok(list) = serde_json::from_slice::<ContractList>(&body) {
            for c in &list.contracts {
                let _ = Dossier::from_contract(c);
            }
        }
        if let Ok(c) = serde_json::from_slice::<Contract>(&body) {
            let _ = Dossier::from_contract(&c);
        }
        if let Ok(text) = std::str::from_utf8(&body) {
            let _ = SofincoClient::parse_notification(text);
        }
    }

    #[test]
    fn deep_nesting_is_refused_without_overflow(depth in 1usize..100_000) {
        let nested = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        let decoded = serde_json::from_str::<ContractList>(&nested);
        // serde_json stops at 128 levels: deep input is an error, never a stack overflow.
        prop_assert!(depth < 128 || decoded.is_err());
        prop_assert!(contract::read_error_body(nested.as_bytes()).is_none());
    }

    #[test]
    fn amounts_parse_exactly_or_not_at_all(text in "[-+]?[0-9]{0,20}(\\.[0-9]{0,5})?([eE][-+]?[0-9]{1,4})?") {
        if let Ok(cents) = money::cents_from_decimal(&text) {
            // What parses round-trips through the wire format exactly.
            let json = serde_json::to_string(&money::Euros(cents)).unwrap();
            let back: money::Euros = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(back.cents(), cents);
        }
    }

    #[test]
    fn configuration_is_validated_never_panics(
        entries in proptest::collection::vec(
            ("[a-z_]{1,16}", prop_oneof![
                any::<i64>().prop_map(ConfigValue::Int),
                any::<bool>().prop_map(ConfigValue::Bool),
                ".{0,40}".prop_map(ConfigValue::Str),
                Just(ConfigValue::Null),
                any::<f64>().prop_map(ConfigValue::Float),
            ]),
            0..24,
        )
    ) {
        let _ = SofincoClient::from_entries(&entries);
    }
}
