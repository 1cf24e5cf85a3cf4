//! The client's address, judged once per request: the socket's, or behind `--trusted-proxy-hops`
//! proxies the one the outermost trusted proxy saw (`vote::identity::client_ip`). Put in the
//! request extensions as `app::request::ClientAddr`, so sign-in throttling behind a proxy sees
//! each client rather than the proxy.

use crate::vote::identity;
use crate::vote::VoteService;
use app::request::ClientAddr;
use axum::extract::{ConnectInfo, Request, State};
use axum::middleware::Next;
use axum::response::Response;
use std::net::SocketAddr;
use std::sync::Arc;

pub async fn client_addr(
    State(vote): State<Arc<VoteService>>,
    mut req: Request,
    next: Next,
) -> Response {
    let socket = req
        .extensions()
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    if let Some(socket) = socket {
        let forwarded = req
            .headers()
            .get("x-forwarded-for")
            .and_then(|v| v.to_str().ok());
        let ip = identity::client_ip(socket, forwarded, vote.config().trusted_proxy_hops);
        req.extensions_mut().insert(ClientAddr(ip));
    }
    next.run(req).await
}
