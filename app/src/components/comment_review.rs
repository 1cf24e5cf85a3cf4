//! 答复留言 on the moderation page: each follower's comment waiting to be read, with the reply it
//! answers, shown under the reply or withheld (never edited: a comment is hers as written).

use crate::api::moderation::ReviewReplyComment;
use crate::i18n::when::date_time;
use crate::model::PendingComment;
use crate::tr;
use leptos::prelude::*;

#[component]
pub fn CommentReview(comments: Vec<PendingComment>) -> impl IntoView {
    view! {
        <section aria-labelledby="comments-heading">
            <h2 id="comments-heading">{tr!("moderation_comments.heading", count = comments.len())}</h2>
            <p class="muted">{tr!("moderation_comments.note")}</p>
            <ul class="plain-list">{comments.into_iter().map(|c| view! { <Pending c/> }).collect_view()}</ul>
        </section>
    }
}

#[component]
fn Pending(c: PendingComment) -> impl IntoView {
    let show = ServerAction::<ReviewReplyComment>::new();
    let withhold = ServerAction::<ReviewReplyComment>::new();
    let (id_show, id_withhold) = (c.id.to_string(), c.id.to_string());
    view! {
        <li class="card" data-comment=c.id.to_string()>
            <p class="muted">
                <a href=crate::paths::reply(c.reply_id)>{c.title.clone()}</a>" · "
                {tr!("reply.owed_by", department = c.department.clone())}" · "{date_time(&c.at)}
            </p>
            <blockquote class="reply-body">{c.body.clone()}</blockquote>
            <ActionForm action=show attr:class="inline-form">
                <input type="hidden" name="comment_id" value=id_show/>
                <input type="hidden" name="decision" value="show"/>
                <button type="submit" class="button">{tr!("moderation_comments.show")}</button>
            </ActionForm>
            <ActionForm action=withhold attr:class="inline-form">
                <input type="hidden" name="comment_id" value=id_withhold/>
                <input type="hidden" name="decision" value="withhold"/>
                <button type="submit" class="button button-quiet">{tr!("moderation_comments.withhold")}</button>
            </ActionForm>
        </li>
    }
}
