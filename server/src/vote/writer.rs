//! The ballot writer: one task that takes submissions from a queue and writes up to a few
//! hundred per transaction, so one disk flush serves many voters (`synchronous=FULL` stays on).

use super::VoteError;
use crate::store::{HoldRules, NewBallot, Store};
use app::model::{BallotProblem, BallotReason, BallotStatus};
use tokio::sync::{mpsc, oneshot};

type Outcome = Result<(BallotStatus, Option<BallotReason>), BallotProblem>;
type Job = (NewBallot, oneshot::Sender<Result<Outcome, String>>);

/// Most ballots written in one transaction.
const MAX_BATCH: usize = 256;

pub struct Writer {
    queue: mpsc::Sender<Job>,
}

impl Writer {
    pub fn spawn(store: Store, rules: HoldRules) -> Self {
        let (queue, mut jobs) = mpsc::channel::<Job>(4 * MAX_BATCH);
        tokio::spawn(async move {
            let mut batch: Vec<Job> = Vec::with_capacity(MAX_BATCH);
            while jobs.recv_many(&mut batch, MAX_BATCH).await > 0 {
                let ballots: Vec<NewBallot> = batch.iter().map(|(b, _)| b.clone()).collect();
                let now = jiff::Timestamp::now().as_second();
                match store.record_ballots(&ballots, now, rules).await {
                    Ok(outcomes) => {
                        for ((_, reply), outcome) in batch.drain(..).zip(outcomes) {
                            let _ = reply.send(Ok(outcome));
                        }
                    }
                    Err(err) => {
                        tracing::error!(error = %err, ballots = batch.len(), "writing ballots failed; none written");
                        for (_, reply) in batch.drain(..) {
                            let _ = reply.send(Err(err.to_string()));
                        }
                    }
                }
            }
        });
        Writer { queue }
    }

    /// Queues a ballot and waits until its transaction has committed.
    pub async fn write(
        &self,
        ballot: NewBallot,
    ) -> Result<(BallotStatus, Option<BallotReason>), VoteError> {
        let (reply, answer) = oneshot::channel();
        self.queue
            .send((ballot, reply))
            .await
            .map_err(|_| VoteError::Refused(BallotProblem::Busy))?;
        match answer.await {
            Ok(Ok(Ok(outcome))) => Ok(outcome),
            Ok(Ok(Err(problem))) => Err(VoteError::Refused(problem)),
            Ok(Err(_)) | Err(_) => Err(VoteError::Refused(BallotProblem::Busy)),
        }
    }
}
