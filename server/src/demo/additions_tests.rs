//! The second facts batch as merged into the demo dataset.

use crate::demo::{build, facts};
use crate::store::{Dataset, ProblemRow};

fn problem<'a>(data: &'a Dataset, year: i32, title: &str) -> &'a ProblemRow {
    data.problems
        .iter()
        .find(|p| p.year == year && p.title == title)
        .unwrap_or_else(|| panic!("{year} {title} missing"))
}

#[test]
fn problems_gain_their_lead_department_measures_and_outcomes() {
    let data = build(facts::BUNDLED).expect("bundled facts are valid");
    let park = problem(&data, 2024, "公园管理服务优化");
    let lead = park.facts.iter().find(|f| f.kind == "lead").expect("lead");
    assert_eq!(lead.text, "北京市园林绿化局");
    assert_eq!(lead.confidence, "inferred");
    assert!(park.facts.iter().any(|f| f.kind == "measure"));
    // The 2022 entry's longer title names the seed's 下水管道堵塞.
    let drains = problem(&data, 2022, "下水管道堵塞");
    assert!(drains
        .facts
        .iter()
        .any(|f| f.kind == "outcome" && f.text.contains("1万处") && f.confidence == "confirmed"));
    let lifts = problem(&data, 2024, "居民住宅老旧电梯安全监管");
    assert_eq!(
        lifts.facts.iter().filter(|f| f.kind == "outcome").count(),
        3
    );
}

#[test]
fn conflicting_figures_keep_both_sources_and_the_note() {
    let data = build(facts::BUNDLED).expect("bundled facts are valid");
    let bus = problem(&data, 2024, "校园周边交通综合治理");
    let note = bus.facts.iter().find(|f| f.kind == "note").expect("note");
    assert!(note.text.starts_with("CONFLICT"));
    let outcomes: Vec<_> = bus.facts.iter().filter(|f| f.kind == "outcome").collect();
    assert!(outcomes.iter().any(|f| f.text.contains("Over 300")));
    assert!(outcomes.iter().any(|f| f.text.contains("294条")));
    assert!(outcomes.iter().all(|f| f.source.is_some()));
}

#[test]
fn new_titles_are_added_and_upgrades_applied() {
    let data = build(facts::BUNDLED).expect("bundled facts are valid");
    let jobs = problem(&data, 2023, "重点群体就业");
    assert_eq!(jobs.confidence, "uncertain");
    assert!(!jobs.assignment_is_sample && jobs.month.is_none() && jobs.lead.is_none());
    assert_eq!(problem(&data, 2025, "农村供水保障").confidence, "confirmed");
    assert!(problem(&data, 2024, "文明养犬")
        .source
        .as_deref()
        .is_some_and(|s| s.contains("xinwen.bjd.com.cn")));
    // "other … outcomes" entries are the year's, not a problem.
    assert!(!data.problems.iter().any(|p| p.title.starts_with("other ")));
    let y2022 = data.years.iter().find(|y| y.year == 2022).expect("2022");
    assert!(y2022.reported.iter().any(|f| f.text.contains("115万户")));
}

#[test]
fn second_sources_of_known_policies_merge_into_one_entry() {
    let data = build(facts::BUNDLED).expect("bundled facts are valid");
    let sport: Vec<_> = data
        .policies
        .iter()
        .filter(|p| {
            p.title
                .starts_with("北京市体育行业预付式消费领域资金监管实施细则")
        })
        .collect();
    assert_eq!(sport.len(), 1);
    assert!(sport[0].issuer.contains("中国人民银行营业管理部"));
    assert!(sport[0]
        .source
        .as_deref()
        .is_some_and(|s| s.contains("toopoo")));
    let drains = data
        .policies
        .iter()
        .find(|p| p.title.contains("下水管道堵塞维修"))
        .expect("drain policy");
    assert!(drains.problem_titles.contains(&"下水管道堵塞".to_string()));
    assert_eq!(drains.issued.as_deref(), Some("2022-10"));
}
