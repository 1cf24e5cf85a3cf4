//! What a staff server function reads from its request — the session cookie, the client
//! address, the staff service — and how it answers (post/redirect/get with an outcome code).
//! Below `staff.rs` and `echo.rs`, which both answer this way.

/// The session cookie. HttpOnly: no script ever needs it.
pub const SESSION_COOKIE: &str = "dianca_session";

#[cfg(feature = "ssr")]
pub(crate) mod ssr {
    use super::SESSION_COOKIE;
    use crate::api::{StaffError, StaffHandle};
    use crate::model::StaffMember;
    use http::{header, request::Parts};
    use leptos::prelude::*;

    pub fn staff() -> Result<StaffHandle, ServerFnError> {
        use_context::<StaffHandle>().ok_or_else(|| {
            tracing::error!("StaffHandle missing from the Leptos context");
            ServerFnError::new(crate::api::UNAVAILABLE)
        })
    }

    pub fn session_token() -> Option<String> {
        let parts = use_context::<Parts>()?;
        let headers = parts
            .headers
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok());
        crate::cookies::find(headers, SESSION_COOKIE)
    }

    /// The client address, for sign-in throttling: the server's judgement behind trusted
    /// proxies (`ClientAddr`), else the connection's.
    pub fn client() -> String {
        use_context::<Parts>()
            .and_then(|p| {
                p.extensions
                    .get::<crate::request::ClientAddr>()
                    .map(|c| c.0)
                    .or_else(|| {
                        p.extensions
                            .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                            .map(|c| c.0.ip())
                    })
            })
            .map(|ip| ip.to_string())
            .unwrap_or_else(|| "unknown".into())
    }

    pub fn set_cookie(value: &str, max_age: i64) {
        if let Some(res) = use_context::<leptos_axum::ResponseOptions>() {
            let cookie = crate::cookies::set(SESSION_COOKIE, value, max_age);
            if let Ok(v) = http::HeaderValue::from_str(&cookie) {
                res.append_header(header::SET_COOKIE, v);
            }
        }
    }

    pub async fn me() -> Result<Option<StaffMember>, StaffError> {
        // A staff page's request already says who is signed in (looked up before rendering).
        let known = use_context::<Parts>()
            .and_then(|p| p.extensions.get::<crate::request::SignedIn>().cloned());
        if let Some(crate::request::SignedIn(member)) = known {
            return Ok(member);
        }
        let Some(token) = session_token() else {
            return Ok(None);
        };
        match staff() {
            Ok(handle) => handle.0.member(&token).await,
            Err(_) => Err(StaffError::Internal("no staff handle".into())),
        }
    }

    /// Post/redirect/get back to one task's card on the desk (`?task=` and its anchor): the
    /// outcome is worded in that card, so she sees which task it was about and the page opens
    /// where she was working (issue 34: every save jumped to the top).
    pub fn back_to_task(task_id: i64, outcome: Result<crate::model::Done, StaffError>) {
        let outcome = match outcome {
            Ok(done) => format!("done={done}"),
            Err(err) => {
                if let StaffError::Internal(detail) = &err {
                    tracing::error!(%detail, "staff action failed");
                }
                format!("error={}", err.code())
            }
        };
        leptos_axum::redirect(&format!("/staff?{outcome}&task={task_id}#task-{task_id}"));
    }

    /// Post/redirect/get: back to a staff page with an outcome code.
    pub fn back(path: &str, outcome: Result<crate::model::Done, StaffError>) {
        let target = match outcome {
            Ok(done) => format!("{path}?done={done}"),
            Err(err) => {
                if let StaffError::Internal(detail) = &err {
                    tracing::error!(%detail, "staff action failed");
                }
                format!("{path}?error={}", err.code())
            }
        };
        leptos_axum::redirect(&target);
    }
}
