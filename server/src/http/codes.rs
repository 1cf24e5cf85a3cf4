//! Printing paper voting codes (投票码) for community workers: staff choose a cycle, a district
//! and how many; the answer is a printable page with the codes, shown this once (the database
//! keeps only their hashes). A plain handler, not a Leptos page: the codes must never be stored
//! to be shown again.

use super::vote::cookie;
use super::AppState;
use crate::staff::StaffService;
use crate::vote::identity;
use app::api::staff::SESSION_COOKIE;
use app::api::StaffPort;
use app::model::{Role, DISTRICTS};
use axum::extract::{Form, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::post;
use axum::Router;

pub fn routes() -> Router<AppState> {
    Router::new().route("/staff/codes", post(print_codes))
}

#[derive(serde::Deserialize)]
struct CodeRequest {
    cycle: String,
    district: String,
    count: u32,
}

use super::embed::escape;

async fn print_codes(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(req): Form<CodeRequest>,
) -> Response {
    let service = StaffService {
        store: state.store.clone(),
    };
    let member = match cookie(&headers, SESSION_COOKIE) {
        Some(token) => service.member(&token).await.ok().flatten(),
        None => None,
    };
    let Some(member) = member else {
        return (
            StatusCode::UNAUTHORIZED,
            Html("<p>请先登录。 Please sign in.</p>".to_string()),
        )
            .into_response();
    };
    if !matches!(member.role, Role::Admin | Role::Editor | Role::Moderator) {
        return (
            StatusCode::FORBIDDEN,
            Html("<p>您没有权限进行这项操作。</p>".to_string()),
        )
            .into_response();
    }
    if !DISTRICTS.contains(&req.district.as_str()) || !(1..=500).contains(&req.count) {
        return (
            StatusCode::UNPROCESSABLE_ENTITY,
            Html("<p>区或数量不正确（每批 1 到 500 个）。</p>".to_string()),
        )
            .into_response();
    }
    let codes: Vec<String> = (0..req.count).map(|_| identity::new_code()).collect();
    let hashes: Vec<String> = codes
        .iter()
        .filter_map(|c| identity::normalize_code(c))
        .map(|c| identity::code_hash(&c))
        .collect();
    let now = crate::staff::now();
    let batch = match state
        .store
        .add_voting_codes(&req.cycle, &req.district, &hashes, now)
        .await
    {
        Ok(Some(batch)) => batch,
        Ok(None) => return StatusCode::NOT_FOUND.into_response(),
        Err(err) => {
            tracing::error!(error = %err, "voting codes not stored");
            return StatusCode::SERVICE_UNAVAILABLE.into_response();
        }
    };
    if let Err(err) = state
        .store
        .audit_codes(&member, &req.cycle, &req.district, batch, codes.len(), now)
        .await
    {
        tracing::error!(error = %err, "audit of voting codes failed");
    }
    let url = format!(
        "{}/vote/{}",
        state.public_url.trim_end_matches('/'),
        req.cycle
    );
    let cards: String = codes
        .iter()
        .map(|c| {
            format!(
                "<li class=\"code-card\"><p>点菜 · 纸质投票码</p><p class=\"receipt-code\">{}</p><p>{}</p><p class=\"muted\">{} · 只能使用一次</p></li>",
                escape(c),
                escape(&url),
                escape(&req.district)
            )
        })
        .collect();
    Html(format!(
        "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\"><title>投票码 · 第 {batch} 批</title><link rel=\"stylesheet\" href=\"/pkg/dianca.css\"></head><body><main class=\"wrap\"><h1>投票码：{} · 第 {batch} 批 · {} 个</h1><p class=\"muted\">这些码只显示这一次，请现在打印。数据库只保存它们的校验值。</p><ul class=\"plain-list code-sheet\">{cards}</ul><p><a href=\"/staff/cycles\">返回</a></p></main></body></html>",
        escape(&req.district),
        codes.len()
    ))
    .into_response()
}
