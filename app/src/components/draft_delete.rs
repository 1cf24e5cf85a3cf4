//! 删除草稿: a disclosure under each item of a topic that has never been public (and under the
//! topic itself) — "删除…" opens a line saying what goes and that the history keeps it, and
//! only its own button deletes. Works without JavaScript; published items show none of it.

use crate::api::editor::DeleteDraft;
use crate::model::{DraftPart, TopicId};
use crate::tr;
use leptos::prelude::*;

#[component]
pub fn DraftDelete(topic_id: TopicId, part: DraftPart, id: i64, name: String) -> impl IntoView {
    let action = ServerAction::<DeleteDraft>::new();
    let explain = match part {
        DraftPart::Topic => tr!("editor.delete_topic_explain"),
        _ => tr!("editor.delete_item_explain"),
    };
    view! {
        <details class="draft-delete">
            <summary>{tr!("editor.delete_open")}</summary>
            <p>{tr!("editor.delete_what", name = name)}</p>
            <p class="muted">{explain}</p>
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="topic_id" value=topic_id.to_string()/>
                <input type="hidden" name="part" value=part.as_str()/>
                <input type="hidden" name="id" value=id.to_string()/>
                <button type="submit" class="button button-danger">{tr!("editor.delete_confirm")}</button>
            </ActionForm>
        </details>
    }
}
