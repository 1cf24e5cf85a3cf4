use crate::tr;
use leptos::prelude::*;
use leptos_meta::Title;

/// 404: said plainly, with the ways back. Sets the HTTP status so crawlers and tests see it too.
#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    crate::request::set_status(http::StatusCode::NOT_FOUND);
    view! {
        <Title text=tr!("not_found.title")/>
        <section class="notice">
            <h1>{tr!("not_found.title")}</h1>
            <p>{tr!("not_found.body")}</p>
            <ul class="link-list">
                <li><a href="/">{tr!("not_found.home")}</a></li>
                <li><a href="/#years">{tr!("not_found.years")}</a></li>
                <li><a href="/about">{tr!("nav.about")}</a></li>
            </ul>
        </section>
    }
}
