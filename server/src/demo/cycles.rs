//! Sample voting cycles (示例): dates are set around the moment the demo is loaded, so there is
//! always one cycle open for voting and one closed with its result. Candidates and ballots are
//! invented and flagged sample; their evidence summaries are computed by the hotline engine
//! from the demo's sample records.

use crate::evidence;
use crate::store::{SampleCandidate, SampleCycle, Store, StoreResult};

const DAY: i64 = 24 * 3600;

/// Deterministic sample ballots: `n` voters, most unverified, preferring earlier candidates.
fn sample_ballots(n: usize, candidates: usize, max_picks: usize) -> Vec<(bool, Vec<usize>)> {
    (0..n)
        .map(|i| {
            let verified = i % 6 == 0;
            // A clear favourite, a close second, a distant third.
            let first = [0, 0, 1, 0, 2, 1, 0, 1][i % 8] % candidates;
            let mut picks = vec![first];
            if max_picks > 1 && i % 3 != 0 {
                let second = (first + 1 + i % 2) % candidates;
                if second != first {
                    picks.push(second);
                }
            }
            (verified, picks)
        })
        .collect()
}

/// A candidate and the hotline class (level 1, level 2) its evidence comes from.
fn candidate(
    title: &'static str,
    description: &'static str,
    class: (&'static str, &'static str),
    became: Option<(i32, u8)>,
) -> (SampleCandidate, (&'static str, &'static str)) {
    let c = SampleCandidate {
        title,
        description,
        evidence: String::new(),
        became,
        link: None,
    };
    (c, class)
}

type Linked = Vec<(SampleCandidate, (&'static str, &'static str))>;

/// The sample cycles, with each candidate's hotline class; evidence is filled in by [`ensure`].
pub fn cycles(now: i64) -> Vec<(SampleCycle, Linked)> {
    let open: Linked = vec![
        candidate(
            "社区老年助餐",
            "社区食堂少、送餐难，独居老人吃饭不方便。",
            ("公共服务", "养老服务"),
            None,
        ),
        candidate(
            "学校周边接送停车难",
            "上下学时段校门口临时停车无处可停，交通拥堵。",
            ("交通管理", "停车"),
            None,
        ),
        candidate(
            "夜间施工噪声扰民",
            "夜间施工审批和巡查不到位，居民休息受影响。",
            ("城乡建设", "施工扰民"),
            None,
        ),
        candidate(
            "老旧小区无障碍设施",
            "坡道、扶手缺失，老人和轮椅使用者出行困难。",
            ("住房", "老旧小区"),
            None,
        ),
    ];
    let closed: Linked = vec![
        candidate(
            "冬季供暖与室温保障",
            "室温不达标、报修响应慢、农村取暖设备故障。",
            ("城乡建设", "供暖"),
            Some((2026, 11)),
        ),
        candidate(
            "小区物业服务",
            "物业服务不到位、收费不透明，业主意见大。",
            ("住房", "物业管理"),
            None,
        ),
        candidate(
            "预付卡退费难",
            "健身、美容、培训机构关门跑路，预付卡退费无门。",
            ("市场管理", "预付式消费"),
            None,
        ),
    ];
    let upcoming: Linked = vec![candidate(
        "春季道路扬尘治理",
        "施工工地和渣土车带来扬尘，春季风大时尤其明显。",
        ("城乡建设", "环境卫生"),
        None,
    )];
    let cycle = |slug, title, target, opens_at, closes_at, max_picks, live_tally| SampleCycle {
        slug,
        title,
        target,
        opens_at,
        closes_at,
        max_picks,
        live_tally,
        reply_rule: Some(sample_reply_rule(100)),
        candidates: Vec::new(),
        ballots: Vec::new(),
    };
    let mut winter = cycle(
        "2026-winter",
        "2026 年冬季主题征集（示例）",
        "2026 年 11 月的每月一题主题",
        now - 90 * DAY,
        now - 60 * DAY,
        2,
        false,
    );
    winter.ballots = sample_ballots(240, closed.len(), 2);
    // The closed round promised a reply at 80 votes, so all three of its candidates are owed
    // one: the winner answered, one handed to another department and answered late, one
    // overdue (the reply league's and the waiting list's sample figures).
    winter.reply_rule = Some(sample_reply_rule(80));
    vec![
        (
            cycle(
                "2027-annual",
                "2027 年度“每月一题”候选问题征集（示例）",
                "2027 年度问题清单",
                now - 10 * DAY,
                now + 30 * DAY,
                3,
                true,
            ),
            open,
        ),
        (winter, closed),
        (
            cycle(
                "2027-spring",
                "2027 年春季主题征集（示例）",
                "2027 年 3 月的每月一题主题",
                now + 40 * DAY,
                now + 70 * DAY,
                2,
                true,
            ),
            upcoming,
        ),
    ]
}

/// Adds the sample cycles that are not there yet. Each candidate's evidence is computed by the
/// hotline engine over the 30 days before its cycle opened (or up to the last day with data).
pub async fn ensure(store: &Store, now: i64) -> StoreResult<usize> {
    let last = store
        .hotline_last_day()
        .await?
        .as_deref()
        .and_then(evidence::day_number);
    let mut added = 0;
    for (mut cycle, linked) in cycles(now) {
        let opened = (cycle.opens_at / DAY) as i32 - 1;
        for (mut candidate, class) in linked {
            let to = last.map(|l| l.min(opened));
            match to {
                Some(to) => match evidence::class_evidence(store, class, to).await? {
                    Some((text, link)) => {
                        candidate.evidence = text;
                        candidate.link = Some(link);
                    }
                    None => candidate.evidence = NO_EVIDENCE.into(),
                },
                None => candidate.evidence = NO_EVIDENCE.into(),
            }
            cycle.candidates.push(candidate);
        }
        if store.add_sample_cycle(&cycle).await? {
            added += 1;
        }
    }
    // The candidates over the sample rule are owed replies (the closed round's from its close,
    // so the waiting list shows some overdue); the closed round's winner was answered: adopted,
    // as the topic it became; the second was handed to another department and answered late,
    // and residents rated both (the reply league's sample figures).
    store.record_reply_crossings(now).await?;
    store.answer_sample_winners(now).await?;
    store.seed_sample_league(now).await?;
    Ok(added)
}

/// Shown when the demo loaded without hotline data.
const NO_EVIDENCE: &str = "暂无热线数据（示例）。";

/// The demo's 答复规则: 30 supporters within 30 days, or `votes` approvals, get a reply within
/// 15 working days from the office that runs the hotline (sample figures, like the cycles).
fn sample_reply_rule(votes: u32) -> app::model::ReplyRule {
    app::model::ReplyRule {
        supporters: Some(30),
        support_days: 30,
        votes: Some(votes),
        working_days: 15,
        department: "市政务服务和数据管理局".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_ballots_respect_the_pick_limit_and_favour_no_one_twice() {
        for (_, picks) in sample_ballots(240, 3, 2) {
            assert!(!picks.is_empty() && picks.len() <= 2);
            assert!(picks.iter().all(|p| *p < 3));
            if picks.len() == 2 {
                assert_ne!(picks[0], picks[1]);
            }
        }
    }
}
