//! 计票状态: whether a ballot, or a "me too" support, counts — and, when it does not, why. The
//! tokens are what the database stores (`status` / `reason` columns, with their CHECKs) and what
//! the JSON API answers; the reasons are worded under `vote.reason.*`.

codes! {
    /// Whether a ballot or support counts (计入), waits for a moderator (暂缓), or was not
    /// counted after review (不计入).
    BallotStatus {
        Counted => "counted",
        Quarantined => "quarantined",
        Rejected => "rejected",
    }
}

codes! {
    /// Why a ballot or support was held (暂缓原因), or why a moderator did not count it.
    BallotReason {
        /// Too many from one network in a short time.
        Burst => "burst",
        /// The hidden field a person never fills was filled.
        Honeypot => "honeypot",
        /// One device token seen from many networks.
        TokenReuse => "token_reuse",
        /// Beyond the per-network daily allowance (`network_rule.rs`).
        NetworkDay => "network_day",
        /// A moderator's decision not to count it.
        Moderator => "moderator",
        /// Stored by earlier versions, which held a failed or replayed proof instead of
        /// refusing it; still worded for those rows.
        FailedProof => "failed_proof",
        ReplayedProof => "replayed_proof",
    }
}

impl BallotStatus {
    /// A moderator's decision on a held ballot or support.
    pub fn decided(accept: bool) -> BallotStatus {
        if accept {
            BallotStatus::Counted
        } else {
            BallotStatus::Rejected
        }
    }
}

impl BallotReason {
    /// The locale key of its words.
    pub fn message_key(self) -> String {
        format!("vote.reason.{}", self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip() {
        for status in BallotStatus::ALL {
            assert_eq!(BallotStatus::parse(status.as_str()), Some(*status));
        }
        for reason in BallotReason::ALL {
            assert_eq!(BallotReason::parse(reason.as_str()), Some(*reason));
        }
        assert_eq!(BallotStatus::parse("held"), None);
    }

    #[cfg(feature = "ssr")]
    #[test]
    fn sent_as_the_stored_token() {
        assert_eq!(
            serde_json::to_string(&BallotReason::TokenReuse)
                .ok()
                .as_deref(),
            Some("\"token_reuse\""),
            "sent as its stored token"
        );
        assert_eq!(
            serde_json::from_str::<BallotStatus>("\"quarantined\"").ok(),
            Some(BallotStatus::Quarantined)
        );
    }
}
