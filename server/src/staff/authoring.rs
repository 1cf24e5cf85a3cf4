//! The authoring service behind the app's `AuthorPort`: permission checks, input checks and the
//! store's audited writes. Editors and administrators author; department staff report the
//! status of their own department's responsibilities; administrators add accounts.

use super::{internal, now, validate_edit as check, StaffService};
use crate::portal::today_in_beijing;
use crate::store::Saved;
use app::api::{
    AccountInput, AuthorPort, PolicyEditInput, ProblemInput, ReportEditInput, ResponsibilityInput,
    StaffError, TaskInput, TopicInput,
};
use app::model::Field;
use app::model::{
    changes, Department, EditorPolicy, EditorReport, EditorTopic, EditorTopicList, Entity,
    ReportKind, Revision, Role, StaffMember, TaskState,
};

fn author(me: &StaffMember) -> Result<(), StaffError> {
    if me.may_author() {
        Ok(())
    } else {
        Err(StaffError::Forbidden)
    }
}

/// `field`: the token of the field a clash is about (a topic's month, a problem's title…).
fn saved_as(outcome: Saved, field: Field) -> Result<i64, StaffError> {
    match outcome {
        Saved::Done(id) => Ok(id),
        Saved::Missing => Err(StaffError::NotFound),
        Saved::Duplicate => Err(StaffError::Invalid(Field::Duplicate)),
        Saved::Clash(record) => Err(StaffError::Clash { field, record }),
    }
}

fn saved(outcome: Saved) -> Result<i64, StaffError> {
    saved_as(outcome, Field::Title)
}

/// Years a new topic may be in: the first year known to next (Beijing) year + 1.
fn last_topic_year() -> i32 {
    let this = today_in_beijing()
        .get(..4)
        .and_then(|y| y.parse::<i32>().ok())
        .unwrap_or(2026);
    this + 2
}

#[async_trait::async_trait]
impl AuthorPort for StaffService {
    async fn topics(&self, me: &StaffMember) -> Result<EditorTopicList, StaffError> {
        author(me)?;
        let topics = self.store.editor_topics().await.map_err(internal)?;
        let today = today_in_beijing();
        let this_month = (
            today.get(..4).and_then(|y| y.parse().ok()).unwrap_or(2026),
            today.get(5..7).and_then(|m| m.parse().ok()).unwrap_or(1),
        );
        Ok(EditorTopicList {
            next_free: EditorTopicList::next_free_month(&topics, this_month),
            topics,
            departments: self.store.all_departments().await.map_err(internal)?,
            years: self
                .store
                .topic_years(last_topic_year())
                .await
                .map_err(internal)?,
        })
    }

    async fn topic(&self, me: &StaffMember, id: i64) -> Result<EditorTopic, StaffError> {
        author(me)?;
        self.store
            .editor_topic(id, &today_in_beijing())
            .await
            .map_err(internal)?
            .ok_or(StaffError::NotFound)
    }

    async fn save_topic(&self, me: &StaffMember, input: TopicInput) -> Result<i64, StaffError> {
        author(me)?;
        let fields = check::topic(&input)?;
        if input.id.is_none() {
            let years = self
                .store
                .topic_years(last_topic_year())
                .await
                .map_err(internal)?;
            if !years.contains(&fields.year) {
                return Err(StaffError::Invalid(Field::Year));
            }
        }
        let outcome = self
            .store
            .save_topic(me, input.id, &fields, now())
            .await
            .map_err(internal)?;
        saved_as(outcome, Field::Month)
    }

    async fn publish_topic(&self, me: &StaffMember, id: i64) -> Result<(), StaffError> {
        author(me)?;
        match self.store.publish_topic(me, id, now()).await {
            Ok(true) => Ok(()),
            Ok(false) => Err(StaffError::NotFound),
            Err(err) => Err(internal(err)),
        }
    }

    async fn save_problem(&self, me: &StaffMember, input: ProblemInput) -> Result<(), StaffError> {
        author(me)?;
        let title = check::problem_title(&input.title)?;
        let outcome = self
            .store
            .save_problem(me, input.topic_id, input.id, &title, now())
            .await
            .map_err(internal)?;
        saved(outcome).map(|_| ())
    }

    async fn save_task(&self, me: &StaffMember, input: TaskInput) -> Result<(), StaffError> {
        author(me)?;
        let fields = check::task(&input)?;
        self.check_level(fields.owner_id, fields.level).await?;
        let on_record = match input.id {
            Some(id) => self.store.task_due_on_record(id).await.map_err(internal)?,
            None => None,
        };
        let due_changed = on_record.as_ref().is_none_or(|(_, due)| *due != fields.due);
        // A published task's due date is a public promise: it moves only with a reason,
        // which the task then shows.
        if let Some((true, _)) = on_record {
            if due_changed && fields.change_reason.chars().count() < 2 {
                return Err(StaffError::Invalid(Field::ChangeReason));
            }
        }
        // A new or moved due date far from the topic's month is most likely a slip (a year
        // typed wrong): the editor confirms it before it is saved.
        if due_changed && input.form.confirm_dates.trim() != "1" {
            let month = self
                .store
                .topic_month_of(input.topic_id)
                .await
                .map_err(internal)?;
            if month
                .is_some_and(|(y, m)| !app::model::due_plausible(&fields.due, y as i32, m as u8))
            {
                return Err(StaffError::Invalid(Field::DueOutsideTopic));
            }
        }
        let outcome = self
            .store
            .save_task(me, input.topic_id, input.id, &fields, now())
            .await
            .map_err(internal)?;
        saved(outcome).map(|_| ())
    }

    async fn save_responsibility(
        &self,
        me: &StaffMember,
        input: ResponsibilityInput,
    ) -> Result<(), StaffError> {
        author(me)?;
        let fields = check::responsibility(&input)?;
        self.check_level(fields.department_id, fields.level).await?;
        let outcome = self
            .store
            .save_responsibility(me, input.topic_id, input.id, &fields, now())
            .await
            .map_err(internal)?;
        saved(outcome).map(|_| ())
    }

    async fn departments(&self, me: &StaffMember) -> Result<Vec<Department>, StaffError> {
        if !(me.may_author() || me.may_manage_accounts()) {
            return Err(StaffError::Forbidden);
        }
        self.store.all_departments().await.map_err(internal)
    }

    async fn policy(&self, me: &StaffMember, id: i64) -> Result<EditorPolicy, StaffError> {
        author(me)?;
        let mut policy = self
            .store
            .editor_policy(id)
            .await
            .map_err(internal)?
            .ok_or(StaffError::NotFound)?;
        policy.bodies = self.store.all_departments().await.map_err(internal)?;
        Ok(policy)
    }

    async fn save_policy(
        &self,
        me: &StaffMember,
        input: PolicyEditInput,
    ) -> Result<(), StaffError> {
        author(me)?;
        let fields = check::policy(&input)?;
        // The issuer is a listed department, or the one on record (a facts policy keeps its own).
        let current = self
            .store
            .editor_policy(input.id)
            .await
            .map_err(internal)?
            .ok_or(StaffError::NotFound)?;
        if fields.issuer != current.issuer {
            self.check_issuer(&fields.issuer).await?;
        }
        check::issued_not_future(fields.issued.as_deref(), &today_in_beijing())?;
        let outcome = self
            .store
            .save_policy(me, input.id, &fields, now())
            .await
            .map_err(internal)?;
        saved(outcome).map(|_| ())
    }

    async fn report(&self, me: &StaffMember, id: i64) -> Result<EditorReport, StaffError> {
        self.may_edit_report(me, id).await?;
        let mut report = self
            .store
            .editor_report(id)
            .await
            .map_err(internal)?
            .ok_or(StaffError::NotFound)?;
        report.bodies = self.store.all_departments().await.map_err(internal)?;
        // Department staff post as their own department only.
        if me.role == Role::Department {
            let mine = me.department.as_ref().map(|d| d.id);
            report.bodies.retain(|d| Some(d.id) == mine);
        }
        report.role = me.role;
        Ok(report)
    }

    async fn save_report(
        &self,
        me: &StaffMember,
        input: ReportEditInput,
    ) -> Result<i64, StaffError> {
        self.may_edit_report(me, input.id).await?;
        let mut fields = check::report(&input)?;
        let (current, topic) = self
            .store
            .report_topic(input.id)
            .await
            .map_err(internal)?
            .ok_or(StaffError::NotFound)?;
        (fields.author, fields.author_department) = match input.author.trim() {
            // An older report's free-text author, left as it was.
            "keep" => current,
            choice => {
                let kind = if fields.kind == "supervision" {
                    ReportKind::Supervision
                } else {
                    ReportKind::Progress
                };
                let choice = super::roles::parse_author_choice(choice)?;
                self.report_author(me, kind, choice, (topic.year, topic.month))
                    .await?
            }
        };
        let topic = topic.id;
        let outcome = self
            .store
            .save_report(me, input.id, &fields, now())
            .await
            .map_err(internal)?;
        saved(outcome).map(|_| topic)
    }

    async fn save_department(
        &self,
        me: &StaffMember,
        id: Option<i64>,
        name: String,
    ) -> Result<(), StaffError> {
        author(me)?;
        let name = check::name(&name)?;
        let outcome = self
            .store
            .save_department(me, id, &name, now())
            .await
            .map_err(internal)?;
        saved_as(outcome, Field::Name).map(|_| ())
    }

    async fn set_responsibility_state(
        &self,
        me: &StaffMember,
        responsibility_id: i64,
        state: &str,
    ) -> Result<(), StaffError> {
        let state = TaskState::parse(state).ok_or(StaffError::Invalid(Field::State))?;
        let department = self
            .store
            .responsibility_department(responsibility_id)
            .await
            .map_err(internal)?
            .ok_or(StaffError::NotFound)?;
        if !me.may_update_task(department) {
            return Err(StaffError::Forbidden);
        }
        match self
            .store
            .set_responsibility_state(me, responsibility_id, state, now())
            .await
        {
            Ok(true) => Ok(()),
            Ok(false) => Err(StaffError::NotFound),
            Err(err) => Err(internal(err)),
        }
    }

    async fn history(
        &self,
        me: &StaffMember,
        entity: Entity,
        id: i64,
    ) -> Result<Vec<Revision>, StaffError> {
        // Departments read the history of their own tasks (their status and date changes)…
        let own_task = match (entity, me.role) {
            (Entity::Task, Role::Department) => {
                let owner = self.store.task_owner(id).await.map_err(internal)?;
                owner.is_some_and(|o| me.may_update_task(o))
            }
            // …and of the reports their department posted.
            (Entity::Report, Role::Department) => self.may_edit_report(me, id).await.is_ok(),
            _ => false,
        };
        if !own_task {
            author(me)?;
        }
        let stored = self.store.revisions(entity, id).await.map_err(internal)?;
        let mut previous = None;
        let mut out = Vec::with_capacity(stored.len());
        for r in stored {
            out.push(Revision {
                at: jiff::Timestamp::from_second(r.at)
                    .map(|t| t.to_string())
                    .unwrap_or_else(|_| r.at.to_string()),
                username: r.username,
                action: r.action,
                changes: changes(previous.as_ref(), &r.snapshot),
            });
            previous = Some(r.snapshot);
        }
        Ok(out)
    }

    async fn create_account(
        &self,
        me: &StaffMember,
        input: AccountInput,
    ) -> Result<(), StaffError> {
        if !me.may_manage_accounts() {
            return Err(StaffError::Forbidden);
        }
        let username = check::username(&input.username)?;
        let display = check::name(&input.display_name)?;
        let role = Role::parse(input.role.trim()).ok_or(StaffError::Invalid(Field::Role))?;
        let department = match input.department.trim() {
            "" if role == Role::Department => return Err(StaffError::Invalid(Field::Department)),
            "" => None,
            name => Some(name.to_string()),
        };
        if let Some(name) = &department {
            let known = self.store.department_names().await.map_err(internal)?;
            if !known.iter().any(|d| d == name) {
                return Err(StaffError::Invalid(Field::Department));
            }
        }
        if input.password.chars().count() < super::password::MIN_LENGTH
            || input.password.len() > 1024
        {
            return Err(StaffError::Invalid(Field::Password));
        }
        let taken = self
            .store
            .staff_accounts()
            .await
            .map_err(internal)?
            .iter()
            .any(|(m, _)| m.username == username);
        if taken {
            return Err(StaffError::Invalid(Field::Duplicate));
        }
        let hash = super::password::hash(input.password)
            .await
            .map_err(internal)?;
        self.store
            .add_staff(
                &crate::store::NewStaff {
                    username: &username,
                    display_name: &display,
                    password_hash: &hash,
                    role,
                    department: department.as_deref(),
                },
                &me.username,
                now(),
            )
            .await
            .map_err(internal)?;
        tracing::info!(%username, role = role.as_str(), by = %me.username, "staff account created");
        Ok(())
    }
}
