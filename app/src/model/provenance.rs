//! Where a fact comes from (来源) and how sure we are of it (可信度). Provenance is per item
//! (DESIGN §5): each year, problem, policy and reported fact carries its own sources, and what a
//! reader is told ([`Confidence`]) follows from them by one rule, [`shown_confidence`].

use serde::{Deserialize, Serialize};

/// 可信度: what a reader is told about an item. The first three are the facts file's levels;
/// `Official` and `Unsourced` are for content staff entered; `Sample` for demo data we made up.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
pub struct Published {
    pub department: String,
    /// As staff typed it (YYYY-MM-DD), when known.
    pub date: Option<String>,
}

/// What kind of page a citation is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// The page of the government body or outlet that wrote it.
    #[default]
    Primary,
    /// 转载（待核实）: a copy on a third-party site; `outlet` names whom it credits.
    Repost,
}

/// 来源: one citation. The facts file writes several in one string, separated by `;`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// The address, when the citation has one.
    pub url: Option<String>,
    /// The cited page's title, when the facts give it.
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub kind: SourceKind,
    /// For a repost: the outlet (and date) it credits, when it names one.
    #[serde(default)]
    pub outlet: Option<String>,
    /// What the facts file says about the citation that is not its title, e.g. "seed article".
    pub note: Option<String>,
}

impl Source {
    /// Splits a facts-file source string into citations.
    ///
    /// `"http://a ; http://b (repost)"` becomes two sources, the second a repost.
    pub fn parse_list(raw: &str) -> Vec<Source> {
        raw.split(';')
            .map(str::trim)
            .filter(|part| !part.is_empty())
            .map(Source::parse_one)
            .collect()
    }

    /// A source list with the titles the facts give (`;`-separated, parallel to the addresses)
    /// and, for reposts, the outlet credited. A title of "same" repeats the previous one.
    pub fn parse_titled(raw: &str, titles: Option<&str>, repost_of: Option<&str>) -> Vec<Source> {
        let mut sources = Source::parse_list(raw);
        let titles: Vec<&str> = titles
            .map(|t| t.split(" ; ").map(str::trim).collect())
            .unwrap_or_default();
        let mut previous: Option<String> = None;
        for (i, source) in sources.iter_mut().enumerate() {
            // One title for several addresses ("a / b (reposts)") applies to each of them.
            let Some(raw_title) = titles
                .get(i)
                .or(titles.last().filter(|_| titles.len() == 1))
            else {
                continue;
            };
            let (title, repost, outlet) = split_title(raw_title);
            if repost {
                source.kind = SourceKind::Repost;
            }
            if source.outlet.is_none() {
                source.outlet = outlet;
            }
            let title = match title.as_deref() {
                Some("same") => previous.clone(),
                _ => title,
            };
            if title.is_some() {
                previous = title.clone();
            }
            source.title = title;
        }
        if let Some(outlet) = repost_of.map(str::trim).filter(|o| !o.is_empty()) {
            for source in sources.iter_mut().filter(|s| s.url.is_some()) {
                source.kind = SourceKind::Repost;
                if source.outlet.is_none() && !outlet.starts_with("unknown") {
                    source.outlet = Some(outlet.to_string());
                }
            }
        }
        sources
    }

    /// A source an editor typed, e.g. "首都之窗 关于…的通知 https://…": the words beside the
    /// address are the page's title.
    pub fn parse_staff(raw: &str) -> Vec<Source> {
        let mut sources = Source::parse_list(raw);
        for s in &mut sources {
            if s.title.is_none() && s.url.is_some() {
                s.title = s.note.take();
            }
        }
        sources
    }

    fn parse_one(part: &str) -> Source {
        let mut url = None;
        let mut rest = Vec::new();
        for word in part.split_whitespace() {
            if url.is_none() && (word.starts_with("http://") || word.starts_with("https://")) {
                url = Some(word.to_string());
            } else {
                rest.push(word);
            }
        }
        let joined = rest.join(" ");
        let note = joined
            .strip_prefix('(')
            .and_then(|n| n.strip_suffix(')'))
            .unwrap_or(&joined)
            .trim();
        let mut source = Source {
            url,
            title: None,
            kind: SourceKind::Primary,
            outlet: None,
            note: (!note.is_empty()).then(|| note.to_string()),
        };
        // "(repost)", "(repost of 北京日报客户端)": the facts' English note becomes the kind and
        // the credited outlet, so the page can say it in the reader's language.
        if let Some(rest) = source.note.as_deref().and_then(repost_note) {
            source.kind = SourceKind::Repost;
            source.outlet = rest;
            source.note = None;
        }
        source
    }

    /// The host name, used as the link text when the title is unknown.
    pub fn host(&self) -> Option<&str> {
        let url = self.url.as_deref()?;
        let without_scheme = url.split_once("://").map(|(_, rest)| rest)?;
        without_scheme.split('/').next().filter(|h| !h.is_empty())
    }

    /// A government site (`.gov.cn`): listed first among primary sources.
    pub fn is_government(&self) -> bool {
        self.host().is_some_and(|h| h.ends_with(".gov.cn"))
    }

    /// Whether this citation, on its own, can make an item 已证实: an address that is not a
    /// repost. Staff sources also need a title (they have no facts-file review behind them).
    pub fn vouches(&self, needs_title: bool) -> bool {
        self.url.is_some()
            && self.kind == SourceKind::Primary
            && (!needs_title || self.title.as_deref().is_some_and(|t| !t.trim().is_empty()))
    }

    /// Primary government pages first, then other primary pages, then reposts (stable within).
    pub fn ordered(mut sources: Vec<Source>) -> Vec<Source> {
        sources.sort_by_key(|s| match (s.kind, s.is_government()) {
            (SourceKind::Primary, true) => 0,
            (SourceKind::Primary, false) => 1,
            (SourceKind::Repost, _) => 2,
        });
        sources
    }
}

/// `Some(outlet)` when a note says the page is a repost; the outlet when it names one.
fn repost_note(note: &str) -> Option<Option<String>> {
    let lower = note.to_ascii_lowercase();
    if !lower.starts_with("repost") {
        return None;
    }
    let outlet = note
        .split_once(" of ")
        .map(|(_, o)| o.trim())
        .filter(|o| !o.is_empty() && !o.starts_with("the ") && !o.starts_with("unknown"))
        .map(str::to_string);
    Some(outlet)
}

/// A facts-file title like "标题 (repost of 北京日报)" → (title, is repost, credited outlet).
fn split_title(raw: &str) -> (Option<String>, bool, Option<String>) {
    let raw = raw.trim();
    if let Some(outlet) = repost_note(raw) {
        return (None, true, outlet);
    }
    // The parenthesis that says so: "(repost of …)", "(reposts)", "(translated repost of …)".
    let open = raw
        .find("(repost")
        .or_else(|| raw.find("repost").and_then(|at| raw[..at].rfind('(')));
    if let Some(open) = open {
        let inner = &raw[open + 1..];
        let inner = inner.strip_suffix(')').unwrap_or(inner);
        let from = inner.find("repost").unwrap_or(0);
        if let Some(outlet) = repost_note(&inner[from..]) {
            let title = raw[..open].trim();
            return ((!title.is_empty()).then(|| title.to_string()), true, outlet);
        }
    }
    (
        (!raw.is_empty() && raw != "(none)").then(|| raw.to_string()),
        false,
        None,
    )
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
pub struct Fact {
    pub kind: FactKind,
    pub text: String,
    pub confidence: Confidence,
    pub sources: Vec<Source>,
}

/// What a reported [`Fact`] is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
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
    fn source_lists_split_into_urls_and_reposts() {
        let sources = Source::parse_list(
            "http://www.71.cn/2025/0710/1267011.shtml ; http://laiwandiao6.cn/x.html (repost of the announcement)",
        );
        assert_eq!(sources.len(), 2);
        assert_eq!(sources[0].host(), Some("www.71.cn"));
        assert_eq!(sources[0].kind, SourceKind::Primary);
        assert_eq!(sources[0].note, None);
        // The English note becomes the kind: the page says 转载（待核实）, not "repost".
        assert_eq!(sources[1].kind, SourceKind::Repost);
        assert_eq!(sources[1].note, None);
        assert_eq!(sources[1].outlet, None);
    }

    #[test]
    fn a_repost_names_the_outlet_it_credits() {
        let s = Source::parse_titled(
            "http://static.17car.com.cn/qianzhan/2022/1008/301959.html",
            Some("市住建委:楼内下水管道堵塞维修纳入社区治理体系 (repost of 北京日报客户端)"),
            None,
        );
        assert_eq!(s[0].kind, SourceKind::Repost);
        assert_eq!(s[0].outlet.as_deref(), Some("北京日报客户端"));
        assert_eq!(
            s[0].title.as_deref(),
            Some("市住建委:楼内下水管道堵塞维修纳入社区治理体系")
        );
        let s = Source::parse_titled(
            "http://a.cn/x",
            Some("北京:餐饮油烟扰民"),
            Some("中国青年报 2024-10-24"),
        );
        assert_eq!(s[0].kind, SourceKind::Repost);
        assert_eq!(s[0].outlet.as_deref(), Some("中国青年报 2024-10-24"));
    }

    #[test]
    fn titles_pair_with_addresses_and_same_repeats() {
        let s = Source::parse_titled(
            "http://www.bjchy.gov.cn/a.html ; http://63ou.com/b.html",
            Some("朝阳区政府页面 ; same (repost of 中国青年报)"),
            None,
        );
        assert_eq!(s[0].title.as_deref(), Some("朝阳区政府页面"));
        assert!(s[0].is_government());
        assert_eq!(s[1].title.as_deref(), Some("朝阳区政府页面"));
        assert_eq!(s[1].kind, SourceKind::Repost);
        assert_eq!(s[1].outlet.as_deref(), Some("中国青年报"));
    }

    #[test]
    fn primary_government_pages_come_first() {
        let s = Source::ordered(Source::parse_list(
            "http://x.cn/1 (repost) ; https://news.example.com/2 ; http://www.bjchy.gov.cn/3",
        ));
        let hosts: Vec<_> = s.iter().filter_map(Source::host).collect();
        assert_eq!(hosts, ["www.bjchy.gov.cn", "news.example.com", "x.cn"]);
    }

    #[test]
    fn a_source_without_url_keeps_its_words() {
        let sources =
            Source::parse_list("seed article (the project's seed document); http://a.cn/x");
        assert_eq!(sources[0].url, None);
        assert_eq!(
            sources[0].note.as_deref(),
            Some("seed article (the project's seed document)")
        );
        assert_eq!(sources[1].host(), Some("a.cn"));
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
