//! Checking what a department typed about its tasks before anything is written. Dates may not
//! lie in the future (Beijing time): a completion or a note is about what has happened.

use crate::store::{DelayNote, NewReport, NewTaskNote};
use app::api::{DepartmentReportInput, StaffError, TaskNoteInput};
use app::model::Field;
use app::model::{
    evidence_url_ok, Evidence, MAX_DELAY_REASON_CHARS, MAX_EVIDENCE_TITLE_CHARS, MAX_NOTE_CHARS,
};

/// An ISO date no later than `today`; `field` names the problem.
pub(super) fn past_date(text: &str, today: &str, field: Field) -> Result<String, StaffError> {
    let date = text
        .trim()
        .parse::<jiff::civil::Date>()
        .map_err(|_| StaffError::Invalid(field))?
        .to_string();
    if date.as_str() > today {
        return Err(StaffError::Invalid(field));
    }
    Ok(date)
}

/// The delay reason (empty clears it) and its expected date: optional, a real date from
/// `today` on, and only with a reason.
pub(super) fn delay(reason: &str, expected: &str, today: &str) -> Result<DelayNote, StaffError> {
    let reason = reason.trim().to_string();
    if reason.chars().count() > MAX_DELAY_REASON_CHARS {
        return Err(StaffError::Invalid(Field::DelayReason));
    }
    let expected = match expected.trim() {
        "" => None,
        typed => {
            let date = typed
                .parse::<jiff::civil::Date>()
                .map_err(|_| StaffError::Invalid(Field::DelayExpected))?
                .to_string();
            if date.as_str() < today || reason.is_empty() {
                return Err(StaffError::Invalid(Field::DelayExpected));
            }
            Some(date)
        }
    };
    Ok(DelayNote {
        reason,
        on: today.to_string(),
        expected,
    })
}

pub(super) fn note(input: &TaskNoteInput, today: &str) -> Result<NewTaskNote, StaffError> {
    let date = past_date(&input.date, today, Field::NoteDate)?;
    let note = input.note.trim().to_string();
    if !(2..=MAX_NOTE_CHARS).contains(&note.chars().count()) {
        return Err(StaffError::Invalid(Field::Note));
    }
    let url = input.evidence_url.trim();
    let title = input.evidence_title.trim();
    let evidence = match url {
        "" if title.is_empty() => None,
        "" => return Err(StaffError::Invalid(Field::Evidence)),
        url if !evidence_url_ok(url) => return Err(StaffError::Invalid(Field::Evidence)),
        url => {
            if title.chars().count() > MAX_EVIDENCE_TITLE_CHARS {
                return Err(StaffError::Invalid(Field::Evidence));
            }
            Some(Evidence {
                url: url.to_string(),
                title: title.to_string(),
            })
        }
    };
    Ok(NewTaskNote {
        date,
        note,
        evidence,
    })
}

/// A department's progress report: its own name as the author, always a progress entry (a
/// supervision note comes from outside the department).
pub(super) fn department_report(
    input: &DepartmentReportInput,
    department: &app::model::Department,
    today: &str,
) -> Result<NewReport, StaffError> {
    let title = input.title.trim().to_string();
    let body = input.body.trim().to_string();
    if !(2..=200).contains(&title.chars().count()) {
        return Err(StaffError::Invalid(Field::Title));
    }
    if body.is_empty() || body.chars().count() > app::api::staff::MAX_REPORT_CHARS {
        return Err(StaffError::Invalid(Field::Body));
    }
    let date = past_date(&input.date, today, Field::ReportDate)?;
    let topic =
        super::validate::parse_topic(&input.topic)?.ok_or(StaffError::Invalid(Field::Topic))?;
    Ok(NewReport {
        topic,
        date,
        kind: "progress",
        title,
        author: department.name.clone(),
        body_markdown: body,
        author_department: Some(department.id),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(url: &str, title: &str) -> TaskNoteInput {
        TaskNoteInput {
            task_id: 1,
            date: "2026-11-20".into(),
            note: "已完成第一批管网排查".into(),
            evidence_url: url.into(),
            evidence_title: title.into(),
        }
    }

    #[test]
    fn dates_may_not_lie_in_the_future() {
        let today = "2026-12-01";
        assert_eq!(
            past_date("2026-11-14", today, Field::DoneOn)
                .ok()
                .as_deref(),
            Some("2026-11-14")
        );
        assert!(past_date("2026-12-01", today, Field::DoneOn).is_ok());
        assert!(matches!(
            past_date("2026-12-02", today, Field::DoneOn),
            Err(StaffError::Invalid(Field::DoneOn))
        ));
        assert!(matches!(
            past_date("2026-02-30", today, Field::DoneOn),
            Err(StaffError::Invalid(Field::DoneOn))
        ));
    }

    #[test]
    fn evidence_is_a_web_link_or_nothing() {
        let today = "2026-12-01";
        assert!(note(&input("", ""), today).expect("ok").evidence.is_none());
        let linked = note(&input("https://zjw.beijing.gov.cn/a.html", "通知"), today).expect("ok");
        assert_eq!(linked.evidence.map(|e| e.title), Some("通知".to_string()));
        assert!(matches!(
            note(&input("javascript:alert(1)", ""), today),
            Err(StaffError::Invalid(Field::Evidence))
        ));
        assert!(matches!(
            note(&input("", "只有标题"), today),
            Err(StaffError::Invalid(Field::Evidence))
        ));
    }

    #[test]
    fn a_department_report_is_posted_under_the_department() {
        let report = department_report(
            &DepartmentReportInput {
                topic: "2026-11".into(),
                date: "2026-11-30".into(),
                title: "管网改造计划进展".into(),
                body: "已完成计划初稿。".into(),
            },
            &app::model::Department {
                id: 5,
                name: "市住房城乡建设委".into(),
            },
            "2026-12-01",
        )
        .expect("valid");
        assert_eq!(
            (report.author.as_str(), report.kind),
            ("市住房城乡建设委", "progress")
        );
    }
}
