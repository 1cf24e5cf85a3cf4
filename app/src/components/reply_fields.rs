//! The four fields a reply is made of — decision, reason code for 不予采纳, words, link — as the
//! answer form and the template form both ask for them, with what a refused form sent back.

use crate::components::form_echo::Echoed;
use crate::components::raw_text::text_box;
use crate::model::{NotAdoptedReason, ReplyDecision, REPLY_BODY};
use crate::tr;
use leptos::prelude::*;

/// What the fields start from (a posted reply, a template, or nothing): `(decision, reason,
/// body, link)` as their form values.
pub type Saved = (String, String, String, String);

#[component]
pub fn ReplyFields(
    /// The form's key (`reply-12-answer`, `template-new`): the fields' ids start with it.
    key: String,
    e: Echoed,
    saved: Saved,
) -> impl IntoView {
    let (decision, reason, body, link) = (
        e.text("decision", saved.0),
        e.text("reason", saved.1),
        e.text("body", saved.2),
        e.text("link", saved.3),
    );
    let f = |name: &str| format!("{key}-{name}");
    let (d_id, r_id, b_id, l_id) = (f("decision"), f("reason"), f("body"), f("link"));
    view! {
        <label for=d_id.clone()>{tr!("reply.decision_label")}</label>
        <select id=d_id.clone() name="decision" required aria-invalid=e.invalid("decision")
            aria-describedby=e.described("decision", &d_id, None) autofocus=e.focus("decision")>
            <option value="">{tr!("reply.choose")}</option>
            {ReplyDecision::ALL.iter().map(|d| {
                let key = d.message_key();
                view! { <option value=d.as_str() selected=decision == d.as_str()>{tr!(key.as_str())}</option> }
            }).collect_view()}
        </select>
        {e.message("decision", &d_id)}
        <label for=r_id.clone()>{tr!("reply.reason_field")}</label>
        <select id=r_id.clone() name="reason" aria-invalid=e.invalid("reason")
            aria-describedby=e.described("reason", &r_id, None) autofocus=e.focus("reason")>
            <option value="">{tr!("reply.reason_none")}</option>
            {NotAdoptedReason::ALL.iter().map(|r| {
                let key = r.message_key();
                view! { <option value=r.as_str() selected=reason == r.as_str()>{tr!(key.as_str())}</option> }
            }).collect_view()}
        </select>
        {e.message("reason", &r_id)}
        <label for=b_id.clone()>{tr!("reply.body_field")}</label>
        <textarea id=b_id.clone() name="body" rows="6" required
            minlength=REPLY_BODY.start().to_string() maxlength=REPLY_BODY.end().to_string()
            aria-invalid=e.invalid("body") aria-describedby=e.described("body", &b_id, None)
            autofocus=e.focus("body") inner_html=text_box(body)></textarea>
        {e.message("body", &b_id)}
        <label for=l_id.clone()>{tr!("reply.link_field")}</label>
        <input id=l_id.clone() name="link" type="text" maxlength="500" value=link
            aria-invalid=e.invalid("link") aria-describedby=e.described("link", &l_id, None)
            autofocus=e.focus("link")/>
        {e.message("link", &l_id)}
    }
}
