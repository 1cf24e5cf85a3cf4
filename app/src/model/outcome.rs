//! 操作结果: the outcome codes a staff action reports to the page it returns to
//! (`?done=<code>` / `?error=<code>`), as types. Each code is worded in the locale files under
//! the section that owns it (`staff.*`, `task_progress.*`, `roles.*`); [`Done::ALL`] and
//! [`Refusal::ALL`] drive what a page accepts from its query, so a code that is sent is a code
//! that is worded (tested in `app/src/i18n`'s locale tests).

codes! {
    /// What a staff action did, reported as `?done=<code>`.
    Done {
        TaskUpdated => "task_updated",
        ResponsibilityUpdated => "responsibility_updated",
        PolicyDrafted => "policy_drafted",
        PolicyPublished => "policy_published",
        LoggedOut => "logged_out",
        ImportDone => "import_done",
        ReportPublished => "report_published",
        AccountUpdated => "account_updated",
        AccountCreated => "account_created",
        TopicSaved => "topic_saved",
        TopicPublished => "topic_published",
        ItemSaved => "item_saved",
        WeightsSaved => "weights_saved",
        CandidateAdded => "candidate_added",
        CycleOpened => "cycle_opened",
        TopicWithdrawn => "topic_withdrawn",
        PolicyWithdrawn => "policy_withdrawn",
        TaskUndone => "task_undone",
        DelayReasonSaved => "delay_reason_saved",
        NoteAdded => "note_added",
        GrantSaved => "grant_saved",
        Redacted => "redacted",
        CooperatingSaved => "cooperating_saved",
        DraftDeleted => "draft_deleted",
        TopicDeleted => "topic_deleted",
        CandidateEdited => "candidate_edited",
        CandidateWithdrawn => "candidate_withdrawn",
        ReportWithdrawn => "report_withdrawn",
        NoteWithdrawn => "note_withdrawn",
        NoteCorrected => "note_corrected",
        ReplyRuleSaved => "reply_rule_saved",
        ReplyPosted => "reply_posted",
        ReplyExtended => "reply_extended",
        InterimPosted => "interim_posted",
        ReplyAssigned => "reply_assigned",
        SameReplyPosted => "same_reply_posted",
        TemplateSaved => "template_saved",
        TemplateDeleted => "template_deleted",
        ReplyAddressSaved => "reply_address_saved",
    }
}

codes! {
    /// The form field (or rule) a refused staff action names: `StaffError::Invalid`, reported
    /// as `?error=invalid_<field>`; the echo marks the form field of the same name.
    Field {
        Self_ => "self",
        Body => "body",
        Size => "size",
        Title => "title",
        Issuer => "issuer",
        Date => "date",
        Topic => "topic",
        Kind => "kind",
        OpensPast => "opens_past",
        TooFewCandidates => "too_few_candidates",
        ConfirmOpen => "confirm_open",
        ConfirmReview => "confirm_review",
        State => "state",
        Year => "year",
        Month => "month",
        Summary => "summary",
        Department => "department",
        Problem => "problem",
        Level => "level",
        Batch => "batch",
        Import => "import",
        Name => "name",
        Duplicate => "duplicate",
        Username => "username",
        Role => "role",
        Password => "password",
        Plan => "plan",
        Slug => "slug",
        MaxPicks => "max_picks",
        Frozen => "frozen",
        NotClosed => "not_closed",
        Reason => "reason",
        ChangeReason => "change_reason",
        DueOutsideTopic => "due_outside_topic",
        IssuerNotListed => "issuer_not_listed",
        IssuedFuture => "issued_future",
        DocNo => "doc_no",
        Source => "source",
        Weights => "weights",
        Cycle => "cycle",
        Class => "class",
        EverPublic => "ever_public",
        Confirm => "confirm",
        WithdrawReason => "withdraw_reason",
        Input => "input",
        DoneOn => "done_on",
        DoneBeforeStart => "done_before_start",
        NoteDate => "note_date",
        Note => "note",
        Evidence => "evidence",
        DelayReason => "delay_reason",
        DelayExpected => "delay_expected",
        Undo => "undo",
        ReportDate => "report_date",
        Grant => "grant",
        Span => "span",
        LevelForBody => "level_for_body",
        ReportAuthor => "report_author",
        SupervisionAuthor => "supervision_author",
        ReplySupporters => "reply_supporters",
        ReplySupportDays => "reply_support_days",
        ReplyVotes => "reply_votes",
        ReplyWorkingDays => "reply_working_days",
        ReplyDecision => "reply_decision",
        ReplyReason => "reply_reason",
        ReplyBody => "reply_body",
        ReplyLink => "reply_link",
        ExtendTo => "extend_to",
        ExtendReason => "extend_reason",
        ExtendedOnce => "extended_once",
        Interim => "interim",
        Answered => "answered",
        NotChosen => "not_chosen",
        SameAnswer => "same_answer",
        TemplateTitle => "template_title",
        ReplyAddress => "reply_address",
    }
}

/// Why a staff action was refused, reported as `?error=<code>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Refusal {
    BadCredentials,
    Throttled,
    NotSignedIn,
    Forbidden,
    NotFound,
    Invalid(Field),
    Unavailable,
}

impl Refusal {
    /// Every refusal, for the pages' whitelists and the locale test.
    pub fn all() -> Vec<Refusal> {
        let mut all = vec![
            Refusal::BadCredentials,
            Refusal::Throttled,
            Refusal::NotSignedIn,
            Refusal::Forbidden,
            Refusal::NotFound,
            Refusal::Unavailable,
        ];
        all.extend(Field::ALL.iter().copied().map(Refusal::Invalid));
        all
    }

    pub fn code(self) -> String {
        match self {
            Refusal::BadCredentials => "bad_credentials".into(),
            Refusal::Throttled => "throttled".into(),
            Refusal::NotSignedIn => "not_signed_in".into(),
            Refusal::Forbidden => "forbidden".into(),
            Refusal::NotFound => "not_found".into(),
            Refusal::Invalid(field) => format!("invalid_{field}"),
            Refusal::Unavailable => "unavailable".into(),
        }
    }

    /// The refusal a query's `error=` names; an unknown code is read as `unavailable`.
    pub fn parse(code: &str) -> Refusal {
        let fixed = [
            Refusal::BadCredentials,
            Refusal::Throttled,
            Refusal::NotSignedIn,
            Refusal::Forbidden,
            Refusal::NotFound,
        ];
        if let Some(found) = fixed.into_iter().find(|r| r.code() == code) {
            return found;
        }
        code.strip_prefix("invalid_")
            .and_then(Field::parse)
            .map_or(Refusal::Unavailable, Refusal::Invalid)
    }

    /// Its words' key in the locale files, in the section that owns the form.
    pub fn message_key(self) -> String {
        let section = match self {
            Refusal::Invalid(
                Field::Grant
                | Field::Span
                | Field::LevelForBody
                | Field::ReportAuthor
                | Field::SupervisionAuthor,
            ) => "roles.error",
            Refusal::Invalid(
                Field::DoneOn
                | Field::DoneBeforeStart
                | Field::NoteDate
                | Field::Note
                | Field::Evidence
                | Field::DelayReason
                | Field::DelayExpected
                | Field::Undo
                | Field::ReportDate,
            ) => "task_progress.error",
            _ => "staff.error",
        };
        format!("{section}.{}", self.code())
    }
}

impl Done {
    /// Its words' key in the locale files, in the section that owns the form.
    pub fn message_key(self) -> String {
        let section = match self {
            Done::TaskUndone
            | Done::DelayReasonSaved
            | Done::NoteAdded
            | Done::NoteWithdrawn
            | Done::NoteCorrected => "task_progress.done",
            Done::GrantSaved | Done::Redacted | Done::CooperatingSaved => "roles.done",
            _ => "staff.done",
        };
        format!("{section}.{}", self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_as_itself() {
        for refusal in Refusal::all() {
            assert_eq!(Refusal::parse(&refusal.code()), refusal, "{refusal:?}");
        }
        for done in Done::ALL {
            assert_eq!(Done::parse(done.as_str()), Some(*done));
        }
        assert_eq!(Refusal::parse("invalid_nonsense"), Refusal::Unavailable);
        assert_eq!(Refusal::parse("<script>"), Refusal::Unavailable);
    }
}
