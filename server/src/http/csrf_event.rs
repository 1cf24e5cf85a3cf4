//! The security event for a refused cross-site write (`event=csrf_refused`), logged without
//! touching the Origin check itself: a marker layer inside the check stamps every response that
//! got past it, and a layer outside logs a state-changing request answered 403 without the
//! stamp — one the check refused, whatever rule it applies.

use crate::events::SecurityEvent;
use axum::extract::Request;
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

/// Stamped on responses from inside the Origin check.
#[derive(Clone, Copy, Debug)]
struct PassedOriginCheck;

/// The inner layer: everything that reaches it passed the check.
pub async fn passed(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    res.extensions_mut().insert(PassedOriginCheck);
    res
}

/// The outer layer: a write refused by the check becomes a security event.
pub async fn refused(req: Request, next: Next) -> Response {
    let write = !matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let path: String = req.uri().path().chars().take(200).collect();
    let origin: String = req
        .headers()
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-")
        .chars()
        .take(200)
        .collect();
    let res = next.run(req).await;
    if write
        && res.status() == StatusCode::FORBIDDEN
        && res.extensions().get::<PassedOriginCheck>().is_none()
    {
        tracing::warn!(event = %SecurityEvent::CsrfRefused, %path, %origin, "cross-site write refused");
    }
    res
}
