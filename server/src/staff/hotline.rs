//! The hotline port: the public ranking (with staff's weights), and editors' two actions — set
//! the weights, turn a ranked class into a candidate with the engine's evidence.

use super::cycles::editor;
use super::validate_edit::text;
use super::{internal, now, StaffService};
use crate::evidence::{self, day_number};
use crate::store::{ClassKey, CycleWrite, NewCandidate};
use app::api::HotlinePort;
use app::api::PromoteInput;
use app::api::{PortalError, StaffError};
use app::model::Field;
use app::model::HotlineDesk;
use app::model::{HotlineRanking, RankWeights, StaffMember};

impl StaffService {
    async fn current_ranking(&self, days: i32) -> Result<Option<HotlineRanking>, String> {
        let weights = self
            .store
            .hotline_weights()
            .await
            .map_err(|e| e.to_string())?;
        Ok(evidence::ranking(&self.store, days, None, weights)
            .await
            .map_err(|e| e.to_string())?
            .map(|(model, _)| model))
    }
}

#[async_trait::async_trait]
impl HotlinePort for StaffService {
    async fn ranking(&self, days: i32) -> Result<Option<HotlineRanking>, PortalError> {
        self.current_ranking(days).await.map_err(PortalError)
    }

    async fn desk(&self, me: &StaffMember, days: i32) -> Result<HotlineDesk, StaffError> {
        editor(me)?;
        Ok(HotlineDesk {
            ranking: self.current_ranking(days).await.map_err(internal)?,
            upcoming: self.upcoming_cycles().await?,
        })
    }

    async fn set_weights(&self, me: &StaffMember, weights: RankWeights) -> Result<(), StaffError> {
        editor(me)?;
        if !weights.is_valid() {
            return Err(StaffError::Invalid(Field::Weights));
        }
        self.store
            .set_hotline_weights(&me.username, &weights, now())
            .await
            .map_err(internal)
    }

    /// The candidate's evidence is the engine's summary over the last 30 days with data, and
    /// its charts follow the class over that window.
    async fn promote(&self, me: &StaffMember, input: PromoteInput) -> Result<(), StaffError> {
        editor(me)?;
        let title = text(&input.title, 4, 100, Field::Title)?;
        let description = text(&input.description, 4, 1000, Field::Body)?;
        let last = self
            .store
            .hotline_last_day()
            .await
            .map_err(internal)?
            .as_deref()
            .and_then(day_number)
            .ok_or(StaffError::Invalid(Field::Class))?;
        let (summary, link) = evidence::class_evidence(
            &self.store,
            (input.level1.trim(), input.level2.trim()),
            last,
        )
        .await
        .map_err(internal)?
        .ok_or(StaffError::Invalid(Field::Class))?;
        let written = self
            .store
            .add_candidate(
                me,
                input.cycle.trim(),
                NewCandidate {
                    title: &title,
                    description: &description,
                    evidence: &summary,
                    link: Some(&link),
                },
                now(),
            )
            .await
            .map_err(internal)?;
        match written {
            CycleWrite::Done => Ok(()),
            CycleWrite::Missing => Err(StaffError::Invalid(Field::Cycle)),
            CycleWrite::Frozen => Err(StaffError::Invalid(Field::Frozen)),
            CycleWrite::Duplicate | CycleWrite::NotClosed | CycleWrite::TooFewCandidates => {
                Err(StaffError::Invalid(Field::Cycle))
            }
        }
    }

    async fn link_problem(
        &self,
        me: &StaffMember,
        topic: i64,
        problem: i64,
        class: &str,
    ) -> Result<(), StaffError> {
        editor(me)?;
        let class = class.trim();
        let key = if class.is_empty() {
            None
        } else {
            let known = self.store.hotline_class_names().await.map_err(internal)?;
            if !known.iter().any(|k| k == class) {
                return Err(StaffError::Invalid(Field::Class));
            }
            let mut levels = class.split('·');
            match (levels.next(), levels.next(), levels.next()) {
                (Some(level1), Some(level2), level3) => Some(ClassKey {
                    level1: level1.to_string(),
                    level2: level2.to_string(),
                    level3: level3.map(str::to_string),
                }),
                _ => return Err(StaffError::Invalid(Field::Class)),
            }
        };
        let linked = self
            .store
            .link_problem_class(&me.username, (topic, problem), key.as_ref(), now())
            .await
            .map_err(internal)?;
        if linked {
            Ok(())
        } else {
            Err(StaffError::NotFound)
        }
    }
}
