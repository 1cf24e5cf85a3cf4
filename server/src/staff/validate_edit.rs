//! Checking authoring forms before anything is written; each problem maps to a message key
//! (`staff.error.invalid_<field>`). The pages carry the same limits as HTML constraints, so a
//! browser stops most mistakes before they are sent, JavaScript or not.

use crate::store::{PolicyFields, ReportFields, ResponsibilityFields, TaskFields, TopicFields};
use app::api::{
    PolicyEditInput, ReportEditInput, ResponsibilityInput, StaffError, TaskInput, TopicInput,
};
use app::model::Field;
use app::model::Level;

/// Limits shared with the forms' `maxlength`.
pub const MAX_TITLE: usize = 200;
pub const MAX_SUMMARY: usize = 1_000;
pub const MAX_PLAN: usize = 50_000;
pub const MAX_NAME: usize = 100;
/// 变更理由: a sentence or two, shown under the task.
pub const MAX_CHANGE_REASON: usize = 500;

/// Trimmed text of `min..=max` characters, or `Invalid(field)`.
pub(crate) fn text(
    value: &str,
    min: usize,
    max: usize,
    field: Field,
) -> Result<String, StaffError> {
    let value = value.trim().to_string();
    if (min..=max).contains(&value.chars().count()) {
        Ok(value)
    } else {
        Err(StaffError::Invalid(field))
    }
}

fn id(value: &str, field: Field) -> Result<i64, StaffError> {
    app::model::parse_id(value.trim()).ok_or(StaffError::Invalid(field))
}

fn optional_id(value: &str, field: Field) -> Result<Option<i64>, StaffError> {
    match value.trim() {
        "" => Ok(None),
        v => id(v, field).map(Some),
    }
}

fn level(value: &str) -> Result<Level, StaffError> {
    Level::parse(value.trim()).ok_or(StaffError::Invalid(Field::Level))
}

pub fn date(value: &str) -> Result<String, StaffError> {
    value
        .trim()
        .parse::<jiff::civil::Date>()
        .map(|d| d.to_string())
        .map_err(|_| StaffError::Invalid(Field::Date))
}

pub fn name(value: &str) -> Result<String, StaffError> {
    text(value, 2, MAX_NAME, Field::Name)
}

pub fn problem_title(value: &str) -> Result<String, StaffError> {
    text(value, 2, MAX_TITLE, Field::Title)
}

pub fn topic(input: &TopicInput) -> Result<TopicFields, StaffError> {
    let form = &input.form;
    let (year, month) = if input.id.is_some() {
        (0, 1) // fixed once created; the store ignores them on update
    } else {
        let year =
            app::model::parse_year(form.year.trim()).ok_or(StaffError::Invalid(Field::Year))?;
        let month = app::model::Month::parse(&form.month)
            .ok_or(StaffError::Invalid(Field::Month))?
            .get();
        (year, month)
    };
    Ok(TopicFields {
        year,
        month,
        theme: text(&form.theme, 2, MAX_TITLE, Field::Title)?,
        summary: text(&form.summary, 0, MAX_SUMMARY, Field::Summary)?,
        lead_id: optional_id(&form.lead, Field::Department)?,
        plan_markdown: text(&form.plan, 0, MAX_PLAN, Field::Plan)?,
    })
}

pub fn task(input: &TaskInput) -> Result<TaskFields, StaffError> {
    let form = &input.form;
    Ok(TaskFields {
        title: text(&form.title, 2, MAX_TITLE, Field::Title)?,
        problem_id: optional_id(&form.problem, Field::Problem)?,
        owner_id: id(&form.owner, Field::Department)?,
        level: level(&form.level)?,
        due: date(&form.due)?,
        change_reason: text(
            &form.change_reason,
            0,
            MAX_CHANGE_REASON,
            Field::ChangeReason,
        )?,
    })
}

/// A policy's issue date (印发) is a day that has happened; a later day it takes effect goes in
/// its effective date.
pub fn issued_not_future(issued: Option<&str>, today: &str) -> Result<(), StaffError> {
    match issued {
        Some(date) if date > today => Err(StaffError::Invalid(Field::IssuedFuture)),
        _ => Ok(()),
    }
}

pub fn responsibility(input: &ResponsibilityInput) -> Result<ResponsibilityFields, StaffError> {
    let batch = input
        .batch
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|b| (1..=5).contains(b))
        .ok_or(StaffError::Invalid(Field::Batch))?;
    Ok(ResponsibilityFields {
        duty: text(&input.duty, 2, MAX_TITLE, Field::Title)?,
        department_id: id(&input.department, Field::Department)?,
        level: level(&input.level)?,
        batch,
    })
}

fn optional_date(value: &str) -> Result<Option<String>, StaffError> {
    match value.trim() {
        "" => Ok(None),
        v => date(v).map(Some),
    }
}

fn optional_text(value: &str, max: usize, field: Field) -> Result<Option<String>, StaffError> {
    let value = text(value, 0, max, field)?;
    Ok((!value.is_empty()).then_some(value))
}

pub fn policy(input: &PolicyEditInput) -> Result<PolicyFields, StaffError> {
    let form = &input.form;
    Ok(PolicyFields {
        title: text(&form.title, 2, MAX_TITLE, Field::Title)?,
        doc_no: optional_text(&form.doc_no, MAX_NAME, Field::DocNo)?,
        issuer: text(&form.issuer, 2, MAX_NAME, Field::Issuer)?,
        issued: optional_date(&form.issued)?,
        effective: optional_date(&form.effective)?,
        source: optional_text(&form.source, 500, Field::Source)?,
    })
}

pub fn report(input: &ReportEditInput) -> Result<ReportFields, StaffError> {
    let kind = match input.kind.trim() {
        "progress" => "progress",
        "supervision" => "supervision",
        _ => return Err(StaffError::Invalid(Field::Kind)),
    };
    Ok(ReportFields {
        date: date(&input.date)?,
        kind,
        title: text(&input.title, 2, MAX_TITLE, Field::Title)?,
        // The author is a choice from the list, resolved against the account's role by
        // `StaffService::report_author`.
        author: String::new(),
        author_department: None,
        body_markdown: text(
            &input.body,
            1,
            app::api::staff::MAX_REPORT_CHARS,
            Field::Body,
        )?,
    })
}

/// Usernames are what people type at the sign-in form: short, plain, no spaces.
pub fn username(value: &str) -> Result<String, StaffError> {
    let value = value.trim();
    let ok = (3..=64).contains(&value.len())
        && value
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    ok.then(|| value.to_string())
        .ok_or(StaffError::Invalid(Field::Username))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn task_input(title: &str, owner: &str, level: &str, due: &str) -> TaskInput {
        TaskInput {
            topic_id: 1,
            id: None,
            form: app::api::forms::TaskForm {
                title: title.into(),
                owner: owner.into(),
                level: level.into(),
                due: due.into(),
                ..Default::default()
            },
        }
    }

    #[test]
    fn tasks_are_checked_field_by_field() {
        assert!(task(&task_input("开通供暖报修专线", "3", "city", "2026-12-01")).is_ok());
        let cases = [
            (task_input("x", "3", "city", "2026-12-01"), "title"),
            (
                task_input("开通专线", "abc", "city", "2026-12-01"),
                "department",
            ),
            (
                task_input("开通专线", "3", "province", "2026-12-01"),
                "level",
            ),
            (task_input("开通专线", "3", "city", "2026-02-30"), "date"),
        ];
        for (input, field) in cases {
            assert!(
                matches!(task(&input), Err(StaffError::Invalid(f)) if f.as_str() == field),
                "{field}"
            );
        }
    }

    #[test]
    fn responsibility_batches_run_one_to_five() {
        let mut input = ResponsibilityInput {
            topic_id: 1,
            id: None,
            duty: "统筹协调".into(),
            department: "2".into(),
            level: "district".into(),
            batch: "5".into(),
        };
        assert!(responsibility(&input).is_ok());
        input.batch = "6".into();
        assert!(matches!(
            responsibility(&input),
            Err(StaffError::Invalid(Field::Batch))
        ));
    }

    #[test]
    fn usernames_are_plain() {
        assert!(username("wang.li").is_ok());
        for bad in ["ab", "王力", "a b", "x;drop"] {
            assert!(username(bad).is_err(), "{bad}");
        }
    }
}
