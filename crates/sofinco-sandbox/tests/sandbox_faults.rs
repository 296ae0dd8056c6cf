//! Fault injection: the three error shapes, truncated bodies, hangs, and what faults
//! never touch; then a clean exit on SIGTERM.

mod sandbox_support;

use std::time::{Duration, Instant};

use reqwest::Method;
use serde_json::{json, Value};

use sandbox_support::{Sandbox, EQUIPMENT, PROVIDER};
use sofinco_core::contract::{path, read_error_body, SimulationResponse};

fn simulation() -> Value {
    json!({"amount": 1000, "businessProviderId": PROVIDER, "equipmentCode": EQUIPMENT})
}

async fn simulate(sb: &Sandbox, token: &str) -> reqwest::Response {
    sb.api(Method::POST, path::SIMULATIONS, token)
        .json(&simulation())
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn each_error_shape_on_demand() {
    let sb = Sandbox::admin(&["--seed", "42"]);
    let token = sb.token().await;
    for (shape, check) in [
        ("object", "/code"),
        ("array", "/0/code"),
        ("fault", "/fault/code"),
    ] {
        sb.admin_post("/faults", json!({"fail_rate": 1.0, "error_shape": shape}))
            .await;
        let r = simulate(&sb, &token).await;
        assert!(r.status().is_server_error(), "{shape}");
        let body = r.bytes().await.unwrap();
        let value: Value = serde_json::from_slice(&body).unwrap();
        assert!(value.pointer(check).is_some(), "{shape}: {value}");
        assert!(read_error_body(&body).is_some(), "the client reads {shape}");
    }
    // Faults never touch the control routes nor the journey page.
    assert!(sb.admin_get("/dossiers").await.is_array());
    assert_eq!(
        sb.http
            .get(sb.url("/journey/none"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    sb.admin_post("/faults", json!({"fail_rate": 0.0})).await;
    assert_eq!(simulate(&sb, &token).await.status(), 200);
}

#[tokio::test]
async fn shapes_rotate_from_the_command_line() {
    let sb = Sandbox::admin(&["--fail-rate", "1"]);
    let mut shapes = Vec::new();
    for _ in 0..3 {
        let r = sb.token_response("sandbox-client", "sandbox-secret").await;
        assert!(r.status().is_server_error());
        let v: Value = r.json().await.unwrap();
        shapes.push(if v.is_array() {
            "array"
        } else if v.get("fault").is_some() {
            "fault"
        } else {
            "object"
        });
    }
    assert_eq!(shapes, ["object", "array", "fault"]);
}

#[tokio::test]
async fn malformed_bodies_latency_and_hangs() {
    let sb = Sandbox::admin(&[]);
    let token = sb.token().await;
    sb.admin_post("/faults", json!({"malformed_rate": 1.0}))
        .await;
    let r = simulate(&sb, &token).await;
    assert_eq!(r.status(), 200);
    let body = r.bytes().await.unwrap();
    assert!(serde_json::from_slice::<SimulationResponse>(&body).is_err());

    sb.admin_post("/faults", json!({"malformed_rate": 0.0, "latency_ms": 150}))
        .await;
    let started = Instant::now();
    assert_eq!(simulate(&sb, &token).await.status(), 200);
    assert!(started.elapsed() >= Duration::from_millis(150));

    sb.admin_post("/faults", json!({"latency_ms": 0, "timeout_rate": 1.0}))
        .await;
    let r = sb
        .api(Method::POST, path::SIMULATIONS, &token)
        .json(&simulation())
        .timeout(Duration::from_millis(300))
        .send()
        .await;
    assert!(r.is_err_and(|e| e.is_timeout()));

    let r = sb
        .http
        .post(sb.url("/_sandbox/faults"))
        .json(&json!({"fail_rate": 3}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
}

#[tokio::test]
async fn sigterm_exits_cleanly() {
    let mut sb = Sandbox::start(&[]);
    let status = std::process::Command::new("kill")
        .args(["-TERM", &sb.pid().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    assert!(sb.wait().success());

    let refused = std::process::Command::new(env!("CARGO_BIN_EXE_sofinco-sandbox"))
        .args(["--listen", "0.0.0.0:0"])
        .output()
        .unwrap();
    assert!(!refused.status.success());
}
