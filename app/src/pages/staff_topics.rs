//! 主题编辑: editors see every topic, drafts included, and start a new one. A new topic is a
//! draft: the public sees nothing of it until it is published from its editor page.

use crate::api::authoring::{load_editor_topics, SaveTopic};
use crate::components::loading::DataView;
use crate::components::staff_gate::{department_options, gate_view, StaffNav};
use crate::model::{EditorTopicList, EditorTopicRow, PublishState};
use crate::pages::staff::Flash;
use crate::tr;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn StaffTopicsPage() -> impl IntoView {
    let list = Resource::new_blocking(|| (), |_| load_editor_topics());
    view! {
        <Title text=tr!("staff.topics_title")/>
        <Meta name="robots" content="noindex"/>
        <StaffNav/>
        <h1>{tr!("staff.topics_title")}</h1>
        <Flash/>
        <DataView>
            {move || Suspend::new(async move {
                list.await.map(|gate| gate_view(gate, |list| view! { <TopicList list/> }))
            })}
        </DataView>
    }
}

/// Draft or published, as a badge.
#[component]
pub fn PublishBadge(state: PublishState) -> impl IntoView {
    match state {
        PublishState::Draft => {
            view! { <span class="badge badge-uncertain">{tr!("staff.draft")}</span> }
        }
        PublishState::Published => {
            view! { <span class="badge badge-confirmed">{tr!("staff.published")}</span> }
        }
    }
}

#[component]
fn TopicList(list: EditorTopicList) -> impl IntoView {
    let EditorTopicList {
        topics,
        departments,
        years,
    } = list;
    let rows = topics
        .into_iter()
        .map(|t: EditorTopicRow| {
            view! {
                <li>
                    <a href=format!("/staff/topics/{}", t.id)>
                        {format!("{}-{:02} {}", t.year, t.month, t.theme)}
                    </a>" "
                    <PublishBadge state=t.state/>
                </li>
            }
        })
        .collect_view();
    let action = ServerAction::<SaveTopic>::new();
    view! {
        <ul class="plain-list editor-list">{rows}</ul>
        <section aria-labelledby="new-topic">
            <h2 id="new-topic">{tr!("staff.new_topic")}</h2>
            <p class="muted">{tr!("staff.new_topic_note")}</p>
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="topic_id" value=""/>
                <label for="t-year">{tr!("staff.topic_year")}</label>
                <select id="t-year" name="year" required>
                    {years.into_iter().map(|y| view! { <option value=y.to_string()>{y}</option> }).collect_view()}
                </select>
                <label for="t-month">{tr!("staff.topic_month")}</label>
                <select id="t-month" name="month" required>
                    {(1u8..=12).map(|m| view! { <option value=m.to_string()>{crate::pages::month_name(m)}</option> }).collect_view()}
                </select>
                <TopicFields theme=String::new() summary=String::new() plan=String::new() lead=None departments/>
                <button type="submit" class="button">{tr!("staff.save_draft")}</button>
            </ActionForm>
        </section>
    }
}

/// The fields a topic's create and edit forms share; limits match the server's checks.
#[component]
pub fn TopicFields(
    theme: String,
    summary: String,
    plan: String,
    lead: Option<i64>,
    departments: Vec<crate::model::Department>,
) -> impl IntoView {
    view! {
        <label for="t-theme">{tr!("staff.topic_theme")}</label>
        <input id="t-theme" name="theme" type="text" required minlength="2" maxlength="200" value=theme/>
        <label for="t-summary">{tr!("staff.topic_summary")}</label>
        <textarea id="t-summary" name="summary" rows="3" maxlength="1000">{summary}</textarea>
        <label for="t-lead">{tr!("problem.lead")}</label>
        <select id="t-lead" name="lead">
            <option value="">{tr!("staff.no_lead")}</option>
            {department_options(&departments, lead)}
        </select>
        <label for="t-plan">{tr!("topic.plan")}</label>
        <textarea id="t-plan" name="plan" rows="12" maxlength="50000" aria-describedby="t-plan-hint">{plan}</textarea>
        <p id="t-plan-hint" class="muted">{tr!("staff.report_hint")}</p>
    }
}
