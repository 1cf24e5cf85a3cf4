//! Ballots in the store: held ballots count only once a moderator accepts them, and the running
//! tally always equals a recount from the records.

use super::tests::loaded_store;
use super::*;
use app::model::{Role, StaffMember, Tier};

fn ballot(cycle_id: i64, voter: &str, picks: Vec<i64>, status: &'static str) -> NewBallot {
    NewBallot {
        cycle_id,
        voter: voter.into(),
        tier: Tier::Unverified,
        picks,
        receipt: format!("R-{voter}-{status}"),
        status,
        reason: (status == "quarantined").then_some("burst"),
        network: "192.0.2.0/24".into(),
        code_hash: None,
        proof: None,
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
    };
    let batch = vec![
        ballot(cycle.id, "d:a", vec![ids[0]], "counted"),
        ballot(cycle.id, "d:b", vec![ids[1]], "quarantined"),
    ];
    let outcomes = store
        .record_ballots(&batch, now, 60, 1000)
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
            let mut b = ballot(cycle.id, &format!("d:{n}"), vec![ids[0]], "counted");
            b.receipt = format!("R-{n}");
            b
        })
        .collect();
    let outcomes = store
        .record_ballots(&batch, now, 60, 3)
        .await
        .expect("write");
    let held = outcomes
        .iter()
        .filter(|o| matches!(o, Ok(("quarantined", Some("burst")))))
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
