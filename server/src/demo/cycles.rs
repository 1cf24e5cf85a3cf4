//! Sample voting cycles (示例): dates are set around the moment the demo is loaded, so there is
//! always one cycle open for voting and one closed with its result. Candidates, evidence
//! summaries and ballots are all invented and flagged sample.

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

pub fn cycles(now: i64) -> Vec<SampleCycle> {
    let open = SampleCycle {
        slug: "2027-annual",
        title: "2027 年度“每月一题”候选问题征集（示例）",
        target: "2027 年度问题清单",
        opens_at: now - 10 * DAY,
        closes_at: now + 30 * DAY,
        max_picks: 3,
        live_tally: true,
        candidates: vec![
            (
                "社区老年助餐",
                "社区食堂少、送餐难，独居老人吃饭不方便。",
                "示例摘要：助餐类诉求冬季上升，集中在城六区老旧小区。",
                None,
            ),
            (
                "学校周边接送停车难",
                "上下学时段校门口临时停车无处可停，交通拥堵。",
                "示例摘要：工作日早晚两个高峰，开学月最多。",
                None,
            ),
            (
                "夜间施工噪声扰民",
                "夜间施工审批和巡查不到位，居民休息受影响。",
                "示例摘要：夏季夜间诉求多，重复来电比例高。",
                None,
            ),
            (
                "老旧小区无障碍设施",
                "坡道、扶手缺失，老人和轮椅使用者出行困难。",
                "示例摘要：与加装电梯诉求常在同一小区出现。",
                None,
            ),
        ],
        ballots: Vec::new(),
    };
    let closed_candidates: Vec<SampleCandidate> = vec![
        (
            "冬季供暖与室温保障",
            "室温不达标、报修响应慢、农村取暖设备故障。",
            "示例摘要：每年供暖季开始后两周内诉求集中。",
            Some((2026, 11)),
        ),
        (
            "背街小巷停车秩序",
            "占道停车、僵尸车影响通行和消防。",
            "示例摘要：夜间诉求为主，城区多于郊区。",
            None,
        ),
        (
            "快递末端投递",
            "快递不送上门、驿站收费不清。",
            "示例摘要：“双十一”前后明显增多。",
            None,
        ),
    ];
    let closed = SampleCycle {
        slug: "2026-winter",
        title: "2026 年冬季主题征集（示例）",
        target: "2026 年 11 月的每月一题主题",
        opens_at: now - 90 * DAY,
        closes_at: now - 60 * DAY,
        max_picks: 2,
        live_tally: false,
        ballots: sample_ballots(240, closed_candidates.len(), 2),
        candidates: closed_candidates,
    };
    let upcoming = SampleCycle {
        slug: "2027-spring",
        title: "2027 年春季主题征集（示例）",
        target: "2027 年 3 月的每月一题主题",
        opens_at: now + 40 * DAY,
        closes_at: now + 70 * DAY,
        max_picks: 2,
        live_tally: true,
        candidates: vec![(
            "春季道路扬尘治理",
            "施工工地和渣土车带来扬尘，春季风大时尤其明显。",
            "示例摘要：三四月诉求集中。",
            None,
        )],
        ballots: Vec::new(),
    };
    vec![open, closed, upcoming]
}

/// Adds the sample cycles that are not there yet.
pub async fn ensure(store: &Store, now: i64) -> StoreResult<usize> {
    let mut added = 0;
    for cycle in cycles(now) {
        if store.add_sample_cycle(&cycle).await? {
            added += 1;
        }
    }
    Ok(added)
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
