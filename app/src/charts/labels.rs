//! The labels that travel with a chart wherever it goes (page, embed, PNG, SVG, CSV, JSON): the
//! unit of its values (单位), the name of its categories (the CSV's first column), and its
//! source line as plain text for images and files, where links cannot be clicked.

use crate::i18n::Locale;
use crate::model::{ChartData, ChartKind, SourceKind};
use rust_i18n::t;

/// 单位: what one unit of a value is, e.g. 件, 项, 票, %.
pub fn unit_label(data: &ChartData, locale: Locale) -> String {
    let key = match data.kind {
        ChartKind::ProblemsPerYear => "problems",
        ChartKind::PoliciesPerMonth => "policies",
        ChartKind::TopicTasks | ChartKind::DepartmentsOnTime => "tasks",
        ChartKind::CycleVotes => "votes",
        ChartKind::HotlineCategories => "ten_thousand_requests",
        ChartKind::ProblemVolume | ChartKind::ClassTrend | ChartKind::ClassDistricts => "requests",
        ChartKind::ProblemRates | ChartKind::ClassRates => "percent",
    };
    let key = format!("chart_meta.unit.{key}");
    t!(&key, locale = locale.tag()).into_owned()
}

/// What the categories are: 年份, 月份, 部门… (never the vague 类别 for months).
pub fn category_label(kind: ChartKind, locale: Locale) -> String {
    let key = match kind {
        ChartKind::ProblemsPerYear => "year",
        ChartKind::PoliciesPerMonth | ChartKind::ProblemVolume | ChartKind::ProblemRates => "month",
        ChartKind::TopicTasks => "problem",
        ChartKind::DepartmentsOnTime => "department",
        ChartKind::CycleVotes => "candidate",
        ChartKind::HotlineCategories => "request_category",
        ChartKind::ClassTrend => "week",
        ChartKind::ClassDistricts => "district",
        ChartKind::ClassRates => "compared",
    };
    let key = format!("chart_meta.category.{key}");
    t!(&key, locale = locale.tag()).into_owned()
}

/// The host of a URL, e.g. `www.beijing.gov.cn`, for a source named in an image.
fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    rest.split(['/', '?', '#']).next().unwrap_or(rest)
}

/// "来源：www.beijing.gov.cn（转载）、…" or the sample notice: the source line as plain text.
pub fn source_text(data: &ChartData, locale: Locale) -> String {
    let l = locale.tag();
    if data.sample {
        return t!("chart.sample_source", locale = l).into_owned();
    }
    let names: Vec<String> = data
        .sources
        .iter()
        .filter_map(|s| {
            // A repost says so wherever it is cited: footer, PNG, embed and CSV.
            let name = s.url.as_deref().map(host).map(|h| match s.kind {
                SourceKind::Repost => format!("{h}{}", t!("chart_meta.repost_mark", locale = l)),
                SourceKind::Primary => h.to_string(),
            });
            match (name, &s.note) {
                (Some(name), Some(note)) => Some(format!("{name} ({note})")),
                (Some(name), None) => Some(name),
                (None, Some(note)) => Some(note.clone()),
                (None, None) => None,
            }
        })
        .collect();
    if names.is_empty() {
        return t!("chart_meta.no_source", locale = l).into_owned();
    }
    format!(
        "{} {}",
        t!("chart.source", locale = l),
        names.join(&*t!("chart_meta.list_join", locale = l))
    )
}

/// The line under every copy of a chart: source · data date · version (· 示例数据).
pub fn footer_text(data: &ChartData, version: &str, locale: Locale) -> String {
    let l = locale.tag();
    let mut parts = vec![
        source_text(data, locale),
        t!(
            "chart.as_of",
            locale = l,
            date = crate::i18n::when::day_text(&data.as_of, locale)
        )
        .into_owned(),
        t!("chart.version", locale = l, version = version).into_owned(),
    ];
    if data.sample {
        parts.push(t!("chart.sample_label", locale = l).into_owned());
    }
    parts.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ChartData, Source, Unit};

    fn data(kind: ChartKind, sample: bool) -> ChartData {
        ChartData {
            id: "t".into(),
            kind,
            subject: None,
            unit: Unit::Count,
            categories: vec![],
            series: vec![],
            marker: None,
            sample,
            sources: vec![Source {
                url: Some("https://www.beijing.gov.cn/ywdt/a.html".into()),
                title: None,
                kind: Default::default(),
                outlet: None,
                note: None,
            }],
            as_of: "2026-11-28".into(),
            ongoing: None,
        }
    }

    #[test]
    fn months_are_months_and_requests_are_jian() {
        assert_eq!(
            category_label(ChartKind::ProblemVolume, Locale::ZhCn),
            "月份"
        );
        assert_eq!(
            category_label(ChartKind::ProblemVolume, Locale::En),
            "Month"
        );
        let d = data(ChartKind::ProblemVolume, false);
        assert_eq!(unit_label(&d, Locale::ZhCn), "件");
        assert_eq!(
            footer_text(&d, "0123456789ab", Locale::ZhCn),
            "来源： www.beijing.gov.cn · 数据截至2026年11月28日 · 数据版本 0123456789ab"
        );
        let s = data(ChartKind::PoliciesPerMonth, true);
        assert!(footer_text(&s, "0123456789ab", Locale::ZhCn).ends_with(" · 示例数据"));
    }
}
