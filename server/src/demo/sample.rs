//! What the demo needs but the public sources do not say. Every item here is stored with a sample
//! flag and shown with a "示例数据" badge; none of it may be presented as real.

use super::worked_topic;
use crate::store::TopicRow;

/// Which department would plausibly lead a problem, by keyword (first match wins). The
/// departments are real; the assignment is sample.
const LEADS: &[(&str, &str)] = &[
    ("房产证", "市规划自然资源委"),
    ("电梯", "市住房城乡建设委"),
    ("物业", "市住房城乡建设委"),
    ("住宅", "市住房城乡建设委"),
    ("电动自行车交通", "市公安局公安交通管理局"),
    ("三四轮车", "市公安局公安交通管理局"),
    ("养犬", "市公安局"),
    ("停车", "市交通委"),
    ("公交", "市交通委"),
    ("交通", "市交通委"),
    ("道路", "市交通委"),
    ("工资", "市人力资源社会保障局"),
    ("就业", "市人力资源社会保障局"),
    ("劳动者", "市人力资源社会保障局"),
    ("体育", "市体育局"),
    ("预付", "市商务局"),
    ("直播", "市市场监管局"),
    ("教育", "市教委"),
    ("医", "市卫生健康委"),
    ("养老", "市民政局"),
    ("快递", "市邮政管理局"),
    ("旅行社", "市文化和旅游局"),
    ("公园", "市园林绿化局"),
    ("油烟", "市生态环境局"),
    ("噪声", "市生态环境局"),
    ("下水", "市水务局"),
    ("供水", "市水务局"),
    ("农村", "市农业农村局"),
    ("充电", "市城市管理委"),
    ("取暖", "市城市管理委"),
    ("供暖", "市城市管理委"),
    ("垃圾", "市城市管理委"),
];

/// Departments that cooperate on most topics (sample).
const USUAL_PARTNERS: [&str; 2] = ["市发展改革委", "市政务服务和数据管理局"];

/// Supervisory bodies (监督机构): they post supervision notes (监督), carry no tasks.
pub const SUPERVISORS: [&str; 2] = ["市人大常委会", "市政协"];

/// Every department the sample assignments may use, for the departments table.
pub fn departments() -> Vec<String> {
    let mut names: Vec<String> = LEADS
        .iter()
        .map(|(_, d)| d.to_string())
        .chain(SUPERVISORS.iter().map(|d| d.to_string()))
        .chain(USUAL_PARTNERS.iter().map(|d| d.to_string()))
        .chain(worked_topic::LOCAL_UNITS.iter().map(|d| d.to_string()))
        .collect();
    names.sort();
    names.dedup();
    names
}

/// A sample lead department and cooperating departments for a problem title.
pub fn assignment(title: &str) -> (String, Vec<String>) {
    let lead = LEADS
        .iter()
        .find(|(keyword, _)| title.contains(keyword))
        .map(|(_, d)| *d)
        .unwrap_or(USUAL_PARTNERS[1]);
    let cooperating = USUAL_PARTNERS
        .iter()
        .filter(|d| **d != lead)
        .map(|d| d.to_string())
        .collect();
    (lead.to_string(), cooperating)
}

/// A sample month for the n-th named problem of a year (the sources give no months).
pub fn month(position: usize) -> u8 {
    (position % 12) as u8 + 1
}

/// Policy `answers` strings that do not name a problem title literally.
pub const POLICY_ALIASES: &[(&str, &str)] = &[("停车资源共享", "小区周边公共停车资源有偿错时共享")];

/// The problems of the current (sample) topic.
pub const CURRENT_PROBLEMS: [&str; 3] = [
    "老旧小区供暖不热、室温不达标",
    "供暖设施报修响应慢",
    "农村清洁取暖设备运行维护",
];

/// The hotline class (level 1, 2, 3 of the generator's categories) measuring each current
/// problem's outcome.
pub const CURRENT_PROBLEM_CLASSES: [(&str, &str, &str); 3] = [
    ("城乡建设", "供暖", "室温不达标"),
    ("城乡建设", "供暖", "报修响应慢"),
    ("城乡建设", "供暖", "农村取暖设备"),
];

/// The "current" month: 2026 announced 11 problems but no titles, so this topic is sample.
pub fn current_topic() -> (TopicRow, Vec<&'static str>) {
    let (lead, _) = assignment("供暖");
    let topic = TopicRow {
        year: 2026,
        month: 11,
        theme: "冬季供暖与室温保障".to_string(),
        summary: "示例主题，用来展示本月主题在门户中的样子。供暖季开始后，关于室温不达标和设施报修的诉求通常会增多。"
            .to_string(),
        lead,
        cooperating: vec!["市住房城乡建设委".to_string(), "市农业农村局".to_string()],
        is_sample: true,
        plan_markdown: worked_topic::PLAN.to_string(),
        tasks: worked_topic::tasks(&CURRENT_PROBLEMS),
        responsibilities: worked_topic::responsibilities(),
        reports: worked_topic::reports(),
    };
    (topic, CURRENT_PROBLEMS.to_vec())
}
