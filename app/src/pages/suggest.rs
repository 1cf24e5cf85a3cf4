//! 我要点菜: residents propose a problem for a future cycle or say "me too" to a published
//! suggestion. Suggestions appear here only after a moderator publishes them; the author follows
//! theirs with the receipt code, and this device's own suggestions are listed for her when she
//! comes back (as her ballot is).

use super::suggest_list::{Marks, SentBefore, SuggestionList};
use crate::api::vote::get_suggestion_list;
use crate::components::loading::DataView;
use crate::components::raw_text::text_box;
use crate::model::{
    FollowOutcome, SuggestRefusal, ADDRESS_MAX, CATEGORIES, DISTRICTS, SUGGESTION_TEXT_MAX,
    SUGGESTION_TEXT_MIN, SUGGESTION_TITLE_MAX, SUGGESTION_TITLE_MIN,
};
use crate::tr;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

/// The thanks after sending, with her receipt code.
#[component]
fn Sent() -> impl IntoView {
    let query = use_query_map();
    let q = query.read_untracked();
    let receipt = q.get("receipt").filter(|r| r.len() <= 24)?;
    // The address she left: a confirmation mail is on its way, or it needs typing again on
    // the receipt page (her suggestion is kept either way).
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
    Some(view! {
        <section id="receipt" class="flash flash-ok" role="status">
            <p>{tr!("suggest.thanks")}</p>
            <p>{tr!("vote.your_receipt")}" "<strong class="receipt-code">{receipt.clone()}</strong></p>
            {follow}
            <p><a href=page>{tr!("suggest.follow")}</a></p>
        </section>
    })
}

/// The refusals in the page's address (`?error=title,district`); an unknown code (an edited
/// address) reads as the general one, never as a key.
fn refusals(codes: &str) -> Vec<SuggestRefusal> {
    let mut out: Vec<SuggestRefusal> = codes
        .split(',')
        .take(8)
        .map(|c| SuggestRefusal::parse(c).unwrap_or(SuggestRefusal::Busy))
        .collect();
    out.dedup();
    out
}

/// The form's field for a refusal about one, by its element id.
fn field_of(refusal: SuggestRefusal) -> Option<&'static str> {
    match refusal {
        SuggestRefusal::Title => Some("s-title"),
        SuggestRefusal::Description => Some("s-description"),
        SuggestRefusal::District => Some("s-district"),
        SuggestRefusal::Category => Some("s-category"),
        _ => None,
    }
}

/// Every problem with what she sent, first in the form and where the page opens (`#s-errors`):
/// each field at fault is named and linked, not only the first (issue 34).
#[component]
fn FormErrors(errors: Vec<SuggestRefusal>) -> impl IntoView {
    let fields = errors.iter().filter(|e| field_of(**e).is_some()).count();
    let heading = (fields > 0)
        .then(|| view! { <p><strong>{tr!("suggest.errors_heading", count = fields)}</strong></p> });
    view! {
        <div id="s-errors" class="flash flash-error" role="alert" tabindex="-1" autofocus=true>
            {heading}
            <ul>
                {errors
                    .into_iter()
                    .map(|e| {
                        let key = e.message_key();
                        let words = tr!(key.as_str());
                        match field_of(e) {
                            Some(id) => view! { <li><a href=format!("#{id}")>{words}</a></li> }.into_any(),
                            None => view! { <li>{words}</li> }.into_any(),
                        }
                    })
                    .collect_view()}
            </ul>
        </div>
    }
}

/// A field's own message under its label, when it is at fault.
fn field_message(errors: &[SuggestRefusal], refusal: SuggestRefusal) -> Option<impl IntoView> {
    let id = field_of(refusal)?;
    errors.contains(&refusal).then(|| {
        let key = refusal.message_key();
        view! { <p id=format!("{id}-error") class="field-error">{tr!(key.as_str())}</p> }
    })
}

/// `aria-describedby` for a field: its message when at fault, then its hint.
fn described_by(errors: &[SuggestRefusal], refusal: SuggestRefusal, hint: Option<&str>) -> String {
    let id = field_of(refusal).unwrap_or_default();
    let mut ids = Vec::new();
    if errors.contains(&refusal) {
        ids.push(format!("{id}-error"));
    }
    ids.extend(hint.map(str::to_string));
    ids.join(" ")
}

#[component]
pub fn SuggestPage() -> impl IntoView {
    let list = Resource::new_blocking(|| (), |_| get_suggestion_list());
    let query = use_query_map();
    let (typed, marks, errors, on) = query.with_untracked(|q| {
        let id = |key: &str| q.get(key).and_then(|s| s.parse::<i64>().ok());
        let marks = Marks {
            counted: id("supported"),
            held: id("support_held"),
            already: id("already"),
        };
        let typed = [
            q.get("title").unwrap_or_default(),
            q.get("district").unwrap_or_default(),
            q.get("category").unwrap_or_default(),
            q.get("description").unwrap_or_default(),
        ];
        let errors = q.get("error").map(|c| refusals(&c)).unwrap_or_default();
        (typed, marks, errors, id("on"))
    });
    let [title, district, category, description] = typed;
    // A refused "me too" is told beside its suggestion; the form's own problems in the form.
    let (form_errors, support_error) = match on {
        Some(id) => (Vec::new(), errors.first().map(|e| (id, *e))),
        None => (errors, None),
    };
    let invalid = |r: SuggestRefusal| form_errors.contains(&r).then_some("true");
    let summary =
        (!form_errors.is_empty()).then(|| view! { <FormErrors errors=form_errors.clone()/> });
    view! {
        <Title text=tr!("suggest.title")/>
        <h1>{tr!("suggest.title")}</h1>
        <p>{tr!("suggest.intro")}</p>
        <aside class="notice" aria-labelledby="s-hotline">
            <h2 id="s-hotline" class="h3">{tr!("suggest.repair_heading")}</h2>
            <p>{tr!("suggest.repair_body")}" "<a href="tel:12345">{tr!("suggest.repair_call")}</a></p>
        </aside>
        <Sent/>
        <Suspense fallback=|| ()>
            {move || Suspend::new(async move {
                list.await.ok().map(|(_, _, own)| view! { <SentBefore own/> })
            })}
        </Suspense>
        <form id="suggest-form" method="post" action="/suggest" class="stack-form">
            {summary}
            <label for="s-title">{tr!("suggest.field_title")}</label>
            <p id="s-title-hint" class="muted">{tr!("suggest.title_hint", min = SUGGESTION_TITLE_MIN, max = SUGGESTION_TITLE_MAX)}</p>
            {field_message(&form_errors, SuggestRefusal::Title)}
            <input id="s-title" name="title" type="text" required minlength=SUGGESTION_TITLE_MIN.to_string() maxlength=SUGGESTION_TITLE_MAX.to_string()
                aria-describedby=described_by(&form_errors, SuggestRefusal::Title, Some("s-title-hint")) aria-invalid=invalid(SuggestRefusal::Title) value=title/>
            <label for="s-description">{tr!("suggest.field_description")}</label>
            <p id="s-description-hint" class="muted">{tr!("suggest.description_hint", min = SUGGESTION_TEXT_MIN, max = SUGGESTION_TEXT_MAX)}</p>
            {field_message(&form_errors, SuggestRefusal::Description)}
            <textarea id="s-description" name="description" rows="5" required minlength=SUGGESTION_TEXT_MIN.to_string() maxlength=SUGGESTION_TEXT_MAX.to_string()
                aria-describedby=described_by(&form_errors, SuggestRefusal::Description, Some("s-description-hint")) aria-invalid=invalid(SuggestRefusal::Description) inner_html=text_box(description)></textarea>
            <label for="s-district">{tr!("suggest.field_district")}</label>
            {field_message(&form_errors, SuggestRefusal::District)}
            <select id="s-district" name="district" required
                aria-describedby=described_by(&form_errors, SuggestRefusal::District, None) aria-invalid=invalid(SuggestRefusal::District)>
                <option value="" selected=district.is_empty()>{tr!("suggest.choose")}</option>
                {DISTRICTS.into_iter().map(|d| view! { <option value=d selected=district == d>{d}</option> }).collect_view()}
            </select>
            <label for="s-category">{tr!("suggest.field_category")}</label>
            {field_message(&form_errors, SuggestRefusal::Category)}
            <select id="s-category" name="category" required
                aria-describedby=described_by(&form_errors, SuggestRefusal::Category, None) aria-invalid=invalid(SuggestRefusal::Category)>
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
                list.await.map(|(list, challenge, own)| view! { <SuggestionList list challenge own marks support_error/> })
            })}
        </DataView>
    }
}
