//! What an authoring page shows instead of its content: sign in first, forbidden (403) or not
//! found (404). The status code is set so tests and crawlers see it too.

use crate::api::authoring::Gate;
use crate::tr;
use leptos::either::EitherOf4;
use leptos::prelude::*;

/// Renders `content` for `Gate::Ok`, a plain explanation otherwise.
pub fn gate_view<T, V: IntoView>(gate: Gate<T>, content: impl FnOnce(T) -> V) -> impl IntoView {
    match gate {
        Gate::Ok(value) => EitherOf4::A(content(value)),
        Gate::SignInFirst => EitherOf4::B(view! {
            <p>{tr!("staff.error.not_signed_in")}</p>
            <p><a class="button" href="/staff/login">{tr!("staff.sign_in")}</a></p>
        }),
        Gate::Forbidden => {
            #[cfg(feature = "ssr")]
            crate::request::set_status(http::StatusCode::FORBIDDEN);
            EitherOf4::C(
                view! { <p class="flash flash-error" role="alert">{tr!("staff.error.forbidden")}</p> },
            )
        }
        Gate::NotFound => {
            #[cfg(feature = "ssr")]
            crate::request::set_status(http::StatusCode::NOT_FOUND);
            EitherOf4::D(
                view! { <p class="flash flash-error" role="alert">{tr!("staff.error.not_found")}</p> },
            )
        }
    }
}

/// Links between the staff pages, shown at the top of each.
#[component]
pub fn StaffNav() -> impl IntoView {
    view! {
        <nav class="staff-nav" aria-label=tr!("staff.nav_label")>
            <a href="/staff">{tr!("staff.desk_title")}</a>
            <a href="/staff/topics">{tr!("staff.topics_title")}</a>
            <a href="/staff/departments">{tr!("staff.departments_title")}</a>
            <a href="/staff/cycles">{tr!("cycles.title")}</a>
            <a href="/staff/replies">{tr!("reply.desk_title")}</a>
            <a href="/staff/hotline">{tr!("hotline.staff_title")}</a>
        </nav>
    }
}

/// `<option>`s for a department picker, with `selected` preselected.
pub fn department_options(
    departments: &[crate::model::Department],
    selected: Option<i64>,
) -> impl IntoView {
    departments
        .iter()
        .map(|d| {
            view! { <option value=d.id.to_string() selected=selected == Some(d.id)>{d.name.clone()}</option> }
        })
        .collect_view()
}

/// `<option>`s for a policy's 发布机关: the listed departments by name, and first the issuer
/// on record when it is not one of them (a policy from the facts keeps its own), or a prompt
/// when nothing is chosen yet.
pub fn issuer_options(departments: &[crate::model::Department], chosen: &str) -> impl IntoView {
    let listed = departments.iter().any(|d| d.name == chosen);
    let first = match (chosen.is_empty(), listed) {
        (true, _) => Some(
            view! { <option value="" selected=true>{crate::tr!("staff.choose_issuer")}</option> }
                .into_any(),
        ),
        (false, false) => Some(
            view! { <option value=chosen.to_string() selected=true>{chosen.to_string()}</option> }
                .into_any(),
        ),
        (false, true) => None,
    };
    let rest = departments
        .iter()
        .map(|d| view! { <option value=d.name.clone() selected=d.name == chosen>{d.name.clone()}</option> })
        .collect_view();
    (first, rest)
}

/// `<option>`s for a level picker.
pub fn level_options(selected: Option<crate::model::Level>) -> impl IntoView {
    crate::model::LEVELS
        .into_iter()
        .map(|l| {
            view! {
                <option value=l.as_str() selected=selected == Some(l)>
                    {crate::components::topic_lists::level_label(l)}
                </option>
            }
        })
        .collect_view()
}

/// Link to an item's revision history.
#[component]
pub fn HistoryLink(entity: crate::model::Entity, id: i64) -> impl IntoView {
    view! {
        <a class="history-link" href=format!("/staff/history/{}/{id}", entity.as_str())>
            {tr!("staff.history")}
        </a>
    }
}
