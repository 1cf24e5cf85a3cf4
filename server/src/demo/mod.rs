//! The demo dataset: the public facts of `shared/facts` plus clearly-flagged sample data, so the
//! portal has real content on first start.

pub mod additions;
pub mod cycles;
pub mod facts;
pub mod hotline;
mod sample;
mod worked_topic;

use crate::store::{Dataset, HotlineRow, PolicyRow, ProblemRow, YearRow};

#[derive(Debug, thiserror::Error)]
pub enum DemoError {
    #[error("the facts file is not valid: {0}")]
    Facts(#[from] toml::de::Error),
    #[error("the facts file has no year {0}, which the sample topic belongs to")]
    MissingYear(i32),
    #[error("demo hotline data: {0}")]
    Hotline(String),
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
}

/// Builds the dataset from a facts file's text, with the bundled second batch of facts.
pub fn build(facts_text: &str) -> Result<Dataset, DemoError> {
    let facts = facts::parse(facts_text)?;
    let mut data = Dataset {
        departments: sample::departments(),
        ..Dataset::default()
    };
    data.meta
        .push(("mechanism_source".into(), facts.mechanism.source.clone()));
    if let Some(v) = facts.totals.policies_issued {
        data.meta.push(("policies_issued".into(), v));
    }
    if let Some(v) = facts.totals.responsibility_assignments {
        data.meta.push(("responsibility_assignments".into(), v));
    }

    for year in facts.years {
        for (position, named) in year.named.iter().enumerate() {
            let (lead, cooperating) = sample::assignment(&named.title);
            data.problems.push(ProblemRow {
                year: year.year,
                title: named.title.clone(),
                confidence: named.confidence.clone(),
                // A title the year's list names without a citation of its own is sourced to
                // that list, stored with the problem (so its reposts read 转载（待核实）).
                source: Some(named.source.clone().unwrap_or_else(|| year.source.clone())),
                source_title: None,
                repost_of: None,
                month: Some(sample::month(position)),
                topic: None,
                lead: Some(lead),
                cooperating,
                assignment_is_sample: true,
                hotline_class: None,
                facts: Vec::new(),
            });
        }
        data.years.push(YearRow {
            year: year.year,
            problem_count: year.problems,
            categories: year.categories,
            tasks: year.tasks,
            policies: year.policies,
            satisfaction_pct: year.satisfaction_pct,
            announced: year.announced,
            note: year.note,
            source: year.source,
            outcomes: year.outcomes,
            reported: Vec::new(),
        });
    }

    let (topic, topic_problems) = sample::current_topic();
    if !data.years.iter().any(|y| y.year == topic.year) {
        return Err(DemoError::MissingYear(topic.year));
    }
    for (title, class) in topic_problems
        .into_iter()
        .zip(sample::CURRENT_PROBLEM_CLASSES)
    {
        data.problems.push(ProblemRow {
            year: topic.year,
            title: title.to_string(),
            confidence: "sample".into(),
            source: None,
            source_title: None,
            repost_of: None,
            month: Some(topic.month),
            topic: Some((topic.year, topic.month)),
            lead: Some(topic.lead.clone()),
            cooperating: topic.cooperating.clone(),
            assignment_is_sample: true,
            hotline_class: Some(crate::store::ClassKey {
                level1: class.0.into(),
                level2: class.1.into(),
                level3: Some(class.2.into()),
            }),
            facts: Vec::new(),
        });
    }
    data.topics.push(topic);

    for p in facts.policies {
        let problem_titles = linked_problems(&p.answers, &data.problems);
        data.policies.push(PolicyRow {
            title: p.title,
            doc_no: p.doc_no,
            issuer: p.issuer,
            passed: p.passed,
            issued: p.issued,
            effective: p.effective,
            answers: p.answers,
            confidence: p.confidence,
            source: p.source,
            source_title: None,
            repost_of: None,
            problem_titles,
            is_sample: false,
            topic: None,
        });
    }
    data.policies
        .extend(worked_topic::policies(&sample::CURRENT_PROBLEMS));
    additions::merge(&mut data, additions::BUNDLED)?;

    data.hotline = facts
        .hotline
        .into_iter()
        .map(|h| HotlineRow {
            period: h.period,
            requests: h.requests,
            resolution_rate: h.resolution_rate,
            satisfaction_rate: h.satisfaction_rate,
            source: h.source,
        })
        .collect();
    Ok(data)
}

/// The effect of each demo topic on its problems' hotline classes, for the generator: from the
/// first day of the topic's month.
pub fn topic_effects(data: &Dataset) -> Vec<crate::hotline::generate::Effect> {
    data.problems
        .iter()
        .filter_map(|p| {
            let (year, month) = p.topic?;
            let class = p.hotline_class.as_ref()?;
            Some(crate::hotline::generate::Effect {
                level1: class.level1.clone(),
                level2: class.level2.clone(),
                level3: class.level3.clone(),
                from_day: crate::hotline::record::days_from_civil(year, u32::from(month), 1),
            })
        })
        .collect()
}

/// The problem titles a policy's `answers` refers to: the same words, one inside the other, or a
/// listed alias.
fn linked_problems(answers: &str, problems: &[ProblemRow]) -> Vec<String> {
    let alias = sample::POLICY_ALIASES
        .iter()
        .find(|(from, _)| *from == answers)
        .map(|(_, to)| *to);
    let mut titles: Vec<String> = problems
        .iter()
        .filter(|p| p.confidence != "sample")
        .filter(|p| {
            p.title.contains(answers)
                || answers.contains(p.title.as_str())
                || alias == Some(&p.title)
        })
        .map(|p| p.title.clone())
        .collect();
    titles.dedup();
    titles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_facts_build_a_dataset_with_every_year() {
        let data = build(facts::BUNDLED).expect("bundled facts are valid");
        let counts: Vec<(i32, u32)> = data
            .years
            .iter()
            .map(|y| (y.year, y.problem_count))
            .collect();
        assert_eq!(
            counts,
            vec![
                (2021, 27),
                (2022, 17),
                (2023, 18),
                (2024, 13),
                (2025, 13),
                (2026, 11)
            ]
        );
        let named_2024 = data.problems.iter().filter(|p| p.year == 2024).count();
        assert_eq!(named_2024, 13);
    }

    #[test]
    fn every_policy_answers_at_least_one_problem() {
        let data = build(facts::BUNDLED).expect("bundled facts are valid");
        for policy in &data.policies {
            // Two policies of the second batch concern the whole mechanism, not one problem.
            let mechanism =
                policy.answers.contains("mechanism") || policy.answers.contains("all 每月一题");
            assert!(
                mechanism || !policy.problem_titles.is_empty(),
                "{} links to no problem",
                policy.title
            );
        }
        let prepaid = data
            .policies
            .iter()
            .find(|p| p.title == "北京市单用途预付卡管理条例")
            .expect("policy present");
        assert_eq!(prepaid.problem_titles, vec!["预付式消费退费难".to_string()]);
    }

    #[test]
    fn invented_content_is_flagged_as_sample() {
        let data = build(facts::BUNDLED).expect("bundled facts are valid");
        assert!(data.topics.iter().all(|t| t.is_sample));
        // Months and departments are never in the sources: wherever one is set, it is sample.
        assert!(data
            .problems
            .iter()
            .filter(|p| p.month.is_some() || p.lead.is_some())
            .all(|p| p.assignment_is_sample));
        let topic_problems: Vec<_> = data.problems.iter().filter(|p| p.topic.is_some()).collect();
        assert_eq!(topic_problems.len(), 3);
        assert!(topic_problems.iter().all(|p| p.confidence == "sample"));
    }

    #[test]
    fn a_broken_facts_file_is_a_clear_error() {
        let err = build("[mechanism]\nsummary = 1").unwrap_err();
        assert!(err.to_string().contains("facts file"));
    }

    #[test]
    fn bundled_copies_match_shared_facts_when_present() {
        // /work/shared/facts on the team's machine, or ../shared beside the repository.
        let beside = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/facts");
        let dir = ["/work/shared/facts", beside]
            .into_iter()
            .find(|d| std::path::Path::new(d).join("meiyue-yiti.toml").exists());
        let Some(dir) = dir else {
            eprintln!("shared/facts not found; copy check skipped");
            return;
        };
        for (name, bundled) in [
            ("meiyue-yiti.toml", facts::BUNDLED),
            ("meiyue-yiti-additions.toml", additions::BUNDLED),
        ] {
            let path = std::path::Path::new(dir).join(name);
            let text = std::fs::read_to_string(&path).expect("shared facts readable");
            assert_eq!(
                text,
                bundled,
                "server/data/{name} is stale: copy {}",
                path.display()
            );
        }
    }
}
