//! 账号管理: administrators see every staff account and can disable or re-enable it.
//! New accounts are created with `server staff-add` (the password never passes through a page).

use crate::api::staff::{load_accounts, AccountsView, SetAccountDisabled};
use crate::components::loading::DataView;
use crate::model::{Role, StaffMember};
use crate::pages::staff::Flash;
use crate::tr;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

fn role_label(role: Role) -> String {
    match role {
        Role::Admin => tr!("staff.role.admin"),
        Role::Editor => tr!("staff.role.editor"),
        Role::Department => tr!("staff.role.department"),
        Role::Moderator => tr!("staff.role.moderator"),
    }
}

#[component]
pub fn StaffAccountsPage() -> impl IntoView {
    let accounts = Resource::new_blocking(|| (), |_| load_accounts());
    view! {
        <Title text=tr!("staff.accounts_title")/>
        <Meta name="robots" content="noindex"/>
        <h1>{tr!("staff.accounts_title")}</h1>
        <Flash/>
        <DataView>
            {move || Suspend::new(async move {
                accounts.await.map(|view| match view {
                    AccountsView::SignInFirst => EitherOf3::A(view! {
                        <p>{tr!("staff.error.not_signed_in")}</p>
                        <p><a class="button" href="/staff/login">{tr!("staff.sign_in")}</a></p>
                    }),
                    AccountsView::Forbidden => {
                        #[cfg(feature = "ssr")]
                        crate::request::set_status(http::StatusCode::FORBIDDEN);
                        EitherOf3::B(view! { <p class="flash flash-error" role="alert">{tr!("staff.error.forbidden")}</p> })
                    }
                    AccountsView::Accounts(list) => EitherOf3::C(view! {
                        <p class="muted">{tr!("staff.accounts_note")}</p>
                        <ul class="plain-list">
                            {list.into_iter().map(|(member, disabled)| view! { <AccountRow member disabled/> }).collect_view()}
                        </ul>
                    }),
                })
            })}
        </DataView>
    }
}

#[component]
fn AccountRow(member: StaffMember, disabled: bool) -> impl IntoView {
    let action = ServerAction::<SetAccountDisabled>::new();
    let department = member.department.map(|d| d.name).unwrap_or_default();
    let (value, label) = if disabled {
        ("0", tr!("staff.enable"))
    } else {
        ("1", tr!("staff.disable"))
    };
    let username = member.username.clone();
    view! {
        <li data-username=username>
            <strong>{member.display_name}</strong>" ("{member.username}") · "{role_label(member.role)}" "
            <span class="muted">{department}</span>" "
            {disabled.then(|| view! { <span class="badge badge-uncertain">{tr!("staff.disabled")}</span> })}
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="staff_id" value=member.id.to_string()/>
                <input type="hidden" name="disabled" value=value/>
                <button type="submit" class="button button-quiet">{label}</button>
            </ActionForm>
        </li>
    }
}
