//! Ballots in the store: held ballots count only once a moderator accepts them, and the running
//! tally always equals a recount from the records.

use crate::store::tests::loaded_store;
use crate::store::*;
use app::model::{BallotReason, BallotStatus, CandidateId, CycleId, Role, StaffMember, Tier};

fn ballot(
    cycle_id: CycleId,
    voter: &str,
    picks: Vec<CandidateId>,
    status: BallotStatus,
) -> NewBallot {
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
    let tally = |d: &app::model::CycleDetail, id: CandidateId| {
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
