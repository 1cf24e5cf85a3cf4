//! `POST /csp-report`: where browsers report Content-Security-Policy violations, both the
//! `report-uri` form (`application/csp-report`, `{"csp-report": {…}}`) and the Reporting API
//! form of `report-to` (`application/reports+json`, `[{"type": "csp-violation", "body": {…}}]`).
//! Each report is logged as a security event (`event=csp_violation`) with its directive, the
//! blocked resource and the page, cut short; nothing is stored. Limited per network (a page
//! with a real violation sends a few; a flood is dropped with 429). The `Reporting-Endpoints`
//! header names the endpoint for `report-to`.

use super::vote::client_of;
use crate::events::SecurityEvent;
use crate::vote::{identity, VoteService};
use axum::body::Bytes;
use axum::extract::{ConnectInfo, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use serde_json::Value;
use std::net::SocketAddr;
use std::sync::Arc;

/// Where reports go, as the CSP's `report-uri` and the `csp-endpoint` group name it.
pub const PATH: &str = "/csp-report";
/// Larger bodies are not reports.
pub const MAX_BODY: usize = 16 * 1024;
/// Reports read from one body.
const MAX_REPORTS: usize = 10;

/// A field of a report, as printable text of at most 200 characters.
fn field(report: &Value, names: &[&str]) -> String {
    names
        .iter()
        .find_map(|name| report.get(*name))
        .map(|v| match v {
            Value::String(s) => s.clone(),
            other => other.to_string(),
        })
        .unwrap_or_default()
        .chars()
        .filter(|c| !c.is_control())
        .take(200)
        .collect()
}

/// The violation bodies in either report format.
fn violations(json: &Value) -> Vec<&Value> {
    match json {
        Value::Object(map) => map.get("csp-report").into_iter().collect(),
        Value::Array(items) => items
            .iter()
            .filter(|item| item.get("type").and_then(Value::as_str) == Some("csp-violation"))
            .filter_map(|item| item.get("body"))
            .take(MAX_REPORTS)
            .collect(),
        _ => Vec::new(),
    }
}

pub async fn receive(
    State(vote): State<Arc<VoteService>>,
    ConnectInfo(socket): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    body: Bytes,
) -> Response {
    let network = identity::network(client_of(&vote, socket, &headers));
    match vote.allow_report(&network).await {
        Ok(true) => {}
        Ok(false) => {
            tracing::info!(event = %SecurityEvent::CspReportsLimited, %network, "CSP reports rate-limited");
            return StatusCode::TOO_MANY_REQUESTS.into_response();
        }
        Err(err) => {
            tracing::error!(error = %err, "CSP report limit unavailable");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    }
    if body.len() > MAX_BODY {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    }
    let Ok(json) = serde_json::from_slice::<Value>(&body) else {
        return StatusCode::BAD_REQUEST.into_response();
    };
    let found = violations(&json);
    if found.is_empty() {
        return StatusCode::BAD_REQUEST.into_response();
    }
    for report in found {
        tracing::warn!(
            event = %SecurityEvent::CspViolation,
            %network,
            directive = %field(report, &["effective-directive", "effectiveDirective", "violated-directive"]),
            blocked = %field(report, &["blocked-uri", "blockedURL"]),
            document = %field(report, &["document-uri", "documentURL"]),
            source = %field(report, &["source-file", "sourceFile"]),
            line = %field(report, &["line-number", "lineNumber"]),
            "Content-Security-Policy violation reported"
        );
    }
    StatusCode::NO_CONTENT.into_response()
}

/// Names the report endpoint for the CSP's `report-to csp-endpoint` on every response that
/// carries a policy (the security headers layer sets the policy; this layer wraps it).
pub async fn reporting_endpoints(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    if res.headers().contains_key(header::CONTENT_SECURITY_POLICY) {
        res.headers_mut().insert(
            "reporting-endpoints",
            HeaderValue::from_static("csp-endpoint=\"/csp-report\""),
        );
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_report_formats_are_read_and_fields_cut_short() {
        let old = serde_json::json!({ "csp-report": { "violated-directive": "script-src", "blocked-uri": "inline" } });
        assert_eq!(violations(&old).len(), 1);
        assert_eq!(
            field(violations(&old)[0], &["violated-directive"]),
            "script-src"
        );
        let new = serde_json::json!([
            { "type": "csp-violation", "body": { "effectiveDirective": "img-src", "blockedURL": "x".repeat(500) } },
            { "type": "deprecation", "body": {} }
        ]);
        let found = violations(&new);
        assert_eq!(found.len(), 1);
        assert_eq!(field(found[0], &["blockedURL"]).len(), 200);
        assert!(violations(&serde_json::json!({ "other": 1 })).is_empty());
        assert_eq!(field(&serde_json::json!({ "a": "x\ny" }), &["a"]), "xy");
    }
}
