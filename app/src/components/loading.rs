//! The friendly states a page can be in while or instead of showing data.

use crate::tr;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="loading" role="status">{tr!("state.loading")}</p> }
}

/// Shown when the server could not load data. The cause is in the server log, never on the page.
#[component]
pub fn ErrorNotice() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::request::set_status(http::StatusCode::INTERNAL_SERVER_ERROR);
    view! {
        <Title text=tr!("error.title")/>
        <section class="notice" role="alert">
            <h1>{tr!("error.title")}</h1>
            <p>{tr!("error.body")}</p>
            <p><a class="button" href="/">{tr!("error.home")}</a></p>
        </section>
    }
}

/// Wraps a page's data in `Suspense` + `ErrorBoundary`, the shape of the Leptos examples.
#[component]
pub fn DataView(children: ChildrenFn) -> impl IntoView {
    view! {
        <Suspense fallback=Loading>
            <ErrorBoundary fallback=|_errors| view! { <ErrorNotice/> }>{children()}</ErrorBoundary>
        </Suspense>
    }
}
