//! Which charts exist and their catalogue entries: the overall charts, each published topic's
//! task and outcome charts, each cycle's votes and each linked candidate's evidence.

use super::{words, ChartError, ChartService};
use app::i18n::Locale;
use app::model::{ChartEntry, ChartGroup};
use app::model::{ChartRef, EvidenceChart};

impl ChartService {
    /// Every chart that exists now, with the part of the portal it belongs to.
    pub async fn ids(&self) -> Result<Vec<(String, ChartGroup)>, ChartError> {
        let mut ids: Vec<(ChartRef, ChartGroup)> = [
            ChartRef::ProblemsPerYear,
            ChartRef::PoliciesPerMonth,
            ChartRef::DepartmentsOnTime,
            ChartRef::HotlineCategories2020,
        ]
        .into_iter()
        .map(|r| (r, ChartGroup::Overall))
        .collect();
        let topic = |year: i64, month: i64| ChartGroup::Topic {
            year: year as i32,
            month: month as u8,
        };
        for (year, month) in self.store.published_topic_months().await? {
            ids.push((
                ChartRef::TopicTasks {
                    year: year as i32,
                    month: month as u8,
                },
                topic(year, month),
            ));
        }
        for p in self.store.topic_problems().await? {
            ids.push((
                ChartRef::ProblemVolume {
                    problem: app::model::ProblemId(p.id),
                },
                topic(p.year, p.month),
            ));
            ids.push((
                ChartRef::ProblemRates {
                    problem: app::model::ProblemId(p.id),
                },
                topic(p.year, p.month),
            ));
        }
        for cycle in self.store.cycles(crate::staff::now()).await? {
            ids.push((ChartRef::CycleVotes { slug: cycle.slug }, ChartGroup::Votes));
        }
        for candidate in self.store.linked_candidates().await? {
            for view in EvidenceChart::ALL {
                ids.push((ChartRef::Candidate { candidate, view }, ChartGroup::Votes));
            }
        }
        Ok(ids
            .into_iter()
            .map(|(r, group)| (r.to_string(), group))
            .collect())
    }

    async fn entries(
        &self,
        ids: Vec<(String, ChartGroup)>,
        locale: Locale,
    ) -> Result<Vec<ChartEntry>, ChartError> {
        let mut out = Vec::new();
        for (id, group) in ids {
            if let Some((data, version, _)) = self.data(&id, None).await? {
                out.push(ChartEntry {
                    id,
                    kind: data.kind,
                    title: words::words(&data, locale).title,
                    subject: data.subject.clone(),
                    group,
                    sample: data.sample,
                    version,
                });
            }
        }
        Ok(out)
    }

    pub async fn catalog(&self, locale: Locale) -> Result<Vec<ChartEntry>, ChartError> {
        let ids = self.ids().await?;
        self.entries(ids, locale).await
    }

    /// The charts of one month's topic: its task chart and its problems' outcome charts.
    pub async fn topic_charts(
        &self,
        year: i32,
        month: u8,
        locale: Locale,
    ) -> Result<Vec<ChartEntry>, ChartError> {
        let want = ChartGroup::Topic { year, month };
        let ids = self
            .ids()
            .await?
            .into_iter()
            .filter(|(_, g)| *g == want)
            .collect();
        self.entries(ids, locale).await
    }
}
