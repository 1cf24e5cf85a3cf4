//! 操作记录: administrators read the append-only audit log, newest first.

use crate::api::staff::{audit_log, AuditView};
use crate::components::loading::DataView;
use crate::i18n::when::date_time;
use crate::pages::staff::SignInFirst;
use crate::tr;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn StaffAuditPage() -> impl IntoView {
    let entries = Resource::new_blocking(|| (), |_| audit_log());
    view! {
        <Title text=tr!("staff.audit_title")/>
        <Meta name="robots" content="noindex"/>
        <h1>{tr!("staff.audit_title")}</h1>
        <DataView>
            {move || Suspend::new(async move {
                entries.await.map(|entries| match entries {
                    AuditView::SignInFirst => EitherOf3::A(view! { <SignInFirst/> }),
                    AuditView::Forbidden => {
                        #[cfg(feature = "ssr")]
                        crate::request::set_status(http::StatusCode::FORBIDDEN);
                        EitherOf3::B(view! { <p class="flash flash-error" role="alert">{tr!("staff.error.forbidden")}</p> })
                    }
                    AuditView::Entries(entries) => EitherOf3::C(view! {
                        <ol class="plain-list audit">
                            {entries
                                .into_iter()
                                .map(|e| view! {
                                    <li>
                                        <time datetime=e.at.clone()>{date_time(&e.at)}</time>" · "
                                        <strong>{e.username}</strong>" · "{e.action}" · "{e.subject}" "
                                        <span class="muted">{e.detail}</span>
                                    </li>
                                })
                                .collect_view()}
                        </ol>
                    }),
                })
            })}
        </DataView>
    }
}
