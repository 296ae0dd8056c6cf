//! The customer journey: link, page, sign / refuse / leave, notification, dossier lookup.

mod sandbox_support;

use reqwest::Method;
use serde_json::{json, Value};

use sandbox_support::{
    link_request, next_notification, notification_receiver, Sandbox, EQUIPMENT, PROVIDER,
};
use sofinco_core::contract::{path, ContractList, LinkResponse};

async fn new_link(
    sb: &Sandbox,
    token: &str,
    order: &str,
    name: &str,
    cents: i64,
    url: &str,
) -> String {
    let r = sb
        .api(Method::POST, path::LINKS, token)
        .json(&link_request(order, name, cents, url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200, "{}", r.text().await.unwrap_or_default());
    r.json::<LinkResponse>().await.unwrap().link
}

async fn lookup(sb: &Sandbox, token: &str, reference: &str) -> ContractList {
    let p = format!(
        "{}?partnerExternalId={reference}&businessProviderId={PROVIDER}&equipmentCode={EQUIPMENT}",
        path::CONTRACTS
    );
    let r = sb.api(Method::GET, &p, token).send().await.unwrap();
    assert_eq!(r.status(), 200);
    r.json().await.unwrap()
}

async fn submit(sb: &Sandbox, link: &str, form: &[(&str, &str)]) -> (u16, String) {
    let r = sb.http.post(link).form(form).send().await.unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}

#[tokio::test]
async fn sign_shows_the_offer_then_notifies_the_shop() {
    let sb = Sandbox::admin(&[]);
    let token = sb.token().await;
    let (url, mut rx) = notification_receiver().await;
    let link = new_link(&sb, &token, "PS1C42A1", "Dupont", 129_010, &url).await;
    assert!(link.starts_with(&format!("{}/journey/", sb.base)));

    let page = sb.http.get(&link).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    for needle in [
        "<main>",
        "1 290,10 €",
        "12 mois",
        "<label for=\"accept\">J'accepte l'offre de crédit</label>",
        "Signer mon contrat",
        "Refuser",
        "Quitter",
        "lang=\"fr\"",
    ] {
        assert!(html.contains(needle), "{needle} missing in\n{html}");
    }
    // Before the end: the sandbox holds it in ATT, but Sofinco's API knows no dossier yet.
    assert!(lookup(&sb, &token, "PS1C42A1").await.contracts.is_empty());
    assert_eq!(admin_statuses(&sb, "PS1C42A1").await, vec!["ATT"]);

    // Signing needs the box ticked.
    let (code, html) = submit(&sb, &link, &[("action", "sign")]).await;
    assert_eq!(code, 400);
    assert!(html.contains("role=\"alert\""));
    let (code, html) = submit(&sb, &link, &[("accept", "yes"), ("action", "sign")]).await;
    assert_eq!(code, 200);
    assert!(html.contains("Retour à la boutique"));
    assert!(html.contains("https://shop.example/module/sofinco/return?ref=X"));

    let n = next_notification(&mut rx).await;
    assert_eq!(
        n,
        json!({"ORDER_ID": "PS1C42A1", "AMOUNT": 1290.1, "CONTRACT_STATUS": "ETU"})
    );

    // Found case-insensitively, signed today, with a contract number.
    let list = lookup(&sb, &token, "ps1c42a1").await;
    let c = &list.contracts[0];
    assert_eq!((c.status.as_str(), c.amount.cents()), ("ETU", 129_010));
    assert!(c.contract_id.starts_with("SBX"));
    assert_eq!(c.signature_date.as_deref().map(str::len), Some(10));

    // The journey is over: the page shows the result, no second notification.
    let (_, html) = submit(&sb, &link, &[("action", "refuse")]).await;
    assert!(html.contains("statut ETU"));
    // The shop's 200 reaches the sandbox just after the body reached us.
    let mut sent = Value::Null;
    for _ in 0..50 {
        sent = sb.admin_get("/notifications").await;
        if sent[0]["delivered"] == true {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    assert_eq!(sent.as_array().unwrap().len(), 1);
    assert_eq!(sent[0]["delivered"], true);
    assert_eq!(sent[0]["attempts"], 1);
}

#[tokio::test]
async fn refuse_leave_and_the_refusal_rule() {
    let sb = Sandbox::admin(&[]);
    let token = sb.token().await;
    let (url, mut rx) = notification_receiver().await;
    let cases = [
        ("REF1", "Martin", &[("action", "refuse")][..], "REF"),
        ("ABD1", "Martin", &[("action", "leave")][..], "ABD"),
        (
            "RULE1",
            "Refus",
            &[("action", "sign"), ("accept", "yes")][..],
            "REF",
        ),
        (
            "RULE2",
            "Accord",
            &[("action", "sign"), ("accept", "yes")][..],
            "AFI",
        ),
    ];
    for (order, name, form, expected) in cases {
        let link = new_link(&sb, &token, order, name, 50_000, &url).await;
        let (code, _) = submit(&sb, &link, form).await;
        assert_eq!(code, 200);
        let n = next_notification(&mut rx).await;
        assert_eq!(n["ORDER_ID"], order);
        assert_eq!(n["CONTRACT_STATUS"], expected);
        assert_eq!(n["AMOUNT"], json!(500.0));
        assert_eq!(
            lookup(&sb, &token, order).await.contracts[0].status,
            expected
        );
    }
}

#[tokio::test]
async fn link_validation_and_replacement() {
    let sb = Sandbox::admin(&[]);
    let token = sb.token().await;
    let (url, _rx) = notification_receiver().await;
    let first = new_link(&sb, &token, "AGAIN1", "Durand", 30_000, &url).await;
    let second = new_link(&sb, &token, "AGAIN1", "Durand", 40_000, &url).await;
    assert_ne!(first, second);
    assert_eq!(sb.http.get(&first).send().await.unwrap().status(), 404);
    let html = sb
        .http
        .get(&second)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("400,00 €"));
    assert_eq!(
        admin_statuses(&sb, "AGAIN1").await.len(),
        1,
        "the same dossier"
    );
    submit(&sb, &second, &[("action", "leave")]).await;
    let r = sb
        .api(Method::POST, path::LINKS, &token)
        .json(&link_request("AGAIN1", "Durand", 40_000, &url))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 409, "an ended journey's orderId is taken");

    let bad = [
        link_request("lower1", "Durand", 30_000, &url),
        link_request("OK1", "Dür", 30_000, &url),
        link_request("OK2", "Durand", 0, &url),
        link_request("OK3", "Durand", 30_000, "/relative"),
        link_request("OK4", "Durand", 1_000, &url),
    ];
    for request in bad {
        let r = sb
            .api(Method::POST, path::LINKS, &token)
            .json(&request)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), 400);
        assert!(r.json::<Value>().await.unwrap()["longlib"].is_string());
    }
    let mut not_json = link_request("OK5", "Durand", 30_000, &url);
    not_json.business_context = "{not json".into();
    let r = sb
        .api(Method::POST, path::LINKS, &token)
        .json(&not_json)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(
        sb.http
            .get(sb.url("/journey/unknown"))
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
}

#[tokio::test]
async fn control_notification_may_lie() {
    let sb = Sandbox::admin(&[]);
    let token = sb.token().await;
    let (url, mut rx) = notification_receiver().await;
    new_link(&sb, &token, "LIE1", "Petit", 77_777, &url).await;
    let r = sb
        .http
        .post(sb.url("/_sandbox/notify/LIE1"))
        .json(&json!({"status": "FIN", "amountCents": 1}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 202);
    let n = next_notification(&mut rx).await;
    assert_eq!(
        n,
        json!({"ORDER_ID": "LIE1", "AMOUNT": 0.01, "CONTRACT_STATUS": "FIN"})
    );
    assert_eq!(
        admin_statuses(&sb, "LIE1").await,
        vec!["ATT"],
        "the lie changed nothing"
    );
}

#[tokio::test]
async fn links_expire_on_the_sandbox_clock() {
    let sb = Sandbox::admin(&[]);
    let token = sb.token().await;
    let (url, _rx) = notification_receiver().await;
    let link = new_link(&sb, &token, "LATE1", "Lenoir", 60_000, &url).await;
    sb.admin_post("/clock/advance", json!({"seconds": 31 * 60}))
        .await;
    assert_eq!(sb.http.get(&link).send().await.unwrap().status(), 410);
    let (code, _) = submit(&sb, &link, &[("action", "sign"), ("accept", "yes")]).await;
    assert_eq!(code, 410);
    // 31 minutes outlive the 20-minute token too.
    let fresh = sb.token().await;
    assert!(lookup(&sb, &fresh, "LATE1").await.contracts.is_empty());
    assert_eq!(admin_statuses(&sb, "LATE1").await, vec!["ATT"]);
}

/// The statuses the control route shows for one orderId (dossiers still in their journey
/// included).
async fn admin_statuses(sb: &Sandbox, order_id: &str) -> Vec<String> {
    let all = sb.admin_get("/dossiers").await;
    all.as_array()
        .expect("a list")
        .iter()
        .filter(|d| d["partnerExternalId"] == order_id)
        .map(|d| d["status"].as_str().unwrap_or_default().to_string())
        .collect()
}
