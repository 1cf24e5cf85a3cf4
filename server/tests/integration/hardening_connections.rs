//! Slow and greedy clients (issue 14, finding 5), over raw TCP against the real server: a
//! connection that sends nothing, a request head sent a byte at a time (slowloris), a body that
//! never finishes and a kept-alive connection left idle are all closed after the configured
//! time; one address cannot hold more than its share of connections; and none of it disturbs a
//! normal request.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;

use std::time::{Duration, Instant};
use support::TestServer;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Short limits so the test takes seconds: 1 s for a head, 2 s for a body, 4 connections.
const LIMITS: &[&str] = &[
    "--header-read-timeout-secs",
    "1",
    "--body-read-timeout-secs",
    "2",
    "--connections-per-client",
    "4",
];

async fn connect(server: &TestServer) -> TcpStream {
    let addr = server.base.trim_start_matches("http://").to_string();
    TcpStream::connect(addr).await.expect("connect")
}

/// Reads until the server closes the connection (or `limit` passes): what it sent, and when.
async fn read_until_closed(stream: &mut TcpStream, limit: Duration) -> (String, Option<Duration>) {
    let started = Instant::now();
    let mut got = Vec::new();
    let mut buf = [0u8; 4096];
    loop {
        let left = limit.saturating_sub(started.elapsed());
        match tokio::time::timeout(left, stream.read(&mut buf)).await {
            Ok(Ok(0)) | Ok(Err(_)) => {
                return (
                    String::from_utf8_lossy(&got).into_owned(),
                    Some(started.elapsed()),
                )
            }
            Ok(Ok(n)) => got.extend_from_slice(&buf[..n]),
            Err(_) => return (String::from_utf8_lossy(&got).into_owned(), None),
        }
    }
}

fn status_of(answer: &str) -> Option<u16> {
    answer
        .strip_prefix("HTTP/1.1 ")
        .and_then(|rest| rest.get(..3))
        .and_then(|code| code.parse().ok())
}

#[tokio::test]
async fn slow_and_idle_connections_are_closed_and_one_address_gets_its_share() {
    let server = TestServer::start_with_args(LIMITS);

    // A connection that never sends a byte.
    let mut silent = connect(&server).await;
    let (_, closed) = read_until_closed(&mut silent, Duration::from_secs(6)).await;
    let closed = closed.expect("a silent connection is closed");
    assert!(closed < Duration::from_secs(4), "closed after {closed:?}");

    // Slowloris: a request head a byte every 200 ms never completes, so it is cut off.
    let mut slow = connect(&server).await;
    let started = Instant::now();
    let head =
        b"GET /about HTTP/1.1\r\nHost: localhost\r\nX-Padding: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
    let mut cut_off = None;
    for byte in head.iter() {
        if slow.write_all(&[*byte]).await.is_err() {
            cut_off = Some(started.elapsed());
            break;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let cut_off = match cut_off {
        Some(at) => at,
        None => read_until_closed(&mut slow, Duration::from_secs(3))
            .await
            .1
            .map(|_| started.elapsed())
            .expect("a dribbled head is cut off"),
    };
    assert!(
        cut_off < Duration::from_secs(5),
        "cut off after {cut_off:?}"
    );

    // A body that never finishes: answered (not 5xx) or closed within the body limit.
    let mut dribble = connect(&server).await;
    dribble
        .write_all(
            b"POST /api/v1/cycles/2027-annual/ballots HTTP/1.1\r\nHost: localhost\r\n\
              Content-Type: application/json\r\nContent-Length: 400\r\n\r\n{\"picks\":",
        )
        .await
        .expect("head sent");
    let started = Instant::now();
    let (answer, closed) = read_until_closed(&mut dribble, Duration::from_secs(6)).await;
    let waited = closed.unwrap_or_else(|| started.elapsed());
    assert!(
        waited < Duration::from_secs(5),
        "an unfinished body held the connection {waited:?}: {answer}"
    );
    if let Some(status) = status_of(&answer) {
        assert!(
            status < 500,
            "an unfinished body is the client's fault: {answer}"
        );
    }

    // A body dribbled a byte every 500 ms (each byte well inside the 2 s limit) is still cut
    // off when its 2 s are up in all: the deadline is for the whole body, not for each byte.
    let mut trickle = connect(&server).await;
    trickle
        .write_all(
            b"POST /suggest HTTP/1.1\r\nHost: localhost\r\n\
              Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 400\r\n\r\n",
        )
        .await
        .expect("head sent");
    let started = Instant::now();
    let mut answer = String::new();
    let mut ended = None;
    while started.elapsed() < Duration::from_secs(8) {
        if trickle.write_all(b"a").await.is_err() {
            ended = Some(started.elapsed());
            break;
        }
        let (got, closed) = read_until_closed(&mut trickle, Duration::from_millis(500)).await;
        answer.push_str(&got);
        if closed.is_some() || !got.is_empty() {
            ended = Some(started.elapsed());
            break;
        }
    }
    let ended = ended.expect("a trickled body is cut off");
    assert!(
        ended < Duration::from_millis(3500),
        "a body sent a byte at a time held the connection {ended:?}"
    );
    if let Some(status) = status_of(&answer) {
        assert!(status < 500, "a slow body is the client's fault: {answer}");
    }

    // A kept-alive connection: one request answered, then closed once it idles.
    let mut kept = connect(&server).await;
    kept.write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await
        .expect("request sent");
    let (answer, closed) = read_until_closed(&mut kept, Duration::from_secs(6)).await;
    assert_eq!(status_of(&answer), Some(200), "{answer}");
    let idle = closed.expect("an idle kept-alive connection is closed");
    assert!(idle < Duration::from_secs(4), "idle for {idle:?}");

    // Four open connections from one address; the fifth is closed at once, and a slot that
    // frees up is usable again.
    let mut held = Vec::new();
    for _ in 0..4 {
        held.push(connect(&server).await);
    }
    tokio::time::sleep(Duration::from_millis(100)).await;
    let mut fifth = connect(&server).await;
    let _ = fifth
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\n\r\n")
        .await;
    let (answer, closed) = read_until_closed(&mut fifth, Duration::from_millis(800)).await;
    assert!(
        closed.is_some() && answer.is_empty(),
        "a fifth connection from one address is refused: {answer:?}"
    );
    let mut first = held.remove(0);
    first
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
        .await
        .expect("request on a held connection");
    let (answer, _) = read_until_closed(&mut first, Duration::from_secs(3)).await;
    assert_eq!(
        status_of(&answer),
        Some(200),
        "held connections still serve"
    );
    drop(held);
    tokio::time::sleep(Duration::from_millis(200)).await;
    let res = reqwest::get(server.url("/healthz")).await.expect("served");
    assert_eq!(
        res.status(),
        200,
        "closed connections give their slots back"
    );
}
