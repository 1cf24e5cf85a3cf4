//! 主题编辑: editors see every topic, drafts included, and start a new one. A new topic is a
//! draft: the public sees nothing of it until it is published from its editor page.

use crate::api::authoring::{load_editor_topics, SaveTopic};
use crate::components::badges::PublishBadge;
use crate::components::form_echo::{use_echo, Echoed};
use crate::components::loading::DataView;
use crate::components::raw_text::text_box;
use crate::components::staff_gate::{department_options, gate_view, StaffNav};
use crate::model::{EditorTopicList, EditorTopicRow};
use crate::pages::staff::Flash;
use crate::tr;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn StaffTopicsPage() -> impl IntoView {
    let list = Resource::new_blocking(|| (), |_| load_editor_topics());
    let echo = use_echo();
    view! {
        <Title text=tr!("staff.topics_title")/>
        <Meta name="robots" content="noindex"/>
        <StaffNav/>
        <h1>{tr!("staff.topics_title")}</h1>
        <DataView>
            {move || Suspend::new(async move {
                let echo = echo.await;
                list.await.map(|gate| gate_view(gate, |list| view! {
                    <Flash echo=echo.clone()/>
                    <TopicList list echo/>
                }))
            })}
        </DataView>
    }
}

#[component]
fn TopicList(list: EditorTopicList, echo: Option<crate::model::FormEcho>) -> impl IntoView {
    let echoed = Echoed::of(&echo, "topic-new");
    let EditorTopicList {
        topics,
        departments,
        years,
        next_free,
    } = list;
    let rows = topics
        .into_iter()
        .map(|t: EditorTopicRow| {
            view! {
                <li>
                    <a href=crate::paths::staff_topic(t.id)>
                        {format!("{}-{:02} {}", t.year, t.month, t.theme)}
                    </a>" "
                    <PublishBadge state=t.state/>
                </li>
            }
        })
        .collect_view();
    let action = ServerAction::<SaveTopic>::new();
    // Unless refused and echoed, the form starts on the next month without a topic.
    let year = echoed.text("year", next_free.0.to_string());
    let month = echoed.text("month", next_free.1.to_string());
    let e = echoed.clone();
    view! {
        <ul class="plain-list editor-list">{rows}</ul>
        <section aria-labelledby="new-topic">
            <h2 id="new-topic">{tr!("staff.new_topic")}</h2>
            <p class="muted">{tr!("staff.new_topic_note")}</p>
            <ActionForm action attr:class="stack-form">
                <input type="hidden" name="topic_id" value=""/>
                <label for="t-year">{tr!("staff.topic_year")}</label>
                <select id="t-year" name="year" required
                    aria-invalid=e.invalid("year") aria-describedby=e.described("year", "t-year", None) autofocus=e.focus("year")>
                    {years.into_iter().map(|y| view! { <option value=y.to_string() selected=year == y.to_string()>{y}</option> }).collect_view()}
                </select>
                {e.message("year", "t-year")}
                <label for="t-month">{tr!("staff.topic_month")}</label>
                <select id="t-month" name="month" required
                    aria-invalid=e.invalid("month") aria-describedby=e.described("month", "t-month", None) autofocus=e.focus("month")>
                    {(1u8..=12).map(|m| view! { <option value=m.to_string() selected=month == m.to_string()>{crate::pages::month_name(m)}</option> }).collect_view()}
                </select>
                {e.message("month", "t-month")}
                <TopicFields theme=String::new() summary=String::new() plan=String::new() lead=None departments echoed/>
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
    /// What was typed, if this form was refused.
    echoed: Echoed,
) -> impl IntoView {
    let e = echoed;
    let theme = e.text("theme", theme);
    let summary = e.text("summary", summary);
    let plan = e.text("plan", plan);
    let lead = e.id("lead", lead);
    view! {
        <label for="t-theme">{tr!("staff.topic_theme")}</label>
        <input id="t-theme" name="theme" type="text" required minlength="2" maxlength="200" value=theme
            aria-invalid=e.invalid("theme") aria-describedby=e.described("theme", "t-theme", None) autofocus=e.focus("theme")/>
        {e.message("theme", "t-theme")}
        <label for="t-summary">{tr!("staff.topic_summary")}</label>
        <textarea id="t-summary" name="summary" rows="3" maxlength="1000"
            aria-invalid=e.invalid("summary") aria-describedby=e.described("summary", "t-summary", None) autofocus=e.focus("summary") inner_html=text_box(summary)></textarea>
        {e.message("summary", "t-summary")}
        <label for="t-lead">{tr!("problem.lead")}</label>
        <select id="t-lead" name="lead"
            aria-invalid=e.invalid("lead") aria-describedby=e.described("lead", "t-lead", None) autofocus=e.focus("lead")>
            <option value="">{tr!("staff.no_lead")}</option>
            {department_options(&departments, lead)}
        </select>
        {e.message("lead", "t-lead")}
        <label for="t-plan">{tr!("topic.plan")}</label>
        <textarea id="t-plan" name="plan" rows="12" maxlength="50000"
            aria-invalid=e.invalid("plan") aria-describedby=e.described("plan", "t-plan", Some("t-plan-hint")) autofocus=e.focus("plan") inner_html=text_box(plan)></textarea>
        {e.message("plan", "t-plan")}
        <p id="t-plan-hint" class="muted">{tr!("staff.report_hint")}</p>
        {e.form_message()}
    }
}
