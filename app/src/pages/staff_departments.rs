//! 部门: editors add departments and correct their names. A rename keeps its history; the
//! department's tasks and responsibilities follow it because they point to its id, not its name.

use crate::api::authoring::{load_editor_departments, SaveDepartment};
use crate::components::form_echo::{use_echo, Echoed};
use crate::components::loading::DataView;
use crate::components::staff_gate::{gate_view, HistoryLink, StaffNav};
use crate::model::{Department, Entity};
use crate::pages::staff::Flash;
use crate::tr;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn StaffDepartmentsPage() -> impl IntoView {
    let list = Resource::new_blocking(|| (), |_| load_editor_departments());
    let echo = use_echo();
    view! {
        <Title text=tr!("staff.departments_title")/>
        <Meta name="robots" content="noindex"/>
        <StaffNav/>
        <h1>{tr!("staff.departments_title")}</h1>
        <DataView>
            {move || Suspend::new(async move {
                let echo = echo.await;
                list.await.map(|gate| gate_view(gate, |departments| view! {
                    <Flash echo=echo.clone()/>
                    <Departments departments echo/>
                }))
            })}
        </DataView>
    }
}

#[component]
fn Departments(
    departments: Vec<Department>,
    echo: Option<crate::model::FormEcho>,
) -> impl IntoView {
    let rows = departments
        .into_iter()
        .map(|d| {
            let action = ServerAction::<SaveDepartment>::new();
            let field = format!("department-{}", d.id);
            let e = Echoed::of(&echo, &field);
            let marker = e.marker();
            let (value, invalid, described, focus, message) = (
                e.text("name", d.name.clone()),
                e.invalid("name"),
                e.described("name", &field, None),
                e.focus("name"),
                e.message("name", &field),
            );
            view! {
                <li class="card">
                    <ActionForm action attr:class="inline-form">
                        <input type="hidden" name="department_id" value=d.id.to_string()/>
                        {marker}
                        <label for=field.clone() class="visually-hidden">{tr!("staff.department_name")}</label>
                        <input id=field.clone() name="name" type="text" required minlength="2" maxlength="100" value=value
                            aria-invalid=invalid aria-describedby=described autofocus=focus/>
                        <button type="submit" class="button button-quiet">{tr!("staff.save")}</button>
                    </ActionForm>
                    {message}
                    <a href=crate::paths::department(d.id)>{tr!("staff.public_page")}</a>" · "
                    <HistoryLink entity=Entity::Department id=d.id/>
                </li>
            }
        })
        .collect_view();
    let add = ServerAction::<SaveDepartment>::new();
    let e = Echoed::of(&echo, "department-new");
    view! {
        <ul class="plain-list">{rows}</ul>
        <ActionForm action=add attr:class="stack-form" attr:id="departments">
            <input type="hidden" name="department_id" value=""/>
            {e.marker()}
            <label for="new-department">{tr!("staff.new_department")}</label>
            <input id="new-department" name="name" type="text" required minlength="2" maxlength="100" value=e.text("name", String::new())
                aria-invalid=e.invalid("name") aria-describedby=e.described("name", "new-department", None) autofocus=e.focus("name")/>
            {e.message("name", "new-department")}
            <button type="submit" class="button">{tr!("staff.add")}</button>
        </ActionForm>
    }
}
