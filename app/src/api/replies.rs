//! 答复 reads: the waiting list and one reply, for everyone (no personal data in either).

use crate::model::{ReplyBoard, ReplyEntry, ReplyItem};
use leptos::prelude::*;

#[server]
pub async fn get_reply_board() -> Result<ReplyBoard, ServerFnError> {
    use super::vote::{ballot_box, unavailable};
    ballot_box()?
        .0
        .reply_board()
        .await
        .map_err(|e| unavailable("replies", e))
}

/// One reply by its id as typed in the address; `None` for one that does not exist or an id
/// that is not one.
#[server]
pub async fn get_reply(id: String) -> Result<Option<ReplyEntry>, ServerFnError> {
    use super::vote::{ballot_box, unavailable};
    let Some(id) = crate::model::parse_id(&id) else {
        return Ok(None);
    };
    ballot_box()?
        .0
        .reply(id)
        .await
        .map_err(|e| unavailable("reply", e))
}

/// The reply a suggestion or candidate is owed or got.
#[server]
pub async fn get_reply_of(item: ReplyItem, id: i64) -> Result<Option<ReplyEntry>, ServerFnError> {
    use super::vote::{ballot_box, unavailable};
    ballot_box()?
        .0
        .reply_of(item, id)
        .await
        .map_err(|e| unavailable("reply", e))
}
