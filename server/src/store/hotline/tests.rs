//! Hotline evidence read back from the store: a class's months, districts and rates have known
//! answers, staff's weights replace the defaults, and the demo's sample data can be cleared but
//! real data never is.

use crate::hotline::ingest::{aggregate, Report};
use crate::store::infra::test_db::{fresh_store, TestDb};
use crate::store::*;

const HEADER: &str = "id,received_at,channel,request_type,category_l1,category_l2,category_l3,district,street,handling_unit,status,closed_at,resolved,satisfaction,reopen_count\n";

/// Six heating requests over two months and two districts, and one about parking.
const ROWS: &str = "\
1,2025-01-06 09:00:00,电话,投诉,城乡建设,供暖,室温不达标,朝阳区,,热力,closed,2025-01-06 21:00:00,yes,satisfied,0
2,2025-01-06 10:00:00,电话,求助,城乡建设,供暖,室温不达标,朝阳区,,热力,closed,2025-01-09 10:00:00,partly,dissatisfied,2
3,2025-01-20 11:00:00,网络,咨询,城乡建设,供暖,报修响应慢,海淀区,,热力,closed,2025-01-21 11:00:00,no,basically,0
4,2025-02-03 11:00:00,网络,投诉,城乡建设,供暖,室温不达标,朝阳区,,热力,closed,2025-02-03 12:00:00,yes,satisfied,1
5,2025-02-04 11:00:00,网络,投诉,城乡建设,供暖,报修响应慢,朝阳区,,热力,open,,,none,0
6,2025-02-05 11:00:00,网络,投诉,城乡建设,供暖,室温不达标,海淀区,,热力,closed,2025-02-05 18:00:00,yes,none,0
7,2025-02-05 12:00:00,电话,投诉,交通管理,停车,停车难,海淀区,,交管,closed,2025-02-06 12:00:00,yes,satisfied,0
";

async fn store_with(rows: &str, sample: bool, sha: &str) -> (TestDb, Store) {
    let (dir, store) = fresh_store().await;
    import(&store, rows, sample, sha).await;
    (dir, store)
}

async fn import(store: &Store, rows: &str, sample: bool, sha: &str) {
    let text = format!("{HEADER}{rows}");
    let (agg, report) = aggregate(text.as_bytes(), 5).expect("parses");
    let report = Report {
        sha256: sha.into(),
        ..report
    };
    store
        .apply_hotline_import("t.csv", &agg, &report, sample, "2025-03-01T00:00:00Z")
        .await
        .expect("imports");
}

fn heating(level3: Option<&str>) -> ClassKey {
    ClassKey {
        level1: "城乡建设".into(),
        level2: "供暖".into(),
        level3: level3.map(Into::into),
    }
}

#[tokio::test]
async fn a_class_reads_back_by_month_district_and_rate() {
    let (_dir, store) = store_with(ROWS, false, "a").await;
    let window = ("2025-01-01", "2025-02-28");
    let months = store
        .hotline_class_months(&heating(None), window)
        .await
        .expect("months");
    let by_month: Vec<(&str, i64, i64)> = months
        .iter()
        .map(|m| (m.period.as_str(), m.figures.requests, m.figures.resolved))
        .collect();
    assert_eq!(by_month, [("2025-01", 3, 1), ("2025-02", 3, 2)]);
    let narrowed = store
        .hotline_class_months(&heating(Some("报修响应慢")), window)
        .await
        .expect("months");
    assert_eq!(
        narrowed.iter().map(|m| m.figures.requests).sum::<i64>(),
        2,
        "level 3 narrows the class"
    );
    let districts = store
        .hotline_class_districts(&heating(None), window)
        .await
        .expect("districts");
    assert_eq!(
        districts,
        [("朝阳区".to_string(), 4), ("海淀区".to_string(), 2)]
    );
    let rates = store
        .hotline_rates(Some(&heating(None)), window)
        .await
        .expect("rates");
    assert_eq!(
        (
            rates.requests,
            rates.closed,
            rates.resolved,
            rates.rated,
            rates.dissatisfied,
            rates.reopened
        ),
        (6, 5, 3, 4, 1, 2)
    );
    let all = store.hotline_rates(None, window).await.expect("all");
    assert_eq!((all.requests, all.satisfied), (7, 3));
    let days = store
        .hotline_class_days(&heating(None), ("2025-01-06", "2025-01-06"))
        .await
        .expect("days");
    assert_eq!(days.len(), 1);
    assert_eq!(days[0].figures.requests, 2);
    assert!(!store.hotline_is_sample().await.expect("flag"));
}

#[tokio::test]
async fn weights_default_until_staff_save_them() {
    let (_dir, store) = store_with(ROWS, true, "b").await;
    let defaults = store.hotline_weights().await.expect("weights");
    assert_eq!(defaults, app::model::RankWeights::default());
    let mine = app::model::RankWeights {
        volume: 1.0,
        growth: 0.0,
        spread: 0.0,
        dissatisfaction: 2.0,
        reopen: 0.5,
    };
    store
        .set_hotline_weights("editor", &mine, 1_700_000_000)
        .await
        .expect("saved");
    assert_eq!(store.hotline_weights().await.expect("weights"), mine);
    let audit: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'hotline.weights'")
            .fetch_one(&store.pool)
            .await
            .expect("audit");
    assert_eq!(audit, 1, "the change is audited");
}

#[tokio::test]
async fn sample_data_is_cleared_for_the_demo_but_real_data_never() {
    let (_dir, store) = store_with(ROWS, true, "c").await;
    assert!(store.hotline_is_sample().await.expect("flag"));
    assert!(store.clear_sample_hotline().await.expect("cleared"));
    assert_eq!(store.hotline_totals().await.expect("totals").requests, 0);
    import(&store, ROWS, false, "d").await;
    assert!(!store.clear_sample_hotline().await.expect("refused"));
    assert_eq!(store.hotline_totals().await.expect("totals").requests, 7);
}
