//! The sandbox's API: tokens, headers, simulations, dossiers and the control routes.

mod sandbox_support;

use reqwest::Method;
use serde_json::{json, Value};

use sandbox_support::{Sandbox, EQUIPMENT, PROVIDER};
use sofinco_core::contract::{
    header, path, read_error_body, Contract, ContractList, SimulationResponse, TokenResponse,
};

fn simulation(amount: f64, due_numbers: Option<&[u32]>) -> Value {
    let mut body = json!({
        "amount": amount,
        "businessProviderId": PROVIDER,
        "equipmentCode": EQUIPMENT,
    });
    if let Some(d) = due_numbers {
        body["dueNumbers"] = json!(d);
    }
    body
}

#[tokio::test]
async fn token_good_and_bad_credentials() {
    let sb = Sandbox::admin(&[]);
    let r = sb.token_response("sandbox-client", "sandbox-secret").await;
    assert_eq!(r.status(), 200);
    let t: TokenResponse = r.json().await.unwrap();
    assert_eq!((t.token_type.as_str(), t.expires_in), ("Bearer", 1200));
    assert!(!t.access_token.is_empty() && t.scope.is_some());

    let r = sb.token_response("sandbox-client", "wrong").await;
    assert_eq!(r.status(), 401);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["fault"]["code"], "900901");
    assert_eq!(body["fault"]["message"], "Invalid Credentials");

    // No token, or a made-up one: 401 in the gateway's shape.
    let r = sb.http.get(sb.url(path::CONTRACTS)).send().await.unwrap();
    assert_eq!(r.status(), 401);
    assert!(r.json::<Value>().await.unwrap()["fault"]["code"].is_string());
    let r = sb
        .api(Method::GET, path::CONTRACTS, "nope")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
}

#[tokio::test]
async fn tokens_expire_on_the_sandbox_clock() {
    let sb = Sandbox::admin(&["--token-ttl", "60", "--token-expires-in", "-5"]);
    let r = sb.token_response("sandbox-client", "sandbox-secret").await;
    let t: TokenResponse = r.json().await.unwrap();
    assert_eq!(
        t.expires_in, -5,
        "the announced value is the odd one asked for"
    );
    let lookup = format!(
        "{}?partnerExternalId=NONE&businessProviderId={PROVIDER}&equipmentCode={EQUIPMENT}",
        path::CONTRACTS
    );
    let r = sb
        .api(Method::GET, &lookup, t.access_token.expose())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "really valid for the ttl");
    sb.admin_post("/clock/advance", json!({"seconds": 61}))
        .await;
    let r = sb
        .api(Method::GET, &lookup, t.access_token.expose())
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 401);
    let fresh = sb.token().await;
    let r = sb.api(Method::GET, &lookup, &fresh).send().await.unwrap();
    assert_eq!(r.status(), 200);

    let huge = Sandbox::start(&["--token-expires-in", "99999999999"]);
    let t: TokenResponse = huge
        .token_response("sandbox-client", "sandbox-secret")
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(t.expires_in, 99_999_999_999);
}

#[tokio::test]
async fn context_headers_are_required() {
    let sb = Sandbox::admin(&[]);
    let token = sb.token().await;
    for missing in [
        header::CONTEXT_PARTNER_ID,
        header::CONTEXT_SOURCE_ID,
        header::CORRELATION_ID,
    ] {
        let mut request = sb
            .http
            .post(sb.url(path::SIMULATIONS))
            .bearer_auth(&token)
            .json(&simulation(1000.0, None));
        for name in [
            header::CONTEXT_PARTNER_ID,
            header::CONTEXT_SOURCE_ID,
            header::CORRELATION_ID,
        ] {
            request = request.header(name, if name == missing { "" } else { "v" });
        }
        let r = request.send().await.unwrap();
        assert_eq!(r.status(), 400, "{missing}");
        let body: Value = r.json().await.unwrap();
        assert!(body[0]["code"].is_string(), "array shape: {body}");
        assert!(body[0]["shortlib"].as_str().unwrap().contains(missing));
    }
}

#[tokio::test]
async fn simulation_offers_filters_and_range() {
    let sb = Sandbox::admin(&[]);
    let token = sb.token().await;
    let r = sb
        .api(Method::POST, path::SIMULATIONS, &token)
        .json(&simulation(1000.0, None))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let s: SimulationResponse = r.json().await.unwrap();
    assert_eq!(s.capital_amount.cents(), 100_000);
    let months: Vec<u32> = s.proposals.iter().map(|p| p.due_number).collect();
    assert_eq!(months, [3, 4, 10, 12, 20, 24, 36, 48]);
    let twelve = &s.proposals[3];
    assert_eq!(twelve.installment_without_insurance.amount.cents(), 8602);
    assert_eq!(twelve.annual_debit_rate, 5.9);
    assert_eq!(twelve.annual_global_effective_rate, 6.06);
    assert_eq!(twelve.total_cost_without_insurance.cents(), 3224);
    let three = &s.proposals[0];
    assert_eq!(three.annual_global_effective_rate, 0.0);
    assert_eq!(three.total_amount_without_insurance.cents(), 100_000);

    let r = sb
        .api(Method::POST, path::SIMULATIONS, &token)
        .json(&simulation(150.0, Some(&[3, 12])))
        .send()
        .await
        .unwrap();
    let s: SimulationResponse = r.json().await.unwrap();
    assert_eq!(s.proposals.len(), 1, "12 months starts at 300 €");

    for amount in [10.0, 99_999.0] {
        let r = sb
            .api(Method::POST, path::SIMULATIONS, &token)
            .json(&simulation(amount, None))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400);
        let body = r.bytes().await.unwrap();
        let (code, message) = read_error_body(&body).expect("object shape");
        assert_eq!(code, "AMOUNT_OUT_OF_RANGE");
        assert!(message.contains("barème"));
    }
}

#[tokio::test]
async fn malformed_bodies_and_partner_ids() {
    let sb = Sandbox::admin(&["--business-provider-id", PROVIDER]);
    let token = sb.token().await;
    let send = |body: &'static str, content_type: &'static str| {
        sb.api(Method::POST, path::SIMULATIONS, &token)
            .header("content-type", content_type)
            .body(body)
            .send()
    };
    let r = send("{\"amount\": ", "application/json").await.unwrap();
    assert_eq!(r.status(), 400);
    assert!(r.json::<Value>().await.unwrap()["code"].is_string());
    let r = send("[1,2]", "application/json").await.unwrap();
    assert_eq!(r.status(), 400);
    let r = send("{}", "text/plain").await.unwrap();
    assert_eq!(r.status(), 415);

    let mut body = simulation(1000.0, None);
    body["businessProviderId"] = json!("OTHERPARTNR");
    let r = sb
        .api(Method::POST, path::SIMULATIONS, &token)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(
        r.json::<Value>().await.unwrap()["code"],
        "INVALID_BUSINESS_PROVIDER_ID"
    );
    let bad_query = format!(
        "{}?partnerExternalId=A&businessProviderId=short&equipmentCode={EQUIPMENT}",
        path::CONTRACTS
    );
    let r = sb
        .api(Method::GET, &bad_query, &token)
        .send()
        .await
        .unwrap();
    assert!(r.status().is_client_error());
    assert!(r.json::<Value>().await.unwrap()["code"].is_string());
}

async fn post_contract(sb: &Sandbox, token: &str, path: String, order: &str) -> (u16, Value) {
    let r = sb
        .api(
            Method::POST,
            &(path + &Sandbox::contract_query(order)),
            token,
        )
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.json().await.unwrap())
}

#[tokio::test]
async fn deliver_and_cancel_follow_the_statuses() {
    let sb = Sandbox::admin(&[]);
    let token = sb.token().await;
    let afi: Contract = serde_json::from_value(
        sb.admin_post(
            "/dossiers/PS1C1A1/status",
            json!({"status": "AFI", "signatureDate": "2026-01-02", "amountCents": 129010}),
        )
        .await,
    )
    .unwrap();
    assert_eq!(afi.amount.cents(), 129_010);
    let id = afi.contract_id.clone();

    let (code, body) = post_contract(&sb, &token, path::deliver(&id), "PS1C1A1").await;
    assert_eq!(code, 200);
    assert_eq!(body["status"], "FIN");
    assert!(body["fundingDate"].is_string());
    let (code, again) = post_contract(&sb, &token, path::deliver(&id), "PS1C1A1").await;
    assert_eq!((code, &again), (200, &body), "a repeat is the same answer");
    let (code, _) = post_contract(&sb, &token, path::cancel(&id), "PS1C1A1").await;
    assert_eq!(code, 409, "no cancel once funded");

    let etu = sb
        .admin_post("/dossiers/PS1C2A1/status", json!({"status": "ETU"}))
        .await;
    let etu_id = etu["contractId"].as_str().unwrap().to_string();
    let (code, body) = post_contract(&sb, &token, path::deliver(&etu_id), "PS1C2A1").await;
    assert_eq!(code, 409);
    assert_eq!(body["code"], "INVALID_STATUS");
    let (code, body) = post_contract(&sb, &token, path::cancel(&etu_id), "PS1C2A1").await;
    assert_eq!((code, body["status"].as_str()), (200, Some("ANN")));
    let (code, _) = post_contract(&sb, &token, path::cancel(&etu_id), "PS1C2A1").await;
    assert_eq!(code, 200, "a repeated cancel is fine");

    // The contract by id, with a wrong orderId, and unknown.
    let get = |p: String| sb.api(Method::GET, &p, &token).send();
    let r = get(path::contract(&etu_id) + &Sandbox::contract_query("ps1c2a1"))
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(r.json::<Contract>().await.unwrap().status, "ANN");
    let r = get(path::contract(&etu_id) + &Sandbox::contract_query("OTHER"))
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let r = get(path::contract("SBX999") + &Sandbox::contract_query("X"))
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert!(r.json::<Value>().await.unwrap()["code"].is_string());
    let lookup = format!(
        "{}?partnerExternalId=nobody&businessProviderId={PROVIDER}&equipmentCode={EQUIPMENT}",
        path::CONTRACTS
    );
    let list: ContractList = get(lookup).await.unwrap().json().await.unwrap();
    assert!(list.contracts.is_empty());
}

#[tokio::test]
async fn auto_advance_moves_signed_dossiers() {
    let sb = Sandbox::admin(&["--auto-advance", "60"]);
    sb.admin_post("/dossiers/AUTO1/status", json!({"status": "ETU"}))
        .await;
    sb.admin_post("/clock/advance", json!({"seconds": 61}))
        .await;
    let all = sb.admin_get("/dossiers").await;
    assert_eq!(all[0]["status"], "CLI");
    sb.admin_post("/clock/advance", json!({"seconds": 600}))
        .await;
    assert_eq!(sb.admin_get("/dossiers").await[0]["status"], "AFI");
}

#[tokio::test]
async fn control_routes_need_admin_and_log_requests() {
    let plain = Sandbox::start(&[]);
    let r = plain
        .http
        .get(plain.url("/_sandbox/dossiers"))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);

    let sb = Sandbox::admin(&[]);
    let token = sb.token().await;
    sb.api(Method::POST, path::SIMULATIONS, &token)
        .json(&simulation(500.0, None))
        .send()
        .await
        .unwrap();
    let log = sb.admin_get("/requests").await;
    let last = &log.as_array().unwrap()[1];
    assert_eq!(last["path"], path::SIMULATIONS);
    assert_eq!(
        last["headers"]["correlationid"],
        "5a0c2a4e-1b7e-4d55-9d4f-0d1c3b8a9e10"
    );
    assert!(last["body"].as_str().unwrap().contains("500"));
    let r = sb
        .http
        .post(sb.url("/_sandbox/reset"))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_success());
    assert!(sb
        .admin_get("/requests")
        .await
        .as_array()
        .unwrap()
        .is_empty());
}

#[tokio::test]
async fn a_rate_grid_from_a_file() {
    let file = std::env::temp_dir().join(format!("sbx-rates-{}.toml", std::process::id()));
    std::fs::write(
        &file,
        "[[offers]]\ndue_number = 6\nannual_debit_rate = 0\nmin_amount = 50\nmax_amount = 500\nfees = 1.5\n",
    )
    .unwrap();
    let sb = Sandbox::admin(&["--rates", file.to_str().unwrap()]);
    let token = sb.token().await;
    let r = sb
        .api(Method::POST, path::SIMULATIONS, &token)
        .json(&simulation(100.0, None))
        .send()
        .await
        .unwrap();
    let s: SimulationResponse = r.json().await.unwrap();
    let _ = std::fs::remove_file(&file);
    assert_eq!(s.proposals.len(), 1);
    let p = &s.proposals[0];
    assert_eq!(p.due_number, 6);
    assert_eq!(p.contract_fees.cents(), 150);
    assert_eq!(p.total_cost_without_insurance.cents(), 150);
    assert!(p.annual_global_effective_rate > 0.0, "fees cost something");
}

#[tokio::test]
async fn bad_input_never_kills_the_sandbox() {
    let sb = Sandbox::admin(&[]);
    let token = sb.token().await;
    let garbage: &[u8] = b"\xff\x00{{[not json";
    for (method, route) in [
        (Method::POST, path::SIMULATIONS.to_string()),
        (Method::POST, path::LINKS.to_string()),
        (
            Method::POST,
            path::deliver("X") + "?orderId=%ZZ&businessProviderId",
        ),
        (Method::GET, format!("{}?%%%&&==", path::CONTRACTS)),
        (Method::GET, "/no/such/route".to_string()),
    ] {
        let r = sb
            .api(method, &route, &token)
            .header("content-type", "application/json")
            .body(garbage)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_client_error(), "{route}: {}", r.status());
        let body = r.bytes().await.unwrap();
        assert!(read_error_body(&body).is_some(), "{route}: an error shape");
    }
    for route in [
        "/_sandbox/faults",
        "/_sandbox/clock/advance",
        "/_sandbox/notify/X",
    ] {
        let r = sb
            .http
            .post(sb.url(route))
            .body(garbage)
            .send()
            .await
            .unwrap();
        assert!(r.status().is_client_error(), "{route}");
    }
    let r = sb
        .http
        .post(sb.url("/_sandbox/clock/advance"))
        .json(&json!({"seconds": i64::MAX}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    let r = sb
        .http
        .post(sb.url("/journey/x"))
        .body(garbage)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(
        sb.token_response("sandbox-client", "sandbox-secret")
            .await
            .status(),
        200
    );
}
