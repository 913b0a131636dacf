//! Rollout pacing: a job with `jobExecutionsRolloutConfig` notifies its
//! things (queues their executions) a minute's worth at a time, at
//! `maximumPerMinute`, or at an exponential rate (`baseRatePerMinute`,
//! multiplied by `incrementFactor` each time `rateIncreaseCriteria` is
//! reached) capped by `maximumPerMinute`.

use super::Store;
use iotjobs_model::types::{JobExecutionStatus, JobExecutionsRolloutConfig, JobStatus};
use std::collections::VecDeque;

/// AWS's ceiling for any rollout rate.
const MAX_RATE: f64 = 1000.0;

/// Things still to notify, and the pace.
#[derive(Debug, Clone, PartialEq)]
pub struct Rollout {
    pub pending: VecDeque<String>,
    /// Things per minute now.
    rate: f64,
    /// When the next minute's batch is due.
    next_batch_at: f64,
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
        loop {
            let Some(job) = self.jobs.get(job_id) else {
                return;
            };
            if job.status() != JobStatus::InProgress {
                return;
            }
            let Some(rollout) = job.rollout.as_ref() else {
                return;
            };
            if rollout.pending.is_empty() || rollout.next_batch_at > now {
                return;
            }
            let at = rollout.next_batch_at;
            let batch = rollout.rate.floor().max(1.0) as usize;
            let config = job.job.job_executions_rollout_config.clone();
            let rollout = self
                .jobs
                .get_mut(job_id)
                .and_then(|j| j.rollout.as_mut())
                .expect("checked above");
            let things: Vec<String> = (0..batch)
                .map_while(|_| rollout.pending.pop_front())
                .collect();
            rollout.next_batch_at = at + 60.0;
            for thing in &things {
                self.queue_execution(job_id, thing, at);
            }
            self.touch_job(job_id, at);
            self.increase_rate(job_id, config.as_ref());
            self.finish_rollout_if_done(job_id);
        }
    }

    /// Applies the exponential rate's increases earned so far.
    fn increase_rate(&mut self, job_id: &str, config: Option<&JobExecutionsRolloutConfig>) {
        let Some(config) = config else { return };
        let Some(exponential) = &config.exponential_rate else {
            return;
        };
        let criteria = &exponential.rate_increase_criteria;
        let (threshold, counted) = match (
            criteria.number_of_notified_things,
            criteria.number_of_succeeded_things,
        ) {
            (Some(n), _) => (n, self.count_executions(job_id, |_| true)),
            (None, Some(n)) => (
                n,
                self.count_executions(job_id, |s| *s == JobExecutionStatus::Succeeded),
            ),
            (None, None) => return,
        };
        let earned = (counted / threshold.max(1) as usize) as u32;
        let cap = config.maximum_per_minute.map_or(MAX_RATE, f64::from);
        if let Some(rollout) = self.jobs.get_mut(job_id).and_then(|j| j.rollout.as_mut()) {
            while rollout.increases < earned {
                rollout.increases += 1;
                rollout.rate = (rollout.rate * exponential.increment_factor).min(cap);
            }
        }
    }

    fn count_executions(
        &self,
        job_id: &str,
        counted: impl Fn(&JobExecutionStatus) -> bool,
    ) -> usize {
        self.executions
            .range((job_id.to_owned(), String::new())..)
            .take_while(|((job, _), _)| job == job_id)
            .filter_map(|(_, history)| history.last())
            .filter(|e| counted(&e.status))
            .count()
    }

    /// Once every thing is notified, the job stops reporting a rollout.
    fn finish_rollout_if_done(&mut self, job_id: &str) {
        let Some(job) = self.jobs.get_mut(job_id) else {
            return;
        };
        if job.rollout.as_ref().is_some_and(|r| r.pending.is_empty()) {
            job.rollout = None;
            job.job.is_concurrent = Some(false);
        }
    }

    /// A canceled job notifies no more things.
    pub(super) fn stop_rollout(&mut self, job_id: &str) {
        if let Some(job) = self.jobs.get_mut(job_id) {
            job.rollout = None;
            job.job.is_concurrent = Some(false);
        }
    }

    /// Runs every job's rollout up to `now`.
    pub(super) fn roll_out_all(&mut self, now: f64) {
        let rolling: Vec<String> = self
            .jobs
            .values()
            .filter(|j| j.rollout.is_some())
            .map(|j| j.id().to_owned())
            .collect();
        for job_id in rolling {
            self.roll_out(&job_id, now);
        }
    }
}
