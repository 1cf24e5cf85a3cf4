//! Bad input to a server function (服务器函数的错误输入), answered in one place for all of
//! them. Leptos decodes a server function's arguments itself and answers a failure with
//! status 500 and the parser's words (`Args|invalid digit found in string`). This layer sits in
//! front of every registered server function:
//!
//! - before: a body other than a URL-encoded form is 415, a body over [`MAX_FN_BODY`] is 413,
//!   a field sent twice is 400 (parameter pollution);
//! - after: an argument Leptos could not decode (`Args`, `Deserialization`, `MissingArg`,
//!   `Request`) is 400, and the function's own refusals (`not_signed_in`, `forbidden`,
//!   `not_found`, `throttled`, `invalid_…`) are 401/403/404/429/400 instead of 500.
//!
//! The answer never carries parser text: a script gets the message in the reader's language
//! (plain text); a browser form post (no JavaScript, `Accept: text/html`) is sent back to the
//! page it came from with `?error=invalid_input`, and, for a signed-in session whose form names
//! itself (the hidden `_form` field), what was typed comes back in the form (表单回填, the
//! `form_echo` records `back_echo` uses).

use crate::staff::StaffService;
use crate::store::Store;
use app::api::{EditorPort, StaffPort};
use app::i18n::{message, Locale};
use app::model::{EchoError, FormEcho};
use axum::body::{to_bytes, Body};
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashSet;
use std::sync::LazyLock;

/// The largest body a server function accepts: a staff import (512 KiB of text) URL-encoded
/// with room to spare.
pub const MAX_FN_BODY: usize = 2 * 1024 * 1024;

/// The refusal code a page words (`staff.error.invalid_input`).
pub const CODE: &str = "invalid_input";

/// The hidden field a form names itself with, for the echo.
pub const FORM_FIELD: &str = "_form";

/// Every server function's path, from Leptos' registry.
static PATHS: LazyLock<HashSet<&'static str>> = LazyLock::new(|| {
    leptos::server_fn::axum::server_fn_paths()
        .map(|(path, _)| path)
        .collect()
});

/// The server functions' paths, sorted (the `server-fns` subcommand lists them for probes).
pub fn paths() -> Vec<&'static str> {
    let mut all: Vec<_> = PATHS.iter().copied().collect();
    all.sort_unstable();
    all
}

/// Why an input was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Refusal {
    /// 400: a field that does not decode, is missing or is sent twice.
    Malformed,
    /// 413
    TooLarge,
    /// 415
    MediaType,
}

impl Refusal {
    fn status(self) -> StatusCode {
        match self {
            Refusal::Malformed => StatusCode::BAD_REQUEST,
            Refusal::TooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            Refusal::MediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        }
    }

    fn key(self) -> &'static str {
        match self {
            Refusal::Malformed => "bad_input.malformed",
            Refusal::TooLarge => "bad_input.too_large",
            Refusal::MediaType => "bad_input.media_type",
        }
    }
}

/// Who asked, for the answer.
struct Asker {
    locale: Locale,
    /// A browser's form post (no script): answer with the page again.
    form_post: bool,
    /// The page the form is on (a local path), from `Referer`.
    back_to: Option<String>,
    session: Option<String>,
}

fn header_str(headers: &HeaderMap, name: header::HeaderName) -> Option<&str> {
    headers.get(name).and_then(|v| v.to_str().ok())
}

/// The local path and query of a `Referer` on this host, without a previous outcome.
fn local_page(referer: &str, host: Option<&str>) -> Option<String> {
    let rest = referer
        .strip_prefix("http://")
        .or_else(|| referer.strip_prefix("https://"))?;
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    if Some(authority) != host {
        return None;
    }
    let path = path.split('#').next().unwrap_or("/");
    let (path, query) = path.split_once('?').unwrap_or((path, ""));
    if !path.starts_with('/') || path.starts_with("//") || path.starts_with("/api/") {
        return None;
    }
    let kept: Vec<&str> = query
        .split('&')
        .filter(|p| {
            let name = p.split('=').next().unwrap_or_default();
            !p.is_empty() && !matches!(name, "error" | "done" | "echo" | "__err" | "__path")
        })
        .collect();
    Some(if kept.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", kept.join("&"))
    })
}

fn asker(headers: &HeaderMap) -> Asker {
    let cookie = header_str(headers, header::COOKIE);
    let locale = Locale::negotiate(cookie, header_str(headers, header::ACCEPT_LANGUAGE));
    let form_post = header_str(headers, header::ACCEPT).is_some_and(|a| a.contains("text/html"));
    let back_to = header_str(headers, header::REFERER)
        .and_then(|r| local_page(r, header_str(headers, header::HOST)));
    let session = cookie.and_then(|c| {
        c.split(';').find_map(|pair| {
            let (name, value) = pair.trim().split_once('=')?;
            (name.ends_with(app::api::staff::SESSION_COOKIE) && !value.is_empty())
                .then(|| value.to_string())
        })
    });
    Asker {
        locale,
        form_post,
        back_to,
        session,
    }
}

/// Whether the body is a URL-encoded form (or empty, as Leptos sends an argument-less call).
fn is_form(headers: &HeaderMap) -> bool {
    match header_str(headers, header::CONTENT_TYPE) {
        None => true,
        Some(ct) => ct.split(';').next().is_some_and(|m| {
            m.trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        }),
    }
}

/// The form's fields, or `None` when one is sent twice (a `name[i]` list item is one field, and
/// `name[]` — a list of checkboxes such as `cooperating[]` — may repeat).
fn fields(body: &[u8]) -> Option<Vec<(String, String)>> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(body).into_owned().collect();
    let mut seen = HashSet::new();
    pairs
        .iter()
        .all(|(name, _)| name.ends_with("[]") || seen.insert(name.as_str()))
        .then_some(pairs)
}

/// Whether a Leptos error answer is about the arguments (not the function's own refusal).
fn is_argument_error(text: &str) -> bool {
    ["Args|", "Deserialization|", "MissingArg|", "Request|"]
        .iter()
        .any(|p| text.starts_with(p))
}

/// A server function's own refusal (`ServerError|<code>`, the `StaffError` codes) that the
/// caller caused: its status and message key. Storage failures stay 500.
fn refusal_of(code: &str) -> Option<(StatusCode, String)> {
    let status = match code {
        "not_signed_in" | "bad_credentials" => StatusCode::UNAUTHORIZED,
        "forbidden" => StatusCode::FORBIDDEN,
        "not_found" => StatusCode::NOT_FOUND,
        "throttled" => StatusCode::TOO_MANY_REQUESTS,
        c if c.starts_with("invalid_")
            && c.len() < 40
            && c.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') =>
        {
            StatusCode::BAD_REQUEST
        }
        _ => return None,
    };
    let key = format!("staff.error.{code}");
    let worded = message(&key, Locale::default()) != key;
    Some((
        status,
        if worded {
            key
        } else {
            Refusal::Malformed.key().to_string()
        },
    ))
}

/// A Leptos form-redirect carrying an argument error (`?__err=` of a browser post).
fn redirect_with_argument_error(res: &Response) -> bool {
    use base64::Engine;
    let Some(location) = header_str(res.headers(), header::LOCATION) else {
        return false;
    };
    let Some(query) = location.split_once('?').map(|(_, q)| q) else {
        return false;
    };
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == "__err")
        .and_then(|(_, v)| {
            base64::engine::general_purpose::URL_SAFE
                .decode(v.as_bytes())
                .ok()
        })
        .is_some_and(|bytes| is_argument_error(&String::from_utf8_lossy(&bytes)))
}

/// What the guard needs: the store a staff service is made with.
#[derive(Clone)]
pub struct Guarded {
    pub store: Store,
}

pub async fn guard(State(guarded): State<Guarded>, req: Request, next: Next) -> Response {
    let staff = StaffService {
        store: guarded.store,
    };
    if req.method() != Method::POST || !PATHS.contains(req.uri().path()) {
        return next.run(req).await;
    }
    let asker = asker(req.headers());
    let path = req.uri().path().to_string();
    if !is_form(req.headers()) {
        return refuse(&staff, &asker, Refusal::MediaType, &path, None).await;
    }
    let (parts, body) = req.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_FN_BODY).await else {
        return refuse(&staff, &asker, Refusal::TooLarge, &path, None).await;
    };
    let Some(typed) = fields(&bytes) else {
        return refuse(&staff, &asker, Refusal::Malformed, &path, None).await;
    };
    let res = next
        .run(Request::from_parts(parts, Body::from(bytes)))
        .await;
    if res.status() == StatusCode::INTERNAL_SERVER_ERROR
        && res.headers().contains_key("serverfnerror")
    {
        let (head, body) = res.into_parts();
        let bytes = to_bytes(body, 64 * 1024).await.unwrap_or_default();
        let text = String::from_utf8_lossy(&bytes);
        if is_argument_error(&text) {
            return refuse(&staff, &asker, Refusal::Malformed, &path, Some(typed)).await;
        }
        if let Some((status, key)) = text.strip_prefix("ServerError|").and_then(refusal_of) {
            return (
                status,
                [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
                message(&key, asker.locale),
            )
                .into_response();
        }
        return Response::from_parts(head, Body::from(bytes));
    }
    if res.status().is_redirection() && redirect_with_argument_error(&res) {
        return refuse(&staff, &asker, Refusal::Malformed, &path, Some(typed)).await;
    }
    res
}

async fn refuse(
    staff: &StaffService,
    asker: &Asker,
    why: Refusal,
    path: &str,
    typed: Option<Vec<(String, String)>>,
) -> Response {
    tracing::info!(path, refusal = ?why, "refused a server function's input");
    if asker.form_post {
        let page = asker.back_to.clone().unwrap_or_else(|| "/".to_string());
        let echo = match (typed, &asker.session) {
            (Some(typed), Some(session)) => keep_echo(staff, session, typed).await,
            _ => None,
        };
        let sep = if page.contains('?') { '&' } else { '?' };
        let target = match echo {
            Some((id, anchor)) => format!("{page}{sep}error={CODE}&echo={id}#{anchor}"),
            None => format!("{page}{sep}error={CODE}"),
        };
        let mut res = StatusCode::SEE_OTHER.into_response();
        if let Ok(value) = HeaderValue::from_str(&target) {
            res.headers_mut().insert(header::LOCATION, value);
        }
        return res;
    }
    (
        why.status(),
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        message(why.key(), asker.locale),
    )
        .into_response()
}

/// Keeps what was typed into a form that names itself, for the session that typed it.
async fn keep_echo(
    staff: &StaffService,
    session: &str,
    typed: Vec<(String, String)>,
) -> Option<(i64, String)> {
    let form = typed
        .iter()
        .find(|(n, _)| n == FORM_FIELD)
        .map(|(_, v)| v.clone())
        .filter(|f| f.len() <= 64 && !f.is_empty())?;
    let echo = FormEcho {
        form: form.clone(),
        fields: typed.into_iter().filter(|(n, _)| n != FORM_FIELD).collect(),
        error: EchoError {
            code: CODE.to_string(),
            field: None,
            clash: None,
        },
    };
    // Only a live session's form is kept (for that session alone, as `back_echo` keeps it).
    if !matches!(StaffPort::member(staff, session).await, Ok(Some(_))) {
        return None;
    }
    match EditorPort::keep_echo(staff, session, &echo).await {
        Ok(id) => Some((id, form)),
        Err(err) => {
            tracing::warn!(error = %err, "could not keep a form echo");
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_this_hosts_pages_are_gone_back_to() {
        let host = Some("portal.example");
        assert_eq!(
            local_page("http://portal.example/staff/topics/3?error=x&tab=2", host).as_deref(),
            Some("/staff/topics/3?tab=2")
        );
        assert_eq!(local_page("https://evil.example/staff", host), None);
        assert_eq!(local_page("http://portal.example//evil", host), None);
        assert_eq!(
            local_page("http://portal.example", host).as_deref(),
            None,
            "no path"
        );
    }

    #[test]
    fn a_field_sent_twice_is_refused_but_a_list_is_not() {
        assert!(fields(b"task_id=1&task_id=2").is_none());
        assert!(fields(b"ids[0]=a&ids[1]=b&locale=En").is_some());
        assert!(fields(b"topic_id=3&cooperating[]=&cooperating[]=4&cooperating[]=9").is_some());
    }

    #[test]
    fn argument_errors_are_told_from_the_functions_own() {
        assert!(is_argument_error("Args|invalid digit found in string"));
        assert!(!is_argument_error("ServerError|not_signed_in"));
        assert_eq!(
            refusal_of("forbidden").map(|(s, _)| s),
            Some(StatusCode::FORBIDDEN)
        );
        assert_eq!(
            refusal_of("unavailable"),
            None,
            "a storage failure stays 500"
        );
    }
}
