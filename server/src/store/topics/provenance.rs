//! Per-item provenance as stored (migration 0011): the columns every problem and policy read
//! carries, the one conversion that applies `app::model::shown_confidence`, and the reported
//! facts (来源所载) of problems and years.

use crate::store::Conn;
use crate::store::{confidence, StoreError, StoreResult};
use app::model::{
    shown_confidence, Confidence, Fact, FactKind, Origin, Policy, ProblemSummary, Published, Source,
};

/// The stored provenance of one item, before the rule decides what a reader is told.
pub(in crate::store) struct Stored<'a> {
    pub origin: &'a str,
    pub confidence: &'a str,
    pub source: Option<&'a str>,
    pub source_title: Option<&'a str>,
    pub repost_of: Option<&'a str>,
    pub published_by: Option<String>,
    pub published_on: Option<String>,
}

impl Stored<'_> {
    /// (what the reader is told, the item's own sources in reading order, 官方发布 if staff's).
    pub(in crate::store) fn decide(
        self,
    ) -> StoreResult<(Confidence, Vec<Source>, Option<Published>)> {
        let origin = Origin::parse(self.origin)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown origin {:?}", self.origin)))?;
        let stored = confidence(self.confidence)?;
        let sources = match (origin, self.source) {
            (_, None) => Vec::new(),
            (Origin::Staff, Some(raw)) => Source::parse_staff(raw),
            (Origin::Facts, Some(raw)) => {
                Source::parse_titled(raw, self.source_title, self.repost_of)
            }
        };
        let published = match origin {
            Origin::Staff => self.published_by.map(|department| Published {
                department,
                date: self.published_on,
            }),
            Origin::Facts => None,
        };
        let shown = shown_confidence(origin, stored, &sources, published.as_ref());
        Ok((shown, Source::ordered(sources), published))
    }
}

/// The columns of a problem summary, for queries on `problems` without an alias.
pub(in crate::store) const PROBLEM_COLUMNS: &str =
    "id, year, title, confidence, month, origin, source, source_title, repost_of, published_by, published_on";

#[derive(sqlx::FromRow)]
pub(in crate::store) struct ProblemRecord {
    id: i64,
    year: i64,
    title: String,
    confidence: String,
    month: Option<i64>,
    origin: String,
    source: Option<String>,
    source_title: Option<String>,
    repost_of: Option<String>,
    published_by: Option<String>,
    published_on: Option<String>,
}

impl ProblemRecord {
    pub(in crate::store) fn into_summary(self) -> StoreResult<ProblemSummary> {
        Ok(self.into_parts()?.0)
    }

    /// The summary, the problem's own sources and its 官方发布 line.
    pub(in crate::store) fn into_parts(
        self,
    ) -> StoreResult<(ProblemSummary, Vec<Source>, Option<Published>)> {
        let (shown, sources, published) = Stored {
            origin: &self.origin,
            confidence: &self.confidence,
            source: self.source.as_deref(),
            source_title: self.source_title.as_deref(),
            repost_of: self.repost_of.as_deref(),
            published_by: self.published_by,
            published_on: self.published_on,
        }
        .decide()?;
        let summary = ProblemSummary {
            id: app::model::ProblemId(self.id),
            year: self.year as i32,
            confidence: shown,
            title: self.title,
            month: self.month.and_then(|m| u8::try_from(m).ok()),
        };
        Ok((summary, sources, published))
    }
}

/// The columns of a policy, for queries that alias `policies` as `po`.
pub(in crate::store) const POLICY_COLUMNS: &str = "po.id, po.title, po.doc_no, po.issuer, po.passed, po.issued, po.effective,
     po.confidence, po.source, po.origin, po.source_title, po.repost_of, po.published_by, po.published_on";

#[derive(sqlx::FromRow)]
pub(in crate::store) struct PolicyRecord {
    id: i64,
    title: String,
    doc_no: Option<String>,
    issuer: String,
    passed: Option<String>,
    issued: Option<String>,
    effective: Option<String>,
    confidence: String,
    source: Option<String>,
    origin: String,
    source_title: Option<String>,
    repost_of: Option<String>,
    published_by: Option<String>,
    published_on: Option<String>,
}

impl PolicyRecord {
    pub(in crate::store) fn into_policy(self) -> StoreResult<Policy> {
        let (confidence, sources, published) = Stored {
            origin: &self.origin,
            confidence: &self.confidence,
            source: self.source.as_deref(),
            source_title: self.source_title.as_deref(),
            repost_of: self.repost_of.as_deref(),
            published_by: self.published_by,
            published_on: self.published_on,
        }
        .decide()?;
        Ok(Policy {
            id: self.id,
            confidence,
            title: self.title,
            doc_no: self.doc_no,
            issuer: self.issuer,
            passed: self.passed,
            issued: self.issued,
            effective: self.effective,
            sources,
            published,
        })
    }
}

/// One reported fact as loaded from the facts file.
#[derive(Clone, Debug)]
pub struct FactRow {
    /// Token of `app::model::FactKind` (years take outcomes only).
    pub kind: String,
    pub text: String,
    /// `confirmed`, `inferred` or `uncertain`.
    pub confidence: String,
    pub source: Option<String>,
    pub source_title: Option<String>,
    pub repost_of: Option<String>,
}

#[derive(sqlx::FromRow)]
struct FactRecord {
    kind: String,
    text: String,
    confidence: String,
    source: Option<String>,
    source_title: Option<String>,
    repost_of: Option<String>,
}

impl FactRecord {
    fn into_fact(self) -> StoreResult<Fact> {
        let kind = FactKind::parse(&self.kind)
            .ok_or_else(|| StoreError::Corrupt(format!("unknown fact kind {:?}", self.kind)))?;
        let (confidence, sources, _) = Stored {
            origin: "facts",
            confidence: &self.confidence,
            source: self.source.as_deref(),
            source_title: self.source_title.as_deref(),
            repost_of: self.repost_of.as_deref(),
            published_by: None,
            published_on: None,
        }
        .decide()?;
        Ok(Fact {
            kind,
            text: self.text,
            confidence,
            sources,
        })
    }
}

pub(in crate::store) async fn insert_problem_facts(
    tx: &mut Conn,
    problem_id: i64,
    facts: &[FactRow],
) -> StoreResult<()> {
    for (position, f) in facts.iter().enumerate() {
        sqlx::query(
            "INSERT INTO problem_facts (problem_id, position, kind, text, confidence, source, source_title, repost_of)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(problem_id)
        .bind(position as i64)
        .bind(&f.kind)
        .bind(&f.text)
        .bind(&f.confidence)
        .bind(&f.source)
        .bind(&f.source_title)
        .bind(&f.repost_of)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

pub(in crate::store) async fn insert_year_facts(
    tx: &mut Conn,
    year: i32,
    facts: &[FactRow],
) -> StoreResult<()> {
    for (position, f) in facts.iter().enumerate() {
        sqlx::query(
            "INSERT INTO year_facts (year, position, text, confidence, source, source_title, repost_of)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(year)
        .bind(position as i64)
        .bind(&f.text)
        .bind(&f.confidence)
        .bind(&f.source)
        .bind(&f.source_title)
        .bind(&f.repost_of)
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

impl crate::store::Store {
    pub(in crate::store) async fn problem_facts(&self, problem_id: i64) -> StoreResult<Vec<Fact>> {
        let rows: Vec<FactRecord> = sqlx::query_as(
            "SELECT kind, text, confidence, source, source_title, repost_of FROM problem_facts
             WHERE problem_id = $1 ORDER BY position",
        )
        .bind(problem_id)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(FactRecord::into_fact).collect()
    }

    pub(in crate::store) async fn year_facts(&self, year: i32) -> StoreResult<Vec<Fact>> {
        let rows: Vec<FactRecord> = sqlx::query_as(
            "SELECT 'outcome' AS kind, text, confidence, source, source_title, repost_of
             FROM year_facts WHERE year = $1 ORDER BY position",
        )
        .bind(year)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(FactRecord::into_fact).collect()
    }
}

/// The Beijing calendar date of a moment, as the date an editor's entry was published.
pub(in crate::store) fn beijing_date(at: i64) -> String {
    let offset = jiff::tz::Offset::constant(8);
    jiff::Timestamp::from_second(at)
        .unwrap_or(jiff::Timestamp::UNIX_EPOCH)
        .to_zoned(jiff::tz::TimeZone::fixed(offset))
        .date()
        .to_string()
}
