//! 答复提醒邮箱 on a department's reply desk: the office mailbox its reminders go to — as a
//! reply's date nears and when it passes — named, changed or cleared by its own staff.

use crate::api::reply_desk::SetReplyAddress;
use crate::components::form_echo::Echoed;
use crate::model::{FormEcho, DUE_SOON_WORKING_DAYS};
use crate::tr;
use leptos::prelude::*;

#[component]
pub fn ReminderAddress(address: Option<String>, echo: Option<FormEcho>) -> impl IntoView {
    let action = ServerAction::<SetReplyAddress>::new();
    let e = Echoed::of(&echo, "reply-address");
    let field = "reply-address-address".to_string();
    let now = match &address {
        Some(a) => tr!("reply.remind_current", address = a.clone()),
        None => tr!("reply.remind_none"),
    };
    let value = e.text("address", address.unwrap_or_default());
    view! {
        <section id="reminders" aria-labelledby="reminders-h">
            <h2 id="reminders-h">{tr!("reply.remind_heading")}</h2>
            <p>{now}</p>
            <ActionForm action attr:class="stack-form">
                <label for=field.clone()>{tr!("reply.remind_field")}</label>
                <input id=field.clone() name="address" type="email" maxlength="254" value=value
                    autocomplete="email" aria-invalid=e.invalid("address")
                    aria-describedby=e.described("address", &field, None) autofocus=e.focus("address")/>
                {e.message("address", &field)}
                <p class="muted">{tr!("reply.remind_note", days = DUE_SOON_WORKING_DAYS)}</p>
                {e.form_message()}
                <button type="submit" class="button button-quiet">{tr!("reply.remind_save")}</button>
            </ActionForm>
        </section>
    }
}
