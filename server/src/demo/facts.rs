//! The shape of `shared/facts/meiyue-yiti.toml`, the public facts the demo dataset is built on.

use serde::Deserialize;

/// The facts file as bundled into the binary (a copy of `shared/facts/meiyue-yiti.toml`; a test
/// checks the copy is current when `shared/` is beside the repository).
pub const BUNDLED: &str = include_str!("../../data/meiyue-yiti.toml");

#[derive(Debug, Deserialize)]
pub struct Facts {
    pub mechanism: Mechanism,
    pub totals: Totals,
    #[serde(rename = "year", default)]
    pub years: Vec<FactYear>,
    #[serde(rename = "hotline", default)]
    pub hotline: Vec<FactHotline>,
    #[serde(rename = "policy", default)]
    pub policies: Vec<FactPolicy>,
    /// Top ten request categories of 2020 in 万 (ten thousand), plus a `source` key.
    #[serde(default)]
    pub hotline_categories_2020: toml::Table,
}

#[derive(Debug, Deserialize)]
pub struct Mechanism {
    pub source: String,
}

#[derive(Debug, Deserialize)]
pub struct Totals {
    pub policies_issued: Option<String>,
    pub responsibility_assignments: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct FactYear {
    pub year: i32,
    pub problems: u32,
    pub categories: Option<u32>,
    pub tasks: Option<u32>,
    pub policies: Option<u32>,
    pub satisfaction_pct: Option<f64>,
    pub announced: Option<String>,
    pub note: Option<String>,
    pub source: String,
    #[serde(default)]
    pub named: Vec<NamedProblem>,
    #[serde(default)]
    pub outcomes: Vec<String>,
}

#[derive(Debug, Deserialize)]
pub struct NamedProblem {
    pub title: String,
    pub confidence: String,
    pub source: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct FactHotline {
    pub period: String,
    pub requests: String,
    pub resolution_rate: Option<String>,
    pub satisfaction_rate: Option<String>,
    pub source: String,
}

#[derive(Debug, Deserialize)]
pub struct FactPolicy {
    pub title: String,
    pub doc_no: Option<String>,
    pub issuer: String,
    pub passed: Option<String>,
    pub issued: Option<String>,
    pub effective: Option<String>,
    pub answers: String,
    pub confidence: String,
    pub source: Option<String>,
}

pub fn parse(text: &str) -> Result<Facts, toml::de::Error> {
    toml::from_str(text)
}
