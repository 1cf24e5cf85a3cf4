//! Who is late: the demo's closed sample round owes replies from its close; past their due date
//! and unanswered they show as overdue on the waiting list and in the answering department's
//! public record, beside its on-time rate for tasks, and the staff desk reminds whoever answers;
//! its winner was answered, adopted.

use super::*;

#[tokio::test]
async fn an_overdue_reply_shows_on_the_waiting_list_and_in_the_department_record() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let api: serde_json::Value =
        serde_json::from_str(&page(&server, "/api/v1/replies").await).unwrap();
    let overdue: Vec<&serde_json::Value> = api["waiting"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["standing"]["state"] == "overdue")
        .collect();
    assert!(!overdue.is_empty(), "{api}");
    let first = overdue[0];
    assert_eq!(first["reply"]["cycle_slug"], "2026-winter");
    assert_eq!(first["reply"]["is_sample"], true);
    let late = first["standing"]["days_late"].as_i64().unwrap();
    let board = page(&server, "/replies").await;
    let title = first["reply"]["title"].as_str().unwrap();
    let row = &board[board.find(title).unwrap()..];
    assert!(
        row[..row.find("</li>").unwrap()].contains(&format!("已逾期 {late} 个工作日")),
        "{row:.2000}"
    );
    // Longest waiting first: the closed round's, before the open round's.
    let waiting = api["waiting"].as_array().unwrap();
    let crossed: Vec<&str> = waiting
        .iter()
        .map(|e| e["reply"]["crossed_on"].as_str().unwrap())
        .collect();
    let mut sorted = crossed.clone();
    sorted.sort();
    assert_eq!(crossed, sorted, "longest waiting first");
    assert!(
        api["answered"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["reply"]["answer"]["decision"] == "adopted"),
        "the sample winner was adopted: {api}"
    );

    // The department's record counts them beside its tasks' on-time rate.
    let topic = page(&server, "/topics/2026/11").await;
    let name = "市政务服务和数据管理局";
    let marker = "href=\"/departments/";
    let at = topic[..topic.find(name).unwrap()].rfind(marker).unwrap() + marker.len();
    let id: String = topic[at..]
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let record = page(&server, &format!("/departments/{id}")).await;
    assert!(record.contains(name), "{record:.1000}");
    let count = |label: &str| -> usize {
        let at = record
            .find(&format!("<dt>{label}</dt>"))
            .unwrap_or_else(|| panic!("{label}"));
        let rest = &record[at..];
        let dd = &rest[rest.find("<dd>").unwrap() + 4..];
        dd[..dd.find("</dd>").unwrap()].parse().unwrap()
    };
    assert_eq!(count("逾期未答复"), overdue.len(), "{record:.4000}");
    assert!(record.contains("按时答复"));

    // The staff desk reminds whoever answers: here an editor, who sees every department's.
    let editor = login(&server, EDITOR.0, EDITOR.3).await.unwrap();
    let desk = get_as(&server, "/staff", &editor).await;
    assert!(
        desk.contains(&format!("答复提醒：{} 件已逾期", overdue.len())),
        "{desk:.3000}"
    );
}
