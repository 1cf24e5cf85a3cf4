//! The connection policy (连接限制): how long a client may take to send a request's head and its
//! body, how long a kept-alive connection may sit idle, and how many connections one client
//! address may hold at once. `axum::serve` exposes none of these, so the accept loop is ours:
//! hyper's HTTP/1 connection with its header-read timer (which also runs while a kept-alive
//! connection waits for its next request, so it is the idle timeout too), one deadline for each
//! request's whole body (`DeadlineBody`: a byte now and then does not extend it), and a
//! per-address connection count. A slow or greedy client costs a socket for at most the
//! configured time and never more than its share of sockets.
use crate::body_deadline::DeadlineBody;
use axum::extract::ConnectInfo;
use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::collections::HashMap;
use std::future::Future;
use std::net::IpAddr;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;
use tokio::net::TcpListener;
use tower::ServiceExt;

/// The limits, configurable from the command line (see `config::ConnectionArgs`).
#[derive(Clone, Copy, Debug)]
pub struct ConnectionLimits {
    /// From the first byte a client may send to the end of the request head; also how long a
    /// kept-alive connection may stay idle between requests.
    pub header_read: Duration,
    /// How long reading a request's body may take in all.
    pub body_read: Duration,
    /// Open connections one client address may hold (0: no cap, e.g. behind a proxy that
    /// already caps them).
    pub per_client: usize,
    /// How long a shutdown waits for requests in flight.
    pub drain: Duration,
}

impl Default for ConnectionLimits {
    fn default() -> Self {
        ConnectionLimits {
            header_read: Duration::from_secs(10),
            body_read: Duration::from_secs(20),
            per_client: 64,
            drain: Duration::from_secs(10),
        }
    }
}

/// Open connections per client address; a slot is given back when its guard drops.
#[derive(Clone, Default)]
struct OpenConnections(Arc<Mutex<HashMap<IpAddr, usize>>>);

struct Slot {
    table: OpenConnections,
    ip: IpAddr,
}

impl OpenConnections {
    fn take(&self, ip: IpAddr, cap: usize) -> Option<Slot> {
        let mut table = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        let open = table.entry(ip).or_insert(0);
        if cap > 0 && *open >= cap {
            return None;
        }
        *open += 1;
        Some(Slot {
            table: self.clone(),
            ip,
        })
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        let mut table = self.table.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(open) = table.get_mut(&self.ip) {
            *open -= 1;
            if *open == 0 {
                table.remove(&self.ip);
            }
        }
    }
}

/// Serves `app` on `listener` under `limits` until `shutdown` resolves, then lets requests in
/// flight finish (for at most `limits.drain`).
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    shutdown: impl Future<Output = ()>,
) {
    let open = OpenConnections::default();
    let graceful = GracefulShutdown::new();
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let (tcp, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(pair) => pair,
                Err(err) => {
                    // Out of file descriptors and the like: wait a moment rather than spin.
                    tracing::warn!(error = %err, "accept failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let Some(slot) = open.take(peer.ip(), limits.per_client) else {
            tracing::warn!(
                event = "connection_refused",
                client = %peer.ip(),
                cap = limits.per_client,
                "too many open connections from one address"
            );
            drop(tcp);
            continue;
        };
        // Without TCP_NODELAY a response written in pieces (chunked static files) waits for the
        // client's delayed ACK: about 40 ms a request on Linux, measured in docs/load.md.
        if let Err(err) = tcp.set_nodelay(true) {
            tracing::debug!(error = %err, "could not set TCP_NODELAY");
        }
        let service = app.clone().map_request(
            move |mut req: axum::extract::Request<hyper::body::Incoming>| {
                req.extensions_mut().insert(ConnectInfo(peer));
                req.map(|body| {
                    axum::body::Body::new(DeadlineBody::new(
                        axum::body::Body::new(body),
                        limits.body_read,
                    ))
                })
            },
        );
        let conn = hyper::server::conn::http1::Builder::new()
            .timer(TokioTimer::new())
            .header_read_timeout(limits.header_read)
            .serve_connection(TokioIo::new(tcp), TowerToHyperService::new(service));
        let conn = graceful.watch(conn);
        tokio::spawn(async move {
            if let Err(err) = conn.await {
                tracing::debug!(error = %err, client = %peer, "connection ended with an error");
            }
            drop(slot);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {},
        () = tokio::time::sleep(limits.drain) => {
            tracing::warn!("requests still in flight after the drain time; closing them");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_client_gets_its_share_of_connections_and_gives_them_back() {
        let open = OpenConnections::default();
        let ip: IpAddr = [203, 0, 113, 7].into();
        let other: IpAddr = [203, 0, 113, 8].into();
        let held: Vec<Slot> = (0..3).filter_map(|_| open.take(ip, 3)).collect();
        assert_eq!(held.len(), 3);
        assert!(open.take(ip, 3).is_none(), "a fourth is refused");
        assert!(
            open.take(other, 3).is_some(),
            "another address is not affected"
        );
        drop(held);
        assert!(
            open.take(ip, 3).is_some(),
            "closed connections free their slots"
        );
        assert!(open.take(ip, 0).is_some(), "0 means no cap");
    }
}
