//! 我要点菜: residents propose a problem for a future cycle or say "me too" to a published
//! suggestion. Suggestions appear here only after a moderator publishes them; the author follows
//! theirs with the receipt code.

use crate::api::vote::get_suggestion_list;
use crate::components::loading::DataView;
use crate::components::raw_text::text_box;
use crate::model::{
    FollowOutcome, SuggestRefusal, Suggestion, ADDRESS_MAX, CATEGORIES, DISTRICTS,
    SUGGESTION_TEXT_MAX, SUGGESTION_TEXT_MIN, SUGGESTION_TITLE_MAX, SUGGESTION_TITLE_MIN,
};
use crate::tr;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
fn Outcome() -> impl IntoView {
    let query = use_query_map();
    let q = query.read_untracked();
    if let Some(receipt) = q.get("receipt").filter(|r| r.len() <= 24) {
        // The address she left: a confirmation mail is on its way, or it needs typing again
        // on the receipt page (her suggestion is kept either way).
        let follow = q
            .get("follow")
            .and_then(|c| FollowOutcome::parse(&c))
            .map(|outcome| {
                let key = match outcome {
                    FollowOutcome::Sent => "suggest.follow_sent",
                    FollowOutcome::Address => "suggest.follow_again",
                    _ => "suggest.follow_later",
                };
                view! { <p>{tr!(key)}</p> }
            });
        let page = crate::paths::receipt(&receipt);
        return EitherOf3::A(view! {
            <section id="receipt" class="flash flash-ok" role="status">
                <p>{tr!("suggest.thanks")}</p>
                <p>{tr!("vote.your_receipt")}" "<strong class="receipt-code">{receipt.clone()}</strong></p>
                {follow}
                <p><a href=page>{tr!("suggest.follow")}</a></p>
            </section>
        });
    }
    match q.get("error") {
        Some(code) => {
            // An unknown code (an edited address) reads as the general one, never as a key.
            let key = SuggestRefusal::parse(&code)
                .unwrap_or(SuggestRefusal::Busy)
                .message_key();
            EitherOf3::B(
                view! { <p class="flash flash-error" role="alert">{tr!(key.as_str())}</p> },
            )
        }
        None => EitherOf3::C(()),
    }
}

#[component]
pub fn SuggestPage() -> impl IntoView {
    let list = Resource::new_blocking(|| (), |_| get_suggestion_list());
    let query = use_query_map();
    let (title, district, category, description, supported) = query.with_untracked(|q| {
        let id = |key: &str| q.get(key).and_then(|s| s.parse::<i64>().ok());
        let supported = match (id("supported"), id("support_held")) {
            (Some(id), _) => Some((id, false)),
            (None, Some(id)) => Some((id, true)),
            _ => None,
        };
        (
            q.get("title").unwrap_or_default(),
            q.get("district").unwrap_or_default(),
            q.get("category").unwrap_or_default(),
            q.get("description").unwrap_or_default(),
            supported,
        )
    });
    view! {
        <Title text=tr!("suggest.title")/>
        <h1>{tr!("suggest.title")}</h1>
        <p>{tr!("suggest.intro")}</p>
        <aside class="notice" aria-labelledby="s-hotline">
            <h2 id="s-hotline" class="h3">{tr!("suggest.repair_heading")}</h2>
            <p>{tr!("suggest.repair_body")}" "<a href="tel:12345">{tr!("suggest.repair_call")}</a></p>
        </aside>
        <Outcome/>
        <form id="suggest-form" method="post" action="/suggest" class="stack-form">
            <label for="s-title">{tr!("suggest.field_title")}</label>
            <p id="s-title-hint" class="muted">{tr!("suggest.title_hint", min = SUGGESTION_TITLE_MIN, max = SUGGESTION_TITLE_MAX)}</p>
            <input id="s-title" name="title" type="text" required minlength=SUGGESTION_TITLE_MIN.to_string() maxlength=SUGGESTION_TITLE_MAX.to_string() aria-describedby="s-title-hint" value=title/>
            <label for="s-description">{tr!("suggest.field_description")}</label>
            <p id="s-description-hint" class="muted">{tr!("suggest.description_hint", min = SUGGESTION_TEXT_MIN, max = SUGGESTION_TEXT_MAX)}</p>
            <textarea id="s-description" name="description" rows="5" required minlength=SUGGESTION_TEXT_MIN.to_string() maxlength=SUGGESTION_TEXT_MAX.to_string() aria-describedby="s-description-hint" inner_html=text_box(description)></textarea>
            <label for="s-district">{tr!("suggest.field_district")}</label>
            <select id="s-district" name="district" required>
                <option value="" selected=district.is_empty()>{tr!("suggest.choose")}</option>
                {DISTRICTS.into_iter().map(|d| view! { <option value=d selected=district == d>{d}</option> }).collect_view()}
            </select>
            <label for="s-category">{tr!("suggest.field_category")}</label>
            <select id="s-category" name="category" required>
                <option value="" selected=category.is_empty()>{tr!("suggest.choose")}</option>
                {CATEGORIES.into_iter().map(|c| view! { <option value=c selected=category == c>{c}</option> }).collect_view()}
            </select>
            <label for="s-address">{tr!("suggest.field_address")}</label>
            <p id="s-address-hint" class="muted">{tr!("suggest.address_hint")}</p>
            <input id="s-address" name="address" type="email" inputmode="email" autocomplete="email" maxlength=ADDRESS_MAX.to_string() aria-describedby="s-address-hint"/>
            <div class="hp" aria-hidden="true">
                <label for="s-website">"Website"</label>
                <input id="s-website" name="website" type="text" tabindex="-1" autocomplete="off"/>
            </div>
            <button type="submit" class="button">{tr!("suggest.submit")}</button>
        </form>
        <section aria-labelledby="s-next">
            <h2 id="s-next" class="h3">{tr!("suggest.next_heading")}</h2>
            <ol>
                <li>{tr!("suggest.next_1")}</li>
                <li>{tr!("suggest.next_2")}</li>
                <li>{tr!("suggest.next_3")}</li>
            </ol>
        </section>
        <h2>{tr!("suggest.published")}</h2>
        <DataView>
            {move || Suspend::new(async move {
                list.await.map(|(list, challenge)| view! { <SuggestionList list challenge supported/> })
            })}
        </DataView>
    }
}

#[component]
/// `supported`: the suggestion this device just supported, and whether that support is held
/// for review (每网络每日限额) rather than counted.
fn SuggestionList(
    list: Vec<Suggestion>,
    challenge: Option<String>,
    supported: Option<(i64, bool)>,
) -> impl IntoView {
    if list.is_empty() {
        return view! { <p class="muted">{tr!("suggest.none")}</p> }.into_any();
    }
    view! {
        <ul class="plain-list" data-challenge=challenge.unwrap_or_default()>
            {list
                .into_iter()
                .map(|s| {
                    let thanks = match supported {
                        Some((id, false)) if id == s.id => Some(
                            view! { <p class="flash flash-ok" role="status">{tr!("suggest.supported")}</p> }.into_any(),
                        ),
                        Some((id, true)) if id == s.id => Some(
                            view! { <p class="flash" role="status">{tr!("network_rule.support_held")}</p> }.into_any(),
                        ),
                        _ => None,
                    };
                    view! {
                        <li class="card" id=format!("s-{}", s.id)>
                            <h3>{s.title}</h3>
                            <p>{s.description}</p>
                            <p class="muted">{s.district}" · "{s.category}" · "{tr!("suggest.supporters", count = s.supporters)}</p>
                            {thanks}
                            <form method="post" action=format!("/suggest/{}/support", s.id) data-support="">
                                <input type="hidden" name="proof" value=""/>
                                <button type="submit" class="button button-quiet">{tr!("suggest.me_too")}</button>
                            </form>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <script src="/vote.js" defer></script>
    }
    .into_any()
}
