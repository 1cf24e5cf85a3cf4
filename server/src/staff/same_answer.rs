//! 同样答复 behind the reply port: reply `from`'s posted answer given, as it is, to other waiting
//! replies of its department — every target checked before any is written, each then its own
//! audited write (its followers told); one answered meanwhile is left as it is.

use super::replies::{reply_id, written};
use super::{internal, now, StaffService};
use crate::store::{AnswerFields, ReplyWrite};
use app::api::StaffError;
use app::model::{Field, StaffMember};

/// The most replies one 同样答复 answers at once (a page of the desk).
const SAME_ANSWER_MAX: usize = 50;

impl StaffService {
    pub(super) async fn post_same_answer(
        &self,
        me: &StaffMember,
        from: &str,
        targets: &[String],
    ) -> Result<usize, StaffError> {
        let from = reply_id(from)?;
        self.may_answer(me, from).await?;
        let source = self
            .store
            .reply(from)
            .await
            .map_err(internal)?
            .ok_or(StaffError::NotFound)?;
        let answer = source
            .answer
            .ok_or(StaffError::Invalid(Field::SameAnswer))?;
        let mut ids = Vec::new();
        for typed in targets.iter().filter(|t| !t.trim().is_empty()) {
            let id = reply_id(typed)?;
            if id != from && !ids.contains(&id) {
                ids.push(id);
            }
        }
        if ids.is_empty() || ids.len() > SAME_ANSWER_MAX {
            return Err(StaffError::Invalid(Field::SameAnswer));
        }
        // The same department's, every one, before any is written.
        for id in &ids {
            let owner = self.store.reply_department(*id).await.map_err(internal)?;
            if owner.as_deref() != Some(source.department.as_str()) {
                return Err(StaffError::Invalid(Field::SameAnswer));
            }
        }
        let fields = AnswerFields {
            decision: answer.decision,
            reason: answer.reason,
            body: &answer.body,
            link: answer.link.as_deref(),
            same_as: Some(from),
        };
        let mut answered = 0;
        for id in ids {
            match self
                .store
                .answer_reply(me, id, &fields, now())
                .await
                .map_err(internal)?
            {
                ReplyWrite::Done => answered += 1,
                // Answered meanwhile (by a colleague): left as it is.
                ReplyWrite::Answered => {}
                other => written(other)?,
            }
        }
        if answered == 0 {
            return Err(StaffError::Invalid(Field::SameAnswer));
        }
        Ok(answered)
    }
}
