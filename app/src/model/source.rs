//! 来源: a citation, and how the facts file's source strings (several in one, `;`-separated,
//! with titles and repost notes) become citations. What a reader is told from them
//! ([`super::Confidence`]) is decided in `provenance.rs`.

use serde::{Deserialize, Serialize};

/// What kind of page a citation is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum SourceKind {
    /// The page of the government body or outlet that wrote it.
    #[default]
    Primary,
    /// 转载（待核实）: a copy on a third-party site; `outlet` names whom it credits.
    Repost,
}

/// 来源: one citation. The facts file writes several in one string, separated by `;`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
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
        // A copy site is a repost whatever the note says (never the item's own source).
        if source.host().is_some_and(is_copy_site) {
            source.kind = SourceKind::Repost;
        }
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

/// Sites that publish copies of other outlets' reports — content farms, aggregators, machine
/// translations, portals of unrelated trades — found among the facts' citations. A page there
/// is 转载（待核实） wherever it is cited, even where the facts file forgot to say so. Official
/// and news sites that carry their own reports are not listed: they stay primary unless the
/// facts mark a page as a repost.
const COPY_SITES: [&str; 43] = [
    "tellerreport.com",
    "rexun.cn",
    "eeju.com",
    "xiaoshuotop.com",
    "zhongtouwang.com.cn",
    "laiwandiao6.cn",
    "17car.com.cn",
    "qianlongyuan.cn",
    "63ou.com",
    "xncapp.cn",
    "wxredian.com",
    "yywzx.net",
    "zjwx.net",
    "hnxfqy.com",
    "everyday-news.co",
    "axdbkk.com",
    "fyun.cc",
    "reportify.cn",
    "reportify.ai",
    "mkcnfr.com",
    "toopoo.com",
    "zhenghonghj.com",
    "yaliqi.com",
    "xingfushuangcheng.com",
    "yuhaojiang.com",
    "xinchengreli.com",
    "unclezhai.com",
    "laitimes.com",
    "laihamady.com",
    "breakinglatest.news",
    "6q8a8.com",
    "udlsy.com",
    "ockpp.cn",
    "yybnet.net",
    "qypowez.cn",
    "jiangtianzheng.com",
    "applll.com",
    "fangguanf.com",
    "differencechina.com",
    "bcdays.cn",
    "line.me",
    "163.com",
    "sina.com.hk",
];

/// Whether a host is one of [`COPY_SITES`] or a subdomain of one.
fn is_copy_site(host: &str) -> bool {
    let host = host.to_ascii_lowercase();
    COPY_SITES
        .iter()
        .any(|site| host == *site || host.ends_with(&format!(".{site}")))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_on_a_copy_site_is_a_repost_even_unmarked() {
        let sources = Source::parse_list(
            "https://www.tellerreport.com/life/2021-06-17-x.html ; http://mp.rexun.cn/a.html ; \
             http://hf.eeju.com/news/1.html ; https://www.beijing.gov.cn/a.html",
        );
        let kinds: Vec<SourceKind> = sources.iter().map(|s| s.kind).collect();
        assert_eq!(
            kinds,
            [
                SourceKind::Repost,
                SourceKind::Repost,
                SourceKind::Repost,
                SourceKind::Primary
            ]
        );
        assert!(
            !sources[0].vouches(false),
            "a repost never vouches for an item"
        );
        // A look-alike host is not a subdomain of a listed site.
        assert_eq!(
            Source::parse_list("https://notrexun.cn/a")
                .first()
                .map(|s| s.kind),
            Some(SourceKind::Primary)
        );
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
}
