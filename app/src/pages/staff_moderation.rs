//! 审核: pending suggestions (publish, or reject with a reason the author reads), published ones
//! to promote into an upcoming cycle, and ballots held for review (accept or reject; never
//! deleted), "me too" support held by the daily allowance per network (by suggestion and
//! network), and redact a span (a phone number) with the text before kept in the staff-only
//! history; followers' comments on replies (答复留言), shown or withheld. Moderators,
//! administrators, and editors granted the permission.

use crate::api::moderation::{
    load_moderation, ModerateSuggestion, PromoteSuggestion, ReviewBallot, ReviewNetworkBallots,
    ReviewRatings, ReviewSupports,
};
use crate::components::comment_review::CommentReview;
use crate::components::loading::DataView;
use crate::components::roles::{RedactForm, RedactionHistory};
use crate::components::staff_gate::gate_view;
use crate::i18n::when::date_time;
use crate::model::{
    HeldBallot, HeldRatings, HeldSupports, ModerationQueue, NotPublishedReason, OutboxSummary,
    Suggestion,
};
use crate::pages::staff::Flash;
use crate::tr;
use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn StaffModerationPage() -> impl IntoView {
    let queue = Resource::new_blocking(|| (), |_| load_moderation());
    view! {
        <Title text=tr!("moderation.title")/>
        <Meta name="robots" content="noindex"/>
        <p><a href="/staff">{tr!("staff.desk_title")}</a></p>
        <h1>{tr!("moderation.title")}</h1>
        <Flash/>
        <DataView>
            {move || Suspend::new(async move {
                queue.await.map(|gate| gate_view(gate, |queue| view! { <Queue queue/> }))
            })}
        </DataView>
    }
}

#[component]
fn Queue(queue: ModerationQueue) -> impl IntoView {
    let ModerationQueue {
        pending,
        published,
        held,
        upcoming,
        history,
        held_supports,
        held_ratings,
        outbox,
        reply_comments,
    } = queue;
    view! {
        <section aria-labelledby="pending-heading">
            <h2 id="pending-heading">{tr!("moderation.pending", count = pending.len())}</h2>
            <ul class="plain-list">{pending.into_iter().map(|s| view! { <Pending s/> }).collect_view()}</ul>
        </section>
        <section aria-labelledby="promote-heading">
            <h2 id="promote-heading">{tr!("moderation.promote_heading")}</h2>
            <ul class="plain-list">
                {published.into_iter().map(|s| view! { <Promote s upcoming=upcoming.clone()/> }).collect_view()}
            </ul>
        </section>
        <section aria-labelledby="held-heading">
            <h2 id="held-heading">{tr!("moderation.held", count = held.len())}</h2>
            <NetworkGroups held=held.clone()/>
            <ul class="plain-list">{held.into_iter().map(|b| view! { <Held b/> }).collect_view()}</ul>
        </section>
        <section aria-labelledby="held-support-heading">
            <h2 id="held-support-heading">{tr!("moderation_supports.heading", count = held_supports.len())}</h2>
            <p class="muted">{tr!("moderation_supports.note")}</p>
            <ul class="plain-list">{held_supports.into_iter().map(|h| view! { <HeldSupport h/> }).collect_view()}</ul>
        </section>
        <section aria-labelledby="held-rating-heading">
            <h2 id="held-rating-heading">{tr!("moderation_ratings.heading", count = held_ratings.len())}</h2>
            <p class="muted">{tr!("moderation_ratings.note")}</p>
            <ul class="plain-list">{held_ratings.into_iter().map(|h| view! { <HeldRating h/> }).collect_view()}</ul>
        </section>
        <CommentReview comments=reply_comments/>
        <Outbox outbox/>
        <RedactionHistory history/>
    }
}

#[component]
fn Pending(s: Suggestion) -> impl IntoView {
    let publish = ServerAction::<ModerateSuggestion>::new();
    let reject = ServerAction::<ModerateSuggestion>::new();
    let reason_id = format!("reason-{}", s.id);
    let code_id = format!("reason-code-{}", s.id);
    view! {
        <li class="card" data-suggestion=s.title.clone()>
            <h3>{s.title.clone()}</h3>
            <p>{s.description.clone()}</p>
            <p class="muted">{s.district.clone()}" · "{s.category.clone()}</p>
            <RedactForm s=s.clone()/>
            <ActionForm action=publish attr:class="inline-form">
                <input type="hidden" name="suggestion_id" value=s.id.to_string()/>
                <input type="hidden" name="decision" value="publish"/>
                <input type="hidden" name="reason" value=""/>
                <button type="submit" class="button">{tr!("moderation.publish")}</button>
            </ActionForm>
            <ActionForm action=reject attr:class="inline-form">
                <input type="hidden" name="suggestion_id" value=s.id.to_string()/>
                <input type="hidden" name="decision" value="reject"/>
                <label for=code_id.clone()>{tr!("moderation.reason_code")}</label>
                <select id=code_id name="reason_code" required>
                    <option value="">{tr!("moderation.reason_choose")}</option>
                    {NotPublishedReason::ALL
                        .iter()
                        .map(|code| { let key = code.message_key(); view! { <option value=code.as_str()>{tr!(key.as_str())}</option> } })
                        .collect_view()}
                </select>
                <label for=reason_id.clone()>{tr!("moderation.reason")}</label>
                <input id=reason_id name="reason" type="text" maxlength="200"/>
                <button type="submit" class="button button-quiet">{tr!("moderation.reject")}</button>
            </ActionForm>
        </li>
    }
}

#[component]
fn Promote(s: Suggestion, upcoming: Vec<(String, String)>) -> impl IntoView {
    let action = ServerAction::<PromoteSuggestion>::new();
    let select_id = format!("cycle-{}", s.id);
    let form = (!upcoming.is_empty()).then(|| view! {
        <ActionForm action attr:class="inline-form">
            <input type="hidden" name="suggestion_id" value=s.id.to_string()/>
            <label for=select_id.clone()>{tr!("moderation.promote_to")}</label>
            <select id=select_id name="cycle">
                {upcoming.into_iter().map(|(slug, title)| view! { <option value=slug>{title}</option> }).collect_view()}
            </select>
            <button type="submit" class="button button-quiet">{tr!("moderation.promote")}</button>
        </ActionForm>
    });
    view! {
        <li class="card">
            <strong>{s.title.clone()}</strong>" "<span class="muted">{tr!("suggest.supporters", count = s.supporters)}</span>
            <p>{s.description.clone()}</p>
            {form}
            <RedactForm s/>
        </li>
    }
}

/// Held ballots by network, where a network holds two or more: decided together, after a box
/// says they were looked at (issue 34: 95 held ballots, one button each).
#[component]
fn NetworkGroups(held: Vec<HeldBallot>) -> impl IntoView {
    let mut groups: Vec<(String, usize)> = Vec::new();
    for b in &held {
        match groups.iter_mut().find(|(n, _)| *n == b.network) {
            Some((_, count)) => *count += 1,
            None => groups.push((b.network.clone(), 1)),
        }
    }
    groups
        .into_iter()
        .filter(|(_, count)| *count >= 2)
        .enumerate()
        .map(|(i, (network, count))| {
            let action = ServerAction::<ReviewNetworkBallots>::new();
            let confirm_id = format!("network-confirm-{i}");
            view! {
                <div class="card network-group">
                    <p><strong>{tr!("moderation.network_group", network = network.clone(), count = count)}</strong></p>
                    <ActionForm action attr:class="inline-form">
                        <input type="hidden" name="network" value=network/>
                        <input type="checkbox" id=confirm_id.clone() name="confirm" value="1" required/>
                        <label for=confirm_id>{tr!("moderation.network_confirm")}</label>
                        <button type="submit" name="decision" value="accept" class="button">{tr!("moderation.network_accept", count = count)}</button>
                        <button type="submit" name="decision" value="reject" class="button button-quiet">{tr!("moderation.network_reject", count = count)}</button>
                    </ActionForm>
                </div>
            }
        })
        .collect_view()
}

#[component]
fn Held(b: HeldBallot) -> impl IntoView {
    let accept = ServerAction::<ReviewBallot>::new();
    let reject = ServerAction::<ReviewBallot>::new();
    // Words, not the stored codes (issue 34: `unverified`, `network_day`).
    let tier = match crate::model::Tier::parse(&b.tier) {
        Some(crate::model::Tier::Verified) => tr!("vote.tier_verified"),
        Some(crate::model::Tier::Unverified) => tr!("vote.tier_unverified"),
        None => b.tier.clone(),
    };
    let reason = match crate::model::BallotReason::parse(&b.reason) {
        Some(reason) => {
            let key = reason.message_key();
            tr!(key.as_str())
        }
        None => b.reason.clone(),
    };
    view! {
        <li class="card">
            <p>{b.cycle}" · "{date_time(&b.at)}" · "{tier}" · "<strong>{reason}</strong>" · "{tr!("moderation.network")}" "<code>{b.network}</code></p>
            <ActionForm action=accept attr:class="inline-form">
                <input type="hidden" name="ballot_id" value=b.id.to_string()/>
                <input type="hidden" name="decision" value="accept"/>
                <button type="submit" class="button">{tr!("moderation.accept")}</button>
            </ActionForm>
            <ActionForm action=reject attr:class="inline-form">
                <input type="hidden" name="ballot_id" value=b.id.to_string()/>
                <input type="hidden" name="decision" value="reject"/>
                <button type="submit" class="button button-quiet">{tr!("moderation.reject_ballot")}</button>
            </ActionForm>
        </li>
    }
}

/// One suggestion's "me too" support from one network, held by the daily allowance.
#[component]
fn HeldSupport(h: HeldSupports) -> impl IntoView {
    let accept = ServerAction::<ReviewSupports>::new();
    let reject = ServerAction::<ReviewSupports>::new();
    let (id, network) = (h.suggestion_id.to_string(), h.network.clone());
    let fields = move || {
        view! {
            <input type="hidden" name="suggestion_id" value=id.clone()/>
            <input type="hidden" name="network" value=network.clone()/>
        }
    };
    let (for_accept, for_reject) = (fields(), fields());
    view! {
        <li class="card" data-held-support=h.title.clone()>
            <p>
                <strong>{h.title.clone()}</strong>" · "
                {tr!("moderation_supports.count", count = h.held)}" · "<code>{h.network.clone()}</code>
            </p>
            <ActionForm action=accept attr:class="inline-form">
                {for_accept}
                <input type="hidden" name="decision" value="accept"/>
                <button type="submit" class="button">{tr!("moderation_supports.accept")}</button>
            </ActionForm>
            <ActionForm action=reject attr:class="inline-form">
                {for_reject}
                <input type="hidden" name="decision" value="reject"/>
                <button type="submit" class="button button-quiet">{tr!("moderation_supports.reject")}</button>
            </ActionForm>
        </li>
    }
}

/// One reply's ratings from one network, held by the daily allowance.
#[component]
fn HeldRating(h: HeldRatings) -> impl IntoView {
    let accept = ServerAction::<ReviewRatings>::new();
    let reject = ServerAction::<ReviewRatings>::new();
    let (id, network) = (h.reply_id.to_string(), h.network.clone());
    let fields = move || {
        view! {
            <input type="hidden" name="reply_id" value=id.clone()/>
            <input type="hidden" name="network" value=network.clone()/>
        }
    };
    let (for_accept, for_reject) = (fields(), fields());
    view! {
        <li class="card" data-held-rating=h.title.clone()>
            <p>
                <a href=format!("{}/{}", crate::paths::REPLIES, h.reply_id)><strong>{h.title.clone()}</strong></a>" · "
                {tr!("moderation_ratings.count", count = h.held)}" · "<code>{h.network.clone()}</code>
            </p>
            <ActionForm action=accept attr:class="inline-form">
                {for_accept}
                <input type="hidden" name="decision" value="accept"/>
                <button type="submit" class="button">{tr!("moderation_ratings.accept")}</button>
            </ActionForm>
            <ActionForm action=reject attr:class="inline-form">
                {for_reject}
                <input type="hidden" name="decision" value="reject"/>
                <button type="submit" class="button button-quiet">{tr!("moderation_ratings.reject")}</button>
            </ActionForm>
        </li>
    }
}

/// 待发通知: what waits to be mailed to followers, and why the latest failed (no address).
#[component]
fn Outbox(outbox: OutboxSummary) -> impl IntoView {
    let oldest = outbox.oldest_waiting.map(|at| {
        view! { <div><dt>{tr!("moderation.outbox.oldest")}</dt><dd><time datetime=at.clone()>{date_time(&at)}</time></dd></div> }
    });
    let errors = (!outbox.recent_errors.is_empty()).then(|| {
        view! {
            <h3>{tr!("moderation.outbox.errors")}</h3>
            <ul class="plain-list">
                {outbox
                    .recent_errors
                    .into_iter()
                    .map(|(kind, error, at)| view! {
                        <li><code>{kind}</code>" · "{date_time(&at)}<br/>{error}</li>
                    })
                    .collect_view()}
            </ul>
        }
    });
    view! {
        <section aria-labelledby="outbox-heading">
            <h2 id="outbox-heading">{tr!("moderation.outbox.heading")}</h2>
            <p class="muted">{tr!("moderation.outbox.intro")}</p>
            <dl class="stats">
                <div><dt>{tr!("moderation.outbox.waiting")}</dt><dd>{outbox.waiting}</dd></div>
                <div><dt>{tr!("moderation.outbox.retrying")}</dt><dd>{outbox.retrying}</dd></div>
                <div><dt>{tr!("moderation.outbox.sent")}</dt><dd>{outbox.sent_last_day}</dd></div>
                {oldest}
            </dl>
            {errors}
        </section>
    }
}
