//! Record ids as types (Lemmy's `newtypes.rs` shape): a candidate's id cannot be passed where a
//! cycle's is wanted, and a ballot's picks are candidate ids by type, not by the name of a
//! variable. Each is the row's `i64` inside; the store binds `.0` and wraps what it reads (this
//! crate has no database dependency). On the wire (JSON, forms) they are plain numbers.

use serde::{Deserialize, Serialize};

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(
            Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
        )]
        #[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
        #[serde(transparent)]
        pub struct $name(pub i64);

        impl $name {
            /// From a URL segment or a form field: a positive id of at most 18 digits.
            pub fn parse(text: &str) -> Option<Self> {
                super::parse_id(text).map(Self)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                self.0.fmt(f)
            }
        }
    )*};
}

ids! {
    /// 投票轮次: a voting cycle.
    CycleId;
    /// 候选题目: a candidate of a cycle — what a ballot picks.
    CandidateId;
    /// 主题: a month's topic.
    TopicId;
    /// 问题: a concrete problem of a year's list, usually of a topic.
    ProblemId;
    /// 任务: a line of a topic's task list.
    TaskId;
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::*;

    #[test]
    fn ids_read_and_print_as_plain_numbers() {
        assert_eq!(CandidateId::parse("42"), Some(CandidateId(42)));
        assert_eq!(CandidateId::parse("0"), None);
        assert_eq!(CandidateId::parse("4x"), None);
        assert_eq!(CycleId(7).to_string(), "7");
        let json = serde_json::to_string(&vec![CandidateId(3), CandidateId(5)]).expect("json");
        assert_eq!(json, "[3,5]");
        assert_eq!(
            serde_json::from_str::<CycleId>("9").expect("json"),
            CycleId(9)
        );
    }
}
