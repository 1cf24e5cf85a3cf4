//! The topic's three lists (任务清单, 责任清单, 政策清单) as spreadsheet rows, header first, for
//! the CSV downloads of the API (`api::csv_response` writes them). The header tokens are part of
//! the published format: renaming one breaks readers' spreadsheets. With `?lang=`, the same rows
//! in a reader's words instead (`Cells::Words`: 任务, 牵头单位 …, 已逾期, 是/否), which is what the
//! topic page's "下载 CSV（Excel 可直接打开）" links to in the page's language (issue 34).

use app::i18n::{message, Locale};
use app::model::{Level, TaskStatus, TopicDetail};

/// How the cells are written: the API's tokens, or words in a language.
#[derive(Clone, Copy, Debug)]
pub(super) enum Cells {
    Tokens,
    Words(Locale),
}

impl Cells {
    /// The header: tokens, or the words of `csv.<list>.<token>`.
    fn header(self, list: &str, tokens: &[&str]) -> Vec<String> {
        tokens
            .iter()
            .map(|t| match self {
                Cells::Tokens => t.to_string(),
                Cells::Words(locale) => message(&format!("csv.{list}.{t}"), locale),
            })
            .collect()
    }

    fn key(self, token: &str, key: &str) -> String {
        match self {
            Cells::Tokens => token.to_string(),
            Cells::Words(locale) => message(key, locale),
        }
    }

    fn level(self, level: Level) -> String {
        self.key(level.as_str(), level.label_key())
    }

    fn status(self, status: TaskStatus) -> String {
        self.key(status.as_str(), status.label_key())
    }

    fn yes_no(self, flag: bool) -> String {
        match (self, flag) {
            (Cells::Tokens, flag) => flag.to_string(),
            (Cells::Words(_), true) => self.key("", "csv.yes"),
            (Cells::Words(_), false) => self.key("", "csv.no"),
        }
    }

    fn sample(self, flag: bool) -> String {
        if flag {
            self.key("sample", "confidence.sample")
        } else {
            self.key("source", "csv.sourced")
        }
    }

    fn batch(self, batch: u8) -> String {
        match self {
            Cells::Tokens => batch.to_string(),
            Cells::Words(locale) => {
                message("responsibility.batch", locale).replace("%{batch}", &batch.to_string())
            }
        }
    }
}

const TASK_HEADER: [&str; 12] = [
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
    "delay_expected",
    "latest_note",
];

pub(super) fn task_rows(d: &TopicDetail, cells: Cells) -> Vec<Vec<String>> {
    let mut rows = vec![cells.header("tasks", &TASK_HEADER)];
    rows.extend(d.tasks.iter().map(|t| {
        vec![
            t.title.clone(),
            t.owner.name.clone(),
            cells.level(t.level),
            t.due.clone(),
            t.done_on.clone().unwrap_or_default(),
            cells.status(t.status),
            cells.yes_no(t.status == TaskStatus::Overdue),
            cells.sample(t.is_sample),
            // The one on-time rule (`TaskStatus`): overdue or done after the due date.
            cells.yes_no(t.status.is_late()),
            t.delay_reason.clone().unwrap_or_default(),
            t.delay_expected.clone().unwrap_or_default(),
            t.notes
                .first()
                .map(|n| format!("{} {}", n.date, n.note))
                .unwrap_or_default(),
        ]
    }));
    rows
}

pub(super) fn responsibility_rows(d: &TopicDetail, cells: Cells) -> Vec<Vec<String>> {
    let mut rows = vec![cells.header(
        "responsibilities",
        &["duty", "department", "level", "batch", "data"],
    )];
    rows.extend(d.responsibilities.iter().map(|r| {
        vec![
            r.duty.clone(),
            r.department.name.clone(),
            cells.level(r.level),
            cells.batch(r.batch),
            cells.sample(r.is_sample),
        ]
    }));
    rows
}

const POLICY_HEADER: [&str; 11] = [
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
];

pub(super) fn policy_rows(d: &TopicDetail, cells: Cells) -> Vec<Vec<String>> {
    let mut rows = vec![cells.header("policies", &POLICY_HEADER)];
    rows.extend(d.policies.iter().map(|p| {
        vec![
            p.title.clone(),
            p.doc_no.clone().unwrap_or_default(),
            p.issuer.clone(),
            p.passed.clone().unwrap_or_default(),
            p.issued.clone().unwrap_or_default(),
            p.effective.clone().unwrap_or_default(),
            cells.key(p.confidence.as_str(), p.confidence.label_key()),
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
                    app::model::SourceKind::Primary => cells.key("primary", "csv.primary"),
                    app::model::SourceKind::Repost => cells.key("repost", "csv.repost"),
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
