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
/// Mails leased at a time.
const BATCH: i64 = 64;
/// SMTP conversations at once (over lettre's pool of connections): one at a time, a relay's
/// round trips cap a sender near 20 mails a second.
const PARALLEL: usize = 8;
/// Longest wait before a failed mail is tried again.
const MAX_BACKOFF_SECS: i64 = 6 * 3600;

#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("the SMTP URL is not usable: {0}")]
    Url(String),
    #[error("the sender address is not usable: {0}")]
    From(String),
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
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(mail.subject.clone())
        .message_id(Some(mail.message_id.clone()))
        .header(ListUnsubscribe(mail.unsubscribe.clone()))
        .header(OneClick)
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
        .build();
    let from: Mailbox = args
        .mail_from
        .parse()
        .map_err(|e: lettre::address::AddressError| MailError::From(e.to_string()))?;
    tokio::spawn(async move {
        loop {
            let now = crate::staff::now();
            let leased = match store.lease_mail(now, LEASE_SECS, BATCH).await {
                Ok(leased) => leased,
                Err(err) => {
                    tracing::warn!(error = %err, "could not read the outbox");
                    Vec::new()
                }
            };
            if leased.is_empty() {
                tokio::time::sleep(Duration::from_millis(500)).await;
                continue;
            }
            let leased_at = std::time::Instant::now();
            let sendable = Duration::from_secs((LEASE_SECS - SEND_TIMEOUT_SECS).unsigned_abs());
            let mut sending = tokio::task::JoinSet::new();
            for mail in leased {
                if leased_at.elapsed() >= sendable {
                    // The rest's leases run out soon: left for the next pass (or another
                    // instance) rather than sent when someone else may take them too.
                    break;
                }
                while sending.len() >= PARALLEL {
                    sending.join_next().await;
                }
                let (store, transport, from) = (store.clone(), transport.clone(), from.clone());
                sending.spawn(async move { deliver(&store, &transport, &from, &mail).await });
            }
            while sending.join_next().await.is_some() {}
        }
    });
    Ok(())
}

async fn deliver(
    store: &Store,
    transport: &AsyncSmtpTransport<Tokio1Executor>,
    from: &Mailbox,
    mail: &Leased,
) {
    let sent = match message(from, mail) {
        Ok(message) => transport.send(message).await.map_err(|e| e.to_string()),
        Err(err) => Err(err),
    };
    let now = crate::staff::now();
    let recorded = match sent {
        Ok(_) => store.mail_sent(mail.id, now).await,
        Err(err) => {
            // The outbox id and the error; never the address.
            tracing::warn!(outbox = mail.id, attempts = mail.attempts, error = %err, "mail not delivered; will try again");
            store
                .mail_failed(mail.id, now + backoff(mail.attempts), &err)
                .await
        }
    };
    if let Err(err) = recorded {
        tracing::warn!(outbox = mail.id, error = %err, "could not record a mail's delivery");
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
