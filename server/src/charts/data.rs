//! Chart data from the store (and the bundled facts): one function per chart family. Whatever is
//! made up is flagged `sample`; whatever is real carries its sources.

use super::family::{chart, series};
use super::hotline_data;
use crate::demo::facts;
use crate::store::{Store, StoreResult};
use app::model::ChartRef;
use app::model::{ChartData, ChartKind, ChartSeries, OnTime, Ongoing, Source, TaskStatus, Unit};
use std::collections::BTreeMap;

/// The current data of a chart, or `None` when it does not exist (or is not public yet).
pub async fn load(
    store: &Store,
    r: &ChartRef,
    today: &str,
    now: i64,
) -> StoreResult<Option<ChartData>> {
    let mut data = match r {
        ChartRef::ProblemsPerYear => {
            let years = store.years().await?;
            let mut d = chart(r, ChartKind::ProblemsPerYear, Unit::Count);
            d.categories = years.iter().map(|y| y.year.to_string()).collect();
            d.series = vec![series(
                "problems",
                years.iter().map(|y| y.problem_count as f64).collect(),
            )];
            d.sources = Source::ordered(years.iter().flat_map(|y| y.sources.clone()).collect());
            // The running year's bar is still gathering: the words say so.
            let running = today.get(..4).unwrap_or_default();
            if d.categories.last().is_some_and(|c| c == running) {
                d.ongoing = Some(Ongoing::Period {
                    category: running.to_string(),
                });
            }
            Some(d)
        }
        ChartRef::PoliciesPerMonth => {
            let months = store.policies_per_month().await?;
            let mut d = chart(r, ChartKind::PoliciesPerMonth, Unit::Count);
            d.sample = months.iter().any(|m| m.sample != 0);
            d.categories = months.iter().map(|m| m.month.clone()).collect();
            d.series = vec![series(
                "policies",
                months.iter().map(|m| m.count as f64).collect(),
            )];
            Some(d)
        }
        ChartRef::DepartmentsOnTime => Some(departments_on_time(store, r, today).await?),
        ChartRef::HotlineCategories2020 => hotline_categories(r),
        ChartRef::TopicTasks { year, month } => {
            let Some(topic) = store.topic_detail(*year, *month, today).await? else {
                return Ok(None);
            };
            let mut d = chart(r, ChartKind::TopicTasks, Unit::Count);
            d.subject = Some(topic.topic.theme.clone());
            d.sample = topic.topic.is_sample || topic.tasks.iter().any(|t| t.is_sample);
            // The figures are the topic's own published task list (官方发布 by its lead
            // department): cite that page, never an empty "来源： ·".
            d.sources = vec![Source {
                url: Some(app::paths::topic(year, month)),
                title: Some(match &topic.topic.lead {
                    Some(lead) => format!("{}：{}", lead.name, topic.topic.theme),
                    None => topic.topic.theme.clone(),
                }),
                kind: app::model::SourceKind::Primary,
                outlet: None,
                note: None,
            }];
            let (categories, series) = topic_task_counts(&topic);
            d.categories = categories;
            d.series = series;
            Some(d)
        }
        ChartRef::CycleVotes { slug } => {
            let Some(cycle) = store.cycle_detail(slug, now).await? else {
                return Ok(None);
            };
            // A cycle that hides its tally until it closes has no chart until then.
            if !cycle.tallies_shown {
                return Ok(None);
            }
            let mut d = chart(r, ChartKind::CycleVotes, Unit::Count);
            d.subject = Some(cycle.cycle.title.clone());
            // A live count is not a result: while voting runs, every form of the chart says so.
            if cycle.cycle.phase == app::model::Phase::Open {
                d.ongoing = app::i18n::when::last_open_day(&cycle.cycle.closes_at).map(|day| {
                    Ongoing::VoteOpen {
                        last_day: day.to_string(),
                    }
                });
            }
            d.sample = cycle.cycle.is_sample;
            let mut rows: Vec<_> = cycle
                .candidates
                .iter()
                .map(|c| (c.title.clone(), c.tally.unwrap_or_default()))
                .collect();
            rows.sort_by(|a, b| b.1.total().cmp(&a.1.total()).then(a.0.cmp(&b.0)));
            d.categories = rows.iter().map(|r| r.0.clone()).collect();
            d.series = vec![
                series(
                    "verified",
                    rows.iter().map(|r| r.1.verified as f64).collect(),
                ),
                series(
                    "unverified",
                    rows.iter().map(|r| r.1.unverified as f64).collect(),
                ),
            ];
            Some(d)
        }
        ChartRef::ProblemVolume { problem } => {
            hotline_data::problem(store, r, *problem, true).await?
        }
        ChartRef::ProblemRates { problem } => {
            hotline_data::problem(store, r, *problem, false).await?
        }
        ChartRef::Candidate { candidate, view } => {
            hotline_data::candidate(store, r, *candidate, *view).await?
        }
    };
    if let Some(d) = data.as_mut() {
        // A chart whose figures end earlier (whole months) says so; the rest are as of today.
        if d.as_of.is_empty() {
            d.as_of = today.to_string();
        }
        let mut seen = std::collections::HashSet::new();
        d.sources.retain(|s| seen.insert(s.url.clone()));
    }
    Ok(data)
}

/// The category of a topic's tasks that answer no particular problem (they count too).
pub(super) const OTHER_TASKS: &str = "其他任务（不对应具体问题）";

/// A topic's tasks by problem and status, every task counted once: the statuses and their
/// on-time rule are `TaskStatus`'s, the same the task list, the progress bar and the API use.
fn topic_task_counts(topic: &app::model::TopicDetail) -> (Vec<String>, Vec<ChartSeries>) {
    let statuses = [
        (TaskStatus::Done, "done"),
        (TaskStatus::DoneLate, "done_late"),
        (TaskStatus::InProgress, "in_progress"),
        (TaskStatus::NotStarted, "not_started"),
        (TaskStatus::Overdue, "overdue"),
    ];
    let known: Vec<app::model::ProblemId> = topic.problems.iter().map(|p| p.problem.id).collect();
    let mut groups: Vec<(String, Option<app::model::ProblemId>)> = topic
        .problems
        .iter()
        .map(|p| (p.problem.title.clone(), Some(p.problem.id)))
        .collect();
    let other = |t: &app::model::Task| t.problem_id.is_none_or(|p| !known.contains(&p));
    if topic.tasks.iter().any(other) {
        groups.push((OTHER_TASKS.to_string(), None));
    }
    let series = statuses
        .iter()
        .map(|(status, key)| {
            let counts = groups
                .iter()
                .map(|(_, problem)| {
                    topic
                        .tasks
                        .iter()
                        .filter(|t| t.status == *status)
                        .filter(|t| match problem {
                            Some(p) => t.problem_id == Some(*p),
                            None => other(t),
                        })
                        .count() as f64
                })
                .collect();
            series(key, counts)
        })
        .collect();
    (groups.into_iter().map(|(title, _)| title).collect(), series)
}

async fn departments_on_time(store: &Store, r: &ChartRef, today: &str) -> StoreResult<ChartData> {
    let tasks = store.public_tasks(today).await?;
    let mut by_department: BTreeMap<String, Vec<&app::model::Task>> = BTreeMap::new();
    for task in &tasks {
        by_department
            .entry(task.owner.name.clone())
            .or_default()
            .push(task);
    }
    let mut rows: Vec<(String, OnTime)> = by_department
        .into_iter()
        .map(|(name, tasks)| (name, OnTime::of(tasks)))
        .filter(|(_, o)| o.on_time + o.late + o.overdue > 0)
        .collect();
    rows.sort_by(|a, b| {
        let share = |o: &OnTime| o.on_time as f64 / (o.on_time + o.late + o.overdue) as f64;
        share(&b.1).total_cmp(&share(&a.1)).then(a.0.cmp(&b.0))
    });
    let mut d = chart(r, ChartKind::DepartmentsOnTime, Unit::Count);
    d.sample = tasks.iter().any(|t| t.is_sample);
    d.categories = rows.iter().map(|r| r.0.clone()).collect();
    d.series = vec![
        series("on_time", rows.iter().map(|r| r.1.on_time as f64).collect()),
        series("late", rows.iter().map(|r| r.1.late as f64).collect()),
        series("overdue", rows.iter().map(|r| r.1.overdue as f64).collect()),
    ];
    Ok(d)
}

/// The 2020 top-ten categories, straight from the bundled facts file.
fn hotline_categories(r: &ChartRef) -> Option<ChartData> {
    let facts = match facts::parse(facts::BUNDLED) {
        Ok(facts) => facts,
        Err(err) => {
            tracing::error!(error = %err, "the bundled facts file does not parse");
            return None;
        }
    };
    let table = facts.hotline_categories_2020;
    let mut rows: Vec<(String, f64)> = table
        .iter()
        .filter_map(|(name, value)| Some((name.clone(), value.as_float()?)))
        .collect();
    rows.sort_by(|a, b| b.1.total_cmp(&a.1));
    let mut d = chart(r, ChartKind::HotlineCategories, Unit::TenThousand);
    d.categories = rows.iter().map(|r| r.0.clone()).collect();
    d.series = vec![series("requests", rows.iter().map(|r| r.1).collect())];
    d.sources = table
        .get("source")
        .and_then(|s| s.as_str())
        .map(Source::parse_list)
        .unwrap_or_default();
    Some(d)
}
