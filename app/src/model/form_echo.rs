//! 表单回填 (form echo): what a staff member typed into a refused form, the field at fault and,
//! for a clash, the record it clashed with. The server keeps it for the same session only; the
//! page reads it back by id and fills the form in again. Nothing here ever comes from query
//! text: the message and the clashing record are the server's.

use super::PublishState;
use serde::{Deserialize, Serialize};

/// How long a refused form's input is kept, in seconds.
pub const ECHO_SECS: i64 = 15 * 60;

/// The existing record a new or edited item clashed with (冲突的记录).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Clash {
    /// 主题: another topic already holds the month.
    Topic {
        id: i64,
        year: i32,
        month: u8,
        theme: String,
        state: PublishState,
    },
    /// 问题: a problem of the same year already has the title.
    Problem {
        topic_id: Option<i64>,
        title: String,
    },
    /// 部门: a department already has the name.
    Department { name: String },
}

/// Why the form was refused: the message code (`staff.error.<code>`), the form field at fault
/// (its `name`), and the clashing record if any.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EchoError {
    pub code: String,
    pub field: Option<String>,
    pub clash: Option<Clash>,
}

/// A refused form as it was typed.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FormEcho {
    /// Which form on the page (e.g. `topic-new`, `task-12`).
    pub form: String,
    /// `(name, value)` of every field as submitted.
    pub fields: Vec<(String, String)>,
    pub error: EchoError,
}

impl FormEcho {
    /// This echo, if it belongs to `form`.
    pub fn for_form(echo: &Option<FormEcho>, form: &str) -> Option<FormEcho> {
        echo.as_ref().filter(|e| e.form == form).cloned()
    }

    /// What was typed into `name`, if the field was sent.
    pub fn value(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Whether `name` is the field at fault.
    pub fn names(&self, name: &str) -> bool {
        self.error.field.as_deref() == Some(name)
    }
}

/// The code of an echo kept for a preview step (预览), not a refusal: the form comes back
/// filled in with what it will publish shown above it.
pub const PREVIEW: &str = "preview";

/// 撤回: why and when a published topic or policy was taken back.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Withdrawal {
    /// The item's title (a topic's theme).
    pub title: String,
    /// UTC instant, RFC 3339.
    pub at: String,
    pub reason: String,
}

/// Limits of a withdrawal's reason, in characters.
pub const REASON_MIN: usize = 4;
pub const REASON_MAX: usize = 500;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_echo_answers_only_for_its_own_form() {
        let echo = Some(FormEcho {
            form: "topic-new".into(),
            fields: vec![("theme".into(), "供暖".into())],
            error: EchoError {
                code: "invalid_duplicate".into(),
                field: Some("month".into()),
                clash: None,
            },
        });
        assert!(FormEcho::for_form(&echo, "task-new").is_none());
        let e = FormEcho::for_form(&echo, "topic-new").expect("own form");
        assert_eq!(e.value("theme"), Some("供暖"));
        assert_eq!(e.value("summary"), None);
        assert!(e.names("month") && !e.names("theme"));
    }
}
