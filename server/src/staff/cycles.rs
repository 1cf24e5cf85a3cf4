//! Editors' cycle authoring behind the app's `CyclePort`: rules checked field by field, and
//! frozen once a cycle opens (the store checks the clock in the same transaction).

use super::validate_edit::text;
use super::{internal, now, StaffService};
use crate::store::{CandidateChange, CycleFields, CycleWrite, NewCandidate};
use app::api::forms::{CandidateForm, CycleForm};
use app::api::CyclePort;
use app::api::StaffError;
use app::model::Field;
use app::model::StaffMember;
use app::model::{CycleAdmin, CyclesAdmin};

/// Editors and administrators author cycles, candidates and the hotline ranking's weights.
pub(super) fn editor(me: &StaffMember) -> Result<(), StaffError> {
    if me.may_author() {
        Ok(())
    } else {
        Err(StaffError::Forbidden)
    }
}

pub(super) fn written(w: CycleWrite) -> Result<(), StaffError> {
    match w {
        CycleWrite::Done => Ok(()),
        CycleWrite::Missing => Err(StaffError::NotFound),
        CycleWrite::Duplicate => Err(StaffError::Invalid(Field::Duplicate)),
        CycleWrite::Frozen => Err(StaffError::Invalid(Field::Frozen)),
        CycleWrite::NotClosed => Err(StaffError::Invalid(Field::NotClosed)),
        CycleWrite::TooFewCandidates => Err(StaffError::Invalid(Field::TooFewCandidates)),
    }
}

fn civil_date(date: &str) -> Result<jiff::civil::Date, StaffError> {
    date.trim()
        .parse()
        .map_err(|_| StaffError::Invalid(Field::Date))
}

/// Midnight at the start of a Beijing date, as a Unix time.
fn beijing_midnight(date: jiff::civil::Date) -> Result<i64, StaffError> {
    date.to_zoned(jiff::tz::TimeZone::fixed(jiff::tz::Offset::constant(8)))
        .map(|z| z.timestamp().as_second())
        .map_err(|_| StaffError::Invalid(Field::Date))
}

/// The form's rules, against `today` in Beijing: a cycle may open today (it then waits for
/// 现在开始投票, so its candidates can go in first) or later, never on a day already past.
fn fields(input: &CycleForm, today: jiff::civil::Date) -> Result<CycleFields, StaffError> {
    let slug = input.slug.trim().to_ascii_lowercase();
    let slug_ok = (3..=40).contains(&slug.len())
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if !slug_ok {
        return Err(StaffError::Invalid(Field::Slug));
    }
    let opens_on = civil_date(&input.opens)?;
    if opens_on < today {
        return Err(StaffError::Invalid(Field::OpensPast));
    }
    let opens_at = beijing_midnight(opens_on)?;
    // Staff type the last day of voting: it closes at the midnight that ends that day, and the
    // pages show that same date ("…20日 24:00").
    let closes_at = beijing_midnight(civil_date(&input.closes)?)? + 24 * 3600;
    if closes_at <= opens_at {
        return Err(StaffError::Invalid(Field::Date));
    }
    let max_picks = input
        .max_picks
        .trim()
        .parse::<u8>()
        .ok()
        .filter(|n| (1..=10).contains(n))
        .ok_or(StaffError::Invalid(Field::MaxPicks))?;
    Ok(CycleFields {
        slug,
        title: text(&input.title, 4, 100, Field::Title)?,
        target: text(&input.target, 2, 100, Field::Name)?,
        opens_at,
        closes_at,
        max_picks,
        live_tally: input.live_tally.is_some(),
        awaits_open: opens_on == today,
    })
}

fn beijing_today() -> jiff::civil::Date {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::fixed(jiff::tz::Offset::constant(8)))
        .date()
}

impl StaffService {
    /// Cycles that have not opened, `(slug, title)`: the only ones that take new candidates.
    pub(super) async fn upcoming_cycles(&self) -> Result<Vec<(String, String)>, StaffError> {
        Ok(self
            .store
            .cycles(now())
            .await
            .map_err(internal)?
            .into_iter()
            .filter(|c| c.phase == app::model::Phase::Upcoming)
            .map(|c| (c.slug, c.title))
            .collect())
    }
}

#[async_trait::async_trait]
impl CyclePort for StaffService {
    async fn cycles_admin(&self, me: &StaffMember) -> Result<CyclesAdmin, StaffError> {
        editor(me)?;
        let mut cycles = Vec::new();
        for cycle in self.store.cycles(now()).await.map_err(internal)? {
            let candidates = self
                .store
                .cycle_candidates(cycle.id)
                .await
                .map_err(internal)?;
            cycles.push(CycleAdmin { cycle, candidates });
        }
        Ok(CyclesAdmin {
            cycles,
            topics: self.store.topic_list().await.map_err(internal)?,
            departments: self.store.department_names().await.map_err(internal)?,
        })
    }

    async fn create_cycle(&self, me: &StaffMember, input: CycleForm) -> Result<(), StaffError> {
        editor(me)?;
        let fields = fields(&input, beijing_today())?;
        written(
            self.store
                .create_cycle(me, &fields, now())
                .await
                .map_err(internal)?,
        )
    }

    async fn add_candidate(
        &self,
        me: &StaffMember,
        cycle: &str,
        title: &str,
        description: &str,
        evidence: &str,
    ) -> Result<(), StaffError> {
        editor(me)?;
        let title = text(title, 4, 100, Field::Title)?;
        let description = text(description, 4, 1000, Field::Body)?;
        let evidence = text(evidence, 0, 1000, Field::Body)?;
        written(
            self.store
                .add_candidate(
                    me,
                    cycle,
                    NewCandidate {
                        title: &title,
                        description: &description,
                        evidence: &evidence,
                        link: None,
                    },
                    now(),
                )
                .await
                .map_err(internal)?,
        )
    }

    async fn set_became(
        &self,
        me: &StaffMember,
        candidate: app::model::CandidateId,
        topic: &str,
    ) -> Result<(), StaffError> {
        editor(me)?;
        let month = super::validate::parse_topic(topic)?;
        written(
            self.store
                .set_became(me, candidate, month, now())
                .await
                .map_err(internal)?,
        )
    }

    async fn edit_candidate(
        &self,
        me: &StaffMember,
        candidate: app::model::CandidateId,
        form: CandidateForm,
    ) -> Result<(), StaffError> {
        editor(me)?;
        let title = text(&form.title, 4, 100, Field::Title)?;
        let description = text(&form.description, 4, 1000, Field::Body)?;
        let evidence = text(&form.evidence, 0, 1000, Field::Body)?;
        let change = CandidateChange::Edit {
            title: &title,
            description: &description,
            evidence: &evidence,
        };
        written(
            self.store
                .change_candidate(me, candidate, change, now())
                .await
                .map_err(internal)?,
        )
    }

    async fn withdraw_candidate(
        &self,
        me: &StaffMember,
        candidate: app::model::CandidateId,
        reason: &str,
    ) -> Result<(), StaffError> {
        editor(me)?;
        let reason = super::editor::reason(reason)?;
        let change = CandidateChange::Withdraw { reason: &reason };
        written(
            self.store
                .change_candidate(me, candidate, change, now())
                .await
                .map_err(internal)?,
        )
    }

    async fn set_reply_rule(
        &self,
        me: &StaffMember,
        form: app::api::forms::ReplyRuleForm,
    ) -> Result<(), StaffError> {
        self.save_reply_rule(me, form).await
    }

    async fn set_not_chosen(
        &self,
        me: &StaffMember,
        candidate: app::model::CandidateId,
        reason: &str,
        note: &str,
    ) -> Result<(), StaffError> {
        self.save_not_chosen(me, candidate, (reason, note)).await
    }

    async fn open_now(&self, me: &StaffMember, cycle: &str) -> Result<(), StaffError> {
        editor(me)?;
        written(
            self.store
                .open_cycle_now(me, cycle, now())
                .await
                .map_err(internal)?,
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(slug: &str, opens: &str, closes: &str, picks: &str) -> CycleForm {
        CycleForm {
            slug: slug.into(),
            title: "2028 年度问题征集".into(),
            target: "2028 年度问题清单".into(),
            opens: opens.into(),
            closes: closes.into(),
            max_picks: picks.into(),
            live_tally: Some("on".into()),
        }
    }

    fn today() -> jiff::civil::Date {
        jiff::civil::date(2027, 10, 1)
    }

    #[test]
    fn cycle_rules_are_checked() {
        let fields = |i: &CycleForm| fields(i, today());
        assert!(fields(&input("2028-annual", "2027-11-01", "2027-12-01", "3")).is_ok());
        for (bad, field) in [
            (input("有中文", "2027-11-01", "2027-12-01", "3"), "slug"),
            (
                input("2028-annual", "2027-12-01", "2027-11-01", "3"),
                "date",
            ),
            (
                input("2028-annual", "2027-11-01", "2027-12-01", "0"),
                "max_picks",
            ),
        ] {
            assert!(
                matches!(fields(&bad), Err(StaffError::Invalid(f)) if f.as_str() == field),
                "{field}"
            );
        }
        let opens = fields(&input("x-1", "2027-11-01", "2027-11-02", "1"))
            .expect("ok")
            .opens_at;
        // 2027-11-01 00:00 in Beijing is 2027-10-31 16:00 UTC.
        assert_eq!(opens, 1_824_998_400);
        // The typed closing date is the last day open: closed at 2027-11-03 00:00 Beijing.
        let one_day = fields(&input("x-2", "2027-11-02", "2027-11-02", "1")).expect("one day");
        assert_eq!(one_day.closes_at - one_day.opens_at, 24 * 3600);
        assert!(!one_day.awaits_open);
    }

    #[test]
    fn a_cycle_may_open_today_but_not_yesterday() {
        let opening_today = fields(&input("x-3", "2027-10-01", "2027-10-20", "3"), today())
            .expect("today is allowed");
        assert!(opening_today.awaits_open, "waits for 现在开始投票");
        assert!(matches!(
            fields(&input("x-4", "2027-09-30", "2027-10-20", "3"), today()),
            Err(StaffError::Invalid(Field::OpensPast))
        ));
    }
}
