//! 筛选 on the staff desk: all tasks, only the overdue ones, or one topic's — links that work
//! without JavaScript (issue 34: fourteen tasks made a 7,800 px page with no way to narrow it).

use crate::model::{StaffTask, TaskStatus, TopicKey};
use crate::tr;
use leptos::prelude::*;

/// Which of the desk's tasks are shown (`?only=overdue`, `?topic=2026-11`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum DeskFilter {
    #[default]
    All,
    Overdue,
    Topic(TopicKey),
}

impl DeskFilter {
    /// Read from the page's query; anything else shows all.
    pub fn from_query(only: Option<&str>, topic: Option<&str>) -> Self {
        match (only, topic.and_then(TopicKey::parse)) {
            (Some("overdue"), _) => DeskFilter::Overdue,
            (_, Some(key)) => DeskFilter::Topic(key),
            _ => DeskFilter::All,
        }
    }

    pub fn keeps(self, t: &StaffTask) -> bool {
        match self {
            DeskFilter::All => true,
            DeskFilter::Overdue => t.task.status == TaskStatus::Overdue,
            DeskFilter::Topic(key) => t.topic.key == key,
        }
    }

    fn href(self) -> String {
        match self {
            DeskFilter::All => "/staff#desk-tasks".into(),
            DeskFilter::Overdue => "/staff?only=overdue#desk-tasks".into(),
            DeskFilter::Topic(key) => format!("/staff?topic={key}#desk-tasks"),
        }
    }
}

/// The filter's links, each with its count, the current one marked.
#[component]
pub fn DeskFilterLinks(tasks: Vec<StaffTask>, current: DeskFilter) -> impl IntoView {
    let mut topics: Vec<(TopicKey, String)> = Vec::new();
    for t in &tasks {
        if !topics.iter().any(|(k, _)| *k == t.topic.key) {
            topics.push((t.topic.key, t.topic.theme.clone()));
        }
    }
    let count = |f: DeskFilter| tasks.iter().filter(|t| f.keeps(t)).count();
    let mut choices = vec![
        (DeskFilter::All, tr!("desk.filter_all")),
        (DeskFilter::Overdue, tr!("desk.filter_overdue")),
    ];
    choices.extend(topics.into_iter().map(|(key, theme)| {
        let when = tr!(
            "topic.when",
            year = key.year,
            month = crate::i18n::month_name(key.month.get())
        );
        (DeskFilter::Topic(key), format!("{when} {theme}"))
    }));
    let links = choices
        .into_iter()
        .map(|(f, words)| {
            let n = count(f);
            view! {
                <a class="chip" href=f.href() aria-current=(f == current).then_some("true")>
                    {tr!("desk.filter_count", what = words, n = n)}
                </a>
            }
        })
        .collect_view();
    view! {
        <p class="filter-label" id="desk-filter">{tr!("desk.filter_label")}</p>
        <div class="chips" role="group" aria-labelledby="desk-filter">{links}</div>
    }
}
