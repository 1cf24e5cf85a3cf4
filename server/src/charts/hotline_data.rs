//! Chart data computed from the hotline aggregates: a topic problem's outcome (requests and
//! rates per month around the topic's start) and a candidate's evidence (trend, districts,
//! rates). Flagged sample whenever the aggregates came from generated records.

use super::family::series;
use crate::evidence::day_number;
use crate::hotline::record::day_label;
use crate::store::{ClassKey, PeriodFigures, RateFigures, Store, StoreResult};
use app::model::{ChartData, ChartKind, Unit};
use app::model::{ChartRef, EvidenceChart};

fn chart(r: &ChartRef, kind: ChartKind, unit: Unit, subject: String) -> ChartData {
    ChartData {
        subject: Some(subject),
        ..super::family::chart(r, kind, unit)
    }
}

/// A share in percent with one decimal; 0 when nothing was counted.
fn pct(part: i64, whole: i64) -> f64 {
    if whole > 0 {
        (part as f64 / whole as f64 * 1000.0).round() / 10.0
    } else {
        0.0
    }
}

/// 解决率: resolved among closed requests.
fn resolution(f: &RateFigures) -> f64 {
    pct(f.resolved, f.closed)
}

/// 满意率: satisfied or basically satisfied among rated requests (as the city reports it).
fn satisfaction(f: &RateFigures) -> f64 {
    pct(f.satisfied + f.basically_satisfied, f.rated)
}

/// The first day of the month `offset` months from (year, month).
fn month_start(year: i64, month: u8, offset: i64) -> String {
    let index = year * 12 + i64::from(month) - 1 + offset;
    format!(
        "{}-{:02}-01",
        index.div_euclid(12),
        index.rem_euclid(12) + 1
    )
}

/// The month (`YYYY-MM`) of the day after the data's last day: the first month the data does
/// not cover whole. `None` for a date that does not read.
fn first_partial_month(last_day: &str) -> Option<String> {
    let day: jiff::civil::Date = last_day.parse().ok()?;
    let next = day.tomorrow().ok()?;
    Some(format!("{:04}-{:02}", next.year(), next.month()))
}

/// The last day before a month (`YYYY-MM`) begins.
fn day_before_month(month: &str) -> Option<String> {
    let first: jiff::civil::Date = format!("{month}-01").parse().ok()?;
    first.yesterday().ok().map(|d| d.to_string())
}

/// A topic problem's requests (`volume`) or rates per month, from 12 months before its topic
/// started to 12 after (or the last day with data); `None` without a linked class or data.
pub async fn problem(
    store: &Store,
    r: &ChartRef,
    problem: app::model::ProblemId,
    volume: bool,
) -> StoreResult<Option<ChartData>> {
    let Some(p) = store.topic_problem(problem.0).await? else {
        return Ok(None);
    };
    let Some(class) = store.problem_hotline_class(problem.0).await? else {
        return Ok(None);
    };
    // A month out of range is a corrupt row, as everywhere in the store.
    let key = crate::store::topic_key(p.year, p.month)?;
    let (year, month) = (i64::from(key.year), key.month.get());
    let from = month_start(year, month, -12);
    let end = month_start(year, month, 12);
    // The month the data is still in is left out: a month of a few days drawn beside whole
    // ones would read as a fall, in the chart, its PNG and CSV and every caption.
    let partial = match store.hotline_last_day().await? {
        Some(last) => first_partial_month(&last),
        None => None,
    };
    let months = store
        .hotline_class_months(&class, (&from, &end))
        .await?
        .into_iter()
        .filter(|m| m.period.as_str() < &end[..7])
        .filter(|m| partial.as_deref().is_none_or(|p| m.period.as_str() < p))
        .collect::<Vec<PeriodFigures>>();
    if months.is_empty() {
        return Ok(None);
    }
    let (kind, unit) = if volume {
        (ChartKind::ProblemVolume, Unit::Count)
    } else {
        (ChartKind::ProblemRates, Unit::Percent)
    };
    let mut d = chart(r, kind, unit, p.title);
    d.sample = store.hotline_is_sample().await?;
    // The figures describe whole months: up to the day before the month still in progress.
    if let Some(day) = partial.as_deref().and_then(day_before_month) {
        d.as_of = day;
    }
    d.marker = Some(month_start(year, month, 0)[..7].to_string());
    d.categories = months.iter().map(|m| m.period.clone()).collect();
    d.series = if volume {
        vec![series(
            "requests",
            months.iter().map(|m| m.figures.requests as f64).collect(),
        )]
    } else {
        vec![
            series(
                "resolution",
                months.iter().map(|m| resolution(&m.figures)).collect(),
            ),
            series(
                "satisfaction",
                months.iter().map(|m| satisfaction(&m.figures)).collect(),
            ),
        ]
    };
    Ok(Some(d))
}

/// Weeks the trend chart shows, ending on the evidence window's last day.
const TREND_WEEKS: i32 = 26;

/// A candidate's evidence chart; `None` unless the candidate came from a ranked class.
pub async fn candidate(
    store: &Store,
    r: &ChartRef,
    candidate: app::model::CandidateId,
    view: EvidenceChart,
) -> StoreResult<Option<ChartData>> {
    let Some(link) = store.candidate_link(candidate).await? else {
        return Ok(None);
    };
    let (Some(from), Some(to)) = (
        day_number(&link.evidence_from),
        day_number(&link.evidence_to),
    ) else {
        return Ok(None);
    };
    let class = ClassKey {
        level1: link.level1.clone(),
        level2: link.level2.clone(),
        level3: None,
    };
    let window = (link.evidence_from.as_str(), link.evidence_to.as_str());
    let mut d = match view {
        EvidenceChart::Trend => {
            let first = to - TREND_WEEKS * 7 + 1;
            let days = store
                .hotline_class_days(&class, (&day_label(first), window.1))
                .await?;
            let mut weeks = vec![0.0; TREND_WEEKS as usize];
            for day in &days {
                if let Some(n) = day_number(&day.period) {
                    let week = ((n - first) / 7).clamp(0, TREND_WEEKS - 1) as usize;
                    weeks[week] += day.figures.requests as f64;
                }
            }
            let mut d = chart(r, ChartKind::ClassTrend, Unit::Count, link.title);
            d.categories = (0..TREND_WEEKS).map(|w| day_label(first + w * 7)).collect();
            let marker_week = ((from - first) / 7).clamp(0, TREND_WEEKS - 1);
            d.marker = Some(day_label(first + marker_week * 7));
            d.series = vec![series("requests", weeks)];
            d
        }
        EvidenceChart::Districts => {
            let rows = store.hotline_class_districts(&class, window).await?;
            let mut d = chart(r, ChartKind::ClassDistricts, Unit::Count, link.title);
            d.categories = rows.iter().map(|(name, _)| name.clone()).collect();
            d.series = vec![series(
                "requests",
                rows.iter().map(|(_, n)| *n as f64).collect(),
            )];
            d
        }
        EvidenceChart::Rates => {
            let own = store.hotline_rates(Some(&class), window).await?;
            let all = store.hotline_rates(None, window).await?;
            let mut d = chart(r, ChartKind::ClassRates, Unit::Percent, link.title);
            d.categories = vec![
                format!("{}·{}", link.level1, link.level2),
                "全部诉求".into(),
            ];
            let both = |f: fn(&RateFigures) -> f64| vec![f(&own), f(&all)];
            d.series = vec![
                series("resolution", both(resolution)),
                series("satisfaction", both(satisfaction)),
                series("dissatisfaction", both(|f| pct(f.dissatisfied, f.rated))),
                series("reopen", both(|f| pct(f.reopened, f.closed))),
            ];
            d
        }
    };
    d.sample = store.hotline_is_sample().await?;
    Ok(Some(d))
}

#[cfg(test)]
mod tests {
    use super::{day_before_month, first_partial_month};

    #[test]
    fn the_month_the_data_is_still_in_is_partial() {
        assert_eq!(
            first_partial_month("2026-12-06").as_deref(),
            Some("2026-12")
        );
        assert_eq!(
            first_partial_month("2026-11-30").as_deref(),
            Some("2026-12")
        );
        assert_eq!(
            first_partial_month("2026-12-31").as_deref(),
            Some("2027-01")
        );
        assert_eq!(first_partial_month("2026-13-01"), None);
        assert_eq!(day_before_month("2026-12").as_deref(), Some("2026-11-30"));
        assert_eq!(day_before_month("2027-01").as_deref(), Some("2026-12-31"));
    }
}
