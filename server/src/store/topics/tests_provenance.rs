//! Provenance is per item: what editors enter is never 已证实 on its own word, and every item the
//! public reads as 已证实 carries a source of its own that is not a repost.

use crate::store::tests::{editor, loaded_store};
use crate::store::*;
use app::model::{Confidence, SourceKind};

#[tokio::test]
async fn an_editors_policy_reads_official_with_its_issuer_and_date() {
    let (_dir, store) = loaded_store().await;
    let draft = DraftPolicy {
        title: "关于冬季供暖投诉快速处置的通知（测试）".into(),
        issuer: "市城市管理委".into(),
        issued: Some("2026-11-26".into()),
        topic: Some((2026, 11)),
    };
    let id = store
        .create_draft_policy(&editor(), &draft, 10)
        .await
        .expect("draft");
    assert!(store
        .publish_policy(&editor(), id, 11)
        .await
        .expect("publish"));
    let policy = store.policy(id).await.expect("read").expect("published");
    assert_eq!(policy.confidence, Confidence::Official);
    assert!(policy.sources.is_empty());
    let published = policy.published.expect("官方发布 line");
    assert_eq!(published.department, "市城市管理委");
    assert_eq!(published.date.as_deref(), Some("2026-11-26"));

    // A source with an address and a title makes it 已证实; an address alone does not.
    let fields = |source: &str| PolicyFields {
        title: draft.title.clone(),
        doc_no: None,
        issuer: draft.issuer.clone(),
        issued: draft.issued.clone(),
        effective: None,
        source: Some(source.into()),
    };
    store
        .save_policy(
            &editor(),
            id,
            &fields("https://www.beijing.gov.cn/x.html"),
            12,
        )
        .await
        .expect("edit");
    let bare = store.policy(id).await.expect("read").expect("policy");
    assert_eq!(bare.confidence, Confidence::Official);
    store
        .save_policy(
            &editor(),
            id,
            &fields("首都之窗 关于冬季供暖的通知 https://www.beijing.gov.cn/x.html"),
            13,
        )
        .await
        .expect("edit");
    let titled = store.policy(id).await.expect("read").expect("policy");
    assert_eq!(titled.confidence, Confidence::Confirmed);
    assert_eq!(
        titled.sources[0].title.as_deref(),
        Some("首都之窗 关于冬季供暖的通知")
    );
}

#[tokio::test]
async fn an_editors_problem_does_not_borrow_the_years_source() {
    let (_dir, store) = loaded_store().await;
    let lead = store.all_departments().await.expect("departments")[0].clone();
    let fields = TopicFields {
        year: 2026,
        month: 12,
        theme: "老旧小区电梯维保".into(),
        summary: "电梯停运报修多".into(),
        lead_id: Some(lead.id),
        plan_markdown: String::new(),
    };
    let Saved::Done(topic) = store
        .save_topic(&editor(), None, &fields, 10)
        .await
        .expect("topic")
    else {
        panic!("topic not saved")
    };
    let Saved::Done(id) = store
        .save_problem(&editor(), topic, None, "电梯停运维修慢", 1_764_518_400)
        .await
        .expect("problem")
    else {
        panic!("problem not saved")
    };
    assert!(store
        .publish_topic(&editor(), topic, 11)
        .await
        .expect("publish"));
    let detail = store
        .problem(app::model::ProblemId(id))
        .await
        .expect("read")
        .expect("public");
    assert_eq!(detail.problem.confidence, Confidence::Official);
    assert!(detail.sources.is_empty(), "no inherited source");
    assert!(
        detail
            .year_sources
            .iter()
            .any(|s| s.host() == Some("beijing.qianlong.com")),
        "the year's list is context, apart from the problem's own sources"
    );
    let published = detail.published.expect("官方发布 line");
    assert_eq!(published.department, lead.name);
    // 2025-12-01 00:00 Beijing time is 2025-11-30 16:00 UTC.
    assert_eq!(published.date.as_deref(), Some("2025-12-01"));
}

#[tokio::test]
async fn every_confirmed_item_has_a_primary_source_of_its_own() {
    let (_dir, store) = loaded_store().await;
    let mut confirmed = 0;
    for summary in store.years().await.expect("years") {
        let year = store.year(summary.year).await.expect("year").expect("year");
        for fact in &year.reported {
            if fact.confidence == Confidence::Confirmed {
                assert!(
                    fact.sources.iter().any(|s| s.vouches(false)),
                    "{}",
                    fact.text
                );
            }
        }
        for p in year.problems {
            let detail = store.problem(p.id).await.expect("problem").expect("public");
            assert_eq!(detail.problem.confidence, p.confidence, "{}", p.title);
            if p.confidence == Confidence::Confirmed {
                confirmed += 1;
                assert!(
                    detail.sources.iter().any(|s| s.vouches(false)),
                    "{} is 已证实 without a primary source of its own",
                    p.title
                );
            }
            for policy in &detail.policies {
                if policy.confidence == Confidence::Confirmed {
                    assert!(
                        policy.sources.iter().any(|s| s.vouches(false)),
                        "{}",
                        policy.title
                    );
                }
            }
            for fact in &detail.facts {
                if fact.confidence == Confidence::Confirmed {
                    assert!(
                        fact.sources.iter().any(|s| s.vouches(false)),
                        "{}",
                        fact.text
                    );
                }
            }
            // Reposts are never listed before a primary page.
            let kinds: Vec<_> = detail.sources.iter().map(|s| s.kind).collect();
            let mut sorted = kinds.clone();
            sorted.sort_by_key(|k| *k == SourceKind::Repost);
            assert_eq!(kinds, sorted, "{}", p.title);
        }
    }
    assert!(confirmed > 10, "the facts still confirm most titles");
}

#[tokio::test]
async fn problem_pages_carry_the_second_batch_of_facts() {
    let (_dir, store) = loaded_store().await;
    let year = store.year(2024).await.expect("year").expect("2024");
    let park = year
        .problems
        .iter()
        .find(|p| p.title == "公园管理服务优化")
        .expect("park problem");
    let detail = store.problem(park.id).await.expect("read").expect("public");
    let lead = detail
        .facts
        .iter()
        .find(|f| f.kind == app::model::FactKind::Lead)
        .expect("lead department");
    assert_eq!(lead.text, "北京市园林绿化局");
    assert_eq!(lead.confidence, Confidence::Inferred);
    assert!(detail
        .policies
        .iter()
        .any(|p| p.title.contains("公园管理服务优化问题")));
    // The repost names the outlet it credits where the facts give one.
    let drains = store.year(2022).await.expect("year").expect("2022");
    let id = drains
        .problems
        .iter()
        .find(|p| p.title == "下水管道堵塞")
        .expect("drains")
        .id;
    let detail = store.problem(id).await.expect("read").expect("public");
    let policy = detail
        .policies
        .iter()
        .find(|p| p.title.contains("下水管道堵塞维修"))
        .expect("policy");
    assert_eq!(policy.sources[0].kind, SourceKind::Repost);
    assert!(policy.sources[0]
        .outlet
        .as_deref()
        .is_some_and(|o| o.contains("北京日报客户端")));
}
