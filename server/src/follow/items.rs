//! What can be followed, found from the subject a form posts or a follow stores: a round by its
//! slug, a candidate by its id, a suggestion by its receipt code or number, a month's topic as
//! `YYYY-MM`.

use crate::store::{Store, StoreError};
use app::model::{topic_subject, FollowKind, SuggestionState};

/// A followable item: the subject stored with the follow, its name and its page.
pub(super) struct Followed {
    pub subject: String,
    pub title: String,
    pub path: String,
}

/// The year and month a topic subject names.
fn parse_topic(subject: &str) -> Option<(i32, u8)> {
    let (year, month) = subject.split_once('-')?;
    let (year, month) = (year.parse().ok()?, month.parse().ok()?);
    (1..=12).contains(&month).then_some((year, month))
}

/// The item (`kind`, `subject`) names, if it exists and may be followed. A suggestion by its
/// receipt code: its author, whatever its state; by number: anyone, once it is published — or
/// a stored follow (`stored`: read back for a mail's link), which was asked one of those ways.
/// A topic once published (a draft has no page).
pub(super) async fn find(
    store: &Store,
    kind: FollowKind,
    subject: &str,
    stored: bool,
) -> Result<Option<Followed>, StoreError> {
    match kind {
        FollowKind::Cycle => {
            Ok(store
                .cycle_rules(subject, crate::staff::now())
                .await?
                .map(|(cycle, _)| Followed {
                    subject: cycle.slug.clone(),
                    title: cycle.title,
                    path: app::paths::cycle(&cycle.slug),
                }))
        }
        FollowKind::Candidate => {
            let Ok(id) = subject.parse::<i64>() else {
                return Ok(None);
            };
            Ok(store
                .candidate_label(id)
                .await?
                .map(|(title, slug)| Followed {
                    subject: id.to_string(),
                    title,
                    path: app::paths::candidate(slug, id),
                }))
        }
        FollowKind::Topic => {
            let Some((year, month)) = parse_topic(subject) else {
                return Ok(None);
            };
            Ok(store.topic_at(year, month).await?.map(|topic| Followed {
                subject: topic_subject(year, month),
                title: topic.theme,
                path: app::paths::topic(year, month),
            }))
        }
        FollowKind::Suggestion => {
            let found = match (subject.strip_prefix("S-"), subject.parse::<i64>()) {
                (Some(_), _) => store
                    .suggestion_by_receipt(subject)
                    .await?
                    .map(|s| (s, subject.to_string())),
                (None, Ok(id)) => store.suggestion(id).await?,
                (None, Err(_)) => None,
            };
            Ok(found.and_then(|(s, receipt)| {
                let by_receipt = subject == receipt;
                let published = s.state == SuggestionState::Published;
                if !(by_receipt || published || stored) {
                    return None;
                }
                Some(Followed {
                    subject: s.id.to_string(),
                    title: s.title,
                    path: if published && !by_receipt {
                        app::paths::suggestion(s.id)
                    } else {
                        app::paths::receipt(&receipt)
                    },
                })
            }))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_topic_subject_is_its_month() {
        assert_eq!(topic_subject(2026, 3), "2026-03");
        assert_eq!(parse_topic("2026-03"), Some((2026, 3)));
        assert_eq!(parse_topic("2026-13"), None);
        assert_eq!(parse_topic("2026"), None);
        assert_eq!(parse_topic("x-1"), None);
    }
}
