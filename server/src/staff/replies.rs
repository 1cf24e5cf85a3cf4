//! 答复 behind the app's `ReplyPort`: a department answers the replies it owes (an editor any),
//! each field checked here, each state (answered, extended, too late) by the store inside its
//! transaction.

use super::validate_edit::text;
use super::{internal, now, StaffService};
use crate::store::{AnswerFields, ReplyWrite};
use app::api::forms::{ExtensionForm, InterimForm, ReplyForm, TemplateForm};
use app::api::{ReplyPort, StaffError};
use app::model::{
    Field, NotAdoptedReason, ReplyDecision, ReplyDesk, ReplyEntry, Role, StaffMember,
    EXTENSION_MAX_DAYS, REPLY_BODY, REPLY_NOTE,
};

pub(super) fn written(w: ReplyWrite) -> Result<(), StaffError> {
    match w {
        ReplyWrite::Done => Ok(()),
        ReplyWrite::Missing => Err(StaffError::NotFound),
        ReplyWrite::Answered => Err(StaffError::Invalid(Field::Answered)),
        ReplyWrite::ExtendedOnce => Err(StaffError::Invalid(Field::ExtendedOnce)),
        ReplyWrite::TooLate => Err(StaffError::Invalid(Field::ExtendTo)),
    }
}

pub(super) fn reply_id(typed: &str) -> Result<i64, StaffError> {
    app::model::parse_id(typed.trim()).ok_or(StaffError::NotFound)
}

/// The department a member answers for: `None` for editors and administrators (any).
pub(super) fn answers_for(me: &StaffMember) -> Result<Option<String>, StaffError> {
    match me.role {
        Role::Admin | Role::Editor => Ok(None),
        Role::Department => me
            .department
            .as_ref()
            .map(|d| Some(d.name.clone()))
            .ok_or(StaffError::Forbidden),
        Role::Moderator => Err(StaffError::Forbidden),
    }
}

/// A link a reply may point to: an address on this portal or an https page.
fn link(typed: &str) -> Result<Option<String>, StaffError> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    let internal = typed.starts_with('/') && !typed.starts_with("//");
    let https = typed.starts_with("https://") && typed.len() > "https://".len();
    if typed.len() <= 500 && !typed.chars().any(char::is_whitespace) && (internal || https) {
        Ok(Some(typed.to_string()))
    } else {
        Err(StaffError::Invalid(Field::ReplyLink))
    }
}

/// A reply's decision, reason, words and link as validated.
pub(super) type Stated = (
    ReplyDecision,
    Option<NotAdoptedReason>,
    String,
    Option<String>,
);

/// A decision; a reason code exactly when not adopted; words; a link if any (a template's or a
/// reply's: the reply also needs one for 采纳 and 已有安排, [`answer`]).
pub(super) fn stated(
    decision: &str,
    reason: &str,
    body: &str,
    typed_link: &str,
) -> Result<Stated, StaffError> {
    let decision =
        ReplyDecision::parse(decision.trim()).ok_or(StaffError::Invalid(Field::ReplyDecision))?;
    let reason = match decision {
        ReplyDecision::NotAdopted => Some(
            NotAdoptedReason::parse(reason.trim())
                .ok_or(StaffError::Invalid(Field::ReplyReason))?,
        ),
        _ => None,
    };
    let body = text(
        body,
        *REPLY_BODY.start(),
        *REPLY_BODY.end(),
        Field::ReplyBody,
    )?;
    Ok((decision, reason, body, link(typed_link)?))
}

/// The reply as the form states it: [`stated`], and the topic or plan an adoption or an
/// existing plan points to.
fn answer(form: &ReplyForm) -> Result<Stated, StaffError> {
    let (decision, reason, body, link) =
        stated(&form.decision, &form.reason, &form.body, &form.link)?;
    if matches!(
        decision,
        ReplyDecision::Adopted | ReplyDecision::AlreadyPlanned
    ) && link.is_none()
    {
        return Err(StaffError::Invalid(Field::ReplyLink));
    }
    Ok((decision, reason, body, link))
}

impl StaffService {
    /// The reply `id` if `me` may act on it (its department's staff, or an editor).
    pub(super) async fn may_answer(&self, me: &StaffMember, id: i64) -> Result<(), StaffError> {
        let owner = self
            .store
            .reply_department(id)
            .await
            .map_err(internal)?
            .ok_or(StaffError::NotFound)?;
        match answers_for(me)? {
            Some(mine) if mine != owner => Err(StaffError::Forbidden),
            _ => Ok(()),
        }
    }
}

impl StaffService {
    /// 答复提醒 for the desk: `(overdue, due within DUE_SOON_WORKING_DAYS)` of the replies the
    /// member answers for; `(0, 0)` for those who answer none.
    pub(super) async fn pressing_replies(
        &self,
        me: &StaffMember,
    ) -> Result<(u32, u32), StaffError> {
        let replies = match answers_for(me) {
            Ok(Some(name)) => self.store.department_replies(&name).await,
            Ok(None) => self.store.all_replies().await,
            Err(_) => return Ok((0, 0)),
        }
        .map_err(internal)?;
        let today = crate::store::beijing_today(now()).map_err(internal)?;
        let mut pressing = (0, 0);
        for reply in replies {
            match reply.standing(today) {
                app::model::Standing::Overdue { .. } => pressing.0 += 1,
                app::model::Standing::Waiting { days_left }
                    if days_left <= app::model::DUE_SOON_WORKING_DAYS =>
                {
                    pressing.1 += 1
                }
                _ => {}
            }
        }
        Ok(pressing)
    }
}

#[async_trait::async_trait]
impl ReplyPort for StaffService {
    async fn reply_desk(&self, me: &StaffMember) -> Result<ReplyDesk, StaffError> {
        let department = answers_for(me)?;
        let today = crate::store::beijing_today(now()).map_err(internal)?;
        let replies = match &department {
            Some(name) => self.store.department_replies(name).await,
            None => self.store.all_replies().await,
        }
        .map_err(internal)?;
        let (assignees, colleagues) = match &department {
            Some(name) => (
                self.store
                    .reply_assignees(Some(name))
                    .await
                    .map_err(internal)?,
                self.store
                    .department_colleagues(name)
                    .await
                    .map_err(internal)?,
            ),
            None => (
                self.store.reply_assignees(None).await.map_err(internal)?,
                Vec::new(),
            ),
        };
        let templates = self
            .store
            .reply_templates(department.as_deref())
            .await
            .map_err(internal)?;
        let (departments, reply_address) = match &department {
            Some(name) => (
                Vec::new(),
                self.store.reply_address(name).await.map_err(internal)?,
            ),
            None => (self.store.department_names().await.map_err(internal)?, None),
        };
        Ok(ReplyDesk {
            templates,
            departments,
            reply_address,
            today: today.to_string(),
            assignees,
            colleagues,
            department,
            entries: replies
                .into_iter()
                .map(|r| ReplyEntry::judged(r, today))
                .collect(),
        })
    }

    async fn answer(&self, me: &StaffMember, form: ReplyForm) -> Result<(), StaffError> {
        let id = reply_id(&form.reply_id)?;
        self.may_answer(me, id).await?;
        let (decision, reason, body, link) = answer(&form)?;
        let fields = AnswerFields {
            decision,
            reason,
            body: &body,
            link: link.as_deref(),
            same_as: None,
        };
        written(
            self.store
                .answer_reply(me, id, &fields, now())
                .await
                .map_err(internal)?,
        )
    }

    async fn extend(&self, me: &StaffMember, form: ExtensionForm) -> Result<(), StaffError> {
        let id = reply_id(&form.reply_id)?;
        self.may_answer(me, id).await?;
        let today = crate::store::beijing_today(now()).map_err(internal)?;
        let to: jiff::civil::Date = form
            .to
            .trim()
            .parse()
            .map_err(|_| StaffError::Invalid(Field::ExtendTo))?;
        let latest = today
            .checked_add(jiff::Span::new().days(EXTENSION_MAX_DAYS))
            .map_err(|_| StaffError::Invalid(Field::ExtendTo))?;
        if to <= today || to > latest {
            return Err(StaffError::Invalid(Field::ExtendTo));
        }
        let reason = text(
            &form.reason,
            *REPLY_NOTE.start(),
            *REPLY_NOTE.end(),
            Field::ExtendReason,
        )?;
        let entry = self
            .store
            .reply(id)
            .await
            .map_err(internal)?
            .ok_or(StaffError::NotFound)?;
        // Its state first (the store checks again in its transaction): what to fix before the date.
        if entry.answer.is_some() {
            return Err(StaffError::Invalid(Field::Answered));
        }
        if entry.extension.is_some() {
            return Err(StaffError::Invalid(Field::ExtendedOnce));
        }
        // A later date than the one judged, or it is no extension.
        if to.to_string().as_str() <= entry.judged_on() {
            return Err(StaffError::Invalid(Field::ExtendTo));
        }
        written(
            self.store
                .extend_reply(
                    me,
                    id,
                    (&to.to_string(), &reason),
                    (&today.to_string(), now()),
                )
                .await
                .map_err(internal)?,
        )
    }

    async fn assign(
        &self,
        me: &StaffMember,
        reply: &str,
        assignee: &str,
    ) -> Result<(), StaffError> {
        let id = reply_id(reply)?;
        self.may_answer(me, id).await?;
        let owner = self
            .store
            .reply_department(id)
            .await
            .map_err(internal)?
            .ok_or(StaffError::NotFound)?;
        let assignee = assignee.trim();
        let chosen = if assignee.is_empty() {
            None
        } else {
            let colleagues = self
                .store
                .department_colleagues(&owner)
                .await
                .map_err(internal)?;
            if !colleagues.iter().any(|(u, _)| u == assignee) {
                return Err(StaffError::Invalid(Field::Username));
            }
            Some(assignee)
        };
        written(
            self.store
                .assign_reply(me, id, chosen, now())
                .await
                .map_err(internal)?,
        )
    }

    async fn answer_alike(
        &self,
        me: &StaffMember,
        from: &str,
        targets: &[String],
    ) -> Result<usize, StaffError> {
        self.post_same_answer(me, from, targets).await
    }

    async fn save_template(&self, me: &StaffMember, form: TemplateForm) -> Result<(), StaffError> {
        self.save_reply_template(me, form).await
    }

    async fn delete_template(&self, me: &StaffMember, id: &str) -> Result<(), StaffError> {
        self.delete_reply_template(me, id).await
    }

    async fn set_reply_address(&self, me: &StaffMember, address: &str) -> Result<(), StaffError> {
        self.save_reply_address(me, address).await
    }

    async fn interim(&self, me: &StaffMember, form: InterimForm) -> Result<(), StaffError> {
        let id = reply_id(&form.reply_id)?;
        self.may_answer(me, id).await?;
        let note = text(
            &form.note,
            *REPLY_NOTE.start(),
            *REPLY_NOTE.end(),
            Field::Interim,
        )?;
        written(
            self.store
                .interim_reply(me, id, &note, now())
                .await
                .map_err(internal)?,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(decision: &str, reason: &str, link: &str) -> ReplyForm {
        ReplyForm {
            reply_id: "1".into(),
            decision: decision.into(),
            reason: reason.into(),
            body: "经研究，这一问题已纳入明年的老旧小区改造计划，将统一更换路灯。".into(),
            link: link.into(),
        }
    }

    #[test]
    fn a_reply_states_its_decision_its_reason_and_what_it_points_to() {
        assert!(answer(&form("not_adopted", "cost", "")).is_ok());
        for (bad, field) in [
            (form("maybe", "", ""), Field::ReplyDecision),
            (form("not_adopted", "", ""), Field::ReplyReason),
            (form("adopted", "", ""), Field::ReplyLink),
            (
                form("already_planned", "", "javascript:alert(1)"),
                Field::ReplyLink,
            ),
            (
                form("partly_adopted", "", "//evil.example"),
                Field::ReplyLink,
            ),
        ] {
            assert!(
                matches!(answer(&bad), Err(StaffError::Invalid(f)) if f == field),
                "{field:?}"
            );
        }
        let (_, reason, _, link) =
            answer(&form("adopted", "cost", "/topics/2027/3")).expect("valid");
        assert_eq!(reason, None, "a reason code only for 不予采纳");
        assert_eq!(link.as_deref(), Some("/topics/2027/3"));
    }
}
