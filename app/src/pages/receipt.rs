//! 回执查询 and 诚信报告: a voter checks that their ballot is counted (or why not), and anyone
//! reads what happened to every ballot of a cycle.

use crate::api::vote::{check_receipt, get_integrity, MAX_RECEIPT_CHARS};
use crate::components::follow_form::FollowForm;
use crate::components::loading::DataView;
use crate::i18n::when::date_time;
use crate::model::{
    FollowKind, IntegrityReport, NetworkConcentration, NotPublishedReason, Promoted, ReceiptAnswer,
    ReceiptStatus, SuggestionReply, SuggestionState, Tier,
};
use crate::pages::NotFound;
use crate::tr;
use leptos::either::{Either, EitherOf6};
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

/// Why a ballot is held or not counted, in words; an unknown token is shown as stored.
fn reason_text(reason: &str) -> String {
    match crate::model::BallotReason::parse(reason) {
        Some(reason) => {
            let key = reason.message_key();
            tr!(key.as_str())
        }
        None => reason.to_string(),
    }
}

#[component]
pub fn ReceiptPage() -> impl IntoView {
    let query = use_query_map();
    let code = move || query.read().get("code").unwrap_or_default();
    let status = Resource::new_blocking(code, |code| async move {
        if code.trim().is_empty() {
            Ok(None)
        } else {
            check_receipt(code).await.map(Some)
        }
    });
    let typed = code();
    view! {
        <Title text=tr!("vote.receipt_title")/>
        <h1>{tr!("vote.receipt_title")}</h1>
        <form method="get" action="/receipt" class="search-form">
            <label for="receipt-code">{tr!("vote.receipt_label")}</label>
            <div class="search-row">
                <input id="receipt-code" name="code" type="text" value=typed autocomplete="off" autocapitalize="characters" maxlength=MAX_RECEIPT_CHARS.to_string() aria-describedby="receipt-hint"/>
                <button type="submit" class="button">{tr!("vote.receipt_check")}</button>
            </div>
            <p id="receipt-hint" class="muted">{tr!("ballot.receipt_hint")}</p>
        </form>
        <DataView>
            {move || Suspend::new(async move {
                status.await.map(|s| s.map(|answer| view! { <Answer answer/> }))
            })}
        </DataView>
    }
}

/// The answer to a check: what the server's records say about the code as read; a typing
/// problem in words; the picks only on the device that cast the ballot.
#[component]
fn Answer(answer: ReceiptAnswer) -> impl IntoView {
    if let Some(problem) = answer.problem {
        let key = format!("ballot.code_problem.{}", problem.code());
        return Either::Left(view! {
            <p class="flash flash-error" role="alert" tabindex="-1" autofocus=true>{tr!(key.as_str())}</p>
        });
    }
    let read_as = answer.code.clone().map(|code| {
        view! { <p class="muted">{tr!("ballot.receipt_read_as")}" "<strong class="receipt-code">{code}</strong></p> }
    });
    let ballot = !matches!(
        answer.status,
        ReceiptStatus::Suggestion { .. } | ReceiptStatus::Unknown
    );
    // A suggestion's author may also hear of it by mail, the code naming it.
    let follow = match (&answer.status, &answer.code) {
        (ReceiptStatus::Suggestion { .. }, Some(code)) => Some(view! {
            <FollowForm kind=FollowKind::Suggestion subject=code.clone()/>
        }),
        _ => None,
    };
    Either::Right(view! {
        {read_as}
        <ReceiptView status=answer.status own_picks=answer.own_picks code=answer.code.clone()/>
        {ballot.then(|| view! { <p class="muted">{tr!("ballot.receipt_private")}</p> })}
        {follow}
    })
}

#[component]
fn ReceiptView(
    status: ReceiptStatus,
    own_picks: Option<Vec<String>>,
    /// The code as read: a suggestion's author rates its reply with it.
    code: Option<String>,
) -> impl IntoView {
    match status {
        ReceiptStatus::Counted { cycle, tier, at } => EitherOf6::A(view! {
            <section class="flash flash-ok" role="status">
                <p><strong>{tr!("vote.receipt_counted")}</strong></p>
                <p>{cycle}" · "{date_time(&at)}" · "{match tier { Tier::Verified => tr!("vote.tier_verified"), Tier::Unverified => tr!("vote.tier_unverified") }}</p>
                {own_picks.map(|picks| view! {
                    <p>{tr!("ballot.picks_here")}</p>
                    <ul>{picks.into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                })}
            </section>
        }),
        ReceiptStatus::Superseded {
            cycle,
            at,
            replaced_at,
        } => EitherOf6::B(view! {
            <section class="flash" role="status">
                <p><strong>{tr!("vote.receipt_superseded", at = date_time(&replaced_at))}</strong></p>
                <p>{cycle}" · "{date_time(&at)}</p>
            </section>
        }),
        ReceiptStatus::Quarantined { cycle, reason, at } => EitherOf6::C(view! {
            <section class="flash" role="status">
                <p><strong>{tr!("vote.receipt_held", days = crate::model::HELD_REVIEW_WORKING_DAYS)}</strong></p>
                <p>{cycle}" · "{date_time(&at)}" · "{reason_text(&reason)}</p>
            </section>
        }),
        ReceiptStatus::Rejected { cycle, reason, at } => EitherOf6::D(view! {
            <section class="flash flash-error" role="status">
                <p><strong>{tr!("vote.receipt_rejected")}</strong></p>
                <p>{cycle}" · "{date_time(&at)}" · "{reason_text(&reason)}</p>
            </section>
        }),
        ReceiptStatus::Suggestion {
            title,
            moderation,
            reason_code,
            reason,
            received_at,
            decided_at,
            promoted,
            replied,
        } => EitherOf6::F(view! {
            <SuggestionTimeline title moderation reason_code reason received_at decided_at promoted replied code=code.unwrap_or_default()/>
        }),
        ReceiptStatus::Unknown => EitherOf6::E(view! {
            <p class="flash flash-error" role="alert">{tr!("vote.receipt_unknown")}</p>
        }),
    }
}

/// 进展: a suggestion's steps so far, each dated (Beijing time) where the record has the date;
/// the step it waits at is marked current.
#[component]
fn SuggestionTimeline(
    title: String,
    moderation: SuggestionState,
    reason_code: Option<NotPublishedReason>,
    reason: Option<String>,
    received_at: String,
    decided_at: Option<String>,
    promoted: Option<Promoted>,
    replied: Option<SuggestionReply>,
    code: String,
) -> impl IntoView {
    let zh = crate::i18n::use_locale() == crate::i18n::Locale::ZhCn;
    // The latest step is the current one.
    let has_reply = replied.is_some();
    let dated = |at: Option<String>| {
        at.map(|at| view! { " · "<time datetime=at.clone()>{date_time(&at)}</time> })
    };
    let decision = match moderation {
        SuggestionState::Pending => view! {
            <li aria-current="step"><strong>{tr!("suggest.timeline.waiting")}</strong></li>
        }
        .into_any(),
        SuggestionState::Published => view! {
            <li aria-current=(promoted.is_none() && !has_reply).then_some("step")>
                <strong>{tr!("suggest.timeline.published")}</strong>{dated(decided_at.clone())}
            </li>
        }
        .into_any(),
        SuggestionState::Rejected => view! {
            <li aria-current="step">
                <strong>{tr!("suggest.timeline.rejected")}</strong>{dated(decided_at.clone())}
                <br/>{tr!("suggest.reason_label")}
                {reason_code.map(|code| { let key = code.message_key(); tr!(key.as_str()) })}
                {match (reason_code, reason) {
                    // Chinese sentences run on; English ones take a space.
                    (Some(_), Some(note)) if zh => note,
                    (Some(_), Some(note)) => format!(" {note}"),
                    (None, Some(note)) => note,
                    (_, None) => String::new(),
                }}
                {(reason_code == Some(NotPublishedReason::Personal)).then(|| view! {
                    <br/><a href="tel:12345">{tr!("suggest.call_12345")}</a>
                })}
            </li>
        }
        .into_any(),
    };
    let promoted = promoted.map(|p| {
        view! {
            <li aria-current=(!has_reply).then_some("step")>
                <strong>{tr!("suggest.timeline.promoted", cycle = p.cycle)}</strong>{dated(p.at)}
                " "<a href=p.path>{tr!("suggest.timeline.see_candidate")}</a>
            </li>
        }
    });
    // 答复: waiting, with its page; or answered, with her way to rate it by this code.
    let replied = replied.map(|r| match r.answered_on {
        Some(on) => view! {
            <li aria-current="step">
                <strong>{tr!("suggest.timeline.answered")}</strong>" · "<time datetime=on.clone()>{crate::i18n::when::day(&on)}</time>
                " "<a href=crate::paths::rate_with_receipt(r.id, &code)>{tr!("suggest.timeline.rate_reply")}</a>
            </li>
        }
        .into_any(),
        None => view! {
            <li aria-current="step">
                <strong>{tr!("suggest.timeline.awaiting_reply")}</strong>
                " "<a href=format!("{}/{}", crate::paths::REPLIES, r.id)>{tr!("suggest.timeline.see_reply")}</a>
            </li>
        }
        .into_any(),
    });
    let summary = match moderation {
        SuggestionState::Pending => tr!("suggest.state_pending"),
        SuggestionState::Published => tr!("suggest.state_published"),
        SuggestionState::Rejected => tr!("suggest.state_rejected"),
    };
    view! {
        <section class="flash" role="status" aria-labelledby="timeline-heading">
            <p><strong>{title}</strong></p>
            <p>{summary}</p>
            <h2 id="timeline-heading" class="h3">{tr!("suggest.timeline.heading")}</h2>
            <ol class="timeline">
                <li><strong>{tr!("suggest.timeline.received")}</strong>{dated(Some(received_at))}</li>
                {decision}
                {promoted}
                {replied}
            </ol>
        </section>
    }
}

#[component]
pub fn IntegrityPage() -> impl IntoView {
    let params = use_params_map();
    let slug = params.read_untracked().get("slug").unwrap_or_default();
    let report = Resource::new_blocking(move || slug.clone(), get_integrity);
    view! {
        <DataView>
            {move || Suspend::new(async move {
                report.await.map(|r| match r {
                    Some(report) => Either::Left(view! { <Report report/> }),
                    None => Either::Right(view! { <NotFound/> }),
                })
            })}
        </DataView>
    }
}

#[component]
fn Report(report: IntegrityReport) -> impl IntoView {
    // An empty list says "none" rather than showing an empty table.
    let rows = |items: Vec<(String, u32)>| {
        if items.is_empty() {
            return Either::Left(view! { <p class="muted">{tr!("vote.none_by_reason")}</p> });
        }
        Either::Right(view! {
            <table><tbody>
                {items
                    .into_iter()
                    .map(|(reason, n)| view! { <tr><th scope="row">{reason_text(&reason)}</th><td>{n}</td></tr> })
                    .collect_view()}
            </tbody></table>
        })
    };
    let agree = if report.recomputed_matches {
        view! { <p class="flash flash-ok" role="status">{tr!("vote.recount_ok")}</p> }.into_any()
    } else {
        view! { <p class="flash flash-error" role="alert">{tr!("vote.recount_mismatch")}</p> }
            .into_any()
    };
    view! {
        <Title text=tr!("vote.integrity_title")/>
        <h1>{tr!("vote.integrity_title")}</h1>
        <p>{report.cycle.clone()}</p>
        {agree}
        <dl class="stats">
            <div><dt>{tr!("vote.cast")}</dt><dd>{report.cast}</dd></div>
            <div><dt>{tr!("vote.tier_verified")}</dt><dd>{report.counted.verified}</dd></div>
            <div><dt>{tr!("vote.tier_unverified")}</dt><dd>{report.counted.unverified}</dd></div>
            <div><dt>{tr!("vote.superseded")}</dt><dd>{report.superseded}</dd></div>
        </dl>
        <h2>{tr!("vote.quarantined")}</h2>
        {rows(report.quarantined)}
        <h2>{tr!("vote.rejected")}</h2>
        {rows(report.rejected)}
        <p class="muted">{tr!("vote.integrity_note")}</p>
        <NetworkRule report=report.networks per_network_day=report.per_network_day/>
    }
}

/// 每网络每日限额 in plain words, and 网络集中度: how many networks sent unverified ballots from
/// how many devices (counts only, no address).
#[component]
fn NetworkRule(report: NetworkConcentration, per_network_day: u32) -> impl IntoView {
    let n = per_network_day.to_string();
    view! {
        <section aria-labelledby="network-rule">
            <h2 id="network-rule">{tr!("network_rule.heading")}</h2>
            <p>{tr!("network_rule.rule", n = n.clone())}</p>
            <p>{tr!("network_rule.details", n = n)}</p>
            <h3>{tr!("network_rule.spread_heading")}</h3>
            <table class="network-spread">
                <thead><tr>
                    <th scope="col">{tr!("network_rule.band")}</th>
                    <th scope="col">{tr!("network_rule.band_network")}</th>
                    <th scope="col">{tr!("network_rule.band_devices")}</th>
                </tr></thead>
                <tbody>
                    {report
                        .bands()
                        .into_iter()
                        .map(|(key, band)| {
                            let label = format!("network_rule.{key}");
                            view! {
                                <tr data-band=key>
                                    <th scope="row">{tr!(label.as_str())}</th>
                                    <td>{band.networks}</td>
                                    <td>{band.devices}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
            <p class="muted">{tr!("network_rule.spread_note")}</p>
        </section>
    }
}
