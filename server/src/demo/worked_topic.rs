//! The fully worked demo topic: a plan, three lists and reports for the current (sample) month,
//! so every part of the topic page has something to show. All of it is sample data.

use crate::store::{PolicyRow, ReportRow, ResponsibilityRow, TaskRow};

/// Departments below city level that the sample lists use (real places, sample responsibilities).
pub const LOCAL_UNITS: [&str; 6] = [
    "东城区政府",
    "朝阳区政府",
    "延庆区政府",
    "朝阳区八里庄街道",
    "海淀区学院路街道",
    "延庆区康庄镇",
];

pub const PLAN: &str = "## 目标

供暖季内，老旧小区室温达标，供暖报修及时响应，农村清洁取暖设备稳定运行。

## 主要措施

1. **摸清底数**：排查老旧小区供热管网和农村取暖设备，建立问题台账，逐项销号。
2. **快速响应**：供热企业报修电话与 12345 工单系统对接，报修 2 小时内派单。
3. **长效机制**：把管网改造纳入老旧小区综合整治计划，落实清洁取暖电价政策。

> 本方案为示例，用来展示“一方案”在门户中的样子。
";

/// `(problem index in the topic, title, owner, level, due, state, done on)`.
type TaskSpec = (
    usize,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
);

const TASKS: [TaskSpec; 12] = [
    (
        0,
        "排查老旧小区供热管网薄弱点并建立台账",
        "市城市管理委",
        "city",
        "2026-11-05",
        "done",
        Some("2026-11-04"),
    ),
    (
        0,
        "对室温不达标住户入户测温，一户一策整改",
        "朝阳区政府",
        "district",
        "2026-11-20",
        "in_progress",
        None,
    ),
    (
        0,
        "完成辖区老旧小区楼内供热管线冲洗",
        "朝阳区八里庄街道",
        "street",
        "2026-12-10",
        "in_progress",
        None,
    ),
    (
        0,
        "制定老旧小区供热管网改造年度计划",
        "市住房城乡建设委",
        "city",
        "2026-12-31",
        "not_started",
        None,
    ),
    (
        1,
        "供热企业报修电话与 12345 工单系统对接",
        "市政务服务和数据管理局",
        "city",
        "2026-11-10",
        "done",
        Some("2026-11-12"),
    ),
    (
        1,
        "明确供暖报修 2 小时内派单的时限要求",
        "市城市管理委",
        "city",
        "2026-11-15",
        "done",
        Some("2026-11-14"),
    ),
    (
        1,
        "组建区级供暖应急抢修队伍",
        "东城区政府",
        "district",
        "2026-11-18",
        "done",
        Some("2026-11-17"),
    ),
    (
        1,
        "建立供暖问题“吹哨报到”台账",
        "海淀区学院路街道",
        "street",
        "2026-11-30",
        "in_progress",
        None,
    ),
    (
        2,
        "摸清农村“煤改电”设备故障底数",
        "市农业农村局",
        "city",
        "2026-11-12",
        "done",
        Some("2026-11-11"),
    ),
    (
        2,
        "农村取暖设备巡检维修全覆盖",
        "延庆区政府",
        "district",
        "2026-12-15",
        "in_progress",
        None,
    ),
    (
        2,
        "建设村级取暖设备快速报修点",
        "延庆区康庄镇",
        "street",
        "2026-12-20",
        "not_started",
        None,
    ),
    (
        2,
        "发放农村清洁取暖电价补贴",
        "市发展改革委",
        "city",
        "2026-11-25",
        "not_started",
        None,
    ),
];

/// `(wording, department, level, batch)`.
const DUTIES: [(&str, &str, &str, u8); 10] = [
    (
        "统筹全市供热保障，督导供热企业落实室温标准",
        "市城市管理委",
        "city",
        1,
    ),
    (
        "指导老旧小区综合整治同步改造供热管网",
        "市住房城乡建设委",
        "city",
        1,
    ),
    ("指导农村清洁取暖设备运行维护", "市农业农村局", "city", 1),
    ("落实清洁取暖电价和补贴政策", "市发展改革委", "city", 2),
    (
        "组织属地室温不达标问题排查整改",
        "朝阳区政府",
        "district",
        1,
    ),
    ("组建区级供暖应急抢修队伍", "东城区政府", "district", 1),
    ("落实农村取暖设备巡检维修", "延庆区政府", "district", 2),
    (
        "接诉即办，入户核实室温诉求",
        "朝阳区八里庄街道",
        "street",
        1,
    ),
    (
        "协调物业与供热企业处置楼内管线问题",
        "海淀区学院路街道",
        "street",
        2,
    ),
    (
        "建立村级报修点，及时上报设备故障",
        "延庆区康庄镇",
        "street",
        2,
    ),
];

pub fn tasks(problem_titles: &[&str]) -> Vec<TaskRow> {
    TASKS
        .iter()
        .map(
            |(problem, title, owner, level, due, state, done_on)| TaskRow {
                problem_title: problem_titles.get(*problem).map(|t| t.to_string()),
                title: title.to_string(),
                owner: owner.to_string(),
                level: level.to_string(),
                due: due.to_string(),
                state: state.to_string(),
                done_on: done_on.map(str::to_string),
                is_sample: true,
            },
        )
        .collect()
}

pub fn responsibilities() -> Vec<ResponsibilityRow> {
    DUTIES
        .iter()
        .map(|(duty, department, level, batch)| ResponsibilityRow {
            duty: duty.to_string(),
            department: department.to_string(),
            level: level.to_string(),
            batch: *batch,
            // Sample statuses: city responsibilities run all season; local first batches are fulfilled,
            // later ones not yet started.
            state: match (*level, *batch) {
                ("city", _) => "in_progress",
                (_, 1) => "done",
                _ => "not_started",
            }
            .to_string(),
            is_sample: true,
        })
        .collect()
}

pub fn reports() -> Vec<ReportRow> {
    [
        ("2026-11-05", "progress", "供暖季启动，问题台账建立", "市城市管理委",
         "全市供暖季如期启动。\n\n- 完成老旧小区供热管网薄弱点排查，建立台账\n- 公布各区报修电话"),
        ("2026-11-15", "progress", "报修时限明确，抢修队伍到位", "市城市管理委",
         "- 供暖报修 2 小时内派单的要求已下发\n- 东城区应急抢修队伍组建完成\n- 报修电话与 12345 工单系统对接仍在调试，比计划晚两天完成"),
        ("2026-11-25", "progress", "室温整改推进，农村设备巡检过半", "市城市管理委",
         "- 朝阳区入户测温整改仍在进行，**已逾期**，区政府承诺月底前完成\n- 延庆区农村取暖设备巡检过半"),
        ("2026-11-20", "supervision", "市政协委员走访老旧小区", "市政协",
         "委员们走访三个老旧小区，建议把楼内管线冲洗纳入物业日常维护。"),
    ]
    .into_iter()
    .map(|(date, kind, title, author, body)| ReportRow {
        date: date.to_string(),
        kind: kind.to_string(),
        title: title.to_string(),
        author: author.to_string(),
        body_markdown: body.to_string(),
        is_sample: true,
    })
    .collect()
}

/// Sample policies: 2026 has no published policy titles in our sources, so these say so in
/// their own titles as well as by their badge.
pub fn policies(problem_titles: &[&str]) -> Vec<PolicyRow> {
    [
        (
            "关于做好本供暖季居民室温保障工作的通知（示例）",
            "市城市管理委",
            "2026-11-01",
            0usize,
        ),
        (
            "供暖报修接诉即办工作规范（示例）",
            "市政务服务和数据管理局",
            "2026-11-10",
            1,
        ),
        (
            "农村清洁取暖设备运行维护管理办法（示例）",
            "市农业农村局",
            "2026-11-20",
            2,
        ),
    ]
    .into_iter()
    .map(|(title, issuer, issued, problem)| PolicyRow {
        title: title.to_string(),
        doc_no: None,
        issuer: issuer.to_string(),
        passed: None,
        issued: Some(issued.to_string()),
        effective: None,
        answers: problem_titles
            .get(problem)
            .map(|t| t.to_string())
            .unwrap_or_default(),
        confidence: "sample".to_string(),
        source: None,
        source_title: None,
        repost_of: None,
        problem_titles: problem_titles
            .get(problem)
            .map(|t| vec![t.to_string()])
            .unwrap_or_default(),
        is_sample: true,
        topic: Some((2026, 11)),
    })
    .collect()
}
