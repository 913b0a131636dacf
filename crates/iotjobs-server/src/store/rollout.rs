//! Rollout pacing: a job with `jobExecutionsRolloutConfig` notifies its
//! things (queues their executions) a minute's worth at a time, at
//! `maximumPerMinute`, or at an exponential rate (`baseRatePerMinute`,
//! multiplied by `incrementFactor` each time `rateIncreaseCriteria` is
//! reached) capped by `maximumPerMinute`.

use super::Store;
use iotjobs_model::types::{JobExecutionsRolloutConfig, JobStatus};
use std::collections::VecDeque;

/// AWS's ceiling for any rollout rate.
const MAX_RATE: f64 = 1000.0;

/// Things still to notify, and the pace.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Rollout {
    pub pending: VecDeque<String>,
    /// Things per minute now.
    rate: f64,
    /// When the next minute's batch is due.
    pub next_batch_at: f64,
    /// Rate increases applied so far (the criterion is met every
    /// `threshold` notified or succeeded things).
    increases: u32,
}

impl Rollout {
    /// The rollout for `config` over `things`, or `None` when the job rolls
    /// out to everything at once.
    pub fn new(
        config: Option<&JobExecutionsRolloutConfig>,
        things: Vec<String>,
        now: f64,
    ) -> Option<Rollout> {
        let config = config?;
        if config.maximum_per_minute.is_none() && config.exponential_rate.is_none() {
            return None;
        }
        let cap = config.maximum_per_minute.map_or(MAX_RATE, f64::from);
        let rate = config
            .exponential_rate
            .as_ref()
            .map_or(cap, |r| f64::from(r.base_rate_per_minute).min(cap));
        Some(Rollout {
            pending: things.into(),
            rate,
            next_batch_at: now,
            increases: 0,
        })
    }
}

impl Store {
    /// Notifies the batches of `job_id` due by `now`, one per minute.
    pub(super) fn roll_out(&mut self, job_id: &str, now: f64) {
        while self.batch_due(job_id).is_some_and(|at| at <= now) {
            self.notify_batch(job_id);
        }
    }

    /// When the next batch of a job still rolling out is due.
    fn batch_due(&self, job_id: &str) -> Option<f64> {
        let job = self.jobs.get(job_id)?;
        let rollout = job.rollout.as_ref()?;
        (job.status() == JobStatus::InProgress && !rollout.pending.is_empty())
            .then_some(rollout.next_batch_at)
    }

    /// Notifies the next minute's batch, at the rate earned so far. Things
    /// that no longer exist, that a CONTINUOUS job no longer reaches, or
    /// that got an execution meanwhile (by joining the group again) are
    /// skipped without using up the batch.
    pub(super) fn notify_batch(&mut self, job_id: &str) {
        let Some(at) = self.batch_due(job_id) else {
            return;
        };
        self.increase_rate(job_id);
        let continuous = self.jobs[job_id].is_continuous();
        let mut rollout = self
            .jobs
            .get_mut(job_id)
            .and_then(|j| j.rollout.take())
            .expect("batch_due checked it");
        let mut left = rollout.rate.floor().max(1.0) as usize;
        while left > 0 {
            let Some(thing) = rollout.pending.pop_front() else {
                break;
            };
            let eligible = self.things.contains_key(&thing)
                && self.latest_execution(job_id, &thing).is_none()
                && (!continuous || self.job_reaches(job_id, &thing));
            if eligible {
                self.queue_execution(job_id, &thing, at);
                left -= 1;
            }
        }
        rollout.next_batch_at = at + 60.0;
        let job = self.jobs.get_mut(job_id).expect("batch_due checked it");
        if rollout.pending.is_empty() {
            job.job.is_concurrent = Some(false);
        } else {
            job.rollout = Some(rollout);
        }
        self.touch_job(job_id, at);
        self.complete_if_done(job_id, at);
    }

    /// Applies the exponential rate's increases earned so far: one each
    /// time another `rateIncreaseCriteria` count of notified (or
    /// succeeded) things is reached, never above the cap.
    fn increase_rate(&mut self, job_id: &str) {
        let Some(job) = self.jobs.get_mut(job_id) else {
            return;
        };
        let Some(config) = &job.job.job_executions_rollout_config else {
            return;
        };
        let Some(exponential) = &config.exponential_rate else {
            return;
        };
        let criteria = &exponential.rate_increase_criteria;
        let (threshold, counted) = match (
            criteria.number_of_notified_things,
            criteria.number_of_succeeded_things,
        ) {
            (Some(n), _) => (n, job.counts.notified()),
            (None, Some(n)) => (n, job.counts.succeeded),
            (None, None) => return,
        };
        let earned = counted / threshold.max(1) as u32;
        let cap = config.maximum_per_minute.map_or(MAX_RATE, f64::from);
        let factor = exponential.increment_factor;
        if let Some(rollout) = job.rollout.as_mut() {
            while rollout.increases < earned && rollout.rate < cap {
                rollout.increases += 1;
                rollout.rate = (rollout.rate * factor).min(cap);
            }
        }
    }

    /// A canceled job notifies no more things.
    pub(super) fn stop_rollout(&mut self, job_id: &str) {
        if let Some(job) = self.jobs.get_mut(job_id) {
            job.rollout = None;
            job.job.is_concurrent = Some(false);
        }
    }
}
