//! Department names as people type them in spreadsheets. One alias list (`ALIASES`) maps the
//! common short names (市住建委, 城管委, 发改委 …) to the official names the departments table
//! uses; "北京市…" and a missing "市" are read too. A name that still matches nothing gets the
//! nearest known names as a "did you mean …?", by edit distance and shared character pairs
//! (`strsim`, already in the build through clap: no new code to trust).

/// `(short name, official name)`; the official names are those of the departments table.
pub const ALIASES: &[(&str, &str)] = &[
    ("市住建委", "市住房城乡建设委"),
    ("住建委", "市住房城乡建设委"),
    ("市住房和城乡建设委员会", "市住房城乡建设委"),
    ("市城管委", "市城市管理委"),
    ("城管委", "市城市管理委"),
    ("市城市管理委员会", "市城市管理委"),
    ("市发改委", "市发展改革委"),
    ("发改委", "市发展改革委"),
    ("市发展和改革委员会", "市发展改革委"),
    ("市政数局", "市政务服务和数据管理局"),
    ("政数局", "市政务服务和数据管理局"),
    ("市政务服务局", "市政务服务和数据管理局"),
    ("市规自委", "市规划自然资源委"),
    ("规自委", "市规划自然资源委"),
    ("市交通委员会", "市交通委"),
    ("市人社局", "市人力资源社会保障局"),
    ("人社局", "市人力资源社会保障局"),
    ("市卫健委", "市卫生健康委"),
    ("卫健委", "市卫生健康委"),
    ("市市场监督管理局", "市市场监管局"),
    ("市场监管局", "市市场监管局"),
    ("市环保局", "市生态环境局"),
    ("市园林局", "市园林绿化局"),
    ("市文旅局", "市文化和旅游局"),
    ("市农业农村委", "市农业农村局"),
    ("交管局", "市公安局公安交通管理局"),
    ("市交管局", "市公安局公安交通管理局"),
];

/// How a typed name was read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NameMatch {
    /// Known as typed, or under its official name (an alias, "北京市…", no "市"):
    /// the official name.
    Known(String),
    /// Unknown; the nearest known names, best first (possibly none).
    Unknown(Vec<String>),
}

/// How many "did you mean" names are offered.
const SUGGESTIONS: usize = 3;
/// Below this similarity a name is not worth suggesting.
const MIN_SIMILARITY: f64 = 0.3;

/// Reads `typed` against the `known` official names.
pub fn resolve(typed: &str, known: &[String]) -> NameMatch {
    let typed = typed.trim();
    let is_known = |name: &str| known.iter().any(|k| k == name);
    let mut candidates = vec![typed.to_string()];
    if let Some(rest) = typed.strip_prefix("北京市") {
        candidates.push(format!("市{rest}"));
        candidates.push(rest.to_string());
    } else if !typed.starts_with('市') {
        candidates.push(format!("市{typed}"));
    }
    for candidate in &candidates {
        if is_known(candidate) {
            return NameMatch::Known(candidate.clone());
        }
        if let Some((_, official)) = ALIASES.iter().find(|(alias, _)| alias == candidate) {
            if is_known(official) {
                return NameMatch::Known(official.to_string());
            }
        }
    }
    NameMatch::Unknown(nearest(typed, known))
}

fn similarity(a: &str, b: &str) -> f64 {
    strsim::normalized_levenshtein(a, b).max(strsim::sorensen_dice(a, b))
}

fn nearest(typed: &str, known: &[String]) -> Vec<String> {
    let mut scored: Vec<(f64, &String)> = known
        .iter()
        .map(|k| {
            // An alias that resembles the typed name points at its official name.
            let via_alias = ALIASES
                .iter()
                .filter(|(_, official)| official == k)
                .map(|(alias, _)| similarity(typed, alias))
                .fold(0.0, f64::max);
            (similarity(typed, k).max(via_alias), k)
        })
        .filter(|(score, _)| *score >= MIN_SIMILARITY)
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)));
    scored
        .into_iter()
        .take(SUGGESTIONS)
        .map(|(_, k)| k.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn known() -> Vec<String> {
        [
            "市住房城乡建设委",
            "市城市管理委",
            "市发展改革委",
            "市政务服务和数据管理局",
            "市规划自然资源委",
            "市交通委",
            "市人力资源社会保障局",
            "市卫生健康委",
            "市市场监管局",
            "市生态环境局",
            "市园林绿化局",
            "市文化和旅游局",
            "市农业农村局",
            "市公安局公安交通管理局",
            "朝阳区政府",
        ]
        .map(String::from)
        .to_vec()
    }

    #[test]
    fn every_alias_points_at_a_known_official_name() {
        let known = known();
        for (alias, official) in ALIASES {
            assert!(known.iter().any(|k| k == official), "{alias} → {official}");
            assert_eq!(
                resolve(alias, &known),
                NameMatch::Known(official.to_string())
            );
        }
    }

    #[test]
    fn short_and_long_forms_are_read() {
        let known = known();
        let official = |s: &str| NameMatch::Known(s.to_string());
        assert_eq!(resolve("市住建委", &known), official("市住房城乡建设委"));
        assert_eq!(
            resolve(" 北京市城市管理委 ", &known),
            official("市城市管理委")
        );
        assert_eq!(resolve("交通委", &known), official("市交通委"));
        assert_eq!(resolve("朝阳区政府", &known), official("朝阳区政府"));
    }

    #[test]
    fn an_unknown_name_gets_the_nearest_known_names() {
        let known = known();
        let NameMatch::Unknown(near) = resolve("市住建局", &known) else {
            panic!("市住建局 is not a department");
        };
        assert_eq!(near.first().map(String::as_str), Some("市住房城乡建设委"));
        let NameMatch::Unknown(near) = resolve("市城市管理局", &known) else {
            panic!("not known");
        };
        assert_eq!(near.first().map(String::as_str), Some("市城市管理委"));
        assert_eq!(resolve("某某公司", &known), NameMatch::Unknown(Vec::new()));
    }
}
