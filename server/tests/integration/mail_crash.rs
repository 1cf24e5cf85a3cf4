//! The outbox across crashes (issue 33): residents ask to follow a round over HTTP from many
//! clients at once — each answered request has committed its confirmation mail to the outbox —
//! while the sender delivers to a real SMTP server; the server is killed with SIGKILL mid-send,
//! three times, and restarted on the same database. Afterwards every recorded mail has reached
//! the SMTP server, under one Message-ID per notification. A mail the SMTP server took in the
//! instant before the kill, before the sender could mark it sent, is sent again after the
//! restart with the same Message-ID (mail programs show one): at most the conversations in
//! flight at each kill (the sender holds 32 at once), which the test allows and counts; no
//! other repeat, and never a second notification for one request. Runs on both engines.
// a test crate: a failure is a failed test
#![allow(clippy::unwrap_used, clippy::expect_used)]

use crate::support;
use crate::support::smtp::TestSmtp;
use reqwest::Client;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::net::Ipv4Addr;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use support::TestServer;

const ROUNDS: u64 = 3;
const CLIENTS: u64 = 8;
/// SMTP conversations the sender holds at once (`mail/sender.rs`, `PARALLEL`).
const IN_FLIGHT: u64 = 32;

/// The n-th resident's address and network (each its own /24: the per-network limit).
fn resident(n: u64) -> (String, String) {
    let n32 = u32::try_from(n).expect("few residents");
    (
        format!("r{n}@example.cn"),
        Ipv4Addr::from(0x0C00_0000u32 + (n32 << 8) + 1).to_string(),
    )
}

/// One client: asks to follow, one new address after another, until the server is gone.
/// Returns the addresses whose request was answered "sent" (its mail is in the outbox).
async fn asker(client: Client, url: String, next: Arc<AtomicU64>) -> Vec<String> {
    let mut answered = Vec::new();
    loop {
        let n = next.fetch_add(1, Ordering::Relaxed);
        let (address, network) = resident(n);
        let sent = client
            .post(&url)
            .header("x-forwarded-for", &network)
            .form(&[
                ("kind", "cycle"),
                ("subject", "2027-annual"),
                ("address", address.as_str()),
                ("consent", "yes"),
            ])
            .send()
            .await;
        match sent {
            Ok(res) if res.status() == 303 => {
                let to = res.headers()["location"].to_str().unwrap().to_string();
                assert!(to.ends_with("?follow=sent#follow"), "{to}");
                answered.push(address);
            }
            Ok(res) => panic!("follow answered {}", res.status()),
            Err(_) => return answered,
        }
    }
}

fn message_ids(mails: &[Value]) -> BTreeMap<String, (String, usize)> {
    let mut seen: BTreeMap<String, (String, usize)> = BTreeMap::new();
    for mail in mails {
        let id = mail["headers"]["Message-ID"].as_str().unwrap().to_string();
        let to = mail["envelope_to"][0].as_str().unwrap().to_string();
        seen.entry(id).or_insert((to, 0)).1 += 1;
    }
    seen
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn every_recorded_mail_reaches_smtp_once_across_sigkills() {
    let smtp = TestSmtp::start();
    let dir = tempfile::tempdir().expect("temp dir");
    let database_url = support::loaded_database(dir.path());
    let serve = [
        "--trusted-proxy-hops",
        "1",
        "--no-demo",
        "--connections-per-client",
        "0",
        "--smtp-url",
        smtp.url.as_str(),
    ];
    let client = Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(20))
        .build()
        .unwrap();
    let next = Arc::new(AtomicU64::new(0));
    let mut answered: BTreeSet<String> = BTreeSet::new();
    let mut mid_send = 0;
    let mut server = TestServer::process_on_url(&database_url, &serve);
    for round in 0..ROUNDS {
        let url = server.url("/follow");
        let askers: Vec<_> = (0..CLIENTS)
            .map(|_| tokio::spawn(asker(client.clone(), url.clone(), next.clone())))
            .collect();
        // Until the sender is busy: some of this round's mail has arrived, more is asked.
        let arrived_before = smtp.mails().len();
        let started = Instant::now();
        while smtp.mails().len() < arrived_before + 20
            && started.elapsed() < Duration::from_secs(20)
        {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        tokio::time::sleep(Duration::from_millis(150 + 200 * round)).await;
        let asked_by_then = next.load(Ordering::Relaxed);
        server.crash();
        let arrived_at_kill = smtp.mails().len();
        for a in askers {
            answered.extend(a.await.expect("asker"));
        }
        if arrived_at_kill > arrived_before && (arrived_at_kill as u64) < asked_by_then {
            mid_send += 1;
        }
        support::run_on(&database_url, &["check"]);
        server = TestServer::process_on_url(&database_url, &serve);
    }
    assert!(
        answered.len() > 100,
        "the load was real: {}",
        answered.len()
    );
    assert!(
        mid_send > 0,
        "at least one kill landed while mail was being sent"
    );

    // After the last restart the held leases run out (60 s) and the rest is delivered.
    let deadline = Instant::now() + Duration::from_secs(120);
    let delivered = loop {
        let ids = message_ids(&smtp.mails());
        let reached: BTreeSet<&String> = ids.values().map(|(to, _)| to).collect();
        if answered.iter().all(|a| reached.contains(a)) || Instant::now() > deadline {
            break ids;
        }
        tokio::time::sleep(Duration::from_millis(250)).await;
    };
    let reached: BTreeMap<&String, usize> =
        delivered
            .values()
            .fold(BTreeMap::new(), |mut per, (to, _)| {
                *per.entry(to).or_default() += 1;
                per
            });
    let missing: Vec<_> = answered
        .iter()
        .filter(|a| !reached.contains_key(a))
        .collect();
    assert!(
        missing.is_empty(),
        "{} recorded mails never arrived, e.g. {:?}",
        missing.len(),
        &missing[..missing.len().min(5)]
    );
    // One notification each: one Message-ID per address.
    let doubled: Vec<_> = reached.iter().filter(|(_, n)| **n > 1).collect();
    assert!(
        doubled.is_empty(),
        "two notifications for one request: {doubled:?}"
    );
    // Repeats of one Message-ID: only the mails in flight at a kill.
    let repeats: usize = delivered.values().map(|(_, n)| n - 1).sum();
    assert!(
        repeats as u64 <= ROUNDS * IN_FLIGHT,
        "{repeats} mails arrived twice, more than were in flight at the kills"
    );
    println!(
        "{} recorded mails, all delivered; {repeats} repeated (same Message-ID) across {ROUNDS} kills",
        answered.len()
    );
}
