//! 账号管理: administrators see every staff account, add accounts and can disable or re-enable
//! them. The very first administrator comes from `server staff-add` on the command line.

use crate::api::authoring::{load_editor_departments, CreateAccount, Gate};
use crate::api::staff::{load_accounts, AccountsView, SetAccountDisabled};
use crate::components::loading::DataView;
use crate::model::{Department, Role, StaffMember};
use crate::pages::staff::Flash;
use crate::tr;
use leptos::either::EitherOf3;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

fn role_label(role: Role) -> String {
    tr!(role.label_key())
}

#[component]
pub fn StaffAccountsPage() -> impl IntoView {
    let accounts = Resource::new_blocking(|| (), |_| load_accounts());
    let departments = Resource::new_blocking(|| (), |_| load_editor_departments());
    view! {
        <Title text=tr!("staff.accounts_title")/>
        <Meta name="robots" content="noindex"/>
        <h1>{tr!("staff.accounts_title")}</h1>
        <Flash/>
        <DataView>
            {move || Suspend::new(async move {
                let departments = match departments.await {
                    Ok(Gate::Ok(list)) => list,
                    _ => Vec::new(),
                };
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
                    AccountsView::Accounts(list) => {
                        EitherOf3::C(view! {
                            <p class="muted">{tr!("staff.accounts_note")}</p>
                            <ul class="plain-list">
                                {list.into_iter().map(|(member, disabled)| view! { <AccountRow member disabled/> }).collect_view()}
                            </ul>
                            <NewAccount departments/>
                        })
                    }
                })
            })}
        </DataView>
    }
}

#[component]
fn AccountRow(member: StaffMember, disabled: bool) -> impl IntoView {
    let action = ServerAction::<SetAccountDisabled>::new();
    let department = member
        .department
        .clone()
        .map(|d| d.name)
        .unwrap_or_default();
    let (value, label) = if disabled {
        ("0", tr!("staff.enable"))
    } else {
        ("1", tr!("staff.disable"))
    };
    let username = member.username.clone();
    let grant = view! { <crate::components::roles::GrantForm member=member.clone()/> };
    view! {
        <li data-username=username>
            <strong>{member.display_name.clone()}</strong>" ("{member.username.clone()}") · "{role_label(member.role)}" "
            <span class="muted">{department}</span>" "
            {disabled.then(|| view! { <span class="badge badge-uncertain">{tr!("staff.disabled")}</span> })}
            <ActionForm action attr:class="inline-form">
                <input type="hidden" name="staff_id" value=member.id.to_string()/>
                <input type="hidden" name="disabled" value=value/>
                <button type="submit" class="button button-quiet">{label}</button>
            </ActionForm>
            " "{grant}
        </li>
    }
}

/// 开通账号. The administrator sets a first password (at least 12 characters) and hands it over;
/// department staff must belong to a department.
#[component]
fn NewAccount(departments: Vec<Department>) -> impl IntoView {
    let action = ServerAction::<CreateAccount>::new();
    let roles = [Role::Editor, Role::Department, Role::Moderator, Role::Admin]
        .into_iter()
        .map(|r| view! { <option value=r.as_str()>{role_label(r)}</option> })
        .collect_view();
    view! {
        <section aria-labelledby="new-account">
            <h2 id="new-account">{tr!("staff.new_account")}</h2>
            <ActionForm action attr:class="stack-form">
                <label for="a-username">{tr!("staff.username")}</label>
                <input id="a-username" name="username" type="text" required minlength="3" maxlength="64"
                    pattern="[A-Za-z0-9._\\-]+" autocomplete="off" aria-describedby="a-username-hint"/>
                <p id="a-username-hint" class="muted">{tr!("staff.username_hint")}</p>
                <label for="a-display">{tr!("staff.display_name")}</label>
                <input id="a-display" name="display_name" type="text" required minlength="2" maxlength="100"/>
                <label for="a-role">{tr!("staff.role_label")}</label>
                <select id="a-role" name="role">{roles}</select>
                <label for="a-department">{tr!("staff.duty_department")}</label>
                <select id="a-department" name="department">
                    <option value="">{tr!("staff.no_department")}</option>
                    {departments.into_iter().map(|d| { let name = d.name.clone(); view! { <option value=name>{d.name}</option> } }).collect_view()}
                </select>
                <label for="a-password">{tr!("staff.first_password")}</label>
                <input id="a-password" name="password" type="password" required minlength="12" maxlength="1024"
                    autocomplete="new-password" aria-describedby="a-password-hint"/>
                <p id="a-password-hint" class="muted">{tr!("staff.first_password_hint")}</p>
                <button type="submit" class="button">{tr!("staff.create_account")}</button>
            </ActionForm>
        </section>
    }
}
