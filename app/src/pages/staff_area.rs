//! 工作人员区: the parent route of every `/staff` page and its one sign-in gate. Who is signed in
//! was looked up before rendering (`request::SignedIn`, put there by the server), so the gate
//! decides at once: the sign-in notice, or the page. The sign-in page itself is never gated, and
//! it sends her back to the page she asked for (`paths::after_sign_in`).

use crate::tr;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::Outlet;
use leptos_router::hooks::use_location;

/// `Some(false)`: the request came with no valid session. `None` when the server did not look
/// (the page's own loader then decides, as before).
fn signed_in() -> Option<bool> {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|p| p.extensions.get::<crate::request::SignedIn>().cloned())
            .map(|s| s.0.is_some())
    }
    #[cfg(not(feature = "ssr"))]
    {
        None
    }
}

#[component]
pub fn StaffArea() -> impl IntoView {
    let login = use_location().pathname.get_untracked() == "/staff/login";
    if login || signed_in() != Some(false) {
        Either::Left(view! { <Outlet/> })
    } else {
        let location = use_location();
        let path = location.pathname.get_untracked();
        let search = location.search.get_untracked();
        let search = search.trim_start_matches('?');
        let here = if search.is_empty() {
            path
        } else {
            format!("{path}?{search}")
        };
        Either::Right(view! {
            <Title text=tr!("staff.login_title")/>
            <h1>{tr!("staff.login_title")}</h1>
            <p>{tr!("staff.error.not_signed_in")}</p>
            <p>
                <a class="button" href=format!("/staff/login?next={}", crate::paths::query_value(&here))>
                    {tr!("staff.sign_in")}
                </a>
            </p>
        })
    }
}
