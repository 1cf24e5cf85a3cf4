//! 选题征集管理: editors open a new voting cycle (its rules are frozen once it opens), add
//! candidates before it opens, print paper voting codes, and after it closes record which
//! candidate became which month's topic.

use crate::api::moderation::{
    load_cycles_admin, AddCycleCandidate, CreateCycle, EditCycleCandidate, OpenCycleNow,
    SetCandidateBecame, SetCandidateNotChosen, WithdrawCycleCandidate,
};
use crate::components::form_echo::{use_echo, Echoed};
use crate::components::loading::DataView;
use crate::components::raw_text::text_box;
use crate::components::reply_rule_form::ReplyRuleDesk;
use crate::components::staff_gate::{gate_view, StaffNav};
use crate::i18n::use_locale;
use crate::i18n::when::{closing_text, opening_text};
use crate::model::{
    AdminCandidate, CycleAdmin, CyclesAdmin, NotChosenReason, Phase, DISTRICTS, REASON_MAX,
    REASON_MIN,
};
use crate::pages::staff::Flash;
use crate::tr;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn StaffCyclesPage() -> impl IntoView {
    let list = Resource::new_blocking(|| (), |_| load_cycles_admin());
    let echo = use_echo();
    view! {
        <Title text=tr!("cycles.title")/>
        <Meta name="robots" content="noindex"/>
        <StaffNav/>
        <h1>{tr!("cycles.title")}</h1>
        <DataView>
            {move || Suspend::new(async move {
                let echo = echo.await;
                list.await.map(|gate| gate_view(gate, |list| view! {
                    <Flash echo=echo.clone()/>
                    <Cycles list echo/>
                }))
            })}
        </DataView>
    }
}

#[component]
fn Cycles(list: CyclesAdmin, echo: Option<crate::model::FormEcho>) -> impl IntoView {
    let create = ServerAction::<CreateCycle>::new();
    let e = Echoed::of(&echo, "cycle-new");
    let live = !e.any() || !e.text("live_tally", String::new()).is_empty();
    let picks = e.text("max_picks", "3".into());
    let topics = list.topics;
    let departments = list.departments;
    view! {
        <ul class="plain-list">
            {list.cycles.into_iter().map(|c| view! { <CycleCard c topics=topics.clone() departments=departments.clone() echo=echo.clone()/> }).collect_view()}
        </ul>
        <section aria-labelledby="new-cycle">
            <h2 id="new-cycle">{tr!("cycles.new")}</h2>
            <ActionForm action=create attr:class="stack-form">
                {e.marker()}
                <label for="c-slug">{tr!("cycles.slug")}</label>
                <input id="c-slug" name="slug" type="text" required minlength="3" maxlength="40" pattern="[a-z0-9\\-]+"
                    value=e.text("slug", String::new()) aria-invalid=e.invalid("slug")
                    aria-describedby=e.described("slug", "c-slug", Some("c-slug-hint")) autofocus=e.focus("slug")/>
                {e.message("slug", "c-slug")}
                <p id="c-slug-hint" class="muted">{tr!("cycles.slug_hint")}</p>
                <label for="c-title">{tr!("cycles.field_title")}</label>
                <input id="c-title" name="title" type="text" required minlength="4" maxlength="100"
                    value=e.text("title", String::new()) aria-invalid=e.invalid("title")
                    aria-describedby=e.described("title", "c-title", None) autofocus=e.focus("title")/>
                {e.message("title", "c-title")}
                <label for="c-target">{tr!("cycles.target")}</label>
                <input id="c-target" name="target" type="text" required minlength="2" maxlength="100"
                    value=e.text("target", String::new()) aria-invalid=e.invalid("target")
                    aria-describedby=e.described("target", "c-target", None) autofocus=e.focus("target")/>
                {e.message("target", "c-target")}
                <label for="c-opens">{tr!("cycles.opens")}</label>
                <input id="c-opens" name="opens" type="date" required
                    value=e.text("opens", String::new()) aria-invalid=e.invalid("opens")
                    aria-describedby=e.described("opens", "c-opens", None) autofocus=e.focus("opens")/>
                {e.message("opens", "c-opens")}
                <label for="c-closes">{tr!("cycles.closes")}</label>
                <input id="c-closes" name="closes" type="date" required
                    value=e.text("closes", String::new()) aria-invalid=e.invalid("closes")
                    aria-describedby=e.described("closes", "c-closes", None) autofocus=e.focus("closes")/>
                {e.message("closes", "c-closes")}
                <label for="c-picks">{tr!("cycles.max_picks")}</label>
                <input id="c-picks" name="max_picks" type="number" min="1" max="10" value=picks required
                    aria-invalid=e.invalid("max_picks") aria-describedby=e.described("max_picks", "c-picks", None) autofocus=e.focus("max_picks")/>
                {e.message("max_picks", "c-picks")}
                <label class="check"><input name="live_tally" type="checkbox" value="1" checked=live/>" "{tr!("cycles.live_tally")}</label>
                <p class="muted">{tr!("cycles.opens_today_note")}</p>
                <p class="muted">{tr!("cycles.frozen_note")}</p>
                <button type="submit" class="button">{tr!("cycles.create")}</button>
            </ActionForm>
        </section>
    }
}

#[component]
fn CycleCard(
    c: CycleAdmin,
    topics: Vec<crate::model::TopicLabel>,
    departments: Vec<String>,
    echo: Option<crate::model::FormEcho>,
) -> impl IntoView {
    let CycleAdmin { cycle, candidates } = c;
    let rule = view! { <ReplyRuleDesk cycle=cycle.clone() departments echo=echo.clone()/> };
    let slug = cycle.slug.clone();
    let upcoming = cycle.phase == Phase::Upcoming;
    let closed = cycle.phase == Phase::Closed;
    let add_slug = slug.clone();
    let add = upcoming.then(move || {
        let slug = add_slug;
        let action = ServerAction::<AddCycleCandidate>::new();
        let prefix = slug.clone();
        let id = move |f: &str| format!("{prefix}-{f}");
        view! {
            <details>
                <summary>{tr!("cycles.add_candidate")}</summary>
                <ActionForm action attr:class="stack-form">
                    <input type="hidden" name="cycle" value=slug.clone()/>
                    <label for=id("t")>{tr!("cycles.candidate_title")}</label>
                    <input id=id("t") name="title" type="text" required minlength="4" maxlength="100"/>
                    <label for=id("d")>{tr!("cycles.candidate_description")}</label>
                    <textarea id=id("d") name="description" rows="3" required minlength="4" maxlength="1000"></textarea>
                    <label for=id("e")>{tr!("vote.evidence")}</label>
                    <textarea id=id("e") name="evidence" rows="2" maxlength="1000"></textarea>
                    <button type="submit" class="button">{tr!("staff.add")}</button>
                </ActionForm>
            </details>
        }
    });
    let count = candidates.len();
    let open_now =
        upcoming.then(|| view! { <OpenNow slug=slug.clone() count awaits=cycle.awaits_open/> });
    let open_or_upcoming = !closed;
    let codes = open_or_upcoming.then(|| {
        let id = format!("{}-district", slug);
        let count_id = format!("{}-count", slug);
        view! {
            <form method="post" action="/staff/codes" class="inline-form" target="_blank">
                <input type="hidden" name="cycle" value=slug.clone()/>
                <label for=id.clone()>{tr!("cycles.codes_for")}</label>
                <select id=id name="district">
                    {DISTRICTS.into_iter().map(|d| view! { <option value=d>{d}</option> }).collect_view()}
                </select>
                <label for=count_id.clone()>{tr!("cycles.codes_count")}</label>
                <input id=count_id name="count" type="number" min="1" max="500" value="50"/>
                <button type="submit" class="button button-quiet">{tr!("cycles.print_codes")}</button>
            </form>
        }
    });
    let rows = candidates
        .into_iter()
        .map(|candidate| {
            let (id, became) = (candidate.id, candidate.became);
            let not_chosen = (closed && became.is_none())
                .then(|| view! { <NotChosenForm id current=candidate.not_chosen/> });
            let title = candidate.title.clone();
            let change = upcoming.then(|| view! { <CandidateChange candidate echo=echo.clone()/> });
            let topics = topics.clone();
            let form = closed.then(move || {
                let action = ServerAction::<SetCandidateBecame>::new();
                let select_id = format!("became-{id}");
                let current = became.map(|(y, m)| format!("{y}-{m}")).unwrap_or_default();
                view! {
                    <ActionForm action attr:class="inline-form">
                        <input type="hidden" name="candidate_id" value=id.to_string()/>
                        <label for=select_id.clone()>{tr!("cycles.became")}</label>
                        <select id=select_id name="topic">
                            <option value="">{tr!("cycles.none")}</option>
                            {topics.iter().map(|crate::model::TopicLabel { key: crate::model::TopicKey { year: y, month: m }, theme }| {
                                let value = format!("{y}-{m}");
                                view! { <option value=value.clone() selected=value == current>{format!("{y}-{m:02} {theme}")}</option> }
                            }).collect_view()}
                        </select>
                        <button type="submit" class="button button-quiet">{tr!("staff.save")}</button>
                    </ActionForm>
                }
            });
            view! { <li id=format!("candidate-{id}")>{title}{form}{not_chosen}{change}</li> }
        })
        .collect_view();
    view! {
        <li class="card">
            <h2><a href=crate::paths::cycle(cycle.slug)>{cycle.title.clone()}</a></h2>
            <p class="muted">{opening_text(&cycle.opens_at, use_locale())}" → "{closing_text(&cycle.closes_at, use_locale())}" · "{tr!("vote.rule", max = cycle.max_picks)}</p>
            {rule}
            <ul>{rows}</ul>
            {add}
            {open_now}
            {codes}
        </li>
    }
}

/// 修改或撤下: a candidate of a cycle that has not opened — its words corrected, or taken off
/// the ballot with a reason. Both forms work without JavaScript; a refused one reopens as typed.
#[component]
fn CandidateChange(
    candidate: AdminCandidate,
    echo: Option<crate::model::FormEcho>,
) -> impl IntoView {
    let edit = ServerAction::<EditCycleCandidate>::new();
    let withdraw = ServerAction::<WithdrawCycleCandidate>::new();
    let key = format!("candidate-{}", candidate.id);
    let e = Echoed::of(&echo, &key);
    let w = Echoed::of(&echo, &format!("{key}-withdraw"));
    let open = e.any() || w.any();
    let (t, d, ev, r) = (
        format!("{key}-title"),
        format!("{key}-description"),
        format!("{key}-evidence"),
        format!("{key}-reason"),
    );
    let from_suggestion = candidate
        .from_suggestion
        .then(|| view! { <p class="muted">{tr!("cycles.withdraw_suggestion_note")}</p> });
    view! {
        <details open=open>
            <summary>{tr!("cycles.change_candidate")}</summary>
            <ActionForm action=edit attr:class="stack-form">
                <input type="hidden" name="candidate_id" value=candidate.id.to_string()/>
                <label for=t.clone()>{tr!("cycles.candidate_title")}</label>
                <input id=t.clone() name="title" type="text" required minlength="4" maxlength="100"
                    value=e.text("title", candidate.title.clone()) aria-invalid=e.invalid("title")
                    aria-describedby=e.described("title", &t, None) autofocus=e.focus("title")/>
                {e.message("title", &t)}
                <label for=d.clone()>{tr!("cycles.candidate_description")}</label>
                <textarea id=d.clone() name="description" rows="3" required minlength="4" maxlength="1000"
                    aria-invalid=e.invalid("description") aria-describedby=e.described("description", &d, None)
                    autofocus=e.focus("description")
                    inner_html=text_box(e.text("description", candidate.description.clone()))></textarea>
                {e.message("description", &d)}
                <label for=ev.clone()>{tr!("vote.evidence")}</label>
                <textarea id=ev.clone() name="evidence" rows="2" maxlength="1000"
                    inner_html=text_box(e.text("evidence", candidate.evidence.clone()))></textarea>
                {e.form_message()}
                <button type="submit" class="button">{tr!("staff.save")}</button>
            </ActionForm>
            <ActionForm action=withdraw attr:class="stack-form">
                <input type="hidden" name="candidate_id" value=candidate.id.to_string()/>
                <label for=r.clone()>{tr!("cycles.withdraw_reason")}</label>
                <textarea id=r.clone() name="reason" rows="2" required
                    minlength=REASON_MIN.to_string() maxlength=REASON_MAX.to_string()
                    aria-invalid=w.invalid("reason") aria-describedby=w.described("reason", &r, None)
                    autofocus=w.focus("reason") inner_html=text_box(w.text("reason", String::new()))></textarea>
                {w.message("reason", &r)}
                <p class="muted">{tr!("cycles.withdraw_note")}</p>
                {from_suggestion}
                {w.form_message()}
                <button type="submit" class="button button-danger">{tr!("cycles.withdraw_candidate")}</button>
            </ActionForm>
        </details>
    }
}

/// 未入选理由: a closed round's candidate that became no topic says why, from the published list.
#[component]
fn NotChosenForm(id: crate::model::CandidateId, current: Option<NotChosenReason>) -> impl IntoView {
    let action = ServerAction::<SetCandidateNotChosen>::new();
    let (select_id, note_id) = (format!("not-chosen-{id}"), format!("not-chosen-note-{id}"));
    view! {
        <ActionForm action attr:class="inline-form">
            <input type="hidden" name="candidate_id" value=id.to_string()/>
            <label for=select_id.clone()>{tr!("reply.not_chosen_label")}</label>
            <select id=select_id name="reason">
                <option value="">{tr!("cycles.none")}</option>
                {NotChosenReason::ALL.iter().map(|r| {
                    let key = r.message_key();
                    view! { <option value=r.as_str() selected=current == Some(*r)>{tr!(key.as_str())}</option> }
                }).collect_view()}
            </select>
            <label for=note_id.clone()>{tr!("reply.not_chosen_note")}</label>
            <input id=note_id name="note" type="text" maxlength="500"/>
            <button type="submit" class="button button-quiet">{tr!("staff.save")}</button>
        </ActionForm>
    }
}

/// 现在开始投票, with the candidates counted and a checkbox that must be ticked: opening freezes
/// the ballot, so it is a deliberate step with JavaScript on or off.
#[component]
fn OpenNow(slug: String, count: usize, awaits: bool) -> impl IntoView {
    let action = ServerAction::<OpenCycleNow>::new();
    let check_id = format!("{slug}-confirm-open");
    let label_for = check_id.clone();
    let awaits =
        awaits.then(|| view! { <p class="flash flash-note">{tr!("cycles.awaits_open")}</p> });
    view! {
        {awaits}
        <ActionForm action attr:class="stack-form">
            <input type="hidden" name="cycle" value=slug/>
            <label class="check" for=label_for>
                <input id=check_id name="confirm" type="checkbox" value="1" required/>" "
                {tr!("cycles.open_now_confirm", n = count)}
            </label>
            <p class="muted">{tr!("cycles.open_now_note")}</p>
            <button type="submit" class="button">{tr!("cycles.open_now")}</button>
        </ActionForm>
    }
}
