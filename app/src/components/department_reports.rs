//! A department's progress reports (月度进展) on its desk: the form, which previews (预览) before
//! it publishes, and the list of what it has posted, each opening its page to correct or
//! withdraw it. Plain forms with post/redirect/get: no JavaScript needed.

use crate::api::department::AddDepartmentReport;
use crate::components::form_echo::Echoed;
use crate::components::raw_text::text_box;
use crate::i18n::month_name;
use crate::tr;
use leptos::prelude::*;

/// 本部门发布的进展: the reports posted under the member's department, each opening its page to
/// correct or withdraw it.
#[component]
pub fn OwnReports(reports: Vec<crate::model::DeskReport>) -> impl IntoView {
    if reports.is_empty() {
        return ().into_any();
    }
    let rows = reports
        .into_iter()
        .map(|r| {
            let crate::model::TopicKey { year, month } = r.topic.key;
            let withdrawn = r
                .withdrawn
                .then(|| view! { " "<span class="badge badge-withdrawn">{tr!("editor.withdrawn")}</span> });
            view! {
                <li>
                    <time datetime=r.date.clone()>{crate::i18n::when::day(&r.date)}</time>" "
                    <a href=crate::paths::staff_report(r.id)>{r.title}</a>{withdrawn}
                    <br/><span class="muted">{r.topic.theme}" "{tr!("topic.when", year = year, month = month_name(month))}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="own-reports-heading">
            <h2 id="own-reports-heading">{tr!("task_progress.own_reports")}</h2>
            <p class="muted">{tr!("task_progress.own_reports_note")}</p>
            <ul class="plain-list">{rows}</ul>
        </section>
    }
    .into_any()
}

/// 月度进展 posted by a department: on a topic where it carries tasks, under its own name.
/// 预览 first: the checked report is shown as the public will see it, with 确认发布; the form
/// below keeps what was typed (after a preview or a refusal).
#[component]
pub fn DepartmentReportForm(
    department: String,
    topics: Vec<crate::model::TopicLabel>,
    today: String,
    echo: Option<crate::model::FormEcho>,
) -> impl IntoView {
    if topics.is_empty() {
        return view! {
            <section aria-labelledby="dept-report-heading">
                <h2 id="dept-report-heading">{tr!("task_progress.report_heading")}</h2>
                <p class="muted">{tr!("task_progress.report_none")}</p>
            </section>
        }
        .into_any();
    }
    let preview = echo
        .as_ref()
        .filter(|e| e.form == "dept-report" && e.error.code == crate::model::PREVIEW)
        .cloned();
    let refused = echo.filter(|e| e.error.code != crate::model::PREVIEW);
    let e = Echoed::of(&refused, "dept-report");
    let typed = |name: &str, saved: String| match &preview {
        Some(p) => p.value(name).map_or(saved, str::to_string),
        None => e.text(name, saved),
    };
    let (topic, date, title, body) = (
        typed("topic", String::new()),
        typed("date", today.clone()),
        typed("title", String::new()),
        typed("body", String::new()),
    );
    let shown = preview.map(|p| {
        let value = |name: &str| p.value(name).unwrap_or_default().to_string();
        view! { <ReportPreview topic=value("topic") date=value("date") title=value("title") body=value("body")
            author=value("preview_author") html=value("preview_html")/> }
    });
    let action = ServerAction::<AddDepartmentReport>::new();
    view! {
        <section aria-labelledby="dept-report-heading">
            <h2 id="dept-report-heading">{tr!("task_progress.report_heading")}</h2>
            {shown}
            <ActionForm action attr:class="stack-form">
                <p>{tr!("task_progress.report_as", department = department)}</p>
                <label for="dr-topic">{tr!("staff.report_topic")}</label>
                <select id="dr-topic" name="topic">
                    {topics
                        .into_iter()
                        .map(|crate::model::TopicLabel { key: crate::model::TopicKey { year: y, month: m }, theme }| {
                            let value = format!("{y}-{m}");
                            let chosen = value == topic;
                            view! { <option value=value selected=chosen>{format!("{y}-{m:02} {theme}")}</option> }
                        })
                        .collect_view()}
                </select>
                <label for="dr-date">{tr!("staff.report_date")}</label>
                <input id="dr-date" name="date" type="date" required value=date max=today
                    aria-invalid=e.invalid("date") aria-describedby=e.described("date", "dr-date", None) autofocus=e.focus("date")/>
                {e.message("date", "dr-date")}
                <label for="dr-title">{tr!("staff.report_title")}</label>
                <input id="dr-title" name="title" type="text" required minlength="2" maxlength="200" value=title
                    aria-invalid=e.invalid("title") aria-describedby=e.described("title", "dr-title", None) autofocus=e.focus("title")/>
                {e.message("title", "dr-title")}
                <label for="dr-body">{tr!("staff.report_body")}</label>
                <textarea id="dr-body" name="body" rows="6" required maxlength="20000"
                    aria-invalid=e.invalid("body") aria-describedby=e.described("body", "dr-body", Some("dr-body-hint")) autofocus=e.focus("body")
                    inner_html=text_box(body)></textarea>
                {e.message("body", "dr-body")}
                <p id="dr-body-hint" class="muted">{tr!("staff.report_hint")}</p>
                {e.form_message()}
                <button type="submit" name="step" value="preview" class="button">{tr!("task_progress.report_preview")}</button>
            </ActionForm>
        </section>
    }
    .into_any()
}

/// What 确认发布 will put on the topic's timeline, and the button that does it. `html` is the
/// server's sanitised rendering of `body`, kept for this session only.
#[component]
fn ReportPreview(
    topic: String,
    date: String,
    title: String,
    body: String,
    author: String,
    html: String,
) -> impl IntoView {
    let action = ServerAction::<AddDepartmentReport>::new();
    view! {
        <div id="dept-report-preview" class="card confirm-panel" role="region" aria-labelledby="dept-report-preview-heading">
            <h3 id="dept-report-preview-heading">{tr!("task_progress.report_preview_heading")}</h3>
            <p class="timeline-date">{crate::i18n::when::day(&date)}" · "{tr!("task_progress.posted_by", author = author)}</p>
            <h4>{title.clone()}</h4>
            <div class="richtext" inner_html=html></div>
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="topic" value=topic/>
                <input type="hidden" name="date" value=date/>
                <input type="hidden" name="title" value=title/>
                <input type="hidden" name="body" value=body/>
                <button type="submit" name="step" value="publish" class="button">{tr!("task_progress.report_confirm")}</button>
            </ActionForm>
            <p class="muted">{tr!("task_progress.report_preview_note")}</p>
        </div>
    }
}
