//! Where a fact comes from (来源) and how sure we are of it (可信度). Provenance is per item
//! (DESIGN §5): each year, problem, policy and reported fact carries its own sources, and what a
//! reader is told ([`Confidence`]) follows from them by one rule, [`shown_confidence`].

pub use super::source::{Source, SourceKind};
use serde::{Deserialize, Serialize};

/// 可信度: what a reader is told about an item. The first three are the facts file's levels;
/// `Official` and `Unsourced` are for content staff entered; `Sample` for demo data we made up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Confidence {
    /// 已证实: stated directly by a source of the item's own (not a repost).
    Confirmed,
    /// 推断: implied by outcome reports, not stated as a problem title.
    Inferred,
    /// 存疑: sources conflict or only a repost was reachable.
    Uncertain,
    /// 官方发布: entered by city staff, vouched for by the publishing department and date only.
    Official,
    /// 暂无来源: nothing vouches for it yet.
    Unsourced,
    /// 示例数据: not from any source; invented for the demo and labelled as such.
    Sample,
}

impl Confidence {
    /// The message key of its words (已证实, "Confirmed"), for pages and localised downloads.
    pub fn label_key(self) -> &'static str {
        match self {
            Confidence::Confirmed => "confidence.confirmed",
            Confidence::Inferred => "confidence.inferred",
            Confidence::Uncertain => "confidence.uncertain",
            Confidence::Official => "provenance.official",
            Confidence::Unsourced => "provenance.unsourced",
            Confidence::Sample => "confidence.sample",
        }
    }

    /// Every level, in the order filters list them.
    pub const ALL: [Confidence; 6] = [
        Confidence::Confirmed,
        Confidence::Official,
        Confidence::Inferred,
        Confidence::Uncertain,
        Confidence::Unsourced,
        Confidence::Sample,
    ];

    /// The stable token stored in the database and used in CSS classes.
    pub fn as_str(self) -> &'static str {
        match self {
            Confidence::Confirmed => "confirmed",
            Confidence::Inferred => "inferred",
            Confidence::Uncertain => "uncertain",
            Confidence::Official => "official",
            Confidence::Unsourced => "unsourced",
            Confidence::Sample => "sample",
        }
    }

    pub fn parse(token: &str) -> Option<Self> {
        Confidence::ALL.into_iter().find(|c| c.as_str() == token)
    }
}

/// 出处: who entered an item — the facts file (its confidence stands, subject to its sources) or
/// an editor (never 已证实 on their word alone).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    Facts,
    Staff,
}

impl Origin {
    pub fn parse(token: &str) -> Option<Self> {
        match token {
            "facts" => Some(Origin::Facts),
            "staff" => Some(Origin::Staff),
            _ => None,
        }
    }
}

/// 官方发布: the publishing department and date of staff content.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Published {
    pub department: String,
    /// As staff typed it (YYYY-MM-DD), when known.
    pub date: Option<String>,
}

/// The one rule for what a reader is told (issue 13 point 1): an item is 已证实 only when it
/// carries a source of its own that vouches for it. A facts item that is "confirmed" only through
/// reposts is 存疑 — the facts file's own definition — and one with no source at all is 暂无来源.
/// Staff content without a source is 官方发布 when its publishing department is known.
pub fn shown_confidence(
    origin: Origin,
    stored: Confidence,
    sources: &[Source],
    published: Option<&Published>,
) -> Confidence {
    match origin {
        Origin::Staff if sources.iter().any(|s| s.vouches(true)) => Confidence::Confirmed,
        Origin::Staff if published.is_some() => Confidence::Official,
        Origin::Staff => Confidence::Unsourced,
        Origin::Facts => match stored {
            Confidence::Confirmed if sources.iter().any(|s| s.vouches(false)) => {
                Confidence::Confirmed
            }
            Confidence::Confirmed if sources.iter().any(|s| s.url.is_some()) => {
                Confidence::Uncertain
            }
            Confidence::Confirmed => Confidence::Unsourced,
            other => other,
        },
    }
}

/// 来源所载: one thing the sources report about an item (a lead department, a measure, an
/// outcome, a note on conflicting figures), with its own confidence and sources.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Fact {
    pub kind: FactKind,
    pub text: String,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}

/// What a reported [`Fact`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum FactKind {
    /// 牵头部门 as the sources name it.
    Lead,
    /// 配合部门 as the sources name them.
    Cooperating,
    /// 措施.
    Measure,
    /// 成效.
    Outcome,
    /// 监督 (e.g. the CPPCC's oversight).
    Oversight,
    /// 基线: the situation before.
    Baseline,
    /// 背景.
    Context,
    /// 说明, e.g. sources that conflict.
    Note,
}

impl FactKind {
    pub const ALL: [FactKind; 8] = [
        FactKind::Lead,
        FactKind::Cooperating,
        FactKind::Measure,
        FactKind::Outcome,
        FactKind::Oversight,
        FactKind::Baseline,
        FactKind::Context,
        FactKind::Note,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FactKind::Lead => "lead",
            FactKind::Cooperating => "cooperating",
            FactKind::Measure => "measure",
            FactKind::Outcome => "outcome",
            FactKind::Oversight => "oversight",
            FactKind::Baseline => "baseline",
            FactKind::Context => "context",
            FactKind::Note => "note",
        }
    }

    pub fn parse(token: &str) -> Option<Self> {
        FactKind::ALL.into_iter().find(|k| k.as_str() == token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confidence_round_trips_through_its_token() {
        for c in Confidence::ALL {
            assert_eq!(Confidence::parse(c.as_str()), Some(c));
        }
        assert_eq!(Confidence::parse("maybe"), None);
    }

    #[test]
    fn only_an_own_primary_source_confirms() {
        let primary = Source::parse_list("https://www.bjnews.com.cn/detail/1.html");
        let repost = Source::parse_list("http://laiwandiao6.cn/x.html (repost)");
        let c = Confidence::Confirmed;
        assert_eq!(
            shown_confidence(Origin::Facts, c, &primary, None),
            Confidence::Confirmed
        );
        assert_eq!(
            shown_confidence(Origin::Facts, c, &repost, None),
            Confidence::Uncertain
        );
        assert_eq!(
            shown_confidence(Origin::Facts, c, &[], None),
            Confidence::Unsourced
        );
        assert_eq!(
            shown_confidence(Origin::Facts, Confidence::Inferred, &repost, None),
            Confidence::Inferred
        );
    }

    #[test]
    fn staff_content_is_official_or_unsourced_until_it_has_a_titled_source() {
        let published = Published {
            department: "市城市管理委".into(),
            date: Some("2026-11-26".into()),
        };
        let c = Confidence::Uncertain;
        assert_eq!(
            shown_confidence(Origin::Staff, c, &[], Some(&published)),
            Confidence::Official
        );
        assert_eq!(
            shown_confidence(Origin::Staff, c, &[], None),
            Confidence::Unsourced
        );
        // An address alone is not enough from staff: it needs the page's title too.
        let bare = Source::parse_list("https://www.beijing.gov.cn/x");
        assert_eq!(
            shown_confidence(Origin::Staff, c, &bare, None),
            Confidence::Unsourced
        );
        let mut titled = bare.clone();
        titled[0].title = Some("关于冬季供暖的通知".into());
        assert_eq!(
            shown_confidence(Origin::Staff, c, &titled, Some(&published)),
            Confidence::Confirmed
        );
    }
}
