//! Starts the real `sofinco-sandbox` binary on a free loopback port and talks to it.
#![allow(dead_code)]

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use reqwest::{Client, Method, RequestBuilder, Response};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::sync::mpsc;

use sofinco_core::contract::{
    header, rules, BusinessContext, CustomerContext, LinkRequest, OfferContext, ProviderContext,
    TokenResponse, GRANT_TYPE, GRANT_TYPE_FIELD,
};

pub const PROVIDER: &str = "SBXPARTNER1";
pub const EQUIPMENT: &str = "ELE";

pub struct Sandbox {
    child: Child,
    pub base: String,
    pub http: Client,
}

impl Sandbox {
    /// The sandbox with `--admin` and the given extra options.
    pub fn admin(extra: &[&str]) -> Sandbox {
        let mut args = vec!["--admin"];
        args.extend_from_slice(extra);
        Sandbox::start(&args)
    }

    pub fn start(args: &[&str]) -> Sandbox {
        let mut child = Command::new(env!("CARGO_BIN_EXE_sofinco-sandbox"))
            .args(["--listen", "127.0.0.1:0"])
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start the sandbox");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("read the listening line");
        let base = line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_string();
        let http = Client::builder()
            .timeout(Duration::from_secs(10))
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client");
        Sandbox { child, base, http }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn wait(&mut self) -> std::process::ExitStatus {
        self.child.wait().expect("wait")
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    pub async fn token_response(&self, id: &str, secret: &str) -> Response {
        self.http
            .post(self.url("/token"))
            .basic_auth(id, Some(secret))
            .form(&[(GRANT_TYPE_FIELD, GRANT_TYPE)])
            .send()
            .await
            .expect("token call")
    }

    pub async fn token(&self) -> String {
        let r = self
            .token_response("sandbox-client", "sandbox-secret")
            .await;
        assert_eq!(r.status(), 200);
        r.json::<TokenResponse>()
            .await
            .expect("token")
            .access_token
            .expose()
            .to_string()
    }

    /// An API call with the bearer token and every context header.
    pub fn api(&self, method: Method, path: &str, token: &str) -> RequestBuilder {
        self.http
            .request(method, self.url(path))
            .bearer_auth(token)
            .header(header::CONTEXT_PARTNER_ID, "Q6TEST")
            .header(header::CONTEXT_SOURCE_ID, "X1TEST")
            .header(
                header::CORRELATION_ID,
                "5a0c2a4e-1b7e-4d55-9d4f-0d1c3b8a9e10",
            )
    }

    pub async fn admin_post(&self, path: &str, body: Value) -> Value {
        let r = self
            .http
            .post(self.url(&format!("/_sandbox{path}")))
            .json(&body)
            .send()
            .await
            .expect("control call");
        assert!(r.status().is_success(), "{path}: {}", r.status());
        r.json().await.unwrap_or(Value::Null)
    }

    pub async fn admin_get(&self, path: &str) -> Value {
        let r = self
            .http
            .get(self.url(&format!("/_sandbox{path}")))
            .send()
            .await
            .expect("control call");
        assert!(r.status().is_success(), "{path}: {}", r.status());
        r.json().await.expect("json")
    }

    /// The query every contract route needs.
    pub fn contract_query(order_id: &str) -> String {
        format!("?businessProviderId={PROVIDER}&equipmentCode={EQUIPMENT}&orderId={order_id}")
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn link_request(
    order_id: &str,
    last_name: &str,
    cents: i64,
    exchange_url: &str,
) -> LinkRequest {
    let context = BusinessContext {
        provider_context: ProviderContext {
            business_provider_id: PROVIDER.into(),
            return_url: "https://shop.example/module/sofinco/return?ref=X".into(),
            exchange_url: exchange_url.into(),
        },
        customer_context: CustomerContext {
            civility_code: "2".into(),
            first_name: "Marie".into(),
            last_name: last_name.into(),
            street: "1 rue de la Paix".into(),
            additional_street: String::new(),
            zip_code: "75002".into(),
            city: "Paris".into(),
            country_code: "FR".into(),
            email_address: "marie@example.com".into(),
            mobile_number: "0612345678".into(),
        },
        offer_context: OfferContext {
            order_id: order_id.into(),
            equipment_code: EQUIPMENT.into(),
            amount: cents,
            order_amount: cents,
            duration: Some(12),
            awaiting_funding: true,
        },
    };
    LinkRequest {
        token_format: rules::LINK_TOKEN_FORMAT.into(),
        token_duration: rules::LINK_TOKEN_DURATION_MIN,
        business_context: serde_json::to_string(&context).expect("context"),
    }
}

/// A shop's exchangeUrl: a bare HTTP listener that answers 200 and hands over each body.
pub async fn notification_receiver() -> (String, mpsc::UnboundedReceiver<Vec<u8>>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let url = format!(
        "http://{}/module/sofinco/notify",
        listener.local_addr().unwrap()
    );
    let (tx, rx) = mpsc::unbounded_channel();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let tx = tx.clone();
            tokio::spawn(async move {
                let mut data = Vec::new();
                let mut buf = [0u8; 4096];
                loop {
                    let Ok(n) = socket.read(&mut buf).await else {
                        return;
                    };
                    if n == 0 {
                        return;
                    }
                    data.extend_from_slice(&buf[..n]);
                    if let Some(end) = data.windows(4).position(|w| w == b"\r\n\r\n") {
                        let head = String::from_utf8_lossy(&data[..end]).to_ascii_lowercase();
                        let length: usize = head
                            .lines()
                            .find_map(|l| l.strip_prefix("content-length:"))
                            .and_then(|v| v.trim().parse().ok())
                            .unwrap_or(0);
                        if data.len() >= end + 4 + length {
                            let body = data[end + 4..end + 4 + length].to_vec();
                            let _ = socket
                                .write_all(b"HTTP/1.1 200 OK\r\ncontent-length: 0\r\nconnection: close\r\n\r\n")
                                .await;
                            let _ = tx.send(body);
                            return;
                        }
                    }
                }
            });
        }
    });
    (url, rx)
}

/// The next notification body, or a failure after a few seconds.
pub async fn next_notification(rx: &mut mpsc::UnboundedReceiver<Vec<u8>>) -> Value {
    let body = tokio::time::timeout(Duration::from_secs(5), rx.recv())
        .await
        .expect("a notification in time")
        .expect("channel open");
    serde_json::from_slice(&body).expect("notification JSON")
}
