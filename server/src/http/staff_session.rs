//! 登录状态: who is signed in, looked up once before a staff page renders — or any other page
//! a session cookie comes with, for the header — and carried in the request
//! (`app::request::SignedIn`). The `/staff` parent route gates every staff page on it
//! without waiting inside the render — a blocking resource around the pages' own resources
//! never resolved under `SsrMode::Async` — and the pages' loaders read it instead of asking
//! the store again.

use app::api::StaffHandle;
use app::request::SignedIn;
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::{header, Method};

/// Page requests under `/staff` (the server functions, under `/api`, look up their own).
fn is_staff_page(req: &Request) -> bool {
    req.method() == Method::GET
        && (req.uri().path() == "/staff" || req.uri().path().starts_with("/staff/"))
}

/// Any other page a session cookie comes with: its header says who is signed in.
fn is_other_page(req: &Request) -> bool {
    let path = req.uri().path();
    req.method() == Method::GET
        && !["/api/", "/pkg/", "/feeds/", "/embed/", "/vendor/"]
            .iter()
            .any(|p| path.starts_with(p))
        && !path.rsplit('/').next().unwrap_or_default().contains('.')
}

pub async fn resolve(State(staff): State<StaffHandle>, mut req: Request, next: Next) -> Response {
    if !is_staff_page(&req) && is_other_page(&req) {
        let cookies = req
            .headers()
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok());
        if let Some(token) = app::cookies::find(cookies, app::api::staff_request::SESSION_COOKIE) {
            if let Ok(Some(member)) = staff.0.member(&token).await {
                req.extensions_mut().insert(SignedIn(Some(member)));
            }
        }
    } else if is_staff_page(&req) {
        let cookies = req
            .headers()
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok());
        let token = app::cookies::find(cookies, app::api::staff_request::SESSION_COOKIE);
        let member = match token {
            None => Some(None),
            Some(token) => match staff.0.member(&token).await {
                Ok(member) => Some(member),
                // The page's own loader meets the same failure and words it.
                Err(err) => {
                    tracing::warn!(error = %err, "session lookup for a staff page failed");
                    None
                }
            },
        };
        if let Some(member) = member {
            req.extensions_mut().insert(SignedIn(member));
        }
    }
    next.run(req).await
}
