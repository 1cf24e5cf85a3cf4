//! 答复 (Reply): enough support obliges the city to answer, by a date everyone can see. A cycle
//! states its rule (答复规则) before it opens; an item that crosses it gets a due date in working
//! days and a department that owes the answer.

use serde::{Deserialize, Serialize};

/// 答复规则: what a cycle promises, stated before it opens and frozen once it opens. A published
/// suggestion with at least `supporters` supporters (its author included) within `support_days`
/// days of being published, or a candidate with at least `votes` approvals, gets a reply from
/// `department` within `working_days` working days (Beijing's public holidays and make-up
/// working days counted).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReplyRule {
    /// Supporters a suggestion needs; `None`: suggestions have no threshold in this cycle.
    pub supporters: Option<u32>,
    /// Days after publication within which the supporters count.
    pub support_days: u32,
    /// Approvals a candidate needs (verified and unverified together); `None`: no threshold.
    pub votes: Option<u32>,
    /// Working days the department has to reply, counted from the day after the crossing.
    pub working_days: u32,
    /// 答复单位: the department that owes the reply (an editor may hand an item to another).
    pub department: String,
}

/// The limits a rule's numbers keep, stated by the form before anyone types: a threshold of
/// one is no threshold, and a promise beyond two months of working days is no promise.
pub const RULE_SUPPORTERS: std::ops::RangeInclusive<u32> = 2..=100_000;
pub const RULE_SUPPORT_DAYS: std::ops::RangeInclusive<u32> = 1..=365;
pub const RULE_VOTES: std::ops::RangeInclusive<u32> = 2..=1_000_000;
pub const RULE_WORKING_DAYS: std::ops::RangeInclusive<u32> = 1..=60;

codes! {
    /// What a reply answers: a resident's suggestion or a candidate of a cycle.
    ReplyItem {
        Suggestion => "suggestion",
        Candidate => "candidate",
    }
}

codes! {
    /// 答复结论: what the department decided.
    ReplyDecision {
        /// 采纳: it becomes (or joins) a topic, linked.
        Adopted => "adopted",
        /// 部分采纳.
        PartlyAdopted => "partly_adopted",
        /// 已有安排: a plan already covers it, linked.
        AlreadyPlanned => "already_planned",
        /// 不予采纳, with a published reason code.
        NotAdopted => "not_adopted",
    }
}

codes! {
    /// 不予采纳的理由: the published list a department chooses from (the public page lists them
    /// with what each means), with its own words beside the code.
    NotAdoptedReason {
        /// Not within the city government's powers (national law, another level's remit).
        OutOfRemit => "out_of_remit",
        /// Against a law, regulation or standing policy.
        AgainstLaw => "against_law",
        /// Not feasible now (land, technology, safety), with what would change that.
        NotFeasible => "not_feasible",
        /// The cost is out of proportion to the benefit, or the budget cannot carry it now.
        Cost => "cost",
        /// One household's or one place's own case: passed to 12345, which handles it.
        IndividualCase => "individual_case",
        /// Residents are divided and the other side's interests weigh as much.
        Divided => "divided",
        /// Another reason, which the words must give.
        Other => "other",
    }
}

impl ReplyDecision {
    pub fn message_key(self) -> String {
        format!("reply.decision.{}", self.as_str())
    }
}

impl NotAdoptedReason {
    pub fn message_key(self) -> String {
        format!("reply.reason.{}", self.as_str())
    }
}

/// 延期: a new due date asked for in public, with its reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Extension {
    /// The new due date (Beijing, `YYYY-MM-DD`).
    pub to: String,
    pub reason: String,
    /// When it was asked for (Beijing date).
    pub on: String,
}

/// 阶段性答复: an interim note, expected by half the time.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct InterimNote {
    pub note: String,
    pub on: String,
}

/// The reply itself (答复意见).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Answer {
    pub decision: ReplyDecision,
    /// For 不予采纳: the published reason code.
    pub reason: Option<NotAdoptedReason>,
    pub body: String,
    /// The topic or plan it points to (an address on this portal or an official page).
    pub link: Option<String>,
    /// When it was posted (Beijing date).
    pub on: String,
    /// Until when the item's followers may comment on it (RFC 3339): three days after it was
    /// first posted.
    #[serde(default)]
    pub comments_until: String,
}

/// 答复: what an item that crossed its cycle's threshold is owed, and what it got. Public: no
/// personal data (the department speaks; which colleague wrote it is staff's business).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Reply {
    pub id: i64,
    pub item: ReplyItem,
    pub item_id: i64,
    /// The suggestion's or candidate's title.
    pub title: String,
    /// The item's page on the portal.
    pub item_url: String,
    pub cycle_slug: String,
    pub cycle_title: String,
    /// The Beijing date it crossed the threshold.
    pub crossed_on: String,
    /// Due by the rule (Beijing date); an extension moves the date judged, never this one.
    pub due_on: String,
    /// By when an interim note is expected (half the time).
    pub interim_on: String,
    /// 答复单位.
    pub department: String,
    pub extension: Option<Extension>,
    pub interim: Option<InterimNote>,
    /// The answer judged now: after 重办, the second one (`None` until it is given).
    pub answer: Option<Answer>,
    /// 重办: the first answer and the new date, when its ratings reopened it.
    #[serde(default)]
    pub rehandle: Option<super::Rehandle>,
    /// The cycle is sample data (示例数据).
    pub is_sample: bool,
}

/// Where a reply stands on a given day, in working days: what the waiting list and the item
/// page say ("还有 3 个工作日" / "已逾期 2 个工作日" / "按时答复").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum Standing {
    /// Waiting, `days_left` working days to go (0: due today).
    Waiting { days_left: i64 },
    /// Waiting past the date judged.
    Overdue { days_late: i64 },
    /// Answered by the date judged.
    AnsweredOnTime,
    /// Answered, but after the date judged.
    AnsweredLate { days_late: i64 },
}

impl Reply {
    /// The date judged: after 重办 the new one; else the extension's, when one was asked for
    /// before the due date passed… which the store only allows, so the latest date stated is
    /// the one judged.
    pub fn judged_on(&self) -> &str {
        if let Some(again) = &self.rehandle {
            return &again.due_on;
        }
        self.extension.as_ref().map_or(&self.due_on, |e| &e.to)
    }

    /// Which answer is judged now: 1, or 2 after 重办 (ratings are kept per answer).
    pub fn round(&self) -> i64 {
        if self.rehandle.is_some() {
            2
        } else {
            1
        }
    }

    /// Where it stands on `today` (Beijing).
    pub fn standing(&self, today: jiff::civil::Date) -> Standing {
        use super::working_days::working_days_between;
        let Ok(due) = self.judged_on().parse::<jiff::civil::Date>() else {
            return Standing::Waiting { days_left: 0 };
        };
        match &self.answer {
            Some(answer) => match answer.on.parse::<jiff::civil::Date>() {
                Ok(on) if on > due => Standing::AnsweredLate {
                    days_late: working_days_between(due, on).max(1),
                },
                _ => Standing::AnsweredOnTime,
            },
            None if today > due => Standing::Overdue {
                days_late: working_days_between(due, today).max(1),
            },
            None => Standing::Waiting {
                days_left: working_days_between(today, due),
            },
        }
    }

    /// Whether the interim note is missing though its date has passed (and no answer came).
    pub fn interim_missing(&self, today: jiff::civil::Date) -> bool {
        self.answer.is_none()
            && self.rehandle.is_none()
            && self.interim.is_none()
            && self
                .interim_on
                .parse::<jiff::civil::Date>()
                .is_ok_and(|on| today > on)
    }
}

/// The due dates of an item crossing on `day`: `(due, interim)`, both in working days — the
/// interim note by half the time, rounded up.
pub fn due_dates(
    day: jiff::civil::Date,
    working_days: u32,
) -> (jiff::civil::Date, jiff::civil::Date) {
    use super::working_days::add_working_days;
    (
        add_working_days(day, working_days),
        add_working_days(day, working_days.div_ceil(2)),
    )
}

/// 等待答复 and the answered, as of `today` (Beijing): the page and the API judge every reply on
/// the same day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReplyBoard {
    /// The Beijing date the standings are judged on.
    pub today: String,
    /// Waiting, longest first.
    pub waiting: Vec<ReplyEntry>,
    /// Answered, newest first.
    pub answered: Vec<ReplyEntry>,
    /// 重办率 over every reply.
    #[serde(default)]
    pub rehandle: super::RehandleRate,
}

/// A reply with where it stands on the board's day.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReplyEntry {
    pub reply: Reply,
    pub standing: Standing,
    /// The interim note's date passed without one (and no answer yet).
    pub interim_missing: bool,
    /// 关注者留言 a moderator let through, oldest first (read with one reply, not with lists).
    #[serde(default)]
    pub comments: Vec<super::ReplyComment>,
    /// Its followers may still comment (judged at the read, like the standing).
    #[serde(default)]
    pub comments_open: bool,
    /// 居民评分: how many rated the reply and how (read with one reply, not with lists).
    #[serde(default)]
    pub ratings: super::RatingTally,
}

impl ReplyEntry {
    pub fn judged(reply: Reply, today: jiff::civil::Date) -> ReplyEntry {
        ReplyEntry {
            standing: reply.standing(today),
            interim_missing: reply.interim_missing(today),
            comments: Vec::new(),
            comments_open: false,
            ratings: super::RatingTally::default(),
            reply,
        }
    }
}

/// 答复工作台: the replies a member may act on — a department's own, or every one for editors —
/// due soonest first, judged on `today`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplyDesk {
    pub today: String,
    /// The department whose replies these are; `None`: every department's (editors).
    pub department: Option<String>,
    pub entries: Vec<ReplyEntry>,
    /// 经办人: who handles which reply, `(reply id, username)` (staff only, never public).
    #[serde(default)]
    pub assignees: Vec<(i64, String)>,
    /// The colleagues a department member can hand a reply to, `(username, name)`.
    #[serde(default)]
    pub colleagues: Vec<(String, String)>,
    /// 答复模板: the department's own (every department's for editors), by name.
    #[serde(default)]
    pub templates: Vec<super::ReplyTemplate>,
    /// The departments an editor may write a template for (empty for department staff, who
    /// write their own department's).
    #[serde(default)]
    pub departments: Vec<String>,
    /// 答复提醒邮箱: the department's office mailbox for reminders (department staff only).
    #[serde(default)]
    pub reply_address: Option<String>,
}

/// A reply due within this many working days is pressing: the desk reminds its department.
pub const DUE_SOON_WORKING_DAYS: i64 = 3;

/// Limits of a reply's words, stated by the forms before anyone types.
pub const REPLY_BODY: std::ops::RangeInclusive<usize> = 20..=5000;
pub const REPLY_NOTE: std::ops::RangeInclusive<usize> = 10..=2000;
/// The furthest an extension may move a due date, in calendar days: a promise, not a shelf.
pub const EXTENSION_MAX_DAYS: i64 = 60;

/// A department's record of replies (答复记录), beside its on-time rate for tasks: how many it
/// owed, answered on time or late, and how many wait — overdue or not — today.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReplyRecord {
    pub owed: u32,
    pub on_time: u32,
    pub late: u32,
    pub waiting: u32,
    pub overdue: u32,
}

impl ReplyRecord {
    pub fn of(entries: &[ReplyEntry]) -> ReplyRecord {
        let mut record = ReplyRecord::default();
        for entry in entries {
            record.owed += 1;
            match entry.standing {
                Standing::AnsweredOnTime => record.on_time += 1,
                Standing::AnsweredLate { .. } => record.late += 1,
                Standing::Waiting { .. } => record.waiting += 1,
                Standing::Overdue { .. } => record.overdue += 1,
            }
        }
        record
    }
}

codes! {
    /// 未入选理由: why a candidate of a closed round did not become a topic, as a published code.
    NotChosenReason {
        /// Others had more votes; the round chooses its most supported.
        FewerVotes => "fewer_votes",
        /// Merged into a topic that was chosen (the note names it).
        Merged => "merged",
        /// A plan already covers it.
        AlreadyPlanned => "already_planned",
        /// Not within the city's powers.
        OutOfRemit => "out_of_remit",
        /// Kept for a later round.
        LaterRound => "later_round",
        /// Another reason, which the note must give.
        Other => "other",
    }
}

impl NotChosenReason {
    pub fn message_key(self) -> String {
        format!("reply.not_chosen.{}", self.as_str())
    }
}

/// A candidate's 未入选理由: the code and the editor's note (may be empty but for `Other`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NotChosen {
    pub reason: NotChosenReason,
    pub note: String,
}
