//! 搜索: a plain GET form, so results have a shareable address and work without JavaScript.

use crate::api::search;
use crate::components::loading::DataView;
use crate::model::{site_pages, HitKind, QueryProblem, SearchHit, MAX_QUERY_CHARS};
use crate::tr;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

fn kind_label(kind: HitKind) -> String {
    match kind {
        HitKind::Topic => tr!("search.kind_topic"),
        HitKind::Problem => tr!("search.kind_problem"),
        HitKind::Policy => tr!("search.kind_policy"),
        HitKind::Task => tr!("search.kind_task"),
        HitKind::Candidate => tr!("search.kind_candidate"),
        HitKind::Suggestion => tr!("search.kind_suggestion"),
    }
}

/// The portal's own sections the query names ("投票", "回执"), above the titles found.
#[component]
fn Sections(query: String) -> impl IntoView {
    let pages = site_pages(query.trim());
    (!pages.is_empty()).then(|| {
        view! {
            <section aria-labelledby="search-sections">
                <h2 id="search-sections" class="h3">{tr!("search.sections")}</h2>
                <ul class="plain-list search-hits">
                    {pages
                        .into_iter()
                        .map(|p| view! {
                            <li>
                                <a href=p.href>{tr!(p.name_key)}</a>
                                " "
                                <span class="muted">{tr!(p.about_key)}</span>
                            </li>
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}

#[component]
pub fn SearchPage() -> impl IntoView {
    let query = use_query_map();
    let raw = move || query.read().get("q").unwrap_or_default();
    let results = Resource::new_blocking(raw, |q| async move {
        if q.trim().is_empty() {
            Ok(Err(QueryProblem::Empty))
        } else {
            search(q).await
        }
    });
    let typed = raw();
    view! {
        <Title text=tr!("search.title")/>
        <h1>{tr!("search.title")}</h1>
        <form role="search" method="get" action="/search" class="search-form">
            <label for="q">{tr!("search.label")}</label>
            <div class="search-row">
                // The box keeps everything the reader typed, even when it is too long.
                <input id="q" name="q" type="search" value=typed.clone() enterkeyhint="search" aria-describedby="q-hint"/>
                <button type="submit" class="button">{tr!("search.submit")}</button>
            </div>
            <p id="q-hint" class="muted">{tr!("search.hint", max = MAX_QUERY_CHARS)}</p>
        </form>
        <Sections query=typed/>
        <DataView>
            {move || Suspend::new(async move {
                results.await.map(|outcome| match outcome {
                    Err(QueryProblem::Empty) => EitherOf3::A(()),
                    Err(QueryProblem::TooLong) => EitherOf3::B(view! {
                        <p class="warning" role="alert">{tr!("search.too_long", max = MAX_QUERY_CHARS)}</p>
                    }),
                    Ok(hits) => EitherOf3::C(view! { <Hits hits/> }),
                })
            })}
        </DataView>
    }
}

#[component]
fn Hits(hits: Vec<SearchHit>) -> impl IntoView {
    let count = hits.len();
    view! {
        <p role="status">{tr!("search.count", count = count)}</p>
        <ul class="plain-list search-hits">
            {hits
                .into_iter()
                .map(|h| {
                    view! {
                        <li>
                            <span class="badge badge-uncertain">{kind_label(h.kind)}</span>
                            " "
                            <a href=h.href>{h.title}</a>
                            " "
                            <span class="muted">{h.detail}</span>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}
