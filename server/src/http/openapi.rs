//! The open-data API's routes and its OpenAPI document, made together: every `/api/v1` handler
//! carries its description (`#[utoipa::path]`) and is registered with `routes!`, which adds the
//! route and its description in one step, so the document cannot leave a route out. The types
//! answered with describe themselves (`ToSchema`, the app's model behind `ssr`).
//!
//! Invariant: no `/api/v1` route is added any other way (checked by
//! `every_api_route_is_registered_with_its_description` below).

use super::AppState;
use axum::routing::get;
use axum::{Json, Router};
use std::sync::Arc;
use utoipa::OpenApi;
use utoipa_axum::router::OpenApiRouter;

#[derive(OpenApi)]
#[openapi(
    info(
        title = "点菜 open data API",
        version = "1",
        description = "Read-only data of Beijing's 每月一题, and ballots. Records carry `confidence` (confirmed, inferred, uncertain, official, unsourced, sample) or `is_sample`: sample records are demo data, not facts. `confirmed` only when the record has a source of its own that is not a repost; staff content without one is `official` (with `published`: department and date) or `unsourced`. Each source has `url`, `title`, `kind` (primary or repost) and, for a repost, the `outlet` it credits. Dates are Beijing time (Asia/Shanghai)."
    ),
    tags(
        (name = "record", description = "The published record: years, problems, policies, topics and their three lists"),
        (name = "voting", description = "Voting cycles (选题征集), ballots, receipts and integrity reports"),
        (name = "charts", description = "Outcome charts (成效图表) with their data and every download"),
        (name = "hotline", description = "12345 hotline evidence")
    )
)]
struct ApiDoc;

/// Every `/api/v1` route with its description.
fn documented() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(super::api::routes())
        .merge(super::vote_api::routes())
        .merge(super::charts::routes())
        .merge(super::hotline::routes())
        .merge(super::suggestions_api::routes())
        .merge(super::replies_api::routes())
        .merge(super::league_api::routes())
}

/// The API's routes, and `/api/openapi.json` serving the document made from them.
pub fn routes() -> Router<AppState> {
    let (router, doc) = documented().split_for_parts();
    // Made once: the document only changes with the code.
    let doc = Arc::new(doc);
    router.route(
        "/api/openapi.json",
        get(move || {
            let doc = Arc::clone(&doc);
            async move { Json(doc) }
        }),
    )
}

#[cfg(test)]
mod tests {
    // a test module: a failure is a failed test
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use std::path::Path;

    /// Every `"/api/v1…"` literal in the server's code outside tests, with the line it is on.
    fn api_literals(dir: &Path, found: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).expect("source folder") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                api_literals(&path, found);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("source file");
            // Test modules name addresses to call them, not to serve them.
            for line in text.lines().take_while(|l| !l.starts_with("#[cfg(test)]")) {
                let code = line.trim_start();
                if code.starts_with("//") {
                    continue;
                }
                if let Some(at) = code.find("\"/api/v1") {
                    let literal = code[at + 1..].split('"').next().unwrap_or_default();
                    found.push((literal.to_string(), format!("{}: {code}", path.display())));
                }
            }
        }
    }

    /// A route added with `.route("/api/v1/…")` would be served but missing from the document:
    /// each literal must be a `#[utoipa::path(…, path = …)]`, and each of those in the document.
    #[test]
    fn every_api_route_is_registered_with_its_description() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut found = Vec::new();
        api_literals(&src, &mut found);
        let doc = super::documented().into_openapi();
        let paths: Vec<&String> = doc.paths.paths.keys().collect();
        assert!(found.len() >= paths.len(), "the scan sees the handlers");
        for (literal, line) in &found {
            assert!(
                line.contains("#[utoipa::path(") && line.contains("path = \"/api/v1"),
                "an /api/v1 path outside a documented handler: {line}"
            );
            assert!(
                paths.contains(&literal),
                "{literal} is described but not registered with routes!: {line}"
            );
        }
        for path in &paths {
            assert!(path.starts_with("/api/v1/"), "{path}");
        }
    }
}
