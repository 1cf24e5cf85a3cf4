//! 答复模板 and 答复提醒邮箱 behind the reply port: a department's staff keep their own
//! department's templates and reminder mailbox; editors, who answer for any department, name
//! the department a template is for.

use super::replies::{answers_for, stated};
use super::validate_edit::text;
use super::{internal, now, StaffService};
use crate::store::TemplateFields;
use app::api::forms::TemplateForm;
use app::api::StaffError;
use app::model::{Field, StaffMember, TEMPLATE_TITLE};

impl StaffService {
    pub(super) async fn save_reply_template(
        &self,
        me: &StaffMember,
        form: TemplateForm,
    ) -> Result<(), StaffError> {
        let department = match answers_for(me)? {
            Some(mine) => mine,
            None => {
                let named = form.department.trim();
                let known = self.store.department_names().await.map_err(internal)?;
                if !known.iter().any(|d| d == named) {
                    return Err(StaffError::Invalid(Field::Department));
                }
                named.to_string()
            }
        };
        let title = text(
            &form.title,
            *TEMPLATE_TITLE.start(),
            *TEMPLATE_TITLE.end(),
            Field::TemplateTitle,
        )?;
        let (decision, reason, body, link) =
            stated(&form.decision, &form.reason, &form.body, &form.link)?;
        let fields = TemplateFields {
            department: &department,
            title: &title,
            decision,
            reason,
            body: &body,
            link: link.as_deref(),
        };
        self.store
            .save_reply_template(me, &fields, now())
            .await
            .map_err(internal)
    }

    /// 答复提醒邮箱: a department's own staff name it (editors have no department of their own).
    pub(super) async fn save_reply_address(
        &self,
        me: &StaffMember,
        typed: &str,
    ) -> Result<(), StaffError> {
        let department = answers_for(me)?.ok_or(StaffError::Forbidden)?;
        let address = match typed.trim() {
            "" => None,
            typed => Some(
                app::model::parse_address(typed).ok_or(StaffError::Invalid(Field::ReplyAddress))?,
            ),
        };
        match self
            .store
            .set_reply_address(me, &department, address.as_deref(), now())
            .await
        {
            Ok(true) => Ok(()),
            Ok(false) => Err(StaffError::NotFound),
            Err(err) => Err(internal(err)),
        }
    }

    pub(super) async fn delete_reply_template(
        &self,
        me: &StaffMember,
        id: &str,
    ) -> Result<(), StaffError> {
        let id = app::model::parse_id(id.trim()).ok_or(StaffError::NotFound)?;
        let department = answers_for(me)?;
        match self
            .store
            .delete_reply_template(me, id, department.as_deref(), now())
            .await
        {
            Ok(true) => Ok(()),
            Ok(false) => Err(StaffError::NotFound),
            Err(err) => Err(internal(err)),
        }
    }
}
