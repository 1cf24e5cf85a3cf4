//! Authoring: drafts stay private until published, and every edit keeps its revisions.

use crate::store::tests::{editor, loaded_store};
use crate::store::*;
use app::model::{changes, Entity, Level, TaskState};

fn draft(month: u8) -> TopicFields {
    TopicFields {
        year: 2026,
        month,
        theme: "老旧小区电梯维保".into(),
        summary: "电梯停运报修多".into(),
        lead_id: None,
        plan_markdown: "# 方案\n\n<script>x</script>".into(),
    }
}

#[tokio::test]
async fn a_draft_topic_is_invisible_until_published() {
    let (_dir, store) = loaded_store().await;
    let Saved::Done(id) = store
        .save_topic(&editor(), None, &draft(12), 10)
        .await
        .expect("save")
    else {
        panic!("draft not created")
    };
    let problem = store
        .save_problem(&editor(), id, None, "电梯停运维修慢", 11)
        .await
        .expect("problem");
    assert!(matches!(problem, Saved::Done(_)));
    let today = "2026-12-05";
    assert!(store
        .topic_detail(2026, 12, today)
        .await
        .expect("read")
        .is_none());
    assert!(store.search("电梯停运").await.expect("search").is_empty());
    let current = store
        .current_topic((2026, 12))
        .await
        .expect("current")
        .expect("a topic");
    assert_eq!(current.month, 11, "the draft is not this month's topic yet");
    let year = store.year(2026).await.expect("year").expect("2026");
    assert!(!year.problems.iter().any(|p| p.title == "电梯停运维修慢"));
    assert!(!store
        .feed_items(100)
        .await
        .expect("feed")
        .iter()
        .any(|i| i.title.contains("老旧小区电梯维保")));

    assert!(store
        .publish_topic(&editor(), id, 12)
        .await
        .expect("publish"));
    let detail = store
        .topic_detail(2026, 12, today)
        .await
        .expect("read")
        .expect("published");
    assert!(!detail.plan_html.contains("<script>"), "plan is sanitised");
    assert_eq!(detail.topic.problems.len(), 1);
    assert_eq!(store.search("电梯停运").await.expect("search").len(), 1);
    assert_eq!(
        store
            .current_topic((2026, 12))
            .await
            .expect("current")
            .expect("t")
            .month,
        12
    );
}

#[tokio::test]
async fn a_month_holds_one_topic() {
    let (_dir, store) = loaded_store().await;
    let again = store
        .save_topic(&editor(), None, &draft(11), 10)
        .await
        .expect("save");
    let Saved::Clash(app::model::Clash::Topic {
        year, month, state, ..
    }) = again
    else {
        panic!("2026-11 already has the worked topic: {again:?}");
    };
    assert_eq!((year, month), (2026, 11));
    assert_eq!(state, app::model::PublishState::Published);
    // A year after the facts file's last one is created with the first topic drafted in it
    // (the service decides which years are offered).
    let mut next_year = draft(3);
    next_year.year = 2027;
    assert!(matches!(
        store
            .save_topic(&editor(), None, &next_year, 10)
            .await
            .expect("save"),
        Saved::Done(_)
    ));
}

#[tokio::test]
async fn editing_a_task_keeps_its_original_and_each_change() {
    let (_dir, store) = loaded_store().await;
    let topic = store
        .topic_detail(2026, 11, "2026-11-27")
        .await
        .expect("r")
        .expect("topic");
    let task = &topic.tasks[0];
    let fields = TaskFields {
        title: format!("{}（调整）", task.title),
        problem_id: task.problem_id.map(|p| p.0),
        owner_id: task.owner.id,
        level: Level::District,
        due: "2027-01-15".into(),
        change_reason: "市级统筹调整".into(),
    };
    let saved = store
        .save_task(
            &editor(),
            topic.topic.id.0,
            Some(task.id.0),
            &fields,
            i64::MAX / 2,
        )
        .await
        .expect("save");
    assert_eq!(saved, Saved::Done(task.id.0));
    let writes = store.writes_committed();
    let history = store
        .revisions(Entity::Task, task.id.0)
        .await
        .expect("history");
    assert_eq!(
        store.writes_committed(),
        writes,
        "reading the history is not a write (it would empty the page cache on every view)"
    );
    assert_eq!(history.len(), 2, "original and the edit");
    assert_eq!(history[0].action, "original");
    assert_eq!(history[1].username, "editor");
    let diff = changes(Some(&history[0].snapshot), &history[1].snapshot);
    let fields: Vec<&str> = diff.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["title", "level", "due"]);
    assert_eq!(diff[2].before, task.due);

    // Saving the same values again adds no version.
    let same = TaskFields {
        title: format!("{}（调整）", task.title),
        problem_id: task.problem_id.map(|p| p.0),
        owner_id: task.owner.id,
        level: Level::District,
        due: "2027-01-15".into(),
        change_reason: "市级统筹调整".into(),
    };
    store
        .save_task(
            &editor(),
            topic.topic.id.0,
            Some(task.id.0),
            &same,
            i64::MAX / 2,
        )
        .await
        .expect("save");
    assert_eq!(
        store
            .revisions(Entity::Task, task.id.0)
            .await
            .expect("h")
            .len(),
        2
    );
    assert!(sqlx::query("DELETE FROM revisions")
        .execute(&store.pool)
        .await
        .is_err());
}

#[tokio::test]
async fn responsibility_status_is_recorded_with_history() {
    let (_dir, store) = loaded_store().await;
    let topic = store
        .topic_detail(2026, 11, "2026-11-27")
        .await
        .expect("r")
        .expect("topic");
    let responsibility = topic
        .responsibilities
        .iter()
        .find(|d| d.state != TaskState::Done)
        .expect("an open responsibility");
    assert!(store
        .set_responsibility_state(&editor(), responsibility.id, TaskState::Done, i64::MAX / 2)
        .await
        .expect("state"));
    let again = store
        .topic_detail(2026, 11, "2026-11-27")
        .await
        .expect("r")
        .expect("topic");
    let after = again
        .responsibilities
        .iter()
        .find(|d| d.id == responsibility.id)
        .expect("responsibility");
    assert_eq!(after.state, TaskState::Done);
    assert_eq!(
        store
            .revisions(Entity::Responsibility, responsibility.id)
            .await
            .expect("h")
            .len(),
        2
    );
    // A task in another topic cannot be edited through this one.
    let other = store
        .save_responsibility(
            &editor(),
            topic.topic.id.0 + 1000,
            Some(responsibility.id),
            &ResponsibilityFields {
                duty: "x 职责".into(),
                department_id: responsibility.department.id,
                level: Level::City,
                batch: 1,
            },
            1,
        )
        .await
        .expect("save");
    assert_eq!(other, Saved::Missing);
}

#[tokio::test]
async fn a_withdrawn_topic_leaves_every_list_keeps_its_reason_and_can_return() {
    let (_dir, store) = loaded_store().await;
    // Revisions count from the dataset's load, so the clock is today's.
    let t = jiff::Timestamp::now().as_second();
    let Saved::Done(id) = store
        .save_topic(&editor(), None, &draft(12), t)
        .await
        .expect("save")
    else {
        panic!("draft not created")
    };
    let today = "2026-12-05";
    assert!(
        store
            .topic_preview(2026, 12, today)
            .await
            .expect("preview")
            .is_some(),
        "a draft previews"
    );
    assert!(
        !store
            .withdraw(&editor(), Withdrawable::Topic, id, "还没发布", t + 1)
            .await
            .expect("withdraw"),
        "only a published topic can be withdrawn"
    );
    assert!(store
        .publish_topic(&editor(), id, t + 2)
        .await
        .expect("publish"));
    assert!(store
        .withdraw(&editor(), Withdrawable::Topic, id, "与11月主题重复", t + 3)
        .await
        .expect("withdraw"));
    assert!(store
        .topic_detail(2026, 12, today)
        .await
        .expect("read")
        .is_none());
    assert!(!store
        .feed_items(100)
        .await
        .expect("feed")
        .iter()
        .any(|i| i.title.contains("老旧小区电梯维保")));
    let (title, at, reason) = store
        .withdrawn_topic(2026, 12)
        .await
        .expect("read")
        .expect("withdrawn");
    assert_eq!(
        (title.as_str(), at, reason.as_str()),
        ("老旧小区电梯维保", t + 3, "与11月主题重复")
    );
    let rows = store.editor_topics().await.expect("rows");
    let row = rows.iter().find(|r| r.id.0 == id).expect("listed");
    assert_eq!(row.state, app::model::PublishState::Withdrawn);
    let history = store.revisions(Entity::Topic, id).await.expect("history");
    let last = history.last().expect("a revision");
    assert_eq!(last.action, "topic.withdraw");
    assert!(last
        .snapshot
        .iter()
        .any(|(f, v)| f == "withdrawn_reason" && v == "与11月主题重复"));

    assert!(store
        .publish_topic(&editor(), id, t + 4)
        .await
        .expect("publish again"));
    assert!(store
        .withdrawn_topic(2026, 12)
        .await
        .expect("read")
        .is_none());
    assert!(store
        .topic_detail(2026, 12, today)
        .await
        .expect("read")
        .is_some());
}

#[tokio::test]
async fn a_change_of_cooperating_departments_is_in_the_topic_history() {
    let (_dir, store) = loaded_store().await;
    // Revisions count from the dataset's load, so the clock is the real one.
    let now = jiff::Timestamp::now().as_second();
    let Saved::Done(id) = store
        .save_topic(&editor(), None, &draft(12), now)
        .await
        .expect("save")
    else {
        panic!("draft not created")
    };
    let departments = store.all_departments().await.expect("departments");
    let helpers: Vec<i64> = departments.iter().take(2).map(|d| d.id).collect();
    assert!(store
        .set_topic_cooperating(&editor(), id, &helpers, now + 1)
        .await
        .expect("set"));
    let history = store.revisions(Entity::Topic, id).await.expect("history");
    let last = history.last().expect("a version");
    assert_eq!(last.action, "topic.cooperating");
    let change = changes(
        history.get(history.len() - 2).map(|r| &r.snapshot),
        &last.snapshot,
    );
    let names: Vec<&str> = departments
        .iter()
        .take(2)
        .map(|d| d.name.as_str())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(change.len(), 1, "{change:?}");
    assert_eq!(change[0].field, "cooperating");
    assert_eq!(change[0].after, sorted.join("、"));
    // Saving the same list again is no new version.
    store
        .set_topic_cooperating(&editor(), id, &helpers, now + 2)
        .await
        .expect("set again");
    assert_eq!(
        store.revisions(Entity::Topic, id).await.expect("h").len(),
        history.len()
    );
}
