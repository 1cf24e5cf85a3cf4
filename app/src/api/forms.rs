//! The staff forms' posted fields, one struct per form, so a server function takes its form whole
//! (`#[server(flatten)] form: TopicForm`) instead of a seven-argument list.
//!
//! Every field is the text as posted. That is a form's nature, and also serde's: a flattened struct
//! is read through a buffered map in which an urlencoded value is only ever a string, so a typed
//! `i64` field would refuse every no-JS post. Ids are therefore parsed at the edge
//! (`authoring::required_id`), where a bad one gets the same 400 and form echo as before.

use serde::{Deserialize, Serialize};

/// 选题表单: a topic's fields; `topic_id` is empty for a new topic.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TopicForm {
    #[serde(default)]
    pub topic_id: String,
    pub year: String,
    pub month: String,
    pub theme: String,
    pub summary: String,
    pub lead: String,
    pub plan: String,
}

/// 任务表单: one task of a topic's task list; `task_id` is empty for a new task.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TaskForm {
    pub topic_id: String,
    #[serde(default)]
    pub task_id: String,
    pub title: String,
    pub problem: String,
    pub owner: String,
    pub level: String,
    pub due: String,
    /// 变更理由: why a published task's due date (or title, owner) changes; shown publicly.
    #[serde(default)]
    pub change_reason: String,
    /// "1" once the editor has confirmed a due date outside the topic's usual range.
    #[serde(default)]
    pub confirm_dates: String,
}

/// 政策表单: a published policy's correction.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct PolicyForm {
    pub policy_id: String,
    pub title: String,
    pub doc_no: String,
    pub issuer: String,
    pub issued: String,
    pub effective: String,
    pub source: String,
}

/// 新建投票轮次: a new cycle; `live_tally` is present only when its box is ticked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CycleForm {
    pub slug: String,
    pub title: String,
    pub target: String,
    pub opens: String,
    pub closes: String,
    pub max_picks: String,
    #[serde(default)]
    pub live_tally: Option<String>,
}

/// 答复规则 of a cycle as typed: an empty threshold means that kind of item has none.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReplyRuleForm {
    pub cycle: String,
    #[serde(default)]
    pub supporters: String,
    #[serde(default)]
    pub support_days: String,
    #[serde(default)]
    pub votes: String,
    pub working_days: String,
    pub department: String,
}

/// 答复: a department's reply as typed — its decision, for 不予采纳 a reason code, its words and
/// (for 采纳 and 已有安排) the topic or plan it points to.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReplyForm {
    pub reply_id: String,
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub reason: String,
    pub body: String,
    #[serde(default)]
    pub link: String,
}

/// 答复模板 as typed: its name and the reply it starts from; `department` only from editors.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TemplateForm {
    #[serde(default)]
    pub department: String,
    pub title: String,
    #[serde(default)]
    pub decision: String,
    #[serde(default)]
    pub reason: String,
    pub body: String,
    #[serde(default)]
    pub link: String,
}

/// 申请延期: the new date and why, both public.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExtensionForm {
    pub reply_id: String,
    pub to: String,
    pub reason: String,
}

/// 阶段性答复: where things stand before the reply.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct InterimForm {
    pub reply_id: String,
    pub note: String,
}

/// 修改候选议题: a candidate's words as typed (the server checks each field).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct CandidateForm {
    pub title: String,
    pub description: String,
    #[serde(default)]
    pub evidence: String,
}

#[cfg(feature = "ssr")]
mod echo {
    //! What a refused form sends back to be shown as typed (表单回填).
    use super::*;

    impl CandidateForm {
        pub fn echo(&self) -> Vec<(&'static str, String)> {
            vec![
                ("title", self.title.clone()),
                ("description", self.description.clone()),
                ("evidence", self.evidence.clone()),
            ]
        }
    }

    impl TopicForm {
        pub fn echo(&self) -> Vec<(&'static str, String)> {
            vec![
                ("year", self.year.clone()),
                ("month", self.month.clone()),
                ("theme", self.theme.clone()),
                ("summary", self.summary.clone()),
                ("lead", self.lead.clone()),
                ("plan", self.plan.clone()),
            ]
        }
    }

    impl TaskForm {
        pub fn echo(&self) -> Vec<(&'static str, String)> {
            vec![
                ("title", self.title.clone()),
                ("problem", self.problem.clone()),
                ("owner", self.owner.clone()),
                ("level", self.level.clone()),
                ("due", self.due.clone()),
                ("change_reason", self.change_reason.clone()),
            ]
        }
    }

    impl PolicyForm {
        pub fn echo(&self) -> Vec<(&'static str, String)> {
            vec![
                ("title", self.title.clone()),
                ("doc_no", self.doc_no.clone()),
                ("issuer", self.issuer.clone()),
                ("issued", self.issued.clone()),
                ("effective", self.effective.clone()),
                ("source", self.source.clone()),
            ]
        }
    }

    impl ReplyForm {
        pub fn echo(&self) -> Vec<(&'static str, String)> {
            vec![
                ("decision", self.decision.clone()),
                ("reason", self.reason.clone()),
                ("body", self.body.clone()),
                ("link", self.link.clone()),
            ]
        }
    }

    impl TemplateForm {
        pub fn echo(&self) -> Vec<(&'static str, String)> {
            vec![
                ("department", self.department.clone()),
                ("title", self.title.clone()),
                ("decision", self.decision.clone()),
                ("reason", self.reason.clone()),
                ("body", self.body.clone()),
                ("link", self.link.clone()),
            ]
        }
    }

    impl ExtensionForm {
        pub fn echo(&self) -> Vec<(&'static str, String)> {
            vec![("to", self.to.clone()), ("reason", self.reason.clone())]
        }
    }

    impl InterimForm {
        pub fn echo(&self) -> Vec<(&'static str, String)> {
            vec![("note", self.note.clone())]
        }
    }

    impl ReplyRuleForm {
        pub fn echo(&self) -> Vec<(&'static str, String)> {
            vec![
                ("cycle", self.cycle.clone()),
                ("supporters", self.supporters.clone()),
                ("support_days", self.support_days.clone()),
                ("votes", self.votes.clone()),
                ("working_days", self.working_days.clone()),
                ("department", self.department.clone()),
            ]
        }
    }

    impl CycleForm {
        pub fn echo(&self) -> Vec<(&'static str, String)> {
            vec![
                ("slug", self.slug.clone()),
                ("title", self.title.clone()),
                ("target", self.target.clone()),
                ("opens", self.opens.clone()),
                ("closes", self.closes.clone()),
                ("max_picks", self.max_picks.clone()),
                ("live_tally", self.live_tally.clone().unwrap_or_default()),
            ]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The server function's argument struct wraps the form with `#[serde(flatten)]`, as the
    /// macro writes it; a no-JS post must decode into it, ids and all.
    #[derive(Deserialize)]
    struct Args {
        #[serde(flatten)]
        form: TaskForm,
    }

    #[test]
    fn a_posted_form_decodes_into_its_struct() {
        let body = "topic_id=7&task_id=&title=%E5%B7%A1%E6%A3%80&problem=3&owner=12&level=city&due=2026-12-31";
        let args: Args = serde_qs::from_str(body).expect("decodes");
        assert_eq!(args.form.topic_id, "7");
        assert_eq!(args.form.task_id, "");
        assert_eq!(args.form.title, "巡检");
        assert_eq!(args.form.due, "2026-12-31");

        #[derive(Deserialize)]
        struct CycleArgs {
            #[serde(flatten)]
            form: CycleForm,
        }
        let unticked = "slug=a&title=b&target=c&opens=d&closes=e&max_picks=3";
        let args: CycleArgs = serde_qs::from_str(unticked).expect("decodes");
        assert_eq!(args.form.live_tally, None);
        let ticked: CycleArgs =
            serde_qs::from_str(&format!("{unticked}&live_tally=on")).expect("decodes");
        assert_eq!(ticked.form.live_tally.as_deref(), Some("on"));
    }
}
