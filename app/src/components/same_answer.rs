//! 同样答复 on the reply desk: once a reply is posted, the same answer can go to other waiting
//! items of its department that it fits — ticked one by one (no "select all"), each then its own
//! reply, its own audit entry and its own mail to followers; each can be corrected alone after.

use crate::api::reply_desk::AnswerAlike;
use crate::i18n::when::day;
use crate::tr;
use leptos::prelude::*;

/// A waiting reply the same answer could go to: `(id, title, crossed on)`.
pub type Alike = (i64, String, String);

#[component]
pub fn SameAnswer(id: i64, alike: Vec<Alike>) -> impl IntoView {
    (!alike.is_empty()).then(|| {
        let action = ServerAction::<AnswerAlike>::new();
        view! {
            <details>
                <summary>{tr!("reply.same_summary", count = alike.len())}</summary>
                <ActionForm action attr:class="stack-form">
                    <input type="hidden" name="reply_id" value=id.to_string()/>
                    <fieldset>
                        <legend>{tr!("reply.same_legend")}</legend>
                        {alike.into_iter().map(|(other, title, crossed)| {
                            let box_id = format!("reply-{id}-same-{other}");
                            view! {
                                <p class="consent">
                                    <input id=box_id.clone() type="checkbox" name="also[]" value=other.to_string()/>
                                    <label for=box_id>{title}" "<span class="muted">{tr!("reply.same_crossed", date = day(&crossed))}</span></label>
                                </p>
                            }
                        }).collect_view()}
                    </fieldset>
                    <p class="muted">{tr!("reply.same_note")}</p>
                    <button type="submit" class="button">{tr!("reply.same_submit")}</button>
                </ActionForm>
            </details>
        }
    })
}
