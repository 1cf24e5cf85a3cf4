//! 我要点菜 over HTTP: the suggestion form posts to `POST /suggest` and "me too" to
//! `POST /suggest/{id}/support` (with the optional `proof` the page's script solves); both
//! answer with a redirect (no JavaScript needed).

use super::reader::locale;
use super::vote::{client_of, cookie, device_cookie, DEVICE_COOKIE};
use super::AppState;
use crate::follow::FollowService;
use crate::vote::suggest::{SuggestError, SuggestionInput, SupportError, Supported};
use crate::vote::VoteService;
use app::model::{FollowKind, FollowOutcome, SuggestRefusal};
use axum::extract::{ConnectInfo, Form, Path, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::post;
use axum::Router;
use std::net::SocketAddr;
use std::sync::Arc;

pub fn routes() -> Router<AppState> {
    Router::new().route("/suggest", post(suggest)).route(
        "/suggest/{id}/support",
        post(support).layer(axum::extract::DefaultBodyLimit::max(16 * 1024)),
    )
}

/// Percent-encodes a field for the redirect that returns it to the form.
fn encoded(text: &str, max_chars: usize) -> String {
    let mut out = String::new();
    for b in text.chars().take(max_chars).collect::<String>().bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// The refusal codes for the page's address: one, or every field at fault, comma-separated.
fn refused_codes(err: &SuggestError) -> String {
    match err {
        SuggestError::Invalid(code) => code.to_string(),
        SuggestError::Fields(codes) => codes
            .iter()
            .map(|c| c.as_str())
            .collect::<Vec<_>>()
            .join(","),
        SuggestError::Store(_) => SuggestRefusal::Busy.to_string(),
    }
}

async fn suggest(
    State(vote): State<Arc<VoteService>>,
    State(follows): State<Arc<FollowService>>,
    ConnectInfo(socket): ConnectInfo<SocketAddr>,
    headers: HeaderMap,
    Form(form): Form<Vec<(String, String)>>,
) -> Response {
    let mut input = SuggestionInput::default();
    let mut address = String::new();
    for (name, value) in form.into_iter().take(16) {
        let value: String = value.chars().take(4_000).collect();
        match name.as_str() {
            "title" => input.title = value,
            "description" => input.description = value,
            "district" => input.district = value,
            "category" => input.category = value,
            "website" => input.honeypot = value,
            "address" => address = value,
            _ => {}
        }
    }
    let ip = client_of(&vote, socket, &headers);
    let device = cookie(&headers, DEVICE_COOKIE);
    match vote.suggest(input.clone(), device.as_deref(), ip).await {
        Ok((receipt, token)) => {
            // Her own suggestion, followed when she leaves an address (the confirmation mail
            // is her consent); a bad address loses nothing: the receipt page asks again.
            let followed = match address.trim() {
                "" => None,
                typed => match follows
                    .ask(
                        FollowKind::Suggestion,
                        &receipt,
                        typed,
                        true,
                        locale(&headers),
                    )
                    .await
                {
                    // No suggestion kept (the honeypot): answered as if followed, as for a person.
                    Ok(outcome) => Some(outcome.unwrap_or(FollowOutcome::Sent)),
                    Err(err) => {
                        tracing::error!(error = %err, "suggestion stored; its follow not recorded");
                        Some(FollowOutcome::Busy)
                    }
                },
            };
            let follow = followed.map_or(String::new(), |o| format!("&follow={o}"));
            let mut res = Redirect::to(&format!("/suggest?receipt={receipt}{follow}#receipt"))
                .into_response();
            if let Some(value) = token.as_deref().and_then(device_cookie) {
                res.headers_mut().append(header::SET_COOKIE, value);
            }
            res
        }
        Err(err @ (SuggestError::Invalid(_) | SuggestError::Fields(_))) => Redirect::to(&format!(
            "/suggest?error={}&title={}&district={}&category={}&description={}#s-errors",
            refused_codes(&err),
            encoded(&input.title, 80),
            encoded(&input.district, 10),
            encoded(&input.category, 10),
            encoded(&input.description, 300),
        ))
        .into_response(),
        Err(SuggestError::Store(err)) => {
            tracing::error!(error = %err, "suggestion not stored");
            Redirect::to(&format!("/suggest?error={}#s-errors", SuggestRefusal::Busy))
                .into_response()
        }
    }
}

/// One field of an `application/x-www-form-urlencoded` body, decoded (at most 4096 bytes).
fn form_field(body: &[u8], name: &str) -> Option<String> {
    body.split(|b| *b == b'&').take(16).find_map(|pair| {
        let (key, value) = match pair.iter().position(|b| *b == b'=') {
            Some(at) => (&pair[..at], &pair[at + 1..]),
            None => (pair, &pair[..0]),
        };
        (key == name.as_bytes()).then(|| {
            let mut out = Vec::with_capacity(value.len());
            let mut i = 0;
            while i < value.len() && out.len() < 4096 {
                match value[i] {
                    b'+' => out.push(b' '),
                    b'%' if i + 2 < value.len() => {
                        let hex = std::str::from_utf8(&value[i + 1..i + 3]).ok();
                        match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                            Some(byte) => {
                                out.push(byte);
                                i += 2;
                            }
                            None => out.push(b'%'),
                        }
                    }
                    byte => out.push(byte),
                }
                i += 1;
            }
            String::from_utf8_lossy(&out).into_owned()
        })
    })
}

async fn support(
    State(vote): State<Arc<VoteService>>,
    ConnectInfo(socket): ConnectInfo<SocketAddr>,
    Path(id): Path<i64>,
    headers: HeaderMap,
    body: axum::body::Bytes,
) -> Response {
    let device = cookie(&headers, DEVICE_COOKIE);
    // The button's form sends only `proof`; a bare POST (no body, any type) is a support too.
    let proof = form_field(&body, "proof");
    let ip = client_of(&vote, socket, &headers);
    match vote
        .support(id, device.as_deref(), ip, proof.as_deref())
        .await
    {
        Ok((supported, token)) => {
            let target = match supported {
                Supported::Counted => format!("/suggest?supported={id}#s-{id}"),
                Supported::Held => format!("/suggest?support_held={id}#s-{id}"),
                Supported::Already => format!("/suggest?already={id}#s-{id}"),
            };
            let mut res = Redirect::to(&target).into_response();
            if let Some(value) = token.as_deref().and_then(device_cookie) {
                res.headers_mut().append(header::SET_COOKIE, value);
            }
            res
        }
        Err(SupportError::NotFound) => StatusCode::NOT_FOUND.into_response(),
        Err(SupportError::Refused(code)) => {
            Redirect::to(&format!("/suggest?error={code}&on={id}#s-{id}")).into_response()
        }
        Err(SupportError::Store(err)) => {
            tracing::error!(error = %err, id, "support not stored");
            Redirect::to(&format!("/suggest?error={}", SuggestRefusal::Busy)).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::form_field;

    #[test]
    fn the_proof_field_is_read_from_a_form_body() {
        assert_eq!(
            form_field(b"x=1&proof=ab%2Bc%3D%3D", "proof").as_deref(),
            Some("ab+c==")
        );
        assert_eq!(form_field(b"proof=", "proof").as_deref(), Some(""));
        assert_eq!(form_field(b"", "proof"), None);
        assert_eq!(form_field(b"proof=%4", "proof").as_deref(), Some("%4"));
    }
}
