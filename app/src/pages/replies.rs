//! 等待答复: what the city owes residents an answer to, the longest waiting first, with days
//! left or overdue; what it has answered; the decisions and reason codes it answers with; and
//! each reply's own page.

use crate::api::replies::{get_rating_here, get_reply, get_reply_board};
use crate::components::badges::SampleBadge;
use crate::components::loading::DataView;
use crate::components::rate_here::RateHereSection;
use crate::components::rating_summary::RatingSummary;
use crate::components::reply_status::{standing_class, standing_text, ReplyClock};
use crate::i18n::when::{date_time, day};
use crate::model::{
    Answer, NotAdoptedReason, RateHere, RatingOutcome, RehandleRate, ReplyComment, ReplyDecision,
    ReplyEntry, ReplyItem, REHANDLE_MIN_RATERS, REHANDLE_WORKING_DAYS,
};
use crate::pages::NotFound;
use crate::tr;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

fn kind_words(item: ReplyItem) -> String {
    match item {
        ReplyItem::Suggestion => tr!("reply.item_suggestion"),
        ReplyItem::Candidate => tr!("reply.item_candidate"),
    }
}

#[component]
pub fn ReplyBoardPage() -> impl IntoView {
    let board = Resource::new_blocking(|| (), |_| get_reply_board());
    view! {
        <Title text=tr!("reply.board_title")/>
        <h1>{tr!("reply.board_title")}</h1>
        <p>{tr!("reply.board_intro")}</p>
        <p><a href=crate::paths::LEAGUE>{tr!("league.link")}</a></p>
        <DataView>
            {move || Suspend::new(async move {
                board.await.map(|board| {
                    let waiting = if board.waiting.is_empty() {
                        Either::Left(view! { <p class="muted">{tr!("reply.waiting_none")}</p> })
                    } else {
                        Either::Right(view! { <ol class="plain-list">{board.waiting.into_iter().map(|e| view! { <BoardRow entry=e/> }).collect_view()}</ol> })
                    };
                    let answered = if board.answered.is_empty() {
                        Either::Left(view! { <p class="muted">{tr!("reply.answered_none")}</p> })
                    } else {
                        Either::Right(view! { <ul class="plain-list">{board.answered.into_iter().map(|e| view! { <BoardRow entry=e/> }).collect_view()}</ul> })
                    };
                    let rate = board.rehandle;
                    view! {
                        <section aria-labelledby="waiting-h">
                            <h2 id="waiting-h">{tr!("reply.waiting_heading")}</h2>
                            {waiting}
                        </section>
                        <section aria-labelledby="answered-h">
                            <h2 id="answered-h">{tr!("reply.answered_heading")}</h2>
                            {answered}
                        </section>
                        <RehandleRule rate/>
                    }
                })
            })}
        </DataView>
        <ReasonCodes/>
    }
}

/// One line of the board: the item, who owes the reply and where it stands.
#[component]
fn BoardRow(entry: ReplyEntry) -> impl IntoView {
    let reply = entry.reply.clone();
    let decision = reply.answer.as_ref().map(|a| {
        let key = a.decision.message_key();
        view! { <p><strong>{tr!("reply.decision_label")}": "{tr!(key.as_str())}</strong></p> }
    });
    let extension = reply.extension.as_ref().filter(|_| reply.answer.is_none()).map(|e| {
        view! { <p>{tr!("reply.extended", date = day(&e.to), reason = e.reason.clone(), asked = day(&e.on))}</p> }
    });
    let again = reply.rehandle.as_ref().map(|again| {
        view! { <p class="reply-standing late">{tr!("reply.rehandled_short", date = day(&again.reopened_on))}</p> }
    });
    let interim = entry
        .interim_missing
        .then(|| view! { <p class="reply-standing late">{tr!("reply.interim_missing", date = day(&reply.interim_on))}</p> });
    view! {
        <li class="card" id=format!("reply-{}", reply.id)>
            <h3><a href=crate::paths::reply(reply.id)>{reply.title.clone()}</a>" "{reply.is_sample.then(|| view! { <SampleBadge/> })}</h3>
            <p class="muted">{kind_words(reply.item)}" · "{reply.cycle_title.clone()}" · "{tr!("reply.owed_by", department = reply.department.clone())}</p>
            <p class=standing_class(entry.standing)>{standing_text(&entry)}</p>
            {again}
            {decision}
            {extension}
            {interim}
        </li>
    }
}

/// 重办规则 and 重办率: when residents' ratings send a reply back, and how often they have.
#[component]
fn RehandleRule(rate: RehandleRate) -> impl IntoView {
    let figure = match rate.percent() {
        Some(percent) => tr!(
            "reply.rehandle_rate",
            answered = rate.answered,
            reopened = rate.reopened,
            percent = percent
        ),
        None => tr!("reply.rehandle_rate_none"),
    };
    view! {
        <section id="rehandle-rule" aria-labelledby="rehandle-rule-h">
            <h2 id="rehandle-rule-h">{tr!("reply.rehandle_heading")}</h2>
            <p>{tr!("reply.rehandle_rule", raters = REHANDLE_MIN_RATERS, days = REHANDLE_WORKING_DAYS)}</p>
            <p><strong>{figure}</strong></p>
        </section>
    }
}

/// 答复结论和不予采纳的理由: the published list every reply chooses from.
#[component]
fn ReasonCodes() -> impl IntoView {
    view! {
        <section id="reasons" aria-labelledby="reasons-h">
            <h2 id="reasons-h">{tr!("reply.reasons_heading")}</h2>
            <p>{tr!("reply.reasons_intro")}</p>
            <dl>
                {ReplyDecision::ALL.iter().map(|d| {
                    let key = d.message_key();
                    let help = format!("reply.decision_help.{}", d.as_str());
                    view! { <dt id=format!("decision-{}", d.as_str())>{tr!(key.as_str())}</dt><dd>{tr!(help.as_str())}</dd> }
                }).collect_view()}
            </dl>
            <ol>
                {NotAdoptedReason::ALL.iter().map(|r| {
                    let key = r.message_key();
                    view! { <li id=format!("reason-{}", r.as_str())><code>{r.as_str()}</code>" "{tr!(key.as_str())}</li> }
                }).collect_view()}
            </ol>
        </section>
    }
}

#[component]
pub fn ReplyPage() -> impl IntoView {
    let id = use_params_map()
        .read_untracked()
        .get("id")
        .unwrap_or_default();
    let query = use_query_map().read_untracked();
    // The author's receipt (from her receipt page's link) and what her last rating did.
    let receipt = query.get("receipt").filter(|r| !r.trim().is_empty());
    let outcome = query.get("rated").and_then(|o| RatingOutcome::parse(&o));
    let here = Resource::new_blocking(
        {
            let (id, receipt) = (id.clone(), receipt.clone());
            move || (id.clone(), receipt.clone())
        },
        |(id, receipt)| get_rating_here(id, receipt),
    );
    let found = Resource::new_blocking(move || id.clone(), get_reply);
    let kept_receipt = StoredValue::new(receipt);
    view! {
        <DataView>
            {move || {
                let receipt = kept_receipt.get_value();
                Suspend::new(async move {
                // Without the rating section the reply still shows.
                let here = here.await.ok().flatten();
                found.await.map(|found| match found {
                    Some(entry) => Either::Left(view! { <ReplyView entry here receipt outcome/> }),
                    None => Either::Right(view! { <NotFound/> }),
                })
            })}}
        </DataView>
    }
}

#[component]
fn ReplyView(
    entry: ReplyEntry,
    /// Where this device (or the receipt in the address) stands with the rating.
    here: Option<RateHere>,
    receipt: Option<String>,
    outcome: Option<RatingOutcome>,
) -> impl IntoView {
    let reply = entry.reply.clone();
    let see = match reply.item {
        ReplyItem::Suggestion => tr!("reply.see_suggestion"),
        ReplyItem::Candidate => tr!("reply.see_candidate"),
    };
    let answer = match reply.answer.clone() {
        Some(a) => Either::Left(view! { <AnswerLines answer=a/> }),
        None => Either::Right(view! { <p class="muted">{tr!("reply.no_answer_yet")}</p> }),
    };
    // 重办: the first answer stays, with how residents rated it, above the second.
    let first = reply.rehandle.clone().map(|again| {
        view! {
            <section aria-labelledby="first-answer-h" class="card" id="first-answer">
                <h2 id="first-answer-h">{tr!("reply.first_answer_heading")}</h2>
                <AnswerLines answer=again.first.clone()/>
                <RatingSummary tally=again.ratings.clone() anchor="ratings-first" nested=true/>
            </section>
            <p id="rehandle">{tr!("reply.rehandled", raters = again.ratings.raters, due = day(&again.due_on))}" "<a href=format!("{}#rehandle-rule", crate::paths::REPLIES)>{tr!("reply.rehandle_rule_link")}</a></p>
        }
    });
    let answer_heading = if reply.rehandle.is_some() {
        tr!("reply.second_answer_heading")
    } else {
        tr!("reply.answer_heading")
    };
    let reply_id = reply.id;
    let comments = reply.answer.clone().map(|a| {
        view! {
            <RatingSummary tally=entry.ratings.clone() anchor="ratings"/>
            {here.clone().map(|here| view! { <RateHereSection reply_id here receipt=receipt.clone() outcome/> })}
            <Comments until=a.comments_until open=entry.comments_open comments=entry.comments.clone()/>
        }
    });
    view! {
        <Title text=tr!("reply.page_title", item = reply.title.clone())/>
        <p class="muted">{kind_words(reply.item)}" · "<a href=crate::paths::cycle(&reply.cycle_slug)>{reply.cycle_title.clone()}</a></p>
        <h1>{reply.title.clone()}" "{reply.is_sample.then(|| view! { <SampleBadge/> })}</h1>
        <p><a href=reply.item_url.clone()>{see}</a></p>
        <p class="muted">{tr!("reply.crossed", date = day(&reply.crossed_on), cycle = reply.cycle_title.clone())}</p>
        <ReplyClock entry=entry.clone()/>
        {first}
        <section aria-labelledby="answer-h" class="card">
            <h2 id="answer-h">{answer_heading}</h2>
            {answer}
        </section>
        {comments}
        <p><a href=crate::paths::REPLIES>{tr!("reply.all")}</a></p>
    }
}

/// An answer's lines: its decision and date, the reason code, the words and where it points.
#[component]
fn AnswerLines(answer: Answer) -> impl IntoView {
    let a = answer;
    let decision = a.decision.message_key();
    let reason = a.reason.map(|r| {
        let key = r.message_key();
        view! {
            <p>{tr!("reply.reason_label")}": "<a href=format!("{}#reason-{}", crate::paths::REPLIES, r.as_str())>{tr!(key.as_str())}</a></p>
        }
    });
    // Words, not an address, for a resident: an outside page names its site.
    let link = a.link.clone().map(|href| {
        let outside = href
            .strip_prefix("https://")
            .map(|rest| rest.split('/').next().unwrap_or(rest).to_string());
        let words = match outside {
            Some(host) => tr!("reply.link_outside", host = host),
            None => tr!("reply.link_open"),
        };
        view! { <p>{tr!("reply.link_label")}": "<a href=href>{words}</a></p> }
    });
    view! {
        <p><strong>{tr!("reply.decision_label")}": "{tr!(decision.as_str())}</strong>" · "{day(&a.on)}</p>
        {reason}
        <p class="reply-body">{a.body.clone()}</p>
        {link}
    }
}

/// 关注者留言: what followers said about the reply, shown after moderation, and until when (or
/// since when no longer) they may.
#[component]
fn Comments(until: String, open: bool, comments: Vec<ReplyComment>) -> impl IntoView {
    let window = if open {
        tr!("reply.comments_open", when = date_time(&until))
    } else {
        tr!("reply.comments_closed", when = date_time(&until))
    };
    let list = if comments.is_empty() {
        Either::Left(view! { <p class="muted">{tr!("reply.comments_none")}</p> })
    } else {
        Either::Right(view! {
            <ul class="plain-list">
                {comments.iter().map(|c| view! {
                    <li class="card" id=format!("comment-{}", c.id)>
                        <p class="muted">{tr!("reply.comment_from")}" · "<time datetime=c.at.clone()>{date_time(&c.at)}</time></p>
                        <p class="reply-body">{c.body.clone()}</p>
                    </li>
                }).collect_view()}
            </ul>
        })
    };
    view! {
        <section id="comments" aria-labelledby="comments-h">
            <h2 id="comments-h">{tr!("reply.comments_heading", count = comments.len())}</h2>
            <p>{window}</p>
            {list}
        </section>
    }
}
