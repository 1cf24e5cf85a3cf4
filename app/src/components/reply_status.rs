//! Where a reply stands, in words: the due date and the working days left or overdue, an
//! extension with its reason, the interim note expected or missing, and the answer's date.
//! One wording for the waiting list, the reply page and the item that is owed it.

use crate::i18n::when::day;
use crate::model::{ReplyEntry, Standing};
use crate::tr;
use leptos::prelude::*;

/// "应在 2027年1月5日 前答复 · 还有 3 个工作日" and the like: never colour alone.
pub fn standing_text(entry: &ReplyEntry) -> String {
    let reply = &entry.reply;
    let due = tr!("reply.due", date = day(reply.judged_on()));
    let state = match entry.standing {
        Standing::Waiting { days_left: 0 } => tr!("reply.due_today"),
        Standing::Waiting { days_left } => tr!("reply.days_left", n = days_left),
        Standing::Overdue { days_late } => tr!("reply.overdue", n = days_late),
        Standing::AnsweredOnTime => {
            let on = reply.answer.as_ref().map_or(String::new(), |a| day(&a.on));
            return tr!("reply.answered_on_time", date = on);
        }
        Standing::AnsweredLate { days_late } => {
            let on = reply.answer.as_ref().map_or(String::new(), |a| day(&a.on));
            return tr!("reply.answered_late", date = on, n = days_late);
        }
    };
    format!("{due} · {state}")
}

/// The CSS class of a standing (its words say the same: the class only adds weight).
pub fn standing_class(standing: Standing) -> &'static str {
    match standing {
        Standing::Overdue { .. } | Standing::AnsweredLate { .. } => "reply-standing late",
        _ => "reply-standing",
    }
}

/// The lines under a reply owed: who answers, by when, any extension and the interim note.
#[component]
pub fn ReplyClock(entry: ReplyEntry) -> impl IntoView {
    let reply = entry.reply.clone();
    let extension = reply.extension.clone().map(|e| {
        view! { <p>{tr!("reply.extended", date = day(&e.to), reason = e.reason, asked = day(&e.on))}</p> }
    });
    let interim = if let Some(note) = reply.interim.clone() {
        Some(
            view! { <p>{tr!("reply.interim_given", date = day(&note.on), note = note.note)}</p> }
                .into_any(),
        )
    } else if entry.interim_missing {
        Some(view! { <p class="reply-standing late">{tr!("reply.interim_missing", date = day(&reply.interim_on))}</p> }.into_any())
    } else if reply.answer.is_none() {
        Some(view! { <p class="muted">{tr!("reply.interim_expected", date = day(&reply.interim_on))}</p> }.into_any())
    } else {
        None
    };
    let again = reply.rehandle.as_ref().map(|again| {
        view! { <p class="reply-standing late">{tr!("reply.rehandled_short", date = day(&again.reopened_on))}</p> }
    });
    let beyond = reply
        .judged_on()
        .get(..4)
        .and_then(|y| y.parse::<i16>().ok())
        .is_some_and(|y| y > crate::model::working_days::covered_through())
        .then(|| view! { <p class="muted">{tr!("reply.beyond_calendar")}</p> });
    view! {
        <p>{tr!("reply.owed_by", department = reply.department.clone())}</p>
        {again}
        <p class=standing_class(entry.standing)>{standing_text(&entry)}</p>
        {extension}
        {interim}
        {beyond}
    }
}

/// On an item's own card or page: that it is owed a reply (or got one), in one line, with the
/// way to the reply's page.
#[component]
pub fn ItemReply(entry: ReplyEntry) -> impl IntoView {
    let reply = entry.reply.clone();
    let decision = reply.answer.as_ref().map(|a| {
        let key = a.decision.message_key();
        view! { <strong>{tr!("reply.decision_label")}": "{tr!(key.as_str())}" · "</strong> }
    });
    view! {
        <div class="reply-owed">
            <p>{decision}{tr!("reply.owed_by", department = reply.department.clone())}</p>
            <p class=standing_class(entry.standing)>{standing_text(&entry)}" · "
                <a href=crate::paths::reply(reply.id)>{tr!("reply.view")}</a>
            </p>
        </div>
    }
}
