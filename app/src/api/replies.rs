//! 答复 reads: the waiting list and one reply, for everyone (no personal data in either), and
//! where this device stands with a reply's rating.

use crate::model::{League, RateHere, ReplyBoard, ReplyEntry, ReplyItem};
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

/// 答复排行榜 of the month typed in the address (`YYYY-MM`), or of the latest month when none
/// is; `None` for a month that is not one.
#[server]
pub async fn get_league(month: Option<String>) -> Result<Option<League>, ServerFnError> {
    use super::vote::{ballot_box, unavailable};
    let month = match month {
        Some(typed) => match crate::model::parse_month(&typed) {
            Some(month) => Some(month),
            None => return Ok(None),
        },
        None => None,
    };
    ballot_box()?
        .0
        .league(month)
        .await
        .map(Some)
        .map_err(|e| unavailable("league", e))
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

/// Where this device (by its cookie) or the receipt in the address stands with reply `id`'s
/// rating: may rate, has rated, or neither stands behind the item. `None`: no such reply.
#[server]
pub async fn get_rating_here(
    id: String,
    receipt: Option<String>,
) -> Result<Option<RateHere>, ServerFnError> {
    use super::vote::{ballot_box, cookies_with, unavailable, DEVICE_COOKIE, MAX_RECEIPT_CHARS};
    let Some(id) = crate::model::parse_id(&id) else {
        return Ok(None);
    };
    // Read as the receipt page reads it: any case, spaces or dashes.
    let receipt = receipt
        .filter(|r| r.len() <= MAX_RECEIPT_CHARS)
        .and_then(|r| crate::model::ReceiptCode::parse(&r).ok())
        .map(|code| code.as_str().to_string());
    let device = cookies_with(DEVICE_COOKIE)
        .into_iter()
        .find(|(rest, _)| rest.is_empty())
        .map(|(_, token)| token);
    ballot_box()?
        .0
        .rating_here(id, device.as_deref(), receipt.as_deref())
        .await
        .map_err(|e| unavailable("rating here", e))
}
