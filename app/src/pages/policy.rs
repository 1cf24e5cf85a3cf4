//! 政策: one policy document with its issuer, dates and sources.

use crate::api::get_policy;
use crate::components::loading::DataView;
use crate::model::parse_id;
use crate::pages::problem::PolicyItem;
use crate::pages::NotFound;
use crate::tr;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PolicyPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").as_deref().and_then(parse_id);
    let policy = Resource::new_blocking(id, |id| async move {
        match id {
            Some(id) => get_policy(id).await,
            None => Ok(None),
        }
    });
    // A withdrawn policy's page says so (已撤回, when and why) instead of "not found".
    let withdrawn = Resource::new_blocking(id, |id| async move {
        match id {
            Some(id) => crate::api::editor::get_policy_withdrawal(id)
                .await
                .ok()
                .flatten(),
            None => None,
        }
    });
    view! {
        <DataView>
            {move || Suspend::new(async move {
                let withdrawn = withdrawn.await;
                policy.await.map(|policy| match policy {
                    Some(policy) => Either::Left(view! {
                        <Title text=policy.title.clone()/>
                        <nav class="breadcrumb" aria-label=tr!("nav.breadcrumb")>
                            <a href="/">{tr!("nav.home")}</a>
                            " › "
                            <span aria-current="page">{tr!("policy.heading")}</span>
                        </nav>
                        <h1>{policy.title.clone()}</h1>
                        <ul class="policy-list"><PolicyItem policy/></ul>
                    }),
                    None => Either::Right(match withdrawn {
                        Some(withdrawal) => Either::Left(view! {
                            <crate::pages::topic_state::WithdrawnNotice withdrawal/>
                        }),
                        None => Either::Right(view! { <NotFound/> }),
                    }),
                })
            })}
        </DataView>
    }
}
