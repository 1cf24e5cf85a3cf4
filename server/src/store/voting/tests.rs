//! Ballots in the store: held ballots count only once a moderator accepts them, and the running
//! tally always equals a recount from the records.

use crate::store::tests::loaded_store;
use crate::store::*;
use app::model::{BallotReason, BallotStatus, Role, StaffMember, Tier};

fn ballot(cycle_id: i64, voter: &str, picks: Vec<i64>, status: BallotStatus) -> NewBallot {
    NewBallot {
        cycle_id,
        voter: voter.into(),
        tier: Tier::Unverified,
        picks,
        receipt: format!("R-{voter}-{status}"),
        status,
        reason: (status == BallotStatus::Quarantined).then_some(BallotReason::Burst),
        network: "192.0.2.0/24".into(),
        code_hash: None,
        proof: None,
    }
}

/// A burst limit per minute and a daily allowance per network.
fn rules(burst_limit: i64, per_network_day: i64) -> HoldRules {
    HoldRules {
        burst_window: 60,
        burst_limit,
        per_network_day,
    }
}

/// The editor every cycle test acts as.
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
async fn a_held_ballot_counts_only_when_accepted_and_recounts_agree() {
    let (_dir, store) = loaded_store().await;
    let now = jiff::Timestamp::now().as_second();
    let (cycle, ids) = store
        .cycle_rules("2027-annual", now)
        .await
        .expect("read")
        .expect("sample cycle");
    let moderator = StaffMember {
        id: 1,
        username: "mod".into(),
        display_name: "审核员".into(),
        role: Role::Moderator,
        department: None,
        grants: Vec::new(),
    };
    let batch = vec![
        ballot(cycle.id, "d:a", vec![ids[0]], BallotStatus::Counted),
        ballot(cycle.id, "d:b", vec![ids[1]], BallotStatus::Quarantined),
    ];
    let outcomes = store
        .record_ballots(&batch, now, rules(1000, 1000))
        .await
        .expect("write");
    assert!(outcomes.iter().all(Result::is_ok));
    let detail = store
        .cycle_detail("2027-annual", now)
        .await
        .expect("r")
        .expect("c");
    let tally = |d: &app::model::CycleDetail, id: i64| {
        d.candidates
            .iter()
            .find(|c| c.id == id)
            .and_then(|c| c.tally)
            .unwrap_or_default()
    };
    assert_eq!(tally(&detail, ids[0]).unverified, 1);
    assert_eq!(tally(&detail, ids[1]).unverified, 0, "held, not counted");

    let held = store.held_ballots().await.expect("held");
    assert_eq!(held.len(), 1);
    assert!(store
        .review_ballot(&moderator, held[0].id, true, now)
        .await
        .expect("review"));
    assert!(
        !store
            .review_ballot(&moderator, held[0].id, false, now)
            .await
            .expect("again"),
        "decided once"
    );
    let detail = store
        .cycle_detail("2027-annual", now)
        .await
        .expect("r")
        .expect("c");
    assert_eq!(
        tally(&detail, ids[1]).unverified,
        1,
        "accepted, now counted"
    );
    let report = store
        .integrity("2027-annual", now)
        .await
        .expect("r")
        .expect("report");
    assert!(report.recomputed_matches);
    assert_eq!(report.counted.unverified, 2);
    assert!(
        sqlx::query("DELETE FROM ballots")
            .execute(&store.pool)
            .await
            .is_err(),
        "append-only"
    );
    assert!(sqlx::query("UPDATE ballots SET status = 'counted'")
        .execute(&store.pool)
        .await
        .is_err());
}

#[tokio::test]
async fn bursts_from_one_network_are_held_not_dropped() {
    let (_dir, store) = loaded_store().await;
    let now = jiff::Timestamp::now().as_second();
    let (cycle, ids) = store
        .cycle_rules("2027-annual", now)
        .await
        .expect("r")
        .expect("c");
    let batch: Vec<NewBallot> = (0..5)
        .map(|n| {
            let mut b = ballot(
                cycle.id,
                &format!("d:{n}"),
                vec![ids[0]],
                BallotStatus::Counted,
            );
            b.receipt = format!("R-{n}");
            b
        })
        .collect();
    let outcomes = store
        .record_ballots(&batch, now, rules(3, 1000))
        .await
        .expect("write");
    let held = outcomes
        .iter()
        .filter(|o| {
            matches!(
                o,
                Ok((BallotStatus::Quarantined, Some(BallotReason::Burst)))
            )
        })
        .count();
    assert_eq!(
        held, 2,
        "the fourth and fifth from one network within a minute are held"
    );
    let report = store
        .integrity("2027-annual", now)
        .await
        .expect("r")
        .expect("report");
    assert_eq!(report.cast, 5, "all recorded");
    assert_eq!(report.quarantined, vec![("burst".to_string(), 2)]);
}

#[tokio::test]
async fn beyond_the_daily_allowance_a_network_s_new_devices_are_held_until_beijing_midnight() {
    let (_dir, store) = loaded_store().await;
    let now = jiff::Timestamp::now().as_second();
    let (cycle, ids) = store
        .cycle_rules("2027-annual", now)
        .await
        .expect("r")
        .expect("c");
    let day = app::model::beijing_day_start(now);
    let cast = |voter: &str, receipt: &str| {
        let mut b = ballot(cycle.id, voter, vec![ids[0]], BallotStatus::Counted);
        b.receipt = receipt.into();
        b
    };
    let batch: Vec<NewBallot> = (0..5)
        .map(|n| cast(&format!("d:{n}"), &format!("A-{n}")))
        .collect();
    let outcomes = store
        .record_ballots(&batch, day + 10, rules(1000, 3))
        .await
        .expect("write");
    let held: Vec<bool> = outcomes
        .iter()
        .map(|o| {
            matches!(
                o,
                Ok((BallotStatus::Quarantined, Some(BallotReason::NetworkDay)))
            )
        })
        .collect();
    assert_eq!(
        held,
        [false, false, false, true, true],
        "three count, then held"
    );
    // A device that already counted today changes its ballot: still counted.
    let again = store
        .record_ballots(&[cast("d:0", "A-again")], day + 20, rules(1000, 3))
        .await
        .expect("write");
    assert!(
        matches!(again[0], Ok((BallotStatus::Counted, None))),
        "{again:?}"
    );
    // The next Beijing day the allowance starts again.
    let tomorrow = store
        .record_ballots(&[cast("d:9", "B-9")], day + 86_400, rules(1000, 3))
        .await
        .expect("write");
    assert!(
        matches!(tomorrow[0], Ok((BallotStatus::Counted, None))),
        "{tomorrow:?}"
    );
    let report = store
        .integrity("2027-annual", day + 86_400)
        .await
        .expect("r")
        .expect("report");
    assert_eq!(report.quarantined, vec![("network_day".to_string(), 2)]);
    assert_eq!(report.counted.unverified, 4);
    assert_eq!(
        report.networks.six_to_twenty,
        app::model::NetworkBand {
            networks: 1,
            devices: 6
        },
        "one network, six devices (no address in the report)"
    );
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
async fn a_shared_rate_bucket_allows_its_burst_then_refills_by_the_interval() {
    let (_dir, store) = crate::store::infra::test_db::fresh_store().await;
    let take = |now: i64| store.take_rate_token("plain:10.0.0.0/24", now, 5_000, 3);
    let t0 = 1_000_000;
    for n in 0..3 {
        assert!(take(t0).await.expect("take"), "token {n} of the burst");
    }
    assert!(!take(t0).await.expect("take"), "the burst is used up");
    assert!(!take(t0 + 4_999).await.expect("take"), "not yet refilled");
    assert!(
        take(t0 + 5_000).await.expect("take"),
        "one token back per interval"
    );
    assert!(!take(t0 + 5_000).await.expect("take"));
    assert!(store
        .take_rate_token("plain:10.0.1.0/24", t0, 5_000, 3)
        .await
        .expect("take"));
    // A bucket is forgotten once it is full again, and not before.
    assert_eq!(
        store
            .forget_full_rate_buckets(t0 + 4_999)
            .await
            .expect("prune"),
        0
    );
    assert_eq!(
        store
            .forget_full_rate_buckets(t0 + 5_001)
            .await
            .expect("prune"),
        1
    );
    assert_eq!(
        store
            .forget_full_rate_buckets(t0 + 19_999)
            .await
            .expect("prune"),
        0
    );
    assert_eq!(
        store
            .forget_full_rate_buckets(t0 + 20_001)
            .await
            .expect("prune"),
        1
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
