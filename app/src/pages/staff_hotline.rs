//! 热线证据（工作人员）: editors set the ranking's weights and turn a ranked class into a
//! candidate of a cycle that has not opened; its evidence is then the engine's, not typed in.

use crate::api::hotline::{load_hotline_desk, PromoteHotlineClass, SaveHotlineWeights};
use crate::components::loading::DataView;
use crate::components::staff_gate::{gate_view, StaffNav};
use crate::model::{HotlineDesk, RankedClass, WEIGHT_MAX};
use crate::pages::hotline::{days_from_query, RankingView, WindowLinks};
use crate::pages::staff::Flash;
use crate::tr;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn StaffHotlinePage() -> impl IntoView {
    let days = days_from_query();
    let desk = Resource::new_blocking(move || days, load_hotline_desk);
    view! {
        <Title text=tr!("hotline.staff_title")/>
        <Meta name="robots" content="noindex"/>
        <StaffNav/>
        <h1>{tr!("hotline.staff_title")}</h1>
        <Flash/>
        <WindowLinks path="/staff/hotline" days/>
        <DataView>
            {move || Suspend::new(async move {
                desk.await.map(|gate| gate_view(gate, |desk| view! { <Desk desk/> }))
            })}
        </DataView>
    }
}

#[component]
fn Desk(desk: HotlineDesk) -> impl IntoView {
    let Some(ranking) = desk.ranking else {
        return view! { <p class="muted">{tr!("hotline.no_data")}</p> }.into_any();
    };
    let save = ServerAction::<SaveHotlineWeights>::new();
    let w = ranking.weights;
    let field = |name: &'static str, value: f64| {
        let id = format!("w-{name}");
        let label = format!("hotline.measure.{name}");
        view! {
            <label for=id.clone()>{tr!(label.as_str())}</label>
            <input id=id name=name type="number" min="0" max=WEIGHT_MAX.to_string() step="0.05" value=value.to_string() required/>
        }
    };
    let upcoming = desk.upcoming;
    let actions = Callback::new(move |c: RankedClass| {
        view! { <Promote class=c upcoming=upcoming.clone()/> }.into_any()
    });
    view! {
        <section aria-labelledby="weights">
            <h2 id="weights">{tr!("hotline.weights_title")}</h2>
            <p class="muted">{tr!("hotline.weights_hint")}</p>
            <ActionForm action=save attr:class="stack-form weights-form">
                {field("volume", w.volume)}
                {field("growth", w.growth)}
                {field("spread", w.spread)}
                {field("dissatisfaction", w.dissatisfaction)}
                {field("reopen", w.reopen)}
                <button type="submit" class="button">{tr!("hotline.save_weights")}</button>
            </ActionForm>
        </section>
        <RankingView ranking actions=Some(actions)/>
    }
    .into_any()
}

#[component]
fn Promote(class: RankedClass, upcoming: Vec<(String, String)>) -> impl IntoView {
    if upcoming.is_empty() {
        return view! { <p class="muted"><a href="/staff/cycles">{tr!("hotline.no_upcoming")}</a></p> }
            .into_any();
    }
    let action = ServerAction::<PromoteHotlineClass>::new();
    let key = format!("{}-{}", class.level1, class.level2);
    let id = move |f: &str| format!("p-{key}-{f}");
    let name = format!("{}·{}", class.level1, class.level2);
    view! {
        <details>
            <summary>{tr!("hotline.promote")}</summary>
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="level1" value=class.level1.clone()/>
                <input type="hidden" name="level2" value=class.level2.clone()/>
                <label for=id("cycle")>{tr!("hotline.promote_cycle")}</label>
                <select id=id("cycle") name="cycle">
                    {upcoming
                        .into_iter()
                        .map(|(slug, title)| view! { <option value=slug>{title}</option> })
                        .collect_view()}
                </select>
                <label for=id("title")>{tr!("hotline.promote_title")}</label>
                <input id=id("title") name="title" type="text" required minlength="4" maxlength="100" value=name/>
                <label for=id("description")>{tr!("hotline.promote_description")}</label>
                <textarea id=id("description") name="description" rows="3" required minlength="4" maxlength="1000"></textarea>
                <p class="muted">{tr!("hotline.promote_note")}</p>
                <button type="submit" class="button">{tr!("hotline.promote_submit")}</button>
            </ActionForm>
        </details>
    }
    .into_any()
}
