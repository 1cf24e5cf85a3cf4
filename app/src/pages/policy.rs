//! 政策: one policy document with its issuer, dates and sources — or, for an editor, its draft
//! preview (草稿预览), or 已撤回 with the reason.

use crate::api::editor::{get_policy_page, PolicyPageView};
use crate::components::loading::DataView;
use crate::model::{parse_id, Policy};
use crate::pages::problem::PolicyItem;
use crate::pages::topic_state::{PreviewBanner, WithdrawnNotice};
use crate::pages::NotFound;
use crate::tr;
use leptos::either::EitherOf4;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn PolicyPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").as_deref().and_then(parse_id);
    let page = Resource::new_blocking(id, |id| async move {
        match id {
            Some(id) => get_policy_page(id).await,
            None => Ok(PolicyPageView::Missing),
        }
    });
    view! {
        <DataView>
            {move || Suspend::new(async move {
                page.await.map(|page| match page {
                    PolicyPageView::Public(policy) => EitherOf4::A(view! { <PolicyBody policy/> }),
                    PolicyPageView::Preview(policy) => EitherOf4::B(view! {
                        <PreviewBanner editor_href=crate::paths::staff_policy(policy.id)/>
                        <PolicyBody policy/>
                    }),
                    PolicyPageView::Withdrawn(withdrawal) => {
                        EitherOf4::C(view! { <WithdrawnNotice withdrawal/> })
                    }
                    PolicyPageView::Missing => EitherOf4::D(view! { <NotFound/> }),
                })
            })}
        </DataView>
    }
}

#[component]
fn PolicyBody(policy: Policy) -> impl IntoView {
    view! {
        <Title text=policy.title.clone()/>
        <nav class="breadcrumb" aria-label=tr!("nav.breadcrumb")>
            <a href="/">{tr!("nav.home")}</a>
            " › "
            <span aria-current="page">{tr!("policy.heading")}</span>
        </nav>
        <h1>{policy.title.clone()}</h1>
        <ul class="policy-list"><PolicyItem policy/></ul>
    }
}
