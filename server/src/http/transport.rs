//! Transport security: when readers reach the portal over https (its public address says so;
//! TLS ends at a reverse proxy in front of it — see docs/deploy.md), every answer tells the
//! browser to use https only from now on (HSTS), and cookies are `Secure` with `__Host-` names
//! (`app::cookies`). Over plain http neither applies: browsers ignore HSTS there.

use axum::extract::Request;
use axum::http::{header, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

/// One year, subdomains included: the portal's own host only serves the portal.
const HSTS: &str = "max-age=31536000; includeSubDomains";

pub async fn hsts(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    if app::cookies::https() {
        res.headers_mut().insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    res
}
