//! Store tests on a real database: an SQLite file, or PostgreSQL (see `test_db`).

use super::infra::test_db::{engine, fresh_store, TestDb};
use super::*;
use crate::demo;
use app::model::Confidence;

/// A city editor (编辑), as the store's tests act.
pub(crate) fn editor() -> app::model::StaffMember {
    app::model::StaffMember {
        id: 1,
        username: "editor".into(),
        display_name: "编辑".into(),
        role: app::model::Role::Editor,
        department: None,
        grants: Vec::new(),
    }
}

pub(crate) async fn loaded_store() -> (TestDb, Store) {
    let (dir, store) = fresh_store().await;
    let data = demo::build(demo::facts::BUNDLED).expect("demo dataset");
    store.replace_dataset(&data).await.expect("load dataset");
    demo::cycles::ensure(&store, jiff::Timestamp::now().as_second())
        .await
        .expect("sample cycles");
    (dir, store)
}

#[tokio::test]
async fn a_new_database_is_empty_and_durable() {
    let (_db, store) = fresh_store().await;
    assert!(store.is_empty().await.expect("count"));
    assert_eq!(store.engine(), engine());
    let setting = |sql: &'static str| {
        let pool = store.pool.clone();
        async move {
            let value: String = sqlx::query_scalar(sql)
                .fetch_one(&pool)
                .await
                .expect("setting");
            value
        }
    };
    match engine() {
        Engine::Sqlite => {
            assert_eq!(setting("PRAGMA journal_mode").await, "wal");
            let sync: i64 = sqlx::query_scalar("PRAGMA synchronous")
                .fetch_one(&store.pool)
                .await
                .expect("pragma");
            assert_eq!(sync, 2, "synchronous=FULL");
            let fk: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
                .fetch_one(&store.pool)
                .await
                .expect("pragma");
            assert_eq!(fk, 1);
        }
        Engine::Postgres => {
            // A commit is on disk before the server answers: the defaults, checked.
            assert_eq!(setting("SELECT current_setting('fsync')").await, "on");
            assert_eq!(
                setting("SELECT current_setting('synchronous_commit')").await,
                "on"
            );
            assert_eq!(
                setting("SELECT current_setting('full_page_writes')").await,
                "on"
            );
        }
    }
}

#[tokio::test]
async fn years_come_back_with_their_counts() {
    let (_dir, store) = loaded_store().await;
    let years = store.years().await.expect("years");
    let counts: Vec<u32> = years.iter().map(|y| y.problem_count).collect();
    assert_eq!(counts, vec![27, 17, 18, 13, 13, 11]);
    let y2021 = &years[0];
    assert_eq!(y2021.named_count, 8);
    assert_eq!(y2021.tasks, Some(603));
    assert_eq!(y2021.satisfaction_pct, Some(91.31));
    let y2026 = years.last().expect("2026");
    assert_eq!(
        y2026.named_count, 0,
        "sample problems are not counted as named"
    );
}

#[tokio::test]
async fn a_year_lists_its_problems_in_order() {
    let (_dir, store) = loaded_store().await;
    let detail = store.year(2024).await.expect("query").expect("2024 exists");
    assert_eq!(detail.problems.len(), 13);
    assert_eq!(detail.problems[0].title, "电动自行车充电设施建设");
    // The 2024 list reached us as a repost: only titles a primary page names are 已证实.
    let shown = |title: &str| {
        detail
            .problems
            .iter()
            .find(|p| p.title == title)
            .map(|p| p.confidence)
    };
    assert_eq!(shown("电动自行车充电设施建设"), Some(Confidence::Confirmed));
    assert_eq!(shown("餐饮油烟治理"), Some(Confidence::Confirmed));
    assert_eq!(shown("旅行社管理"), Some(Confidence::Uncertain));
    assert_eq!(detail.summary.announced.as_deref(), Some("2024-01-24"));
    assert!(store.year(1999).await.expect("query").is_none());
}

#[tokio::test]
async fn a_problem_shows_its_policies_and_sample_assignment() {
    let (_dir, store) = loaded_store().await;
    let year = store.year(2021).await.expect("query").expect("2021");
    let prepaid = year
        .problems
        .iter()
        .find(|p| p.title == "预付式消费退费难")
        .expect("problem listed");
    let detail = store
        .problem(prepaid.id)
        .await
        .expect("query")
        .expect("exists");
    let titles: Vec<&str> = detail.policies.iter().map(|p| p.title.as_str()).collect();
    assert_eq!(
        titles,
        vec![
            "北京市单用途预付卡管理条例",
            "北京市交通运输行业单用途预付卡备案管理办法"
        ]
    );
    assert!(detail.assignment_is_sample);
    assert!(detail.lead.is_some());
    assert_eq!(detail.sources[0].host(), Some("lzfz.org.cn"));
    let unknown = app::model::ProblemId(999_999);
    assert!(store.problem(unknown).await.expect("query").is_none());
}

#[tokio::test]
async fn the_home_page_has_a_current_topic_and_candidates() {
    let (_dir, store) = loaded_store().await;
    let home = store.home().await.expect("home");
    let topic = home.current.expect("current topic");
    assert_eq!((topic.year, topic.month), (2026, 11));
    assert!(topic.is_sample);
    assert_eq!(topic.problems.len(), 3);
    assert_eq!(topic.cooperating.len(), 2);
    assert!(!home.candidates.is_empty());
    assert_eq!(home.years.len(), 6);
}

#[tokio::test]
async fn reloading_the_dataset_replaces_it_whole() {
    let (_dir, store) = loaded_store().await;
    let before = store.year(2022).await.expect("query").expect("2022");
    let data = demo::build(demo::facts::BUNDLED).expect("demo dataset");
    store.replace_dataset(&data).await.expect("reload");
    let after = store.year(2022).await.expect("query").expect("2022");
    assert_eq!(before.problems.len(), after.problems.len());
    let problems: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM problems")
        .fetch_one(&store.pool)
        .await
        .expect("count");
    assert_eq!(problems as usize, data.problems.len());
}

#[tokio::test]
async fn a_failed_load_leaves_the_old_data() {
    let (_dir, store) = loaded_store().await;
    let mut broken = demo::build(demo::facts::BUNDLED).expect("demo dataset");
    broken.problems[0].lead = Some("不存在的部门".into());
    assert!(store.replace_dataset(&broken).await.is_err());
    assert_eq!(store.years().await.expect("years").len(), 6);
    assert_eq!(
        store
            .year(2024)
            .await
            .expect("q")
            .expect("2024")
            .problems
            .len(),
        13
    );
}

#[tokio::test]
async fn about_carries_the_hotline_figures_with_sources() {
    let (_dir, store) = loaded_store().await;
    let about = store.about().await.expect("about");
    assert_eq!(about.hotline.len(), 5);
    assert!(about.hotline.iter().all(|h| !h.sources.is_empty()));
    assert_eq!(about.policies_total.as_deref(), Some("400+"));
}

#[tokio::test]
async fn the_worked_topic_has_a_plan_three_lists_and_reports() {
    let (_dir, store) = loaded_store().await;
    let today = "2026-11-27";
    let detail = store
        .topic_detail(2026, 11, today)
        .await
        .expect("query")
        .expect("topic exists");
    assert!(detail.plan_html.contains("<h2>目标</h2>"));
    assert!(detail.tasks.len() >= 10);
    use app::model::{Level, ReportKind, TaskStatus};
    for status in [
        TaskStatus::Done,
        TaskStatus::InProgress,
        TaskStatus::NotStarted,
        TaskStatus::Overdue,
    ] {
        assert!(
            detail.tasks.iter().any(|t| t.status == status),
            "a {status:?} task"
        );
    }
    assert_eq!((detail.progress.done, detail.progress.total), (5, 12));
    let per_problem: u32 = detail.problems.iter().map(|p| p.progress.total).sum();
    assert_eq!(
        per_problem, 12,
        "every task belongs to one of the topic's problems"
    );
    for level in Level::ALL {
        assert!(
            detail.responsibilities.iter().any(|d| d.level == level),
            "{level:?} responsibilities"
        );
    }
    assert!(detail.policies.len() >= 3);
    let progress: Vec<&str> = detail
        .reports
        .iter()
        .filter(|r| r.kind == ReportKind::Progress)
        .map(|r| r.date.as_str())
        .collect();
    assert!(progress.len() >= 3);
    assert!(progress.windows(2).all(|w| w[0] >= w[1]), "newest first");
    assert!(detail
        .reports
        .iter()
        .any(|r| r.kind == ReportKind::Supervision));
    assert!(store
        .topic_detail(2026, 10, today)
        .await
        .expect("query")
        .is_none());
}

#[tokio::test]
async fn overdue_depends_on_the_day_it_is_read() {
    let (_dir, store) = loaded_store().await;
    let overdue = |d: &app::model::TopicDetail| {
        d.tasks
            .iter()
            .filter(|t| t.status == app::model::TaskStatus::Overdue)
            .count()
    };
    let early = store
        .topic_detail(2026, 11, "2026-11-01")
        .await
        .expect("q")
        .expect("t");
    let late = store
        .topic_detail(2026, 11, "2026-11-27")
        .await
        .expect("q")
        .expect("t");
    assert_eq!(overdue(&early), 0);
    assert_eq!(overdue(&late), 2);
}

#[tokio::test]
async fn a_department_page_counts_its_on_time_record() {
    let (_dir, store) = loaded_store().await;
    let detail = store
        .topic_detail(2026, 11, "2026-11-27")
        .await
        .expect("q")
        .expect("t");
    let lead = detail.topic.lead.expect("lead department");
    let dept = store
        .department_detail(lead.id, "2026-11-27")
        .await
        .expect("query")
        .expect("department exists");
    assert_eq!(dept.department.name, "市城市管理委");
    assert_eq!(dept.topics_led.len(), 1);
    assert_eq!(
        (
            dept.on_time.on_time,
            dept.on_time.late,
            dept.on_time.overdue
        ),
        (2, 0, 0)
    );
    assert!(!dept.responsibilities.is_empty());
    assert!(store
        .department_detail(999_999, "2026-11-27")
        .await
        .expect("q")
        .is_none());
}

#[tokio::test]
async fn search_finds_chinese_substrings_across_kinds() {
    let (_dir, store) = loaded_store().await;
    let hits = store.search("电梯").await.expect("search");
    let titles: Vec<&str> = hits.iter().map(|h| h.title.as_str()).collect();
    assert!(titles.contains(&"老楼加装电梯"), "{titles:?}");
    assert!(titles.contains(&"居民住宅老旧电梯安全监管"));
    assert!(titles.contains(&"北京市既有多层住宅加装电梯操作指引(试行)"));
    let kinds: Vec<_> = store
        .search("供暖")
        .await
        .expect("search")
        .iter()
        .map(|h| h.kind)
        .collect();
    use app::model::HitKind;
    for kind in [
        HitKind::Topic,
        HitKind::Problem,
        HitKind::Policy,
        HitKind::Task,
    ] {
        assert!(kinds.contains(&kind), "供暖 finds a {kind:?}");
    }
    // Residents say 暖气 where officials write 供暖; candidates are found too.
    let heating = store.search("暖气").await.expect("search");
    assert!(heating.iter().any(|h| h.kind == HitKind::Problem));
    assert!(heating
        .iter()
        .any(|h| h.kind == HitKind::Candidate && h.href.starts_with("/vote/")));
    assert!(
        store.search("%").await.expect("search").is_empty(),
        "% is literal"
    );
    assert!(store.search("不存在的词").await.expect("search").is_empty());
}

#[tokio::test]
async fn the_audit_log_is_append_only() {
    let (_dir, store) = loaded_store().await;
    store
        .add_staff(
            &NewStaff {
                username: "a",
                display_name: "A",
                password_hash: "hash",
                role: app::model::Role::Admin,
                department: None,
            },
            "(command line)",
            1,
        )
        .await
        .expect("staff added");
    assert_eq!(store.audit_entries(10).await.expect("entries").len(), 1);
    assert!(sqlx::query("UPDATE audit_log SET username = 'x'")
        .execute(&store.pool)
        .await
        .is_err());
    assert!(sqlx::query("DELETE FROM audit_log")
        .execute(&store.pool)
        .await
        .is_err());
    assert_eq!(
        store.audit_entries(10).await.expect("entries")[0].username,
        "(command line)"
    );
}

#[test]
fn a_stored_value_out_of_its_range_is_a_corrupt_row_not_a_default() {
    assert!(matches!(topic_key(2026, 13), Err(StoreError::Corrupt(_))));
    assert!(matches!(topic_key(2026, 0), Err(StoreError::Corrupt(_))));
    assert!(matches!(small(300, "batch"), Err(StoreError::Corrupt(_))));
    assert!(matches!(ballot_status("held"), Err(StoreError::Corrupt(_))));
    assert_eq!(topic_key(2026, 11).ok().map(|k| k.month.get()), Some(11));
}
