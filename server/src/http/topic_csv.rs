//! The topic's three lists (任务清单, 责任清单, 政策清单) as spreadsheet rows, header first, for
//! the CSV downloads of the API (`api::csv_response` writes them). The header tokens are part of
//! the published format: renaming one breaks readers' spreadsheets.

use app::model::{Level, TaskStatus, TopicDetail};

fn level_token(level: Level) -> &'static str {
    level.as_str()
}

fn sample(flag: bool) -> &'static str {
    if flag {
        "sample"
    } else {
        "source"
    }
}

pub(super) fn task_rows(d: &TopicDetail) -> Vec<Vec<String>> {
    let mut rows = vec![[
        "title",
        "owner",
        "level",
        "due",
        "done_on",
        "status",
        "overdue",
        "data",
        "late",
        "delay_reason",
        "latest_note",
    ]
    .map(String::from)
    .to_vec()];
    rows.extend(d.tasks.iter().map(|t| {
        vec![
            t.title.clone(),
            t.owner.name.clone(),
            level_token(t.level).into(),
            t.due.clone(),
            t.done_on.clone().unwrap_or_default(),
            t.status.as_str().into(),
            (t.status == TaskStatus::Overdue).to_string(),
            sample(t.is_sample).into(),
            // The one on-time rule (`TaskStatus`): overdue or done after the due date.
            t.status.is_late().to_string(),
            t.delay_reason.clone().unwrap_or_default(),
            t.notes
                .first()
                .map(|n| format!("{} {}", n.date, n.note))
                .unwrap_or_default(),
        ]
    }));
    rows
}

pub(super) fn responsibility_rows(d: &TopicDetail) -> Vec<Vec<String>> {
    let mut rows = vec![["duty", "department", "level", "batch", "data"]
        .map(String::from)
        .to_vec()];
    rows.extend(d.responsibilities.iter().map(|r| {
        vec![
            r.duty.clone(),
            r.department.name.clone(),
            level_token(r.level).into(),
            r.batch.to_string(),
            sample(r.is_sample).into(),
        ]
    }));
    rows
}

pub(super) fn policy_rows(d: &TopicDetail) -> Vec<Vec<String>> {
    let mut rows = vec![[
        "title",
        "doc_no",
        "issuer",
        "passed",
        "issued",
        "effective",
        "confidence",
        "sources",
        "source_kinds",
        "published_by",
        "published_on",
    ]
    .map(String::from)
    .to_vec()];
    rows.extend(d.policies.iter().map(|p| {
        vec![
            p.title.clone(),
            p.doc_no.clone().unwrap_or_default(),
            p.issuer.clone(),
            p.passed.clone().unwrap_or_default(),
            p.issued.clone().unwrap_or_default(),
            p.effective.clone().unwrap_or_default(),
            p.confidence.as_str().into(),
            p.sources
                .iter()
                .filter_map(|s| s.url.clone())
                .collect::<Vec<_>>()
                .join(" "),
            // One token per address above: primary, or repost (转载，待核实).
            p.sources
                .iter()
                .filter(|s| s.url.is_some())
                .map(|s| match s.kind {
                    app::model::SourceKind::Primary => "primary",
                    app::model::SourceKind::Repost => "repost",
                })
                .collect::<Vec<_>>()
                .join(" "),
            p.published
                .as_ref()
                .map(|d| d.department.clone())
                .unwrap_or_default(),
            p.published
                .as_ref()
                .and_then(|d| d.date.clone())
                .unwrap_or_default(),
        ]
    }));
    rows
}
