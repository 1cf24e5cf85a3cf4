//! 答复规则 as an editor types it: each number within the limits the form states, the
//! department one of the list. The store freezes it once the cycle opens.

use super::cycles::editor;
use super::{internal, now, StaffService};
use app::api::forms::ReplyRuleForm;
use app::api::StaffError;
use app::model::{Field, ReplyRule, StaffMember};
use app::model::{RULE_SUPPORTERS, RULE_SUPPORT_DAYS, RULE_VOTES, RULE_WORKING_DAYS};
use std::ops::RangeInclusive;

/// A count as typed (half-width or full-width digits, spaces around), within `range`.
fn count(typed: &str, range: RangeInclusive<u32>, field: Field) -> Result<u32, StaffError> {
    let digits: String = typed
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => {
                char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c)
            }
            c => c,
        })
        .collect();
    digits
        .parse::<u32>()
        .ok()
        .filter(|n| range.contains(n))
        .ok_or(StaffError::Invalid(field))
}

/// An optional threshold: empty means that kind of item has none in this cycle.
fn threshold(
    typed: &str,
    range: RangeInclusive<u32>,
    field: Field,
) -> Result<Option<u32>, StaffError> {
    if typed.trim().is_empty() {
        Ok(None)
    } else {
        count(typed, range, field).map(Some)
    }
}

/// The rule the form states; `departments` are the names it may name.
pub(super) fn rule(form: &ReplyRuleForm, departments: &[String]) -> Result<ReplyRule, StaffError> {
    let supporters = threshold(&form.supporters, RULE_SUPPORTERS, Field::ReplySupporters)?;
    let support_days = match supporters {
        Some(_) => count(
            &form.support_days,
            RULE_SUPPORT_DAYS,
            Field::ReplySupportDays,
        )?,
        // Without a suggestion threshold the window means nothing; kept as typed if valid.
        None => count(
            &form.support_days,
            RULE_SUPPORT_DAYS,
            Field::ReplySupportDays,
        )
        .unwrap_or(30),
    };
    let votes = threshold(&form.votes, RULE_VOTES, Field::ReplyVotes)?;
    let working_days = count(
        &form.working_days,
        RULE_WORKING_DAYS,
        Field::ReplyWorkingDays,
    )?;
    let department = form.department.trim();
    if !departments.iter().any(|d| d == department) {
        return Err(StaffError::Invalid(Field::Department));
    }
    Ok(ReplyRule {
        supporters,
        support_days,
        votes,
        working_days,
        department: department.to_string(),
    })
}

impl StaffService {
    /// 未入选理由: a code from the list (empty clears it); `other` needs its note.
    pub(super) async fn save_not_chosen(
        &self,
        me: &StaffMember,
        candidate: app::model::CandidateId,
        (reason, note): (&str, &str),
    ) -> Result<(), StaffError> {
        editor(me)?;
        let note = super::validate_edit::text(note, 0, 500, Field::Reason)?;
        let reason = match reason.trim() {
            "" => None,
            code => Some(
                app::model::NotChosenReason::parse(code)
                    .ok_or(StaffError::Invalid(Field::NotChosen))?,
            ),
        };
        if reason == Some(app::model::NotChosenReason::Other) && note.chars().count() < 4 {
            return Err(StaffError::Invalid(Field::Reason));
        }
        let written = self
            .store
            .set_not_chosen(me, candidate, reason.map(|r| (r, note.as_str())), now())
            .await
            .map_err(internal)?;
        match written {
            crate::store::CycleWrite::Duplicate => Err(StaffError::Invalid(Field::NotChosen)),
            other => super::cycles::written(other),
        }
    }

    /// 答复规则: checked here, frozen by the store once the cycle opens.
    pub(super) async fn save_reply_rule(
        &self,
        me: &StaffMember,
        form: ReplyRuleForm,
    ) -> Result<(), StaffError> {
        editor(me)?;
        let departments = self.store.department_names().await.map_err(internal)?;
        let rule = rule(&form, &departments)?;
        super::cycles::written(
            self.store
                .set_reply_rule(me, form.cycle.trim(), &rule, now())
                .await
                .map_err(internal)?,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(supporters: &str, days: &str, votes: &str, working: &str) -> ReplyRuleForm {
        ReplyRuleForm {
            cycle: "2028-annual".into(),
            supporters: supporters.into(),
            support_days: days.into(),
            votes: votes.into(),
            working_days: working.into(),
            department: "市政务服务和数据管理局".into(),
        }
    }

    #[test]
    fn a_rule_is_checked_field_by_field() {
        let names = ["市政务服务和数据管理局".to_string()];
        let ok = rule(&form("３０", "30", "", "15"), &names).expect("valid");
        assert_eq!(ok.supporters, Some(30), "full-width digits read");
        assert_eq!(ok.votes, None, "empty: no candidate threshold");
        for (bad, field) in [
            (form("1", "30", "", "15"), Field::ReplySupporters),
            (form("30", "0", "", "15"), Field::ReplySupportDays),
            (form("30", "30", "abc", "15"), Field::ReplyVotes),
            (form("30", "30", "100", "61"), Field::ReplyWorkingDays),
        ] {
            assert!(
                matches!(rule(&bad, &names), Err(StaffError::Invalid(f)) if f == field),
                "{field:?}"
            );
        }
        let mut elsewhere = form("30", "30", "", "15");
        elsewhere.department = "不存在的部门".into();
        assert!(matches!(
            rule(&elsewhere, &names),
            Err(StaffError::Invalid(Field::Department))
        ));
    }
}
