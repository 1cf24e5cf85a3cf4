//! 答复模板: a department saves its standing answer by name, starts a waiting reply from it (the
//! form comes filled in, to be fitted), corrects it by saving under the same name and deletes
//! it; another department neither sees nor deletes it; every change is in the audit log.

use super::*;

const TITLE: &str = "菜市场周边早高峰拥堵";
const NAME: &str = "占道经营不予采纳";
/// Every desk has the template form (not every desk a reply to answer).
const DESK: (&str, &str) = ("/staff/replies", "save_reply_template");
const HOUSING: support::Account<'static> = (
    "housing",
    "department",
    Some("市住房城乡建设委"),
    "housing-password-123",
);

fn template_id(desk: &str, name: &str) -> String {
    card_id(desk, "template", &format!("<h3>{name}</h3>"))
}

#[tokio::test]
async fn a_department_starts_a_reply_from_its_template_corrects_and_deletes_it() {
    let server = TestServer::start_with_staff(&[EDITOR, MODERATOR, HEAT, HOUSING, ADMIN]);
    let editor = login(&server, EDITOR.0, EDITOR.3).await.unwrap();
    let moderator = login(&server, MODERATOR.0, MODERATOR.3).await.unwrap();
    round_with_rule(&server, &editor, "reply-templates", ("2", "", "10")).await;
    let item = published_suggestion(&server, &moderator, TITLE, "").await;
    me_too(&server, &item).await;
    let heat = login(&server, HEAT.0, HEAT.3).await.unwrap();
    let body = "经研究，临时占道经营会挤占消防通道，不予设置；我们将增加早高峰的巡查和疏导。";

    // A name too short is refused, what was typed kept.
    let save = |name: &'static str, words: &'static str| {
        let (server, heat) = (&server, &heat);
        async move {
            post_beside(
                server,
                heat,
                DESK,
                "save_reply_template",
                &[
                    ("title", name),
                    ("decision", "not_adopted"),
                    ("reason", "against_law"),
                    ("body", words),
                    ("link", ""),
                ],
            )
            .await
        }
    };
    let res = save("占", body).await;
    let refused = location(&res);
    assert!(
        refused.starts_with("/staff/replies?error=invalid_template_title&echo="),
        "{refused}"
    );
    let again = get_as(&server, &refused, &heat).await;
    assert!(
        again.contains("模板名称需要 2 到 40 个字") && again.contains(body),
        "{again:.3000}"
    );

    let res = save(NAME, body).await;
    assert_eq!(location(&res), "/staff/replies?done=template_saved");
    let desk = get_as(&server, "/staff/replies", &heat).await;
    let template = template_id(&desk, NAME);
    let id = reply_id(&desk, TITLE);
    let start = format!("?template={template}&amp;for={id}#reply-{id}");
    assert!(
        desk.contains(&start),
        "the waiting card offers it: {desk:.5000}"
    );

    // Starting from it fills the answer form in.
    let filled = get_as(
        &server,
        &format!("/staff/replies?template={template}&for={id}"),
        &heat,
    )
    .await;
    let card = &filled[filled.find(&format!("id=\"reply-{id}\"")).unwrap()..];
    let card = &card[..card.find("发布答复").unwrap()];
    assert!(
        card.contains(&format!("已套用模板“{NAME}”")),
        "{card:.3000}"
    );
    assert!(card.contains(body), "{card:.3000}");
    assert!(
        card.contains("value=\"against_law\" selected"),
        "{card:.3000}"
    );

    // Another department sees none of it and cannot delete it.
    let housing = login(&server, HOUSING.0, HOUSING.3).await.unwrap();
    assert!(!get_as(&server, "/staff/replies", &housing)
        .await
        .contains(NAME));
    let res = post_beside(
        &server,
        &housing,
        DESK,
        "delete_reply_template",
        &[("template_id", &template)],
    )
    .await;
    assert!(location(&res).contains("error="), "{}", location(&res));

    // Saved again under its name: corrected, not doubled.
    let better =
        "经研究，临时占道经营会挤占消防通道，不予设置；城管执法队将在早高峰增加巡查和疏导。";
    let res = save(NAME, better).await;
    assert_eq!(location(&res), "/staff/replies?done=template_saved");
    let desk = get_as(&server, "/staff/replies", &heat).await;
    assert_eq!(desk.matches(&format!("<h3>{NAME}</h3>")).count(), 1);
    assert!(desk.contains(better) && !desk.contains(body));

    let res = post_beside(
        &server,
        &heat,
        DESK,
        "delete_reply_template",
        &[("template_id", &template)],
    )
    .await;
    assert_eq!(location(&res), "/staff/replies?done=template_deleted");
    assert!(!get_as(&server, "/staff/replies", &heat)
        .await
        .contains(&format!("<h3>{NAME}</h3>")));
    let admin = login(&server, ADMIN.0, ADMIN.3).await.unwrap();
    let audit = get_as(&server, "/staff/audit", &admin).await;
    assert!(
        audit.contains("reply_template.save") && audit.contains("reply_template.delete"),
        "{audit:.3000}"
    );

    // An editor names the department a template is for.
    let res = post_beside(
        &server,
        &editor,
        DESK,
        "save_reply_template",
        &[
            ("department", ""),
            ("title", NAME),
            ("decision", "partly_adopted"),
            ("reason", ""),
            ("body", better),
            ("link", ""),
        ],
    )
    .await;
    assert!(
        location(&res).contains("error=invalid_department"),
        "{}",
        location(&res)
    );
}
