//! The suggestion page's lists: what this device sent before (您提交的建议), and the published
//! suggestions with "我也要" — offered only where it would count: not on her own suggestion
//! (its author is its first supporter) nor on one this device supported (issue 34).

use crate::i18n::when::date_time;
use crate::model::{OwnSuggestions, SuggestRefusal, Suggestion, SuggestionState};
use crate::tr;
use leptos::prelude::*;

/// What the page's address says happened to a "me too": the suggestion it was for.
#[derive(Clone, Copy, Debug, Default)]
pub struct Marks {
    pub counted: Option<i64>,
    /// Held for review (每网络每日限额) rather than counted.
    pub held: Option<i64>,
    /// This device had supported it before: nothing changed.
    pub already: Option<i64>,
}

fn state_words(state: SuggestionState) -> String {
    match state {
        SuggestionState::Pending => tr!("suggest.state_pending"),
        SuggestionState::Published => tr!("suggest.state_published"),
        SuggestionState::Rejected => tr!("suggest.state_rejected"),
    }
}

/// 您提交的建议: the suggestions this device sent, each with its state and its receipt page.
#[component]
pub fn SentBefore(own: OwnSuggestions) -> impl IntoView {
    (!own.sent.is_empty()).then(|| {
        view! {
            <section class="card own-suggestions" aria-labelledby="s-mine">
                <h2 id="s-mine" class="h3">{tr!("suggest.mine_heading")}</h2>
                <ul class="plain-list">
                    {own
                        .sent
                        .into_iter()
                        .map(|s| {
                            let page = crate::paths::receipt(&s.receipt);
                            view! {
                                <li>
                                    <strong>{s.title}</strong>
                                    <br/>
                                    <span class="muted">{tr!("suggest.sent_on", at = date_time(&s.at))}</span>
                                    " "{state_words(s.state)}" "
                                    <a href=page>{tr!("suggest.see_progress", code = s.receipt.clone())}</a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

/// Published suggestions, each with "我也要" where this device may still add its support.
#[component]
pub fn SuggestionList(
    list: Vec<Suggestion>,
    challenge: Option<String>,
    own: OwnSuggestions,
    marks: Marks,
    /// A refused "me too": the suggestion and why.
    support_error: Option<(i64, SuggestRefusal)>,
) -> impl IntoView {
    if list.is_empty() {
        return view! { <p class="muted">{tr!("suggest.none")}</p> }.into_any();
    }
    view! {
        <ul class="plain-list" data-challenge=challenge.unwrap_or_default()>
            {list
                .into_iter()
                .map(|s| {
                    let mark = if marks.counted == Some(s.id) {
                        Some(("flash flash-ok", tr!("suggest.supported")))
                    } else if marks.held == Some(s.id) {
                        Some(("flash", tr!("network_rule.support_held")))
                    } else if marks.already == Some(s.id) {
                        Some(("flash", tr!("suggest.already")))
                    } else {
                        support_error
                            .filter(|(id, _)| *id == s.id)
                            .map(|(_, e)| {
                                let key = e.message_key();
                                ("flash flash-error", tr!(key.as_str()))
                            })
                    };
                    let mark = mark.map(|(class, words)| view! { <p class=class role="status">{words}</p> });
                    let sent = own.sent.iter().any(|o| o.id == s.id);
                    let action = if sent {
                        view! { <p class="muted">{tr!("suggest.yours")}</p> }.into_any()
                    } else if own.supported.contains(&s.id) {
                        view! { <p class="muted">{tr!("suggest.supported_before")}</p> }.into_any()
                    } else {
                        view! {
                            <form method="post" action=format!("/suggest/{}/support", s.id) data-support="">
                                <input type="hidden" name="proof" value=""/>
                                <button type="submit" class="button button-quiet">{tr!("suggest.me_too")}</button>
                            </form>
                        }
                        .into_any()
                    };
                    view! {
                        <li class="card" id=format!("s-{}", s.id)>
                            <h3>{s.title}</h3>
                            <p>{s.description}</p>
                            <p class="muted">{s.district}" · "{s.category}" · "{tr!("suggest.supporters", count = s.supporters)}</p>
                            {s.reply.map(|entry| view! { <crate::components::reply_status::ItemReply entry/> })}
                            {mark}
                            {action}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <script src="/vote.js" defer></script>
    }
    .into_any()
}
