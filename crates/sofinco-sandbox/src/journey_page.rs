//! The customer journey at the link: a small French page to sign, refuse or leave, then
//! the notification to the shop and the "Retour à la boutique" link.

use std::collections::HashMap;
use std::sync::Arc;

use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get;
use axum::Router;

use sofinco_core::contract::{status, Notification, Proposal};
use sofinco_core::money::Euros;

use crate::notifier;
use crate::rates;
use crate::scenario;
use crate::state::{Dossier, Shared};

/// Links are `{base}{PREFIX}{token}`.
pub const PREFIX: &str = "/journey/";
const ACTION: &str = "action";
const ACCEPT: &str = "accept";

pub fn routes() -> Router<Arc<Shared>> {
    Router::new().route(&format!("{PREFIX}{{token}}"), get(show).post(act))
}

/// "1 290,00 €": French grouping and decimal comma.
pub fn french_euros(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let units = (abs / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in units.chars().enumerate() {
        if i > 0 && (units.len() - i) % 3 == 0 {
            grouped.push(' ');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped},{:02} €", abs % 100)
}

fn french_rate(rate: f64) -> String {
    format!("{rate:.2} %").replace('.', ",")
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

fn page(status: StatusCode, title: &str, body: &str) -> Response {
    let html = format!(
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n\
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
<title>{title} – Sofinco (bac à sable)</title>\n<style>\n\
body{{font-family:system-ui,sans-serif;margin:0;background:#f4f6f8;color:#1b1f24}}\n\
main{{max-width:34rem;margin:2rem auto;background:#fff;padding:1.5rem 2rem;border-radius:8px}}\n\
dl{{display:grid;grid-template-columns:auto auto;gap:.4rem 1rem}}dd{{margin:0;font-weight:600}}\n\
.amount{{white-space:nowrap}}.error{{color:#a4000f;font-weight:600}}\n\
button,.button{{font-size:1rem;padding:.6rem 1rem;margin:.3rem .3rem 0 0;border-radius:4px}}\n\
</style>\n</head>\n<body>\n<main>\n<h1>{title}</h1>\n{body}</main>\n</body>\n</html>\n"
    );
    (status, Html(html)).into_response()
}

fn offer_of(shared: &Shared, d: &Dossier, duration: u32) -> Option<Proposal> {
    shared
        .config
        .bareme
        .offers_for(d.amount_cents)
        .into_iter()
        .find(|o| o.due_number == duration)
        .map(|o| rates::proposal(o, d.amount_cents))
}

fn offer_page(shared: &Shared, d: &Dossier, token: &str, error: Option<&str>) -> Response {
    let Some(journey) = &d.journey else {
        return unknown();
    };
    let mut rows = format!(
        "<dt>Montant financé</dt><dd class=\"amount\">{}</dd>\n<dt>Durée</dt><dd>{} mois</dd>\n",
        french_euros(d.amount_cents),
        journey.duration
    );
    if let Some(p) = offer_of(shared, d, journey.duration) {
        let i = &p.installment_without_insurance;
        rows.push_str(&format!(
            "<dt>Mensualité</dt><dd class=\"amount\">{}</dd>\n\
<dt>Dernière mensualité</dt><dd class=\"amount\">{}</dd>\n\
<dt>Taux débiteur fixe</dt><dd>{}</dd>\n<dt>TAEG fixe</dt><dd>{}</dd>\n\
<dt>Coût total du crédit</dt><dd class=\"amount\">{}</dd>\n\
<dt>Montant total dû</dt><dd class=\"amount\">{}</dd>\n",
            french_euros(i.amount.cents()),
            french_euros(i.last_amount.cents()),
            french_rate(p.annual_debit_rate),
            french_rate(p.annual_global_effective_rate),
            french_euros(p.total_cost_without_insurance.cents()),
            french_euros(p.total_amount_without_insurance.cents()),
        ));
    }
    let customer = &journey.context.customer_context;
    let error = error
        .map(|e| {
            format!(
                "<p class=\"error\" role=\"alert\" id=\"form-error\">{}</p>\n",
                escape(e)
            )
        })
        .unwrap_or_default();
    let body = format!(
        "<p>Bonjour {} {}, voici l'offre de crédit pour votre commande <strong>{}</strong>.</p>\n\
<dl>\n{rows}</dl>\n{error}\
<form method=\"post\" action=\"{PREFIX}{token}\">\n\
<p><input type=\"checkbox\" id=\"{ACCEPT}\" name=\"{ACCEPT}\" value=\"yes\"{}>\n\
<label for=\"{ACCEPT}\">J'accepte l'offre de crédit</label></p>\n\
<button type=\"submit\" name=\"{ACTION}\" value=\"sign\">Signer mon contrat</button>\n\
<button type=\"submit\" name=\"{ACTION}\" value=\"refuse\">Refuser</button>\n\
<button type=\"submit\" name=\"{ACTION}\" value=\"leave\">Quitter</button>\n\
</form>\n",
        escape(&customer.first_name),
        escape(&customer.last_name),
        escape(&d.order_id),
        if error.is_empty() {
            ""
        } else {
            " aria-describedby=\"form-error\""
        },
    );
    let code = if error.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    page(code, "Votre offre de crédit Sofinco", &body)
}

fn result_page(d: &Dossier) -> Response {
    let message = match d.status.as_str() {
        status::IN_STUDY => "Votre contrat est signé. Sofinco étudie votre dossier.",
        status::AWAITING_CUSTOMER => "Votre contrat est signé. Sofinco attend vos justificatifs.",
        status::AWAITING_FUNDING | status::FUNDED => {
            "Votre contrat est signé et votre financement est accordé."
        }
        status::REFUSED => "Votre demande de crédit n'a pas abouti.",
        status::ABANDONED => "Vous avez quitté le parcours : votre demande est abandonnée.",
        status::CANCELLED => "Votre demande de crédit est annulée.",
        _ => "Votre demande de crédit est enregistrée.",
    };
    let back = d
        .journey
        .as_ref()
        .map(|j| {
            format!(
                "<p><a class=\"button\" href=\"{}\">Retour à la boutique</a></p>\n",
                escape(&j.context.provider_context.return_url)
            )
        })
        .unwrap_or_default();
    let body = format!(
        "<p role=\"status\">{message}</p>\n<p>Commande {} – dossier {} – statut {}.</p>\n{back}",
        escape(&d.order_id),
        escape(&d.contract_id),
        escape(&d.status)
    );
    page(StatusCode::OK, "Votre demande de crédit Sofinco", &body)
}

fn unknown() -> Response {
    page(
        StatusCode::NOT_FOUND,
        "Lien inconnu",
        "<p>Ce lien de parcours Sofinco est inconnu.</p>\n",
    )
}

fn expired() -> Response {
    page(
        StatusCode::GONE,
        "Lien expiré",
        "<p>Ce lien de parcours Sofinco a expiré. Retournez sur la boutique pour recommencer.</p>\n",
    )
}

async fn show(State(shared): State<Arc<Shared>>, Path(token): Path<String>) -> Response {
    let inner = shared.lock();
    let now = inner.now();
    let Some(d) = inner
        .journeys
        .get(&token)
        .and_then(|k| inner.dossiers.get(k))
    else {
        return unknown();
    };
    match &d.journey {
        Some(j) if j.ended.is_some() || d.status != status::RECEIVED => result_page(d),
        Some(j) if j.expires_at <= now => expired(),
        Some(_) => offer_page(&shared, d, &token, None),
        None => unknown(),
    }
}

async fn act(
    State(shared): State<Arc<Shared>>,
    Path(token): Path<String>,
    body: Bytes,
) -> Response {
    let form: HashMap<String, String> = url::form_urlencoded::parse(&body).into_owned().collect();
    let action = form.get(ACTION).map(String::as_str).unwrap_or("");
    let mut inner = shared.lock();
    let (now, today) = (inner.now(), inner.today());
    let Some(key) = inner.journeys.get(&token).cloned() else {
        return unknown();
    };
    let Some(d) = inner.dossiers.get_mut(&key) else {
        return unknown();
    };
    let Some(journey) = d.journey.as_ref() else {
        return unknown();
    };
    if journey.ended.is_some() || d.status != status::RECEIVED {
        return result_page(d);
    }
    if journey.expires_at <= now {
        return expired();
    }
    let last_name = journey.context.customer_context.last_name.clone();
    let url = journey.context.provider_context.exchange_url.clone();
    let next = match action {
        "sign" if form.get(ACCEPT).is_some_and(|v| !v.is_empty()) => {
            d.signature_date = Some(today);
            scenario::status_after_signature(&last_name)
        }
        "sign" => {
            return offer_page(
                &shared,
                d,
                &token,
                Some("Cochez « J'accepte l'offre de crédit » pour signer votre contrat."),
            )
        }
        "refuse" => status::REFUSED,
        "leave" => status::ABANDONED,
        _ => return offer_page(&shared, d, &token, Some("Choisissez une action.")),
    };
    d.set_status(next, now);
    if let Some(j) = d.journey.as_mut() {
        j.ended = Some(next.to_string());
    }
    let notification = Notification {
        order_id: d.order_id.clone(),
        amount: Euros(d.amount_cents),
        contract_status: next.to_string(),
    };
    let response = result_page(d);
    drop(inner);
    notifier::spawn(shared.clone(), url, notification);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_amounts() {
        assert_eq!(french_euros(129_000), "1 290,00 €");
        assert_eq!(french_euros(8_603), "86,03 €");
        assert_eq!(french_euros(123_456_789), "1 234 567,89 €");
        assert_eq!(french_euros(5), "0,05 €");
        assert_eq!(french_rate(6.06), "6,06 %");
        assert_eq!(escape("<a href='x'>"), "&lt;a href=&#39;x&#39;&gt;");
    }
}
