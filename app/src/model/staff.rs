//! 工作人员: city staff who publish, their roles, and what each role may do. The rules live here
//! so the server enforces exactly what the pages offer.

use super::{Department, Policy, Responsibility, Task, TaskState};
use serde::{Deserialize, Serialize};

/// 角色
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Role {
    /// 管理员: manages accounts, reads the audit log, may do what editors do.
    Admin,
    /// 编辑: authors topics, policies and reports.
    Editor,
    /// 部门工作人员: updates its own department's tasks and responsibilities only.
    Department,
    /// 审核员: moderates residents' suggestions (participation issue).
    Moderator,
}

impl Role {
    /// The message key of its words (编辑, "Editor").
    pub fn label_key(self) -> &'static str {
        match self {
            Role::Admin => "staff.role.admin",
            Role::Editor => "staff.role.editor",
            Role::Department => "staff.role.department",
            Role::Moderator => "staff.role.moderator",
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Editor => "editor",
            Role::Department => "department",
            Role::Moderator => "moderator",
        }
    }

    pub fn parse(token: &str) -> Option<Self> {
        [Role::Admin, Role::Editor, Role::Department, Role::Moderator]
            .into_iter()
            .find(|r| r.as_str() == token)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffMember {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    pub department: Option<Department>,
    /// 职责授权: permissions granted beyond the role (see `model::roles`).
    #[serde(default)]
    pub grants: Vec<super::Grant>,
}

impl StaffMember {
    /// Department staff may change only their own department's tasks; editors and
    /// administrators any.
    pub fn may_update_task(&self, owner_department_id: i64) -> bool {
        match self.role {
            Role::Admin | Role::Editor => true,
            Role::Department => self
                .department
                .as_ref()
                .is_some_and(|d| d.id == owner_department_id),
            Role::Moderator => false,
        }
    }

    /// Progress notes and department reports speak for a department: only its own accounts
    /// post them, under its name.
    pub fn may_report_on_task(&self, owner_department_id: i64) -> bool {
        self.role == Role::Department && self.may_update_task(owner_department_id)
    }

    pub fn may_author(&self) -> bool {
        matches!(self.role, Role::Admin | Role::Editor)
    }

    /// Accounts are managed by administrators only.
    pub fn may_manage_accounts(&self) -> bool {
        self.role == Role::Admin
    }

    pub fn may_read_audit(&self) -> bool {
        self.role == Role::Admin
    }

    /// 审核: moderators and administrators by role, editors when an administrator granted
    /// them the permission.
    pub fn may_moderate(&self) -> bool {
        matches!(self.role, Role::Moderator | Role::Admin)
            || self.grants.contains(&super::Grant::Moderate)
    }

    /// Granting and revoking permissions is an administrator's.
    pub fn may_grant(&self) -> bool {
        self.role == Role::Admin
    }
}

/// A task as staff see it, with the topic it belongs to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffTask {
    pub topic: crate::model::TopicLabel,
    pub task: Task,
    pub editable: bool,
    /// The member's own department carries it: notes and reports may be posted on it.
    #[serde(default)]
    pub may_note: bool,
    /// What undoing the member's last status change would restore: state and date.
    #[serde(default)]
    pub undo: Option<(TaskState, Option<String>)>,
}

/// A responsibility as staff see it, with the topic it belongs to.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffResponsibility {
    pub topic: crate::model::TopicLabel,
    pub responsibility: Responsibility,
    pub editable: bool,
}

/// A report (月度进展) posted under the member's department, as its desk lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DeskReport {
    pub id: i64,
    pub date: String,
    pub title: String,
    pub topic: crate::model::TopicLabel,
    /// Taken back (已撤回): still listed, marked.
    pub withdrawn: bool,
}

/// The staff desk: what the signed-in member can work on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StaffDesk {
    pub me: StaffMember,
    pub tasks: Vec<StaffTask>,
    pub responsibilities: Vec<StaffResponsibility>,
    /// Policies not public — drafts and withdrawn ones (撤回) with their state — for editors.
    pub drafts: Vec<(Policy, crate::model::PublishState)>,
    /// `(year, month, theme)` of topics an editor can attach a policy to.
    pub topics: Vec<crate::model::TopicLabel>,
    /// Topics where the member's department carries tasks: where it may post progress reports.
    #[serde(default)]
    pub report_topics: Vec<crate::model::TopicLabel>,
    /// Today in Beijing (ISO date): the forms' default and latest date.
    #[serde(default)]
    pub today: String,
    /// Departments and bodies a report may be posted as, for editors (see `model::roles`).
    #[serde(default)]
    pub bodies: Vec<Department>,
    /// Reports posted under the member's department, newest first (department staff).
    #[serde(default)]
    pub reports: Vec<DeskReport>,
    /// 答复提醒: replies the member's department owes that are overdue, and that fall due within
    /// [`crate::model::DUE_SOON_WORKING_DAYS`] working days (every department's for editors).
    #[serde(default)]
    pub replies_pressing: (u32, u32),
}

/// 操作记录: one line of the append-only audit log.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// UTC, ISO 8601.
    pub at: String,
    pub username: String,
    pub action: String,
    pub subject: String,
    pub detail: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(role: Role, department: Option<i64>) -> StaffMember {
        StaffMember {
            id: 1,
            username: "u".into(),
            display_name: "U".into(),
            role,
            department: department.map(|id| Department {
                id,
                name: "d".into(),
            }),
            grants: Vec::new(),
        }
    }

    #[test]
    fn department_staff_edit_only_their_own_tasks() {
        assert!(member(Role::Department, Some(7)).may_update_task(7));
        assert!(!member(Role::Department, Some(7)).may_update_task(8));
        assert!(!member(Role::Department, None).may_update_task(7));
        assert!(member(Role::Editor, None).may_update_task(8));
        assert!(!member(Role::Moderator, None).may_update_task(8));
    }

    #[test]
    fn only_the_owning_department_posts_notes_on_a_task() {
        assert!(member(Role::Department, Some(7)).may_report_on_task(7));
        assert!(!member(Role::Department, Some(7)).may_report_on_task(8));
        assert!(!member(Role::Editor, None).may_report_on_task(7));
        assert!(!member(Role::Admin, None).may_report_on_task(7));
    }

    #[test]
    fn an_editor_moderates_only_when_granted() {
        let mut editor = member(Role::Editor, None);
        assert!(!editor.may_moderate());
        editor.grants.push(crate::model::Grant::Moderate);
        assert!(editor.may_moderate());
        assert!(member(Role::Moderator, None).may_moderate());
        assert!(member(Role::Admin, None).may_moderate());
        assert!(!member(Role::Department, Some(1)).may_moderate());
    }

    #[test]
    fn only_admins_read_the_audit_log() {
        assert!(member(Role::Admin, None).may_read_audit());
        assert!(!member(Role::Editor, None).may_read_audit());
        assert!(member(Role::Editor, None).may_author());
        assert!(!member(Role::Department, Some(1)).may_author());
    }
}
