//! The roles service behind the app's `RolesPort`, and the checks other services call: a
//! task's or responsibility's level against the kind of body it is given to (`check_level`), and which
//! body an editor's report may be posted as (`report_author`). The rules themselves live in
//! `app::model::roles`; this module looks up what they need and maps refusals to messages.

use super::{internal, now, StaffService};
use crate::store::Redacted;
use app::api::RolesPort;
use app::api::StaffError;
use app::model::Field;
use app::model::{
    report_author_allowed, AuthorRefusal, BodyKind, Grant, Level, ReportAuthor, ReportKind,
    StaffMember, MAX_REDACT_SPAN,
};

pub use app::model::EDITORIAL_OFFICE;

/// How the report form names its author: `office`, or a department id.
pub(super) fn parse_author_choice(text: &str) -> Result<Option<i64>, StaffError> {
    match text.trim() {
        "office" => Ok(None),
        id => app::model::parse_id(id)
            .map(Some)
            .ok_or(StaffError::Invalid(Field::ReportAuthor)),
    }
}

impl StaffService {
    /// A policy's issuer must be a listed department (chosen from the form's list).
    pub(super) async fn check_issuer(&self, issuer: &str) -> Result<(), StaffError> {
        let listed = self.store.all_departments().await.map_err(internal)?;
        if listed.iter().any(|d| d.name == issuer) {
            Ok(())
        } else {
            Err(StaffError::Invalid(Field::IssuerNotListed))
        }
    }

    /// 层级 must fit the body: a district government carries district work, a street office
    /// street work, a city department city work; supervisory bodies carry none.
    pub(super) async fn check_level(
        &self,
        department_id: i64,
        level: Level,
    ) -> Result<(), StaffError> {
        let departments = self.store.all_departments().await.map_err(internal)?;
        let Some(department) = departments.iter().find(|d| d.id == department_id) else {
            return Err(StaffError::Invalid(Field::Department));
        };
        if BodyKind::of(&department.name).fits(level) {
            Ok(())
        } else {
            Err(StaffError::Invalid(Field::LevelForBody))
        }
    }

    /// The author an editor's report is posted as, checked against the account's role (the
    /// rule of `app::model::roles`): `(name, department id)`.
    pub(super) async fn report_author(
        &self,
        me: &StaffMember,
        kind: ReportKind,
        choice: Option<i64>,
        topic: (i32, u8),
    ) -> Result<(String, Option<i64>), StaffError> {
        let author = match choice {
            None => ReportAuthor::Office,
            Some(id) => {
                let departments = self.store.all_departments().await.map_err(internal)?;
                let d = departments
                    .into_iter()
                    .find(|d| d.id == id)
                    .ok_or(StaffError::Invalid(Field::ReportAuthor))?;
                ReportAuthor::Body(d.id, d.name)
            }
        };
        let bodies = self
            .store
            .topic_bodies(topic.0, topic.1)
            .await
            .map_err(internal)?;
        match report_author_allowed(me, kind, &author, &bodies) {
            Ok(()) => Ok(match author {
                ReportAuthor::Office => (EDITORIAL_OFFICE.to_string(), None),
                ReportAuthor::Body(id, name) => (name, Some(id)),
            }),
            Err(AuthorRefusal::NotSupervisory) => {
                Err(StaffError::Invalid(Field::SupervisionAuthor))
            }
            Err(AuthorRefusal::NotYours) => Err(StaffError::Invalid(Field::ReportAuthor)),
        }
    }
}

#[async_trait::async_trait]
impl RolesPort for StaffService {
    async fn set_grant(
        &self,
        me: &StaffMember,
        staff_id: i64,
        grant: Grant,
        on: bool,
    ) -> Result<(), StaffError> {
        if !me.may_grant() {
            return Err(StaffError::Forbidden);
        }
        let accounts = self.store.staff_accounts().await.map_err(internal)?;
        let (target, _) = accounts
            .iter()
            .find(|(m, _)| m.id == staff_id)
            .ok_or(StaffError::NotFound)?;
        if on && !grant.grantable_to(target.role) {
            return Err(StaffError::Invalid(Field::Grant));
        }
        match self.store.set_grant(me, staff_id, grant, on, now()).await {
            Ok(true) => Ok(()),
            Ok(false) => Err(StaffError::NotFound),
            Err(err) => Err(internal(err)),
        }
    }

    async fn redact_suggestion(
        &self,
        me: &StaffMember,
        id: i64,
        span: &str,
        reason: &str,
    ) -> Result<(), StaffError> {
        if !me.may_moderate() {
            return Err(StaffError::Forbidden);
        }
        let span = span.trim();
        if !(1..=MAX_REDACT_SPAN).contains(&span.chars().count()) {
            return Err(StaffError::Invalid(Field::Span));
        }
        let reason = reason.trim();
        if !(2..=200).contains(&reason.chars().count()) {
            return Err(StaffError::Invalid(Field::Reason));
        }
        match self
            .store
            .redact_suggestion(me, id, span, reason, now())
            .await
        {
            Ok(Redacted::Done) => Ok(()),
            Ok(Redacted::NoSuchSuggestion) => Err(StaffError::NotFound),
            Ok(Redacted::SpanNotFound) => Err(StaffError::Invalid(Field::Span)),
            Err(err) => Err(internal(err)),
        }
    }

    async fn set_topic_cooperating(
        &self,
        me: &StaffMember,
        topic_id: i64,
        department_ids: Vec<i64>,
    ) -> Result<(), StaffError> {
        if !me.may_author() {
            return Err(StaffError::Forbidden);
        }
        if department_ids.len() > 30 {
            return Err(StaffError::Invalid(Field::Department));
        }
        match self
            .store
            .set_topic_cooperating(me, topic_id, &department_ids, now())
            .await
        {
            Ok(true) => Ok(()),
            Ok(false) => Err(StaffError::NotFound),
            Err(err) => Err(internal(err)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_report_form_names_the_office_or_a_department() {
        assert_eq!(parse_author_choice("office").ok(), Some(None));
        assert_eq!(parse_author_choice("12").ok(), Some(Some(12)));
        assert!(matches!(
            parse_author_choice("市政协"),
            Err(StaffError::Invalid(Field::ReportAuthor))
        ));
    }
}
