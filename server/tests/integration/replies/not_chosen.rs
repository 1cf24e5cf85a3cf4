//! 未入选理由: after a round closes, each candidate that became no topic gets a published reason
//! code, shown on its page and in the API; the winner needs none; an open round's cannot.

use super::*;

#[tokio::test]
async fn a_closed_round_s_candidates_not_chosen_say_why_in_public() {
    let server = TestServer::start_with_staff(&[EDITOR]);
    let editor = login(&server, EDITOR.0, EDITOR.3).await.unwrap();
    let round: serde_json::Value =
        serde_json::from_str(&page(&server, "/api/v1/cycles/2026-winter").await).unwrap();
    let candidates = round["candidates"].as_array().unwrap();
    let lost = candidates.iter().find(|c| c["became"].is_null()).unwrap();
    let won = candidates.iter().find(|c| !c["became"].is_null()).unwrap();
    let (lost_id, won_id) = (lost["id"].to_string(), won["id"].to_string());
    let url = action_on(
        &server,
        "/staff/cycles",
        &editor,
        "set_candidate_not_chosen",
    )
    .await;

    let res = post_as(
        &url,
        &editor,
        &[
            ("candidate_id", &lost_id),
            ("reason", "fewer_votes"),
            ("note", ""),
        ],
    )
    .await;
    assert_eq!(location(&res), "/staff/cycles?done=item_saved");
    let public = page(&server, &app::paths::candidate("2026-winter", &lost_id)).await;
    assert!(
        public.contains("未入选理由") && public.contains("得票不在前列"),
        "{public:.3000}"
    );
    let round: serde_json::Value =
        serde_json::from_str(&page(&server, "/api/v1/cycles/2026-winter").await).unwrap();
    let again = round["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == lost["id"])
        .unwrap();
    assert_eq!(again["not_chosen"]["reason"], "fewer_votes");

    // "Another reason" needs its words; the winner needs no reason at all.
    let res = post_as(
        &url,
        &editor,
        &[
            ("candidate_id", &lost_id),
            ("reason", "other"),
            ("note", ""),
        ],
    )
    .await;
    assert!(
        location(&res).contains("error=invalid_reason"),
        "{}",
        location(&res)
    );
    let res = post_as(
        &url,
        &editor,
        &[
            ("candidate_id", &won_id),
            ("reason", "fewer_votes"),
            ("note", ""),
        ],
    )
    .await;
    assert!(
        location(&res).contains("error=invalid_not_chosen"),
        "{}",
        location(&res)
    );

    // An open round's candidates are still in the running.
    let open: serde_json::Value =
        serde_json::from_str(&page(&server, "/api/v1/cycles/2027-annual").await).unwrap();
    let running = open["candidates"][0]["id"].to_string();
    let res = post_as(
        &url,
        &editor,
        &[
            ("candidate_id", &running),
            ("reason", "fewer_votes"),
            ("note", ""),
        ],
    )
    .await;
    assert!(
        location(&res).contains("error=invalid_not_closed"),
        "{}",
        location(&res)
    );
}
