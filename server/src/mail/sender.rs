//! Delivers the outbox over SMTP (lettre): leases due mails, sends each with its stored
//! Message-ID and one-click unsubscribe headers (RFC 8058), marks it sent, and on failure
//! backs off. Runs beside the requests, never in one: a slow mail server delays no page.

use super::MailArgs;
use crate::store::{Leased, Store};
use lettre::message::header::{Header, HeaderName, HeaderValue};
use lettre::message::{Mailbox, MultiPart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;

/// How long a leased mail is this sender's before another may take it (after a crash, the
/// mails it held wait this long).
const LEASE_SECS: i64 = 60;
/// The longest one SMTP conversation may take. A mail is started only while its lease has at
/// least this long to run, so no other instance can take it while it is being sent.
const SEND_TIMEOUT_SECS: i64 = 20;
/// A refused mail (no such mailbox) is next looked at after this long: 30 days.
const GIVE_UP_SECS: i64 = 30 * 24 * 3600;
/// Mails leased at a time.
const BATCH: i64 = 2 * PARALLEL as i64;
/// SMTP conversations at once, over as many pooled connections. A conversation mostly waits:
/// on round trips, and on the relay's delayed ACK of the body lettre writes in pieces (it sets
/// no TCP_NODELAY), about 40 ms a mail on loopback — one at a time capped a sender near 20
/// mails a second, eight near 150 (docs/load.md, issue 33).
const PARALLEL: usize = 32;
/// Longest wait before a failed mail is tried again.
const MAX_BACKOFF_SECS: i64 = 6 * 3600;

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("the SMTP URL is not usable: {0}")]
    Url(String),
    #[error("the sender address is not usable: {0}")]
    From(String),
    #[error("the mail thread did not start: {0}")]
    Thread(String),
}

/// `List-Unsubscribe: <https://…/stop>`.
#[derive(Clone)]
struct ListUnsubscribe(String);

impl Header for ListUnsubscribe {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe")
    }
    fn parse(s: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(ListUnsubscribe(s.trim_matches(['<', '>']).to_string()))
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), format!("<{}>", self.0))
    }
}

/// `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058).
#[derive(Clone)]
struct OneClick;

impl Header for OneClick {
    fn name() -> HeaderName {
        HeaderName::new_from_ascii_str("List-Unsubscribe-Post")
    }
    fn parse(_: &str) -> Result<Self, Box<dyn std::error::Error + Send + Sync>> {
        Ok(OneClick)
    }
    fn display(&self) -> HeaderValue {
        HeaderValue::new(Self::name(), "List-Unsubscribe=One-Click".to_string())
    }
}

/// The mail as it goes over SMTP.
fn message(from: &Mailbox, mail: &Leased) -> Result<Message, String> {
    let to: Mailbox = mail
        .address
        .parse()
        .map_err(|_| "unusable address".to_string())?;
    let builder = Message::builder()
        .from(from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .message_id(Some(mail.message_id.clone()));
    // A follower's mail carries its one-click stop; a department's reminder has none (its
    // mailbox is named and cleared on the desk).
    let builder = if mail.unsubscribe.is_empty() {
        builder
    } else {
        builder
            .header(ListUnsubscribe(mail.unsubscribe.clone()))
            .header(OneClick)
    };
    builder
        .multipart(MultiPart::alternative_plain_html(
            mail.body_text.clone(),
            mail.body_html.clone(),
        ))
        .map_err(|e| e.to_string())
}

/// Host and port of an `smtp://host[:port]` URL (port 25 by default). Plain SMTP only: the
/// portal hands mail to a relay on its own machine or network, which does TLS onward.
fn smtp_address(url: &str) -> Result<(String, u16), MailError> {
    let rest = url.strip_prefix("smtp://").ok_or_else(|| {
        MailError::Url("only smtp://host[:port] (a local relay) is supported".into())
    })?;
    let rest = rest.trim_end_matches('/');
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) => (
            host,
            port.parse()
                .map_err(|_| MailError::Url(format!("bad port {port:?}")))?,
        ),
        None => (rest, 25),
    };
    if host.is_empty() || host.contains(['@', '/']) {
        return Err(MailError::Url("expected smtp://host[:port]".into()));
    }
    Ok((host.to_string(), port))
}

/// Seconds before the next try after `attempts` failed tries: a minute, doubling, at most six
/// hours.
fn backoff(attempts: i64) -> i64 {
    let doublings = u32::try_from(attempts.clamp(1, 20) - 1).unwrap_or(0);
    (60_i64.saturating_mul(1_i64 << doublings)).min(MAX_BACKOFF_SECS)
}

/// Starts the sender when an SMTP server is configured; without one, says so once.
pub fn spawn(store: Store, args: &MailArgs) -> Result<(), MailError> {
    let Some(url) = args.smtp_url.as_deref() else {
        tracing::info!("no SMTP server configured (--smtp-url): notifications wait in the outbox");
        return Ok(());
    };
    let (host, port) = smtp_address(url)?;
    let transport = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
        .port(port)
        .timeout(Some(Duration::from_secs(SEND_TIMEOUT_SECS.unsigned_abs())))
        .pool_config(lettre::transport::smtp::PoolConfig::new().max_size(PARALLEL as u32))
        .build();
    let from: Mailbox = args
        .mail_from
        .parse()
        .map_err(|e: lettre::address::AddressError| MailError::From(e.to_string()))?;
    // The database stays on the server's runtime (a PostgreSQL connection belongs to the I/O
    // driver of the runtime that opened it): the mail thread hands its calls there.
    let outbox = Outbox {
        store,
        main: tokio::runtime::Handle::current(),
    };
    super::spawn_low("mail", run(outbox, transport, from))
        .map_err(|err| MailError::Thread(err.to_string()))?;
    Ok(())
}

/// The sender's loop: keeps up to [`PARALLEL`] conversations going, leasing the next mails as
/// soon as the leased ones have all started (not when the last has finished: a batch's slowest
/// mail would idle the rest), and polling every half second when nothing is due.
async fn run(outbox: Outbox, transport: AsyncSmtpTransport<Tokio1Executor>, from: Mailbox) {
    let sendable = Duration::from_secs((LEASE_SECS - SEND_TIMEOUT_SECS).unsigned_abs());
    let mut queue: std::collections::VecDeque<(Leased, std::time::Instant)> = Default::default();
    let mut sending = tokio::task::JoinSet::new();
    loop {
        if queue.is_empty() {
            let store = outbox.store.clone();
            let leased = outbox
                .main
                .spawn(async move {
                    store
                        .lease_mail(crate::staff::now(), LEASE_SECS, BATCH)
                        .await
                })
                .await;
            match leased {
                Ok(Ok(leased)) => {
                    let at = std::time::Instant::now();
                    queue.extend(leased.into_iter().map(|mail| (mail, at)));
                }
                Ok(Err(err)) => tracing::warn!(error = %err, "could not read the outbox"),
                Err(err) => tracing::warn!(error = %err, "could not read the outbox"),
            }
        }
        while sending.len() < PARALLEL {
            let Some((mail, leased_at)) = queue.pop_front() else {
                break;
            };
            if leased_at.elapsed() >= sendable {
                // This lease (and the rest of its batch) runs out soon: left for the next
                // pass or another instance, rather than sent when someone else may take it too.
                queue.clear();
                break;
            }
            let (outbox, transport, from) = (outbox.clone(), transport.clone(), from.clone());
            sending.spawn(async move { deliver(&outbox, &transport, &from, &mail).await });
        }
        if sending.is_empty() {
            if queue.is_empty() {
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
        } else {
            sending.join_next().await;
        }
    }
}

/// The outbox as the mail thread reaches it: the store, and the server's runtime its calls run on.
#[derive(Clone)]
struct Outbox {
    store: Store,
    main: tokio::runtime::Handle,
}

async fn deliver(
    outbox: &Outbox,
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
    mail: &Leased,
) {
    // lettre's timeout is per command: the whole conversation is bounded here, so a mail
    // never outlives the lease it was started under.
    let limit = Duration::from_secs(SEND_TIMEOUT_SECS.unsigned_abs());
    let sent = match message(from, mail) {
        Ok(message) => match tokio::time::timeout(limit, transport.send(message)).await {
            Ok(Ok(_)) => Ok(()),
            Ok(Err(err)) => Err((err.is_permanent(), err.to_string())),
            Err(_) => Err((false, "timed out".to_string())),
        },
        Err(err) => Err((true, err)),
    };
    let now = crate::staff::now();
    let (store, id, claimed) = (outbox.store.clone(), mail.id, mail.claimed_until);
    let recorded = match sent {
        Ok(()) => {
            outbox
                .main
                .spawn(async move { store.mail_sent(id, now).await })
                .await
        }
        Err((permanent, err)) => {
            // Relays often echo the recipient in their reply: it never reaches a log line or
            // the outbox as typed.
            let err = err.replace(&mail.address, "<recipient>");
            // A permanent refusal (5xx: no such mailbox) is not tried every six hours for
            // ever; it stays in the outbox with its reason for the staff's view.
            let retry = if permanent {
                GIVE_UP_SECS
            } else {
                backoff(mail.attempts)
            };
            tracing::warn!(outbox = mail.id, attempts = mail.attempts, permanent, error = %err, "mail not delivered");
            outbox
                .main
                .spawn(async move { store.mail_failed(id, claimed, now + retry, &err).await })
                .await
        }
    };
    match recorded {
        Ok(Ok(())) => {}
        Ok(Err(err)) => {
            tracing::warn!(outbox = mail.id, error = %err, "could not record a mail's delivery")
        }
        Err(err) => {
            tracing::warn!(outbox = mail.id, error = %err, "could not record a mail's delivery")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_smtp_url_names_a_relay() {
        assert_eq!(
            smtp_address("smtp://127.0.0.1:2525").ok(),
            Some(("127.0.0.1".to_string(), 2525))
        );
        assert_eq!(
            smtp_address("smtp://relay.local").ok(),
            Some(("relay.local".to_string(), 25))
        );
        assert!(smtp_address("smtps://relay.local").is_err());
        assert!(smtp_address("smtp://user:pw@relay.local").is_err());
        assert!(smtp_address("smtp://:25").is_err());
    }

    #[test]
    fn failures_back_off_from_a_minute_to_six_hours() {
        assert_eq!(backoff(1), 60);
        assert_eq!(backoff(2), 120);
        assert_eq!(backoff(5), 960);
        assert_eq!(backoff(30), MAX_BACKOFF_SECS);
    }
}
