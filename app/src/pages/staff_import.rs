//! 批量导入: paste a list from a spreadsheet, see every row checked, then confirm. Nothing is
//! written unless every row is valid.

use crate::api::staff::{load_import_preview, ConfirmImport, StageImport, MAX_IMPORT_BYTES};
use crate::components::loading::DataView;
use crate::model::{parse_id, ImportKind, ImportPreview, RowError};
use crate::pages::{month_name, NotFound};
use crate::tr;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

fn reason_text(reason: &str) -> String {
    let key = match reason {
        "header" => "import.reason.header",
        "empty" => "import.reason.empty",
        "no_rows" => "import.reason.no_rows",
        "too_many_rows" => "import.reason.too_many_rows",
        "unreadable" => "import.reason.unreadable",
        "column_count" => "import.reason.column_count",
        "required" => "import.reason.required",
        "too_long" => "import.reason.too_long",
        "control" => "import.reason.control",
        "unknown_department" => "import.reason.unknown_department",
        "level" => "import.reason.level",
        "date" => "import.reason.date",
        "state" => "import.reason.state",
        "batch" => "import.reason.batch",
        "level_for_body" => "roles.error.invalid_level_for_body",
        _ => "import.reason.unreadable",
    };
    tr!(key)
}

/// The import form on the staff desk (editors and administrators).
#[component]
pub fn ImportForm(topics: Vec<crate::model::TopicLabel>) -> impl IntoView {
    let action = ServerAction::<StageImport>::new();
    let tasks_header = ImportKind::Tasks
        .columns()
        .iter()
        .map(|(_, zh)| *zh)
        .collect::<Vec<_>>()
        .join(" | ");
    let responsibilities_header = ImportKind::Responsibilities
        .columns()
        .iter()
        .map(|(_, zh)| *zh)
        .collect::<Vec<_>>()
        .join(" | ");
    view! {
        <section aria-labelledby="import-heading">
            <h2 id="import-heading">{tr!("import.title")}</h2>
            <p class="muted">{tr!("import.help")}</p>
            <ul class="muted">
                <li>{tr!("import.tasks_columns")}": "{tasks_header}</li>
                <li>{tr!("import.responsibilities_columns")}": "{responsibilities_header}</li>
            </ul>
            <ActionForm action attr:class="stack-form">
                <label for="i-topic">{tr!("import.topic")}</label>
                <select id="i-topic" name="topic">
                    {topics
                        .into_iter()
                        .map(|crate::model::TopicLabel { key: crate::model::TopicKey { year: y, month: m }, theme }| view! { <option value=format!("{y}-{m}")>{format!("{y}-{m:02} {theme}")}</option> })
                        .collect_view()}
                </select>
                <label for="i-kind">{tr!("import.kind")}</label>
                <select id="i-kind" name="kind">
                    <option value="tasks">{tr!("topic.tasks")}</option>
                    <option value="responsibilities">{tr!("topic.responsibilities")}</option>
                </select>
                <label for="i-content">{tr!("import.content")}</label>
                <textarea id="i-content" name="content" rows="8" required maxlength=MAX_IMPORT_BYTES.to_string()></textarea>
                <button type="submit" class="button">{tr!("import.check")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
pub fn StaffImportPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").as_deref().and_then(parse_id);
    let preview = Resource::new_blocking(id, |id| async move {
        match id {
            Some(id) => load_import_preview(id).await,
            None => Ok(None),
        }
    });
    view! {
        <Title text=tr!("import.title")/>
        <Meta name="robots" content="noindex"/>
        <DataView>
            {move || Suspend::new(async move {
                preview.await.map(|p| match p {
                    Some(preview) => Either::Left(view! { <Preview preview/> }),
                    None => Either::Right(view! { <NotFound/> }),
                })
            })}
        </DataView>
    }
}

#[component]
fn Preview(preview: ImportPreview) -> impl IntoView {
    let crate::model::TopicLabel {
        key: crate::model::TopicKey { year, month },
        theme,
    } = preview.topic.clone();
    let valid = preview.is_valid();
    let confirm = ServerAction::<ConfirmImport>::new();
    let query = use_query_map();
    let failed = query.read_untracked().get("error").is_some();
    let summary = if valid {
        Either::Left(
            view! { <p class="flash flash-ok" role="status">{tr!("import.valid", count = preview.rows.len())}</p> },
        )
    } else {
        Either::Right(view! {
            <div class="flash flash-error" role="alert">
                <p>{tr!("import.invalid", count = preview.errors.len())}</p>
                <ul class="import-errors">
                    {preview.errors.iter().map(|e: &RowError| {
                        let column = (!e.column.is_empty()).then(|| tr!("import.column", column = e.column.clone()));
                        let near = (!e.suggestions.is_empty())
                            .then(|| view! { " "<strong>{tr!("roles.did_you_mean", names = e.suggestions.join("、"))}</strong> });
                        view! { <li>{tr!("import.line", line = e.line)}" "{column}" — "{reason_text(&e.reason)}{near}</li> }
                    }).collect_view()}
                </ul>
            </div>
        })
    };
    let error_lines: Vec<usize> = preview.errors.iter().map(|e| e.line).collect();
    view! {
        <h1>{tr!("import.title")}</h1>
        <p>{theme}" "{tr!("topic.when", year = year, month = month_name(month))}" · "
            {match preview.kind { ImportKind::Tasks => tr!("topic.tasks"), ImportKind::Responsibilities => tr!("topic.responsibilities") }}</p>
        {failed.then(|| view! { <p class="flash flash-error" role="alert">{tr!("import.not_written")}</p> })}
        {summary}
        <div class="table-scroll" tabindex="0" role="region" aria-label=tr!("import.preview")>
            <table>
                <thead>
                    <tr>
                        <th scope="col">{tr!("import.line_header")}</th>
                        {preview.header.iter().map(|h| view! { <th scope="col">{h.clone()}</th> }).collect_view()}
                    </tr>
                </thead>
                <tbody>
                    {preview.rows.into_iter().enumerate().map(|(i, row)| {
                        let line = i + 2;
                        let bad = error_lines.contains(&line);
                        view! {
                            <tr class:row-error=bad>
                                <th scope="row">{line}</th>
                                {row.into_iter().map(|c| view! { <td>{c}</td> }).collect_view()}
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {valid.then(|| view! {
            <ActionForm action=confirm attr:class="inline-form">
                <input type="hidden" name="import_id" value=preview.id.to_string()/>
                <button type="submit" class="button">{tr!("import.confirm")}</button>
            </ActionForm>
        })}
        <p><a href="/staff">{tr!("import.back")}</a></p>
    }
}
