//! 图表目录 (`/charts`): every chart, grouped by topic or by kind, with a search the server
//! answers (a GET form, so it works with JavaScript off). Each entry links to the chart's page
//! with its downloads and embed codes.

use crate::api::charts::get_chart_catalog;
use crate::components::badges::SampleBadge;
use crate::components::loading::DataView;
use crate::i18n::{use_locale, Locale};
use crate::model::{ChartEntry, ChartGroup};
use crate::pages::month_name;
use crate::tr;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The longest search the page takes (longer text is cut, never refused).
const MAX_QUERY: usize = 40;

/// How the catalogue is grouped (`?by=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum GroupBy {
    #[default]
    Topic,
    Kind,
}

impl GroupBy {
    fn parse(text: Option<&str>) -> GroupBy {
        match text {
            Some("kind") => GroupBy::Kind,
            _ => GroupBy::Topic,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            GroupBy::Topic => "topic",
            GroupBy::Kind => "kind",
        }
    }
}

/// The name of a chart family in the reader's language.
pub fn kind_name(entry: &ChartEntry, locale: Locale) -> String {
    crate::i18n::message(&format!("chart_meta.kind.{}", entry.kind.as_str()), locale)
}

/// Whether every word of the search is in the chart's title, subject or kind (any case).
pub fn matches(entry: &ChartEntry, query: &str, locale: Locale) -> bool {
    let haystack = format!(
        "{} {} {} {}",
        entry.title,
        entry.subject.clone().unwrap_or_default(),
        kind_name(entry, locale),
        entry.id
    )
    .to_lowercase();
    query
        .split_whitespace()
        .all(|word| haystack.contains(&word.to_lowercase()))
}

/// A group's sort key and heading.
fn group_of(
    entry: &ChartEntry,
    by: GroupBy,
    topics: &[(ChartGroup, String)],
    locale: Locale,
) -> (String, String) {
    match by {
        GroupBy::Kind => (format!("{:02}", entry.kind as u8), kind_name(entry, locale)),
        GroupBy::Topic => match &entry.group {
            ChartGroup::Overall => (
                "0".into(),
                crate::i18n::message("chart_meta.catalog.overall", locale),
            ),
            ChartGroup::Topic { year, month } => {
                let theme = topics
                    .iter()
                    .find(|(g, _)| g == &entry.group)
                    .map(|(_, t)| format!(" · {t}"))
                    .unwrap_or_default();
                // Newest topic first.
                (
                    format!("1{:04}{:02}", 9999 - year, 99 - month),
                    format!(
                        "{}{theme}",
                        rust_i18n::t!(
                            "topic.when",
                            locale = locale.tag(),
                            year = year,
                            month = month_name(*month)
                        )
                    ),
                )
            }
            ChartGroup::Votes => (
                "2".into(),
                crate::i18n::message("chart_meta.catalog.votes", locale),
            ),
        },
    }
}

/// Entries in groups, in order, each group's charts in catalogue order.
pub fn grouped(
    entries: Vec<ChartEntry>,
    by: GroupBy,
    locale: Locale,
) -> Vec<(String, Vec<ChartEntry>)> {
    // A topic's heading names its theme, which is its task chart's subject.
    let topics: Vec<(ChartGroup, String)> = entries
        .iter()
        .filter(|e| e.kind == crate::model::ChartKind::TopicTasks)
        .filter_map(|e| Some((e.group.clone(), e.subject.clone()?)))
        .collect();
    let mut groups: Vec<(String, String, Vec<ChartEntry>)> = Vec::new();
    for entry in entries {
        let (key, heading) = group_of(&entry, by, &topics, locale);
        match groups.iter_mut().find(|g| g.0 == key) {
            Some(group) => group.2.push(entry),
            None => groups.push((key, heading, vec![entry])),
        }
    }
    groups.sort_by(|a, b| a.0.cmp(&b.0));
    groups.into_iter().map(|(_, h, e)| (h, e)).collect()
}

#[component]
pub fn ChartsPage() -> impl IntoView {
    let locale = use_locale();
    let query = use_query_map();
    let (q, by) = {
        let params = query.read_untracked();
        let q: String = params
            .get("q")
            .unwrap_or_default()
            .trim()
            .chars()
            .take(MAX_QUERY)
            .collect();
        (q, GroupBy::parse(params.get("by").as_deref()))
    };
    let search = q.clone();
    let catalog = Resource::new_blocking(
        move || search.clone(),
        move |q| async move { get_chart_catalog(locale).await.map(|entries| (entries, q)) },
    );
    let link = {
        let q = q.clone();
        move |to: GroupBy| {
            let mut href = format!("/charts?by={}", to.as_str());
            if !q.is_empty() {
                href.push_str(&format!("&q={}", crate::paths::query_value(&q)));
            }
            href
        }
    };
    let chips = [
        (GroupBy::Topic, tr!("chart_meta.catalog.by_topic")),
        (GroupBy::Kind, tr!("chart_meta.catalog.by_kind")),
    ]
    .into_iter()
    .map(|(g, label)| {
        let current = (g == by).then_some("page");
        view! { <a class="chip" href=link(g) aria-current=current>{label}</a> }
    })
    .collect_view();
    let typed = q.clone();
    view! {
        <Title text=tr!("chart.catalog_title")/>
        <h1>{tr!("chart.catalog_title")}</h1>
        <p>{tr!("chart.catalog_intro")}</p>
        <form role="search" method="get" action="/charts" class="search-form">
            <label for="chart-q">{tr!("chart_meta.catalog.search_label")}</label>
            <div class="search-row">
                <input id="chart-q" name="q" type="search" value=typed enterkeyhint="search" maxlength=MAX_QUERY.to_string()/>
                <input type="hidden" name="by" value=by.as_str()/>
                <button type="submit" class="button">{tr!("chart_meta.catalog.search_button")}</button>
            </div>
        </form>
        <p class="filter-label" id="chart-group-label">{tr!("chart_meta.catalog.group_label")}</p>
        <nav class="chips" aria-labelledby="chart-group-label">{chips}</nav>
        <DataView>
            {move || Suspend::new(async move {
                catalog.await.map(|(entries, q)| catalog_view(entries, &q, by, locale))
            })}
        </DataView>
    }
}

fn catalog_view(entries: Vec<ChartEntry>, q: &str, by: GroupBy, locale: Locale) -> impl IntoView {
    let found: Vec<ChartEntry> = entries
        .into_iter()
        .filter(|e| q.is_empty() || matches(e, q, locale))
        .collect();
    let count = found.len();
    let summary = if q.is_empty() {
        tr!("chart_meta.catalog.results", n = count)
    } else {
        tr!("chart_meta.catalog.results_for", q = q, n = count)
    };
    let clear = (!q.is_empty()).then(|| {
        view! { " " <a href=format!("/charts?by={}", by.as_str())>{tr!("chart_meta.catalog.clear")}</a> }
    });
    let none = (count == 0).then(|| view! { <p>{tr!("chart_meta.catalog.none")}</p> });
    let groups = grouped(found, by, locale)
        .into_iter()
        .enumerate()
        .map(|(i, (heading, entries))| {
            let id = format!("chart-group-{i}");
            view! {
                <section aria-labelledby=id.clone()>
                    <h2 id=id.clone()>{heading}</h2>
                    <ul class="chart-list">
                        {entries
                            .into_iter()
                            .map(|e| view! {
                                <li>
                                    <a href=crate::paths::chart(e.id)>{e.title.clone()}</a>
                                    {e.sample.then(|| view! { " " <SampleBadge/> })}
                                </li>
                            })
                            .collect_view()}
                    </ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <p role="status">{summary}{clear}</p>
        {none}
        {groups}
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ChartKind;

    fn entry(id: &str, kind: ChartKind, title: &str, group: ChartGroup) -> ChartEntry {
        ChartEntry {
            id: id.into(),
            kind,
            title: title.into(),
            subject: None,
            group,
            sample: false,
            version: "0123456789ab".into(),
        }
    }

    #[test]
    fn search_matches_every_word_in_title_subject_or_kind() {
        let e = entry(
            "problem-3-volume",
            ChartKind::ProblemVolume,
            "老楼加装电梯：每月诉求量",
            ChartGroup::Topic {
                year: 2024,
                month: 3,
            },
        );
        assert!(matches(&e, "电梯", Locale::ZhCn));
        assert!(
            matches(&e, "电梯 成效", Locale::ZhCn),
            "the kind name counts"
        );
        assert!(!matches(&e, "停车", Locale::ZhCn));
        assert!(matches(&e, "OUTCOME", Locale::En));
    }

    #[test]
    fn groups_by_kind_keep_families_together() {
        let entries = vec![
            entry(
                "a",
                ChartKind::ProblemVolume,
                "A",
                ChartGroup::Topic {
                    year: 2024,
                    month: 3,
                },
            ),
            entry("b", ChartKind::ProblemsPerYear, "B", ChartGroup::Overall),
            entry(
                "c",
                ChartKind::ProblemVolume,
                "C",
                ChartGroup::Topic {
                    year: 2025,
                    month: 1,
                },
            ),
        ];
        let g = grouped(entries, GroupBy::Kind, Locale::ZhCn);
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].0, "每年问题数");
        assert_eq!(g[1].1.len(), 2);
    }
}
