//! Stray controls dropped at the edge (表单纯文本): every URL-encoded form posted to the portal —
//! server functions, the suggestion, ballot, follow and paper-code forms alike — reaches its
//! handler with no character `app::model::is_stray_control` names, in any field, so no handler
//! can forget it and nothing typed by a person is lost (tab and newlines stay). JSON bodies carry
//! ids and proofs, not text that is kept, and are left alone.

use super::fn_input::MAX_FN_BODY;
use app::model::{is_stray_control, without_controls};
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

fn is_url_encoded(req: &Request) -> bool {
    req.headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|ct| ct.split(';').next())
        .is_some_and(|m| {
            m.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
}

/// The form again without stray controls, or `None` when it has none (sent on as it came).
fn cleaned(body: &[u8]) -> Option<Vec<u8>> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    if !pairs
        .iter()
        .any(|(k, v)| k.chars().chain(v.chars()).any(is_stray_control))
    {
        return None;
    }
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (name, value) in &pairs {
        out.append_pair(&without_controls(name), &without_controls(value));
    }
    Some(out.finish().into_bytes())
}

pub async fn strip_controls(req: Request, next: Next) -> Response {
    if req.method() != Method::POST || !is_url_encoded(&req) {
        return next.run(req).await;
    }
    let (mut parts, body) = req.into_parts();
    let bytes = match to_bytes(body, MAX_FN_BODY).await {
        Ok(bytes) => bytes,
        Err(err) if crate::body_deadline::ran_out(&err) => {
            return StatusCode::REQUEST_TIMEOUT.into_response()
        }
        Err(_) => return StatusCode::PAYLOAD_TOO_LARGE.into_response(),
    };
    let body = match cleaned(&bytes) {
        Some(clean) => {
            tracing::info!(path = %parts.uri.path(), "dropped control characters from a form");
            parts.headers.remove(header::CONTENT_LENGTH);
            Body::from(clean)
        }
        None => Body::from(bytes),
    };
    next.run(Request::from_parts(parts, body)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_loses_its_controls_and_keeps_its_text_and_order() {
        let body = b"title=%E7%AE%A1%0B%E7%BA%BF&body=a%01b%0Ac&x%07=1&same=1";
        let clean = String::from_utf8(cleaned(body).expect("changed")).expect("utf-8");
        let pairs: Vec<(String, String)> = form_urlencoded::parse(clean.as_bytes())
            .into_owned()
            .collect();
        assert_eq!(
            pairs,
            [
                ("title".into(), "管线".into()),
                ("body".into(), "ab\nc".into()),
                ("x".into(), "1".into()),
                ("same".into(), "1".into()),
            ]
        );
        assert!(cleaned(b"title=%E7%AE%A1&body=a%0D%0Ab%09").is_none());
    }
}
