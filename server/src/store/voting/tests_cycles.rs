//! Voting cycles in the store: rules freeze once a cycle opens, and a cycle opening today waits
//! for an editor's 现在开始投票 with at least two candidates.

use crate::store::tests::loaded_store;
use crate::store::*;
use app::model::{Role, StaffMember};

fn editor() -> StaffMember {
    StaffMember {
        id: 2,
        username: "editor".into(),
        display_name: "编辑".into(),
        role: Role::Editor,
        department: None,
        grants: Vec::new(),
    }
}

#[tokio::test]
async fn cycle_rules_freeze_once_the_cycle_opens() {
    let (_dir, store) = loaded_store().await;
    let now = jiff::Timestamp::now().as_second();
    let editor = editor();
    let fields = |slug: &str, opens_at: i64| CycleFields {
        slug: slug.into(),
        title: "2028 年度问题征集".into(),
        target: "2028 年度问题清单".into(),
        opens_at,
        closes_at: opens_at + 86_400 * 30,
        max_picks: 3,
        live_tally: false,
        awaits_open: false,
    };
    let created = store
        .create_cycle(&editor, &fields("2028-annual", now + 86_400), now)
        .await;
    assert_eq!(created.expect("write"), CycleWrite::Done);
    let again = store
        .create_cycle(&editor, &fields("2028-annual", now + 86_400), now)
        .await;
    assert_eq!(again.expect("write"), CycleWrite::Duplicate);
    let past = store
        .create_cycle(&editor, &fields("already-open", now - 1), now)
        .await;
    assert_eq!(
        past.expect("write"),
        CycleWrite::Frozen,
        "cannot open in the past"
    );
    let added = store
        .add_candidate(
            &editor,
            "2028-annual",
            NewCandidate {
                title: "社区食堂",
                description: "老人吃饭难",
                evidence: "",
                link: None,
            },
            now,
        )
        .await
        .expect("write");
    assert_eq!(added, CycleWrite::Done);
    let frozen = store
        .add_candidate(
            &editor,
            "2027-annual",
            NewCandidate {
                title: "临时加一项",
                description: "开始后不能加",
                evidence: "",
                link: None,
            },
            now,
        )
        .await
        .expect("write");
    assert_eq!(
        frozen,
        CycleWrite::Frozen,
        "an open cycle's candidates are fixed"
    );

    let open = store
        .cycle_rules("2027-annual", now)
        .await
        .expect("r")
        .expect("c");
    let not_closed = store
        .set_became(&editor, open.1[0], Some((2026, 11)), now)
        .await;
    assert_eq!(not_closed.expect("write"), CycleWrite::NotClosed);
    let closed = store
        .cycle_rules("2026-winter", now)
        .await
        .expect("r")
        .expect("c");
    let done = store
        .set_became(&editor, closed.1[1], Some((2026, 11)), now)
        .await;
    assert_eq!(done.expect("write"), CycleWrite::Done);
    let detail = store
        .cycle_detail("2026-winter", now)
        .await
        .expect("r")
        .expect("c");
    let became: Vec<_> = detail
        .candidates
        .iter()
        .filter(|c| c.became.is_some())
        .collect();
    assert_eq!(
        became.len(),
        2,
        "the sample winner and the one just recorded"
    );
}

#[tokio::test]
async fn a_cycle_opening_today_waits_for_open_now_with_two_candidates() {
    let (_dir, store) = loaded_store().await;
    let now = jiff::Timestamp::now().as_second();
    let editor = editor();
    // Opening date today: its midnight has passed, yet it must not open with an empty ballot.
    let today = CycleFields {
        slug: "today-cycle".into(),
        title: "今天开始的征集".into(),
        target: "2027 年度问题清单".into(),
        opens_at: now - 3600,
        closes_at: now + 86_400 * 10,
        max_picks: 2,
        live_tally: true,
        awaits_open: true,
    };
    let created = store.create_cycle(&editor, &today, now).await.expect("w");
    assert_eq!(created, CycleWrite::Done);
    let phase = |store: Store| async move {
        store
            .cycle_rules("today-cycle", now + 1)
            .await
            .expect("r")
            .expect("c")
            .0
            .phase
    };
    assert_eq!(phase(store.clone()).await, app::model::Phase::Upcoming);
    let add = |title: &'static str| NewCandidate {
        title,
        description: "说明文字",
        evidence: "",
        link: None,
    };
    let first = store
        .add_candidate(&editor, "today-cycle", add("社区食堂"), now)
        .await;
    assert_eq!(
        first.expect("w"),
        CycleWrite::Done,
        "candidates go in first"
    );
    let too_soon = store.open_cycle_now(&editor, "today-cycle", now).await;
    assert_eq!(too_soon.expect("w"), CycleWrite::TooFewCandidates);
    let second = store
        .add_candidate(&editor, "today-cycle", add("楼道照明"), now)
        .await;
    assert_eq!(second.expect("w"), CycleWrite::Done);
    let opened = store.open_cycle_now(&editor, "today-cycle", now).await;
    assert_eq!(opened.expect("w"), CycleWrite::Done);
    assert_eq!(phase(store.clone()).await, app::model::Phase::Open);
    let late = store
        .add_candidate(&editor, "today-cycle", add("临时加一项"), now + 1)
        .await;
    assert_eq!(late.expect("w"), CycleWrite::Frozen, "frozen once opened");
    let twice = store.open_cycle_now(&editor, "today-cycle", now + 2).await;
    assert_eq!(twice.expect("w"), CycleWrite::Frozen);
}

/// The ballot path keeps a cycle's stored rules for the second, never its phase: a cycle read
/// a moment before it closes is closed at its closing second, and a cycle this instance
/// creates is there at once.
#[tokio::test]
async fn kept_cycle_rules_close_on_the_clock_and_see_this_instances_writes() {
    let (_dir, store) = loaded_store().await;
    let now = jiff::Timestamp::now().as_second();
    let (open, _) = store
        .cycle_rules("2027-annual", now)
        .await
        .expect("read")
        .expect("sample cycle");
    assert_eq!(open.phase, app::model::Phase::Open);
    let closes = jiff::Timestamp::from_str(&open.closes_at)
        .expect("closing time")
        .as_second();
    let (later, _) = store
        .cycle_rules("2027-annual", closes)
        .await
        .expect("read")
        .expect("sample cycle");
    assert_eq!(
        later.phase,
        app::model::Phase::Closed,
        "closed on its second"
    );
    assert!(store
        .cycle_rules("2029-annual", now)
        .await
        .expect("read")
        .is_none());
    let fields = CycleFields {
        slug: "2029-annual".into(),
        title: "2029 年度问题征集".into(),
        target: "2029 年度问题清单".into(),
        opens_at: now + 86_400,
        closes_at: now + 86_400 * 30,
        max_picks: 3,
        live_tally: false,
        awaits_open: false,
    };
    let created = store.create_cycle(&editor(), &fields, now).await;
    assert_eq!(created.expect("write"), CycleWrite::Done);
    assert!(
        store
            .cycle_rules("2029-annual", now)
            .await
            .expect("read")
            .is_some(),
        "a write through this instance shows at once"
    );
}
