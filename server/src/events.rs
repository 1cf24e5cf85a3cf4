//! Security events (安全事件) in the log. Each kind has one stable `event` name, written as the
//! `event` field of a tracing record (`event=signin_failed` in text logs, `"event":
//! "signin_failed"` in JSON lines), so a log collector can count and alert on them without
//! parsing sentences. Addresses appear only as networks (/24, /48); passwords and codes never.

use std::fmt;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SecurityEvent {
    /// A wrong staff password (or unknown name).
    SignInFailed,
    /// A sign-in attempt refused before the password was checked: the client must wait.
    SignInThrottled,
    /// A ballot written as held (quarantined) for a moderator.
    BallotHeld,
    /// A "me too" written as held for a moderator.
    SupportHeld,
    /// A rating of a reply, from its page, written as held for a moderator.
    RatingHeld,
    /// A ballot, support or suggestion refused by a per-network rate limit.
    RateLimited,
    /// A ballot or support with a wrong or expired proof of work, refused.
    BadProof,
    /// A state-changing request from another site, refused.
    CsrfRefused,
    /// A browser reported a Content-Security-Policy violation.
    CspViolation,
    /// CSP reports from one network beyond its allowance, dropped.
    CspReportsLimited,
}

impl SecurityEvent {
    pub const fn name(self) -> &'static str {
        match self {
            SecurityEvent::SignInFailed => "signin_failed",
            SecurityEvent::SignInThrottled => "signin_throttled",
            SecurityEvent::BallotHeld => "ballot_held",
            SecurityEvent::SupportHeld => "support_held",
            SecurityEvent::RatingHeld => "rating_held",
            SecurityEvent::RateLimited => "rate_limited",
            SecurityEvent::BadProof => "bad_proof",
            SecurityEvent::CsrfRefused => "csrf_refused",
            SecurityEvent::CspViolation => "csp_violation",
            SecurityEvent::CspReportsLimited => "csp_reports_limited",
        }
    }
}

impl fmt::Display for SecurityEvent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}
