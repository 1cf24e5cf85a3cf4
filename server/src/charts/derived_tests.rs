//! Figures summed from the daily hotline table are computed once per data version (issue 32):
//! a second read of a problem's chart sums nothing, a new import or an audited link sums again.

use super::budget::ChartLimits;
use super::raster::Fonts;
use super::ChartService;
use crate::hotline::ingest::{aggregate, Report};
use crate::store::{ClassKey, Store};

const HEADER: &str = "id,received_at,channel,request_type,category_l1,category_l2,category_l3,district,street,handling_unit,status,closed_at,resolved,satisfaction,reopen_count\n";

/// Heating requests in the months around the worked topic (2026-11).
const ROWS: &str = "\
1,2026-09-06 09:00:00,电话,投诉,城乡建设,供暖,室温不达标,朝阳区,,热力,closed,2026-09-06 21:00:00,yes,satisfied,0
2,2026-10-06 10:00:00,电话,求助,城乡建设,供暖,室温不达标,朝阳区,,热力,closed,2026-10-09 10:00:00,partly,dissatisfied,2
3,2026-10-20 11:00:00,网络,咨询,城乡建设,供暖,报修响应慢,海淀区,,热力,closed,2026-10-21 11:00:00,no,basically,0
4,2026-11-03 11:00:00,网络,投诉,城乡建设,供暖,室温不达标,朝阳区,,热力,closed,2026-11-03 12:00:00,yes,satisfied,1
";

async fn import(store: &Store, sha: &str) {
    let text = format!("{HEADER}{ROWS}");
    let (agg, report) = aggregate(text.as_bytes(), 5).expect("parses");
    let report = Report {
        sha256: sha.into(),
        ..report
    };
    store
        .apply_hotline_import("t.csv", &agg, &report, true, "2026-11-30T00:00:00Z")
        .await
        .expect("imports");
}

#[tokio::test]
async fn a_problem_chart_is_summed_once_per_data_version() {
    let (_db, store) = crate::store::tests::loaded_store().await;
    import(&store, "first").await;
    let topic = store
        .topic_detail(2026, 11, "2026-11-27")
        .await
        .expect("read")
        .expect("the worked topic");
    let problem = topic.problems[0].problem.id.0;
    let heating = ClassKey {
        level1: "城乡建设".into(),
        level2: "供暖".into(),
        level3: None,
    };
    let link = |class: Option<ClassKey>| {
        let store = store.clone();
        async move {
            let at = (topic.topic.id.0, problem);
            let linked = store
                .link_problem_class("editor", at, class.as_ref(), 1)
                .await;
            assert!(linked.expect("links"));
        }
    };
    link(Some(heating.clone())).await;
    let charts = ChartService::new(
        store.clone(),
        Fonts::load(None),
        "http://127.0.0.1".into(),
        ChartLimits::default(),
    );
    let id = format!("problem-{problem}-volume");
    let read = || async {
        charts
            .data(&id, None)
            .await
            .expect("data")
            .expect("a chart")
    };

    let before = store.hotline_scans();
    let first = read().await;
    let summed = store.hotline_scans();
    assert!(summed > before, "the first read sums the daily table");
    let second = read().await;
    assert_eq!(store.hotline_scans(), summed, "a second read sums nothing");
    assert_eq!(first.0, second.0);

    // A new import is a new data version: summed again, once.
    import(&store, "second").await;
    read().await;
    let again = store.hotline_scans();
    assert!(again > summed, "a new import sums again");
    read().await;
    assert_eq!(store.hotline_scans(), again);
    // So is an audited edit of the link (on any instance: the stamp is in the database).
    link(Some(heating)).await;
    read().await;
    assert!(store.hotline_scans() > again, "a new link sums again");
}
