//! Tests of the words computed from chart data.

use super::*;
use crate::model::ChartSeries;

fn data(kind: ChartKind, categories: &[&str], series: &[(&str, &[f64])]) -> ChartData {
    ChartData {
        id: "t".into(),
        kind,
        subject: Some("老楼加装电梯".into()),
        unit: Unit::Count,
        categories: categories.iter().map(|c| c.to_string()).collect(),
        series: series
            .iter()
            .map(|(k, v)| ChartSeries {
                key: k.to_string(),
                values: v.to_vec(),
            })
            .collect(),
        marker: None,
        sample: false,
        sources: vec![],
        as_of: "2026-11-28".into(),
        ongoing: None,
    }
}

#[test]
fn the_takeaway_is_computed_from_the_figures() {
    let d = data(
        ChartKind::ProblemsPerYear,
        &["2021", "2022", "2026"],
        &[("problems", &[27.0, 17.0, 11.0])],
    );
    let w = words(&d, Locale::ZhCn);
    assert_eq!(w.takeaway, "2021年27个问题，2026年11个，累计55个。");
    assert_eq!(w.series_names, ["问题数"]);
    assert!(w.description.contains("2022: 17"), "{}", w.description);
    let en = words(&d, Locale::En);
    assert_eq!(en.takeaway, "27 problems in 2021, 11 in 2026; 55 in all.");
}

#[test]
fn before_and_after_needs_three_months_after_the_start() {
    let months = [
        "2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06",
    ];
    let mut d = data(
        ChartKind::ProblemVolume,
        &months,
        &[("requests", &[100.0, 100.0, 80.0, 60.0, 60.0, 40.0])],
    );
    d.marker = Some("2024-03".into());
    let w = words(&d, Locale::En);
    assert!(
        w.takeaway
            .contains("60 requests a month on average, against 100 before (-40%)"),
        "{}",
        w.takeaway
    );
    d.marker = Some("2024-05".into());
    let w = words(&d, Locale::En);
    assert!(w.takeaway.contains("too early"), "{}", w.takeaway);
}

#[test]
fn votes_name_the_leader_with_its_verified_share() {
    let d = data(
        ChartKind::CycleVotes,
        &["停车", "供暖"],
        &[("verified", &[2.0, 5.0]), ("unverified", &[10.0, 20.0])],
    );
    let w = words(&d, Locale::ZhCn);
    assert_eq!(
        w.takeaway,
        "“供暖”得票最多：25票（其中核验票5票），共37票。"
    );
    let tie = data(
        ChartKind::CycleVotes,
        &["停车", "供暖"],
        &[("verified", &[2.0, 5.0]), ("unverified", &[10.0, 7.0])],
    );
    assert_eq!(
        words(&tie, Locale::ZhCn).takeaway,
        "“停车”、“供暖”并列得票最多：各12票，共24票。"
    );
    let none = data(
        ChartKind::CycleVotes,
        &["停车"],
        &[("verified", &[0.0]), ("unverified", &[0.0])],
    );
    assert_eq!(words(&none, Locale::ZhCn).takeaway, "还没有人投票。");
}

#[test]
fn the_years_chart_says_taken_on_not_solved() {
    let d = data(
        ChartKind::ProblemsPerYear,
        &["2021"],
        &[("problems", &[27.0])],
    );
    let zh = words(&d, Locale::ZhCn);
    assert_eq!(zh.title, "每月一题：每年列入的问题数");
    assert_eq!(zh.unit, "个");
    assert_eq!(zh.category, "年份");
}

#[test]
fn a_tie_at_the_top_is_told_as_a_tie() {
    let d = data(
        ChartKind::DepartmentsOnTime,
        &["市交通委", "市水务局", "市城管委"],
        &[
            ("on_time", &[2.0, 1.0, 1.0]),
            ("late", &[0.0, 0.0, 1.0]),
            ("overdue", &[0.0, 0.0, 0.0]),
        ],
    );
    assert_eq!(
        words(&d, Locale::ZhCn).takeaway,
        "2个部门并列按期完成比例最高（100%），如市交通委。"
    );
    let one = data(
        ChartKind::DepartmentsOnTime,
        &["市交通委", "市城管委"],
        &[
            ("on_time", &[3.0, 1.0]),
            ("late", &[1.0, 1.0]),
            ("overdue", &[0.0, 0.0]),
        ],
    );
    assert_eq!(
        words(&one, Locale::ZhCn).takeaway,
        "按期完成比例最高的是市交通委：3/4项（75%）。"
    );
}
