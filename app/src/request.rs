//! What the shell learns from the HTTP request (server-only): the reader's locale and the CSP
//! nonce the security middleware chose for this response.

use crate::i18n::Locale;
use http::{header, request::Parts};
use leptos::prelude::*;

/// The per-response nonce; the server's middleware puts it in the request extensions and writes
/// the same value into the `Content-Security-Policy` header.
#[derive(Clone, Debug)]
pub struct CspNonce(pub String);

/// The client's address as the server judges it (the socket's, or behind trusted proxies the
/// one the outermost trusted proxy saw); the server's middleware puts it in the extensions.
#[derive(Clone, Copy, Debug)]
pub struct ClientAddr(pub std::net::IpAddr);

/// Who is signed in, looked up by the server before a `/staff` page renders (`None`: no valid
/// session). The parent route's gate and the pages' loaders read it from the extensions.
#[derive(Clone, Debug)]
pub struct SignedIn(pub Option<crate::model::StaffMember>);

/// Who is signed in on this request, when the server looked (every page a session cookie
/// comes with): what the header shows, so a member of staff sees she is signed in anywhere.
pub fn signed_in() -> Option<crate::model::StaffMember> {
    use_context::<Parts>()?
        .extensions
        .get::<SignedIn>()
        .and_then(|s| s.0.clone())
}

pub fn locale() -> Locale {
    let Some(parts) = use_context::<Parts>() else {
        return Locale::default();
    };
    let header = |name| parts.headers.get(name).and_then(|v| v.to_str().ok());
    Locale::negotiate(header(header::COOKIE), header(header::ACCEPT_LANGUAGE))
}

/// Hands the middleware's nonce to Leptos so its inline scripts carry it.
pub fn provide_csp_nonce() {
    let nonce =
        use_context::<Parts>().and_then(|parts| parts.extensions.get::<CspNonce>().cloned());
    if let Some(CspNonce(value)) = nonce {
        provide_context(leptos::nonce::Nonce::from_value(value));
    }
}

/// Sets the HTTP status of the page being rendered (404 for a missing year, 500 on failure).
pub fn set_status(status: http::StatusCode) {
    if let Some(options) = use_context::<leptos_axum::ResponseOptions>() {
        options.set_status(status);
    }
}
