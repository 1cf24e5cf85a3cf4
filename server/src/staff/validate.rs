//! Checking what staff typed before anything is written; each problem maps to a message key.

use crate::store::{DraftPolicy, NewReport};
use app::api::{PolicyDraftInput, ReportInput, StaffError};
use app::model::Field;

/// `""` → no topic; `"2026-11"` → (2026, 11).
pub(super) fn parse_topic(text: &str) -> Result<Option<(i32, u8)>, StaffError> {
    match text.trim() {
        "" => Ok(None),
        t => {
            let key = app::model::TopicKey::parse(t).ok_or(StaffError::Invalid(Field::Topic))?;
            Ok(Some((key.year, key.month.get())))
        }
    }
}

pub(super) fn validate_report(input: ReportInput) -> Result<NewReport, StaffError> {
    let title = input.title.trim().to_string();
    let body = input.body.trim().to_string();
    if !(2..=200).contains(&title.chars().count()) {
        return Err(StaffError::Invalid(Field::Title));
    }
    if body.is_empty() || body.chars().count() > app::api::staff::MAX_REPORT_CHARS {
        return Err(StaffError::Invalid(Field::Body));
    }
    let date = input
        .date
        .trim()
        .parse::<jiff::civil::Date>()
        .map_err(|_| StaffError::Invalid(Field::Date))?
        .to_string();
    let kind = match input.kind.as_str() {
        "progress" => "progress",
        "supervision" => "supervision",
        _ => return Err(StaffError::Invalid(Field::Kind)),
    };
    let topic = parse_topic(&input.topic)?.ok_or(StaffError::Invalid(Field::Topic))?;
    Ok(NewReport {
        topic,
        date,
        kind,
        title,
        // Chosen from the list and checked against the account's role by the service.
        author: String::new(),
        body_markdown: body,
        author_department: None,
    })
}

pub(super) fn validate_draft(input: PolicyDraftInput) -> Result<DraftPolicy, StaffError> {
    let title = input.title.trim().to_string();
    let issuer = input.issuer.trim().to_string();
    if !(2..=200).contains(&title.chars().count()) {
        return Err(StaffError::Invalid(Field::Title));
    }
    if !(2..=100).contains(&issuer.chars().count()) {
        return Err(StaffError::Invalid(Field::Issuer));
    }
    let issued = match input.issued.trim() {
        "" => None,
        date => Some(
            date.parse::<jiff::civil::Date>()
                .map_err(|_| StaffError::Invalid(Field::Date))?
                .to_string(),
        ),
    };
    let topic = parse_topic(&input.topic)?;
    Ok(DraftPolicy {
        title,
        issuer,
        issued,
        topic,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(title: &str, issued: &str, topic: &str) -> PolicyDraftInput {
        PolicyDraftInput {
            title: title.into(),
            issuer: "市城市管理委".into(),
            issued: issued.into(),
            topic: topic.into(),
        }
    }

    #[test]
    fn drafts_are_validated_field_by_field() {
        assert!(validate_draft(input("供暖通知", "2026-11-01", "2026-11")).is_ok());
        assert!(matches!(
            validate_draft(input("x", "", "")),
            Err(StaffError::Invalid(Field::Title))
        ));
        assert!(matches!(
            validate_draft(input("供暖通知", "2026-13-01", "")),
            Err(StaffError::Invalid(Field::Date))
        ));
        assert!(matches!(
            validate_draft(input("供暖通知", "", "2026-13")),
            Err(StaffError::Invalid(Field::Topic))
        ));
    }
}
