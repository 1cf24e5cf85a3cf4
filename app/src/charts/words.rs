//! The words around a chart, in the reader's language: title, one-sentence takeaway, a text
//! description for readers who cannot see it, and the series names. Computed from the data, so
//! the takeaway never disagrees with the figure.

use super::labels;
pub use super::numbers::num;
use super::numbers::{sum, values};
use crate::i18n::Locale;
use crate::model::{ChartData, ChartKind, Ongoing, Unit};
use rust_i18n::t;

/// Everything a chart says in words.
#[derive(Clone, Debug, PartialEq)]
pub struct Words {
    pub title: String,
    pub takeaway: String,
    pub description: String,
    pub series_names: Vec<String>,
    /// 单位, e.g. 件.
    pub unit: String,
    /// What the categories are (the first column of the table and the CSV).
    pub category: String,
}

pub fn words(data: &ChartData, locale: Locale) -> Words {
    let l = locale.tag();
    let subject = data.subject.clone().unwrap_or_default();
    let series_names: Vec<String> = data
        .series
        .iter()
        .map(|s| series_name(&s.key, locale))
        .collect();
    let title = match data.kind {
        ChartKind::ProblemsPerYear => t!("chart.title.problems_per_year", locale = l),
        ChartKind::PoliciesPerMonth => t!("chart.title.policies_per_month", locale = l),
        ChartKind::TopicTasks => t!("chart.title.topic_tasks", locale = l, subject = subject),
        ChartKind::DepartmentsOnTime => t!("chart.title.departments_on_time", locale = l),
        ChartKind::CycleVotes => t!("chart.title.cycle_votes", locale = l, subject = subject),
        ChartKind::HotlineCategories => t!("chart.title.hotline_categories", locale = l),
        ChartKind::ProblemVolume => t!("chart.title.problem_volume", locale = l, subject = subject),
        ChartKind::ProblemRates => t!("chart.title.problem_rates", locale = l, subject = subject),
        ChartKind::ClassTrend => t!("chart.title.class_trend", locale = l, subject = subject),
        ChartKind::ClassDistricts => {
            t!("chart.title.class_districts", locale = l, subject = subject)
        }
        ChartKind::ClassRates => t!("chart.title.class_rates", locale = l, subject = subject),
    }
    .into_owned();
    let day = |d: &str| crate::i18n::when::day_text(d, locale);
    let (title, takeaway) = match &data.ongoing {
        Some(Ongoing::VoteOpen { last_day }) => (
            t!(
                "chart.title.cycle_votes_open",
                locale = l,
                subject = subject,
                date = day(last_day)
            )
            .into_owned(),
            format!(
                "{}{}",
                t!("chart.takeaway.vote_open", locale = l, date = day(last_day)),
                spaced(takeaway(data, locale), locale)
            ),
        ),
        Some(Ongoing::Period { category }) => (
            format!(
                "{title}{}",
                t!(
                    "chart.title.period_ongoing",
                    locale = l,
                    category = category
                )
            ),
            format!(
                "{}{}",
                takeaway(data, locale),
                spaced(
                    t!(
                        "chart.takeaway.period_ongoing",
                        locale = l,
                        category = category
                    )
                    .into_owned(),
                    locale
                )
            ),
        ),
        None => (title, takeaway(data, locale)),
    };
    Words {
        title,
        takeaway,
        description: description(data, &series_names, locale),
        series_names,
        unit: labels::unit_label(data, locale),
        category: labels::category_label(data.kind, locale),
    }
}

/// A sentence that follows another: English puts a space between them, Chinese does not.
fn spaced(sentence: String, locale: Locale) -> String {
    match locale {
        Locale::En => format!(" {sentence}"),
        Locale::ZhCn => sentence,
    }
}

pub fn series_name(key: &str, locale: Locale) -> String {
    let full = format!("chart.series.{key}");
    let text = t!(&full, locale = locale.tag()).into_owned();
    if text == full {
        key.to_string()
    } else {
        text
    }
}

/// Sum of every series at one category.
fn total_at(data: &ChartData, i: usize) -> f64 {
    data.series.iter().filter_map(|s| s.values.get(i)).sum()
}

fn takeaway(data: &ChartData, locale: Locale) -> String {
    let l = locale.tag();
    let empty = || t!("chart.takeaway.empty", locale = l).into_owned();
    if data.categories.is_empty() || data.series.is_empty() {
        return empty();
    }
    let n = data.categories.len();
    let totals: Vec<f64> = (0..n).map(|i| total_at(data, i)).collect();
    let (top_i, top_v) =
        totals.iter().enumerate().fold(
            (0, f64::MIN),
            |best, (i, &v)| if v > best.1 { (i, v) } else { best },
        );
    let top = data.categories[top_i].clone();
    let text = match data.kind {
        ChartKind::ProblemsPerYear => t!(
            "chart.takeaway.problems_per_year",
            locale = l,
            first = data.categories[0],
            a = num(totals[0]),
            last = data.categories[n - 1],
            b = num(totals[n - 1]),
            total = num(sum(&totals))
        ),
        ChartKind::PoliciesPerMonth => t!(
            "chart.takeaway.policies_per_month",
            locale = l,
            total = num(sum(&totals)),
            month = top,
            n = num(top_v)
        ),
        ChartKind::TopicTasks => {
            // Done late is done too: the same count as the topic's progress bar.
            let done = sum(&values(data, "done")) + sum(&values(data, "done_late"));
            let overdue = sum(&values(data, "overdue"));
            t!(
                "chart.takeaway.topic_tasks",
                locale = l,
                done = num(done),
                total = num(sum(&totals)),
                overdue = num(overdue)
            )
        }
        ChartKind::DepartmentsOnTime => {
            let on_time = values(data, "on_time");
            let rates: Vec<(usize, f64)> = (0..n)
                .filter(|&i| totals[i] > 0.0)
                .map(|i| (i, on_time.get(i).copied().unwrap_or(0.0) / totals[i]))
                .collect();
            let Some(best) = rates.iter().map(|r| r.1).reduce(f64::max) else {
                return empty();
            };
            // Every department at the best share, so a tie is not told as one winner.
            let leaders: Vec<usize> = rates
                .iter()
                .filter(|r| (r.1 - best).abs() < 1e-9)
                .map(|r| r.0)
                .collect();
            let i = leaders[0];
            let pct = num((best * 100.0).round());
            if leaders.len() > 1 {
                t!(
                    "chart_meta.takeaway.departments_on_time_tie",
                    locale = l,
                    count = leaders.len(),
                    pct = pct,
                    department = data.categories[i]
                )
            } else {
                t!(
                    "chart_meta.takeaway.departments_on_time",
                    locale = l,
                    department = data.categories[i],
                    done = num(on_time.get(i).copied().unwrap_or(0.0)),
                    total = num(totals[i]),
                    pct = pct
                )
            }
        }
        ChartKind::CycleVotes => {
            let total = sum(&totals);
            if total <= 0.0 {
                return t!("chart_meta.takeaway.cycle_votes_none", locale = l).into_owned();
            }
            let leaders: Vec<String> = (0..n)
                .filter(|&i| (totals[i] - top_v).abs() < 1e-9)
                .map(|i| format!("“{}”", data.categories[i]))
                .collect();
            if leaders.len() > 1 {
                let join = t!("chart_meta.list_join", locale = l);
                t!(
                    "chart_meta.takeaway.cycle_votes_tie",
                    locale = l,
                    leaders = leaders.join(&join),
                    n = num(top_v),
                    total = num(total)
                )
            } else {
                let verified = values(data, "verified");
                t!(
                    "chart.takeaway.cycle_votes",
                    locale = l,
                    leader = top,
                    n = num(top_v),
                    verified = num(verified.get(top_i).copied().unwrap_or(0.0)),
                    total = num(total)
                )
            }
        }
        ChartKind::HotlineCategories => t!(
            "chart.takeaway.hotline_categories",
            locale = l,
            top = top,
            n = num(top_v),
            pct = num((top_v / sum(&totals) * 1000.0).round() / 10.0)
        ),
        ChartKind::ProblemVolume | ChartKind::ProblemRates => {
            return super::before_after::sentence(data, locale).unwrap_or_else(empty)
        }
        ChartKind::ClassTrend => {
            // The last four weeks against the four before them.
            let v = values(data, "requests");
            if v.len() < 8 {
                return empty();
            }
            let recent = sum(&v[v.len() - 4..]);
            let before = sum(&v[v.len() - 8..v.len() - 4]);
            if before <= 0.0 {
                return empty();
            }
            t!(
                "chart.takeaway.class_trend",
                locale = l,
                recent = num(recent),
                pct = num(((recent - before) / before * 1000.0).round() / 10.0)
            )
        }
        ChartKind::ClassDistricts => t!(
            "chart.takeaway.class_districts",
            locale = l,
            top = top,
            n = num(top_v),
            pct = num((top_v / sum(&totals).max(1.0) * 1000.0).round() / 10.0),
            districts = n
        ),
        ChartKind::ClassRates => {
            let rate = |key: &str, i: usize| values(data, key).get(i).copied().unwrap_or(0.0);
            t!(
                "chart.takeaway.class_rates",
                locale = l,
                d0 = num(rate("dissatisfaction", 0)),
                d1 = num(rate("dissatisfaction", 1)),
                s0 = num(rate("satisfaction", 0)),
                s1 = num(rate("satisfaction", 1))
            )
        }
    };
    text.into_owned()
}

/// "Bar chart. 2021: 27; 2022: 17; …" — every value, in reading order, for screen readers.
fn description(data: &ChartData, names: &[String], locale: Locale) -> String {
    let l = locale.tag();
    let key = format!("chart.shape.{}", data.kind.as_str());
    let shape = t!(&key, locale = l).into_owned();
    let unit = match data.unit {
        Unit::Count => String::new(),
        Unit::Percent => "%".into(),
        Unit::TenThousand => t!("chart.unit.ten_thousand", locale = l).into_owned(),
    };
    let items: Vec<String> = data
        .categories
        .iter()
        .enumerate()
        .map(|(i, category)| {
            let parts: Vec<String> = data
                .series
                .iter()
                .zip(names)
                .map(|(s, name)| {
                    let v = s.values.get(i).copied().unwrap_or(0.0);
                    if data.series.len() == 1 {
                        format!("{}{unit}", num(v))
                    } else {
                        format!("{name} {}{unit}", num(v))
                    }
                })
                .collect();
            format!("{category}: {}", parts.join(", "))
        })
        .collect();
    format!("{shape} {}", items.join("; "))
}

#[cfg(test)]
#[path = "words_tests.rs"]
mod tests;
