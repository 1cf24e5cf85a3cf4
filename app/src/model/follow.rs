//! 关注 (Follow): a resident asks to hear about one item by email, without an account. The kinds
//! of item and the reasons a request is refused travel as codes (the form's redirect, the
//! outbox, the store), each spelled once.

codes! {
    /// What a follow is of: a voting cycle, a candidate, a suggestion or a month's topic.
    FollowKind {
        Cycle => "cycle",
        Candidate => "candidate",
        Suggestion => "suggestion",
        Topic => "topic",
    }
}

codes! {
    /// How a follow request ended, in the page's address (`?follow=<code>#follow`) and the
    /// message key `follow.outcome.<code>`: `sent` is the only success (a confirmation mail is
    /// on its way — or, for an address that already follows, nothing, said the same way, so the
    /// page never tells who follows what).
    FollowOutcome {
        Sent => "sent",
        Address => "address",
        Consent => "consent",
        RateLimited => "rate_limited",
        Busy => "busy",
    }
}

impl FollowOutcome {
    pub fn message_key(self) -> String {
        format!("follow.outcome.{}", self.as_str())
    }
}

/// A month's topic as a follow names it (its subject), `2026-03`: the page's address has the
/// month, and the topic's id is not shown anywhere.
pub fn topic_subject(year: i32, month: u8) -> String {
    format!("{year}-{month:02}")
}

/// Longest address accepted, in bytes (RFC 5321's path limit).
pub const ADDRESS_MAX: usize = 254;

/// The address as typed, trimmed, if it looks like one mailbox: one `@` with text on both sides
/// and a dot in the domain, no spaces or angle brackets. Delivery is the real test; this only
/// catches typing slips before a confirmation is sent.
pub fn parse_address(typed: &str) -> Option<String> {
    let address = typed.trim();
    let (local, domain) = address.split_once('@')?;
    let plain = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| !c.is_whitespace() && !matches!(c, '<' | '>' | '@' | ',' | ';' | '"'))
    };
    (address.len() <= ADDRESS_MAX
        && plain(local)
        && plain(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.'))
    .then(|| address.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_one_mailbox_or_nothing() {
        assert_eq!(
            parse_address("  wang@example.cn "),
            Some("wang@example.cn".into())
        );
        for bad in [
            "",
            "wang",
            "wang@",
            "@example.cn",
            "wang@example",
            "a b@example.cn",
            "wang@example.cn, li@example.cn",
            "<wang@example.cn>",
            "wang@.cn",
        ] {
            assert_eq!(parse_address(bad), None, "{bad:?}");
        }
    }
}
