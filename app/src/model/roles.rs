//! Who may speak for whom. Three typed rules, kept here so the server enforces exactly what the
//! pages offer:
//!
//! - [`Grant`] 职责授权: a permission an administrator adds to an account beyond its role (an editor
//!   who also moderates). Checked through `StaffMember::may_moderate`, never by role names.
//! - [`BodyKind`] 单位类别: what kind of body a department is (city department, district
//!   government or district office, street office or township, supervisory body), read from its
//!   official name; a task or responsibility's 层级 must fit it (`BodyKind::fits`).
//! - [`report_author_allowed`]: which body a progress report (进展) or supervision note (监督)
//!   may be posted as, by which account.
//!
//! **The report rule.** A department account posts progress only as its own department (its
//! own form). An editor posts progress as the editorial office (点菜编辑部) or on behalf of the
//! topic's lead or one of its cooperating departments, and never a supervision note. A supervision note is posted
//! only as a supervisory body (市人大常委会, 市政协 …): by that body's own account, or by an
//! administrator transcribing what the body published. The public page always names the body
//! and the role of the account that entered it (部门账号 / 编辑代录 / 管理员代录), never a username.

use super::{Level, ReportKind, Role, StaffMember};
use serde::{Deserialize, Serialize};

/// The editorial office's name as a report's author, as stored (点菜编辑部); pages translate it.
pub const EDITORIAL_OFFICE: &str = "点菜编辑部";

/// 职责授权: an extra permission granted to an account.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Grant {
    /// 审核: moderate residents' suggestions and held ballots.
    Moderate,
}

impl Grant {
    pub const ALL: [Grant; 1] = [Grant::Moderate];

    pub fn as_str(self) -> &'static str {
        match self {
            Grant::Moderate => "moderate",
        }
    }

    pub fn parse(token: &str) -> Option<Self> {
        Grant::ALL.into_iter().find(|g| g.as_str() == token)
    }

    /// Only editors receive grants: administrators already moderate, department accounts speak
    /// for their department only, moderators hold the permission by role.
    pub fn grantable_to(self, role: Role) -> bool {
        match self {
            Grant::Moderate => role == Role::Editor,
        }
    }
}

/// 单位类别: the kind of body a department is, read from its official name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BodyKind {
    /// 市级部门 (市城市管理委 …)
    City,
    /// 区政府 or a district office (朝阳区政府, 东城区城市管理委 …)
    District,
    /// 街道办事处, 乡, 镇, 地区办事处 (朝阳区八里庄街道, 延庆区康庄镇 …)
    Street,
    /// 监督机构: 人大, 政协 — they supervise, they carry no tasks.
    Supervisory,
    /// A name the rule cannot place (companies, 供热企业 …): any level is accepted.
    Other,
}

impl BodyKind {
    pub fn of(name: &str) -> Self {
        let name = name.trim();
        let name = name.strip_prefix("北京市").map_or(name, |rest| {
            // "北京市城市管理委" reads as a city department.
            if rest.starts_with('市') {
                rest
            } else {
                name
            }
        });
        if name.contains("人大") || name.contains("政协") {
            return BodyKind::Supervisory;
        }
        let street = [
            "街道",
            "街道办事处",
            "地区办事处",
            "乡",
            "镇",
            "乡政府",
            "镇政府",
        ];
        if street.iter().any(|s| name.ends_with(s)) {
            return BodyKind::Street;
        }
        if name.contains("区政府") || district_prefix(name) {
            return BodyKind::District;
        }
        if name.starts_with('市') || name.starts_with("北京市") {
            return BodyKind::City;
        }
        BodyKind::Other
    }

    /// The level this kind of body carries, when there is exactly one.
    pub fn level(self) -> Option<Level> {
        match self {
            BodyKind::City => Some(Level::City),
            BodyKind::District => Some(Level::District),
            BodyKind::Street => Some(Level::Street),
            BodyKind::Supervisory | BodyKind::Other => None,
        }
    }

    /// Whether a task or responsibility at `level` may be given to this kind of body.
    pub fn fits(self, level: Level) -> bool {
        match self {
            BodyKind::Supervisory => false,
            BodyKind::Other => true,
            kind => kind.level() == Some(level),
        }
    }

    pub fn supervises(self) -> bool {
        self == BodyKind::Supervisory
    }
}

/// Beijing's sixteen districts; a name that starts with one is a district body unless it
/// ends as a street office or township.
pub const BEIJING_DISTRICTS: [&str; 16] = [
    "东城区",
    "西城区",
    "朝阳区",
    "海淀区",
    "丰台区",
    "石景山区",
    "门头沟区",
    "房山区",
    "通州区",
    "顺义区",
    "昌平区",
    "大兴区",
    "怀柔区",
    "平谷区",
    "密云区",
    "延庆区",
];

fn district_prefix(name: &str) -> bool {
    BEIJING_DISTRICTS.iter().any(|d| name.starts_with(d))
}

/// 录入账号: the role of the account that entered a report, shown publicly instead of a name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub enum EnteredBy {
    Admin,
    Editor,
    Department,
}

impl EnteredBy {
    pub fn of(role: Role) -> Option<Self> {
        match role {
            Role::Admin => Some(EnteredBy::Admin),
            Role::Editor => Some(EnteredBy::Editor),
            Role::Department => Some(EnteredBy::Department),
            Role::Moderator => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EnteredBy::Admin => "admin",
            EnteredBy::Editor => "editor",
            EnteredBy::Department => "department",
        }
    }

    pub fn parse(token: &str) -> Option<Self> {
        [EnteredBy::Admin, EnteredBy::Editor, EnteredBy::Department]
            .into_iter()
            .find(|e| e.as_str() == token)
    }
}

/// Who a report is posted as: the editorial office, or a department or body from the list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum ReportAuthor {
    /// 点菜编辑部
    Office,
    /// A department or body from the departments list: `(id, name)`.
    Body(i64, String),
}

/// Why a report may not be posted as the chosen author.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuthorRefusal {
    /// A supervision note must come from a supervisory body.
    NotSupervisory,
    /// The account's role may not post as this body (or this kind of report).
    NotYours,
}

/// The report rule of this module's documentation. `topic_bodies` are the ids of the topic's
/// lead and cooperating departments.
pub fn report_author_allowed(
    me: &StaffMember,
    kind: ReportKind,
    author: &ReportAuthor,
    topic_bodies: &[i64],
) -> Result<(), AuthorRefusal> {
    let own = |id: i64| me.department.as_ref().is_some_and(|d| d.id == id);
    match (kind, author) {
        (ReportKind::Supervision, ReportAuthor::Office) => Err(AuthorRefusal::NotSupervisory),
        (ReportKind::Supervision, ReportAuthor::Body(id, name)) => {
            if !BodyKind::of(name).supervises() {
                return Err(AuthorRefusal::NotSupervisory);
            }
            match me.role {
                Role::Admin => Ok(()),
                Role::Department if own(*id) => Ok(()),
                _ => Err(AuthorRefusal::NotYours),
            }
        }
        (ReportKind::Progress, ReportAuthor::Office) => match me.role {
            Role::Admin | Role::Editor => Ok(()),
            _ => Err(AuthorRefusal::NotYours),
        },
        (ReportKind::Progress, ReportAuthor::Body(id, name)) => match me.role {
            Role::Department if own(*id) => Ok(()),
            Role::Admin | Role::Editor
                if topic_bodies.contains(id) && !BodyKind::of(name).supervises() =>
            {
                Ok(())
            }
            _ => Err(AuthorRefusal::NotYours),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Department;

    fn member(role: Role, department: Option<(i64, &str)>) -> StaffMember {
        StaffMember {
            id: 1,
            username: "u".into(),
            display_name: "U".into(),
            role,
            department: department.map(|(id, name)| Department {
                id,
                name: name.into(),
            }),
            grants: Vec::new(),
        }
    }

    #[test]
    fn the_kind_of_body_comes_from_its_name() {
        assert_eq!(BodyKind::of("市城市管理委"), BodyKind::City);
        assert_eq!(BodyKind::of("北京市住房城乡建设委"), BodyKind::City);
        assert_eq!(BodyKind::of("朝阳区政府"), BodyKind::District);
        assert_eq!(BodyKind::of("东城区城市管理委"), BodyKind::District);
        assert_eq!(BodyKind::of("朝阳区八里庄街道"), BodyKind::Street);
        assert_eq!(BodyKind::of("延庆区康庄镇"), BodyKind::Street);
        assert_eq!(BodyKind::of("市政协"), BodyKind::Supervisory);
        assert_eq!(BodyKind::of("市人大常委会"), BodyKind::Supervisory);
        assert_eq!(BodyKind::of("北京热力集团"), BodyKind::Other);
    }

    #[test]
    fn a_district_government_carries_district_work_only() {
        assert!(BodyKind::of("朝阳区政府").fits(Level::District));
        assert!(!BodyKind::of("朝阳区政府").fits(Level::Street));
        assert!(!BodyKind::of("市城市管理委").fits(Level::District));
        assert!(BodyKind::of("海淀区学院路街道").fits(Level::Street));
        assert!(!BodyKind::of("市政协").fits(Level::City));
        assert!(BodyKind::of("北京热力集团").fits(Level::Street));
    }

    #[test]
    fn only_editors_receive_the_moderation_grant() {
        assert!(Grant::Moderate.grantable_to(Role::Editor));
        assert!(!Grant::Moderate.grantable_to(Role::Department));
        assert_eq!(Grant::parse("moderate"), Some(Grant::Moderate));
    }

    #[test]
    fn an_editor_cannot_post_supervision_as_the_cppcc() {
        let editor = member(Role::Editor, None);
        let cppcc = ReportAuthor::Body(9, "市政协".into());
        assert_eq!(
            report_author_allowed(&editor, ReportKind::Supervision, &cppcc, &[]),
            Err(AuthorRefusal::NotYours)
        );
        assert_eq!(
            report_author_allowed(&editor, ReportKind::Progress, &cppcc, &[9]),
            Err(AuthorRefusal::NotYours)
        );
        let admin = member(Role::Admin, None);
        assert!(report_author_allowed(&admin, ReportKind::Supervision, &cppcc, &[]).is_ok());
        let own = member(Role::Department, Some((9, "市政协")));
        assert!(report_author_allowed(&own, ReportKind::Supervision, &cppcc, &[]).is_ok());
    }

    #[test]
    fn an_editor_posts_progress_as_the_office_or_a_body_of_the_topic() {
        let editor = member(Role::Editor, None);
        let lead = ReportAuthor::Body(3, "市城市管理委".into());
        assert!(
            report_author_allowed(&editor, ReportKind::Progress, &ReportAuthor::Office, &[])
                .is_ok()
        );
        assert!(report_author_allowed(&editor, ReportKind::Progress, &lead, &[3, 4]).is_ok());
        assert_eq!(
            report_author_allowed(&editor, ReportKind::Progress, &lead, &[4]),
            Err(AuthorRefusal::NotYours)
        );
        assert_eq!(
            report_author_allowed(&editor, ReportKind::Supervision, &ReportAuthor::Office, &[]),
            Err(AuthorRefusal::NotSupervisory)
        );
        let dept = member(Role::Department, Some((4, "市发展改革委")));
        assert_eq!(
            report_author_allowed(&dept, ReportKind::Progress, &lead, &[3]),
            Err(AuthorRefusal::NotYours)
        );
    }
}
