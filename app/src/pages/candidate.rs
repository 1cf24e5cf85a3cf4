//! 候选议题: one candidate of a voting cycle with its hotline evidence — the engine's summary
//! and three server-drawn charts (weekly trend, districts, rates against all requests) — so a
//! resident can see why it is on the ballot before ticking it.

use crate::api::replies::get_reply_of;
use crate::api::vote::get_cycle;
use crate::charts::ChartSlot;
use crate::components::badges::SampleBadge;
use crate::components::follow_form::FollowForm;
use crate::components::loading::DataView;
use crate::components::terms::TermLinks;
use crate::model::{ChartRef, EvidenceChart, FollowKind, ReplyItem};
use crate::model::{CycleCandidate, CycleDetail, Phase};
use crate::pages::NotFound;
use crate::tr;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

#[component]
pub fn CandidatePage() -> impl IntoView {
    let params = use_params_map();
    let slug = params.read_untracked().get("slug").unwrap_or_default();
    let id = params
        .read_untracked()
        .get("id")
        .as_deref()
        .and_then(crate::model::CandidateId::parse);
    let detail = Resource::new_blocking(move || slug.clone(), get_cycle);
    let reply = Resource::new_blocking(
        move || id,
        |id| async move {
            match id {
                Some(id) => get_reply_of(ReplyItem::Candidate, id.0).await,
                None => Ok(None),
            }
        },
    );
    view! {
        <DataView>
            {move || Suspend::new(async move {
                let reply = reply.await.ok().flatten();
                detail.await.map(|found| {
                    let found = found.and_then(|(detail, _)| {
                        let c = detail.candidates.iter().find(|c| Some(c.id) == id)?.clone();
                        Some((detail, c))
                    });
                    match found {
                        Some((detail, candidate)) => {
                            Either::Left(view! { <CandidateView detail candidate reply/> })
                        }
                        None => Either::Right(view! { <NotFound/> }),
                    }
                })
            })}
        </DataView>
    }
}

#[component]
fn CandidateView(
    detail: CycleDetail,
    candidate: CycleCandidate,
    reply: Option<crate::model::ReplyEntry>,
) -> impl IntoView {
    let cycle = detail.cycle;
    let slug = cycle.slug.clone();
    let id = candidate.id;
    let evidence = match candidate.hotline_class.clone() {
        Some(class) => Either::Left(view! {
            <p class="muted">{tr!("candidate.class", class = class)}" · "<a href="/hotline">{tr!("candidate.ranking_link")}</a></p>
            <ChartSlot ids=vec![
                ChartRef::Candidate { candidate: id, view: EvidenceChart::Trend }.to_string(),
                ChartRef::Candidate { candidate: id, view: EvidenceChart::Districts }.to_string(),
                ChartRef::Candidate { candidate: id, view: EvidenceChart::Rates }.to_string(),
            ]/>
        }),
        None => Either::Right(view! { <p class="muted">{tr!("candidate.manual")}</p> }),
    };
    let action = (cycle.phase == Phase::Open).then(|| {
        view! { <p><a class="button" href=format!("{}#pick-{id}", crate::paths::cycle(slug))>{tr!("candidate.go_vote")}</a></p> }
    });
    let became = candidate.became.clone().map(|label| {
        let (y, m) = (label.key.year, label.key.month.get());
        view! { <p class="flash" role="status"><a href=crate::paths::topic(y, m)>{tr!("vote.became", theme = label.theme)}</a></p> }
    });
    let not_chosen = candidate.not_chosen.clone().map(|n| {
        let key = n.reason.message_key();
        view! { <p class="flash flash-note" role="status">{tr!("reply.not_chosen_label")}": "{tr!(key.as_str())}" "{n.note}</p> }
    });
    let tally = candidate.tally.map(|t| {
        view! { <p class="tally">{tr!("vote.tally", total = t.total(), verified = t.verified, unverified = t.unverified)}</p> }
    });
    view! {
        <Title text=candidate.title.clone()/>
        <p class="breadcrumb"><a href=crate::paths::cycle(cycle.slug)>{cycle.title.clone()}</a></p>
        <h1>{candidate.title.clone()}" "{candidate.is_sample.then(|| view! { <SampleBadge/> })}</h1>
        <p>{candidate.description.clone()}</p>
        {became}
        {not_chosen}
        {tally}
        {reply.map(|entry| view! { <crate::components::reply_status::ItemReply entry/> })}
        {action}
        <h2>{tr!("candidate.evidence")}</h2>
        <p class="evidence">{candidate.evidence.clone()}</p>
        <TermLinks ids=&["growth", "dissatisfaction", "reopen", "verified", "unverified"]/>
        {evidence}
        <FollowForm kind=FollowKind::Candidate subject=id.to_string()/>
    }
}
