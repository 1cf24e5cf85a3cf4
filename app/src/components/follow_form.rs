//! 关注 form: an email address and a consent box, posted to `/follow` without JavaScript; the page
//! it comes back to says how it went (`?follow=<code>#follow`). The browser checks the address and
//! the box before sending (`type=email`, `required`), so the server's refusals are rare.

use crate::model::{FollowKind, FollowOutcome, ADDRESS_MAX};
use crate::tr;
use leptos::prelude::*;
use leptos_meta::Link;
use leptos_router::hooks::use_query_map;

#[component]
pub fn FollowForm(kind: FollowKind, subject: String) -> impl IntoView {
    let outcome = use_query_map()
        .read_untracked()
        .get("follow")
        .and_then(|code| FollowOutcome::parse(&code));
    let flash = outcome.map(|outcome| {
        let key = outcome.message_key();
        match outcome {
            FollowOutcome::Sent => {
                view! { <p class="flash" role="status">{tr!(key.as_str())}</p> }.into_any()
            }
            _ => view! { <p class="flash flash-error" role="alert">{tr!(key.as_str())}</p> }
                .into_any(),
        }
    });
    let feed = crate::paths::feed(kind.as_str(), &subject);
    let heading = format!("follow.form.{}.heading", kind.as_str());
    let intro = format!("follow.form.{}.intro", kind.as_str());
    view! {
        <section id="follow" class="follow" aria-labelledby="follow-heading">
            <h2 id="follow-heading" class="h3">{tr!(heading.as_str())}</h2>
            <p>{tr!(intro.as_str())}</p>
            {flash}
            <form method="post" action="/follow" class="stack-form">
                <input type="hidden" name="kind" value=kind.as_str()/>
                <input type="hidden" name="subject" value=subject/>
                <label for="follow-address">{tr!("follow.form.address")}</label>
                <input
                    id="follow-address"
                    name="address"
                    type="email"
                    inputmode="email"
                    autocomplete="email"
                    maxlength=ADDRESS_MAX.to_string()
                    required
                />
                <div class="hp" aria-hidden="true">
                    <label for="follow-website">"Website"</label>
                    <input id="follow-website" name="website" type="text" tabindex="-1" autocomplete="off"/>
                </div>
                <p class="consent">
                    <input id="follow-consent" type="checkbox" name="consent" value="yes" required/>
                    <label for="follow-consent">{tr!("follow.form.consent")}</label>
                </p>
                <button type="submit" class="button">{tr!("follow.form.submit")}</button>
            </form>
            <p class="feed-link">
                <a href=feed.clone() type="application/atom+xml">{tr!("follow.form.feed")}</a>
                " "<span class="muted">{tr!("follow.form.feed_note")}</span>
            </p>
            <Link rel="alternate" type_="application/atom+xml" href=feed title=tr!("follow.form.feed")/>
        </section>
    }
}
