//! The HTTP surface: Leptos pages and server functions, plus the few routes outside Leptos
//! (health, language switch), wrapped in the baseline middleware every response gets.

mod api;
mod chart_files;
mod chart_query;
mod charts;
mod client;
mod codes;
mod csp_report;
mod csrf_event;
mod csv_cell;
mod embed;
mod feed;
mod fn_input;
mod follow;
mod follow_mine;
mod hotline;
mod item_feed;
mod lang;
mod league_api;
mod no_store;
mod notice;
mod oembed;
mod openapi;
mod plain_form;
mod reader;
mod rendered;
mod replies_api;
mod reply_comment;
mod reply_rating;
mod security;
mod staff_session;
mod suggest;
mod suggestions_api;
mod topic_csv;
mod transport;
mod vote;
mod vote_api;
mod vote_receipt;

use crate::staff::StaffService;
use crate::store::Store;
use app::api::{AuthorHandle, PortalHandle, StaffHandle, VoteHandle};
use app::{shell, App};
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use axum::Router;
use leptos::prelude::*;
use leptos_axum::{generate_route_list, AxumRouteListing, LeptosRoutes};
use std::sync::{Arc, LazyLock};
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

#[derive(Clone, axum::extract::FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub store: Store,
    /// The portal's public address, for absolute links in feeds.
    pub public_url: String,
    /// The ballot box.
    pub vote: Arc<crate::vote::VoteService>,
    /// Draws the outcome charts.
    pub charts: crate::charts::ChartService,
    /// The CJK font PNGs are drawn with (charts and receipt images).
    pub fonts: crate::charts::raster::Fonts,
    /// 关注: follows by email and their signed links.
    pub follows: Arc<crate::follow::FollowService>,
}

/// The page routes, generated once per process and shared by every router.
///
/// Generating them renders `App` while leptos_server sets a *process-global*
/// flag that parks every resource first polled meanwhile (leptos-rs/leptos#4773).
/// A second router built while another one serves would hang that one's page
/// requests forever; the in-process tests build dozens. Once, before the first
/// router exists, nothing can be rendering yet.
static ROUTES: LazyLock<Vec<AxumRouteListing>> = LazyLock::new(|| generate_route_list(App));

pub fn router(state: AppState) -> Router {
    let portal = PortalHandle(Arc::new(crate::portal::PortalService::new(
        state.store.clone(),
    )));
    let service = Arc::new(StaffService {
        store: state.store.clone(),
    });
    let staff = StaffHandle(service.clone());
    let signed_in = staff.clone();
    let service_for_moderation = service.clone();
    let department = app::api::DepartmentHandle(service.clone());
    let roles = app::api::RolesHandle(service.clone());
    let editor = app::api::EditorHandle(service.clone());
    let author = AuthorHandle(service);
    let ballot_box = VoteHandle(state.vote.clone());
    let cycles = app::api::CycleHandle(service_for_moderation.clone());
    let hotline = app::api::HotlineHandle(service_for_moderation.clone());
    let replies = app::api::ReplyHandle(service_for_moderation.clone());
    let moderation = app::api::ModerationHandle(service_for_moderation);
    let chart_handle = app::api::ChartHandle(Arc::new(state.charts.clone()));
    let context = move || {
        provide_context(portal.clone());
        provide_context(staff.clone());
        provide_context(author.clone());
        provide_context(editor.clone());
        provide_context(department.clone());
        provide_context(roles.clone());
        provide_context(ballot_box.clone());
        provide_context(moderation.clone());
        provide_context(cycles.clone());
        provide_context(chart_handle.clone());
        provide_context(hotline.clone());
        provide_context(replies.clone());
    };
    let routes = ROUTES.clone();
    let options = state.leptos_options.clone();
    Router::new()
        .route("/healthz", get(healthz))
        .route("/lang/{tag}", get(lang::switch))
        .route(
            csp_report::PATH,
            axum::routing::post(csp_report::receive)
                .layer(axum::extract::DefaultBodyLimit::max(csp_report::MAX_BODY)),
        )
        .route("/feed.atom", get(feed::atom))
        .route("/feeds/{kind}/{file}", get(item_feed::item_feed))
        .merge(openapi::routes())
        .merge(vote::routes())
        .merge(vote_receipt::routes())
        .merge(suggest::routes())
        .merge(follow::routes())
        .merge(follow_mine::routes())
        .merge(reply_comment::routes())
        .merge(reply_rating::routes())
        .merge(codes::routes())
        .route("/embed/charts/{id}", get(embed::page))
        .route("/oembed", get(oembed::oembed))
        .leptos_routes_with_context(&state, routes, context.clone(), move || {
            shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(axum::middleware::from_fn_with_state(
            signed_in,
            staff_session::resolve,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            charts::downloads,
        ))
        .layer(axum::middleware::from_fn(csrf_event::passed))
        .layer(axum::middleware::from_fn_with_state(
            fn_input::Guarded {
                store: state.store.clone(),
            },
            fn_input::guard,
        ))
        .layer(axum::middleware::from_fn(plain_form::strip_controls))
        .layer(axum::middleware::from_fn_with_state(
            state.public_url.clone(),
            security::same_origin_writes,
        ))
        .layer(axum::middleware::from_fn(csrf_event::refused))
        .layer(axum::middleware::from_fn_with_state(
            rendered::RenderedPages::new(state.store.clone()),
            rendered::serve,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.vote.clone(),
            client::client_addr,
        ))
        .layer(axum::middleware::from_fn(security::reject_overlong_uri))
        .layer(axum::middleware::from_fn(security::headers))
        .layer(axum::middleware::from_fn(transport::hsts))
        .layer(axum::middleware::from_fn(csp_report::reporting_endpoints))
        .layer(axum::middleware::from_fn(no_store::no_store))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}

/// Every server function's path (the `server-fns` subcommand).
pub fn server_fn_paths() -> Vec<&'static str> {
    fn_input::paths()
}

async fn healthz(State(store): State<Store>) -> (StatusCode, &'static str) {
    match store.ping().await {
        Ok(()) => (StatusCode::OK, "ok"),
        Err(err) => {
            tracing::error!(error = %err, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable")
        }
    }
}
