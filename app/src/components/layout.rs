//! The frame around every page: skip link, header with navigation and language switch, footer
//! with the data note. Plain links only, so everything works with JavaScript off.

use crate::i18n::Locale;
use crate::tr;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn Layout(locale: Locale, children: Children) -> impl IntoView {
    let location = use_location();
    // The switch sends the reader back to the page they were on, in the other language.
    let switch_href = move || {
        let search = location.search.get_untracked();
        let query = match search.as_str() {
            "" => String::new(),
            s if s.starts_with('?') => s.to_string(),
            s => format!("?{s}"),
        };
        let here = format!("{}{query}", location.pathname.get_untracked());
        let next = if here.starts_with('/') && !here.starts_with("//") {
            here
        } else {
            "/".to_string()
        };
        format!(
            "/lang/{}?next={}",
            locale.other().tag(),
            crate::paths::query_value(&next)
        )
    };
    let other = locale.other();
    // Signed in, a member of staff sees it on every page, with the way back to her desk
    // (issue 34: the header looked the same as a resident's).
    #[cfg(feature = "ssr")]
    let member = crate::request::signed_in();
    #[cfg(not(feature = "ssr"))]
    let member: Option<crate::model::StaffMember> = None;
    let staff_bar = member.map(|m| {
        view! {
            <div class="staff-bar">
                <p class="wrap">
                    {tr!("staff.signed_in_bar", name = m.display_name.clone(), role = tr!(m.role.label_key()))}
                    " · "
                    <a href="/staff">{tr!("staff.desk_title")}</a>
                </p>
            </div>
        }
    });
    view! {
        <a class="skip-link" href="#main">{tr!("nav.skip")}</a>
        <header class="site-header">
            {staff_bar}
            <div class="wrap header-row">
                <a class="brand" href="/">
                    <span class="brand-mark" aria-hidden="true">"点"</span>
                    <span class="brand-text">
                        <span class="brand-name">{tr!("site.name")}</span>
                        <span class="brand-tagline">{tr!("site.tagline")}</span>
                    </span>
                </a>
                <a class="lang-switch" href=switch_href hreflang=other.tag() lang=other.tag()>
                    <span class="visually-hidden">{tr!("nav.language")}": "</span>
                    {other.endonym()}
                </a>
            </div>
            <nav class="wrap site-nav" aria-label=tr!("nav.label")>
                <a href="/">{tr!("nav.home")}</a>
                <a href="/vote">{tr!("nav.vote")}</a>
                <a href="/archive">{tr!("nav.archive")}</a>
                <a href="/search">{tr!("nav.search")}</a>
                <a href="/about">{tr!("nav.about")}</a>
            </nav>
        </header>
        <main id="main" class="wrap" tabindex="-1">
            {children()}
        </main>
        <footer class="site-footer">
            <div class="wrap">
                <p>{tr!("footer.data_note")}</p>
                <p>
                    <a href="/about#data">{tr!("footer.method")}</a>
                    " · "
                    <a href="/glossary">{tr!("glossary.link")}</a>
                    " · "
                    <a href="/charts">{tr!("chart.catalog_title")}</a>
                    " · "
                    <a href="/hotline">{tr!("hotline.short")}</a>
                    " · "
                    <a href="/feed.atom">{tr!("footer.feed")}</a>
                    " · "
                    <a href="/api/openapi.json">{tr!("footer.api")}</a>
                    " · "
                    {tr!("footer.hotline")}
                </p>
            </div>
        </footer>
    }
}
