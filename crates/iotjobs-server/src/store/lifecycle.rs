//! What happens to jobs and executions without anyone calling: scheduled
//! starts and ends, rollout batches, timeouts (in-progress and step
//! timers), retries and abort criteria. `tick` runs whatever became due, in
//! time order, each stamped with the moment it was due.

use super::records::{ExecutionRecord, JobRecord};
use super::Store;
use iotjobs_model::types::{AbortFailureType, JobEndBehavior, JobExecutionStatus, JobStatus};
use std::collections::VecDeque;

/// The reason code a job canceled by its abort criteria gets.
pub const ABORT_REASON: &str = "ABORT_CRITERIA_MET";

/// Something a job does at a given time. The order of the variants breaks
/// ties: a job that ends at the minute a batch is due notifies no one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum JobEvent {
    End,
    Start,
    Batch,
}

impl Store {
    /// An execution of `job_id` on `thing` just ended: it is retried if
    /// the job's retry criteria allow; otherwise the abort criteria are
    /// checked, then whether the job is complete.
    pub(super) fn execution_ended(&mut self, job_id: &str, thing: &str, now: f64) {
        if self.retry_if_allowed(job_id, thing, now) {
            return;
        }
        self.evaluate_abort(job_id, now);
        self.complete_if_done(job_id, now);
    }

    /// Cancels an IN_PROGRESS job once, for some criterion, at least
    /// `minNumberOfExecutedThings` executions have ended and the share of
    /// them of the criterion's failure type reaches `thresholdPercentage`.
    fn evaluate_abort(&mut self, job_id: &str, now: f64) {
        let Some(job) = self.jobs.get(job_id) else {
            return;
        };
        if job.status() != JobStatus::InProgress {
            return;
        }
        let Some(abort) = &job.job.abort_config else {
            return;
        };
        let counts = job.counts;
        let total = counts.executed();
        let tripped = abort.criteria_list.iter().find_map(|criterion| {
            if total == 0 || total < criterion.min_number_of_executed_things.max(0) as u32 {
                return None;
            }
            let failing = match criterion.failure_type {
                AbortFailureType::Failed => counts.failed,
                AbortFailureType::Rejected => counts.rejected,
                AbortFailureType::TimedOut => counts.timed_out,
                AbortFailureType::All => counts.failed + counts.rejected + counts.timed_out,
                AbortFailureType::Unknown(_) => 0,
            };
            let share = 100.0 * f64::from(failing) / f64::from(total);
            (share >= criterion.threshold_percentage).then(|| {
                format!(
                    "Canceled by abort criteria: {failing} of {total} executed things {} ({share:.2}%), \
                     threshold {}%",
                    criterion.failure_type, criterion.threshold_percentage
                )
            })
        });
        if let Some(comment) = tripped {
            // Only QUEUED executions are canceled; IN_PROGRESS ones go on.
            self.cancel(job_id, false, now);
            let job = &mut self.jobs.get_mut(job_id).expect("checked above").job;
            job.reason_code = Some(ABORT_REASON.to_owned());
            job.comment = Some(comment);
        }
    }

    /// When an IN_PROGRESS execution times out: the earlier of its job's
    /// in-progress timeout and the step timer the device set.
    pub(super) fn deadline(job: &JobRecord, execution: &ExecutionRecord) -> Option<f64> {
        if execution.status != JobExecutionStatus::InProgress {
            return None;
        }
        let in_progress = job
            .job
            .timeout_config
            .as_ref()
            .and_then(|t| t.in_progress_timeout_in_minutes)
            .zip(execution.started_at)
            .map(|(minutes, started)| started + minutes as f64 * 60.0);
        match (in_progress, execution.step_deadline) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// IN_PROGRESS executions due to time out by `now`, earliest first.
    fn due_timeouts(&self, now: f64) -> VecDeque<(f64, String, String)> {
        let mut due = Vec::new();
        for (job_id, job) in self.jobs.iter().filter(|(_, j)| j.counts.in_progress > 0) {
            for (thing, history) in self.executions_of(job_id) {
                let deadline = history.last().and_then(|e| Self::deadline(job, e));
                if let Some(deadline) = deadline.filter(|d| *d <= now) {
                    due.push((deadline, job_id.clone(), thing.clone()));
                }
            }
        }
        due.sort_by(|a, b| {
            a.0.total_cmp(&b.0)
                .then_with(|| (&a.1, &a.2).cmp(&(&b.1, &b.2)))
        });
        due.into()
    }

    /// Times out the execution if it is still due (an earlier event in the
    /// same tick may have ended it).
    fn fire_timeout(&mut self, job_id: &str, thing: &str, now: f64) {
        let deadline = self.jobs.get(job_id).and_then(|job| {
            let execution = self.latest_execution(job_id, thing)?;
            Self::deadline(job, execution)
        });
        let Some(at) = deadline.filter(|d| *d <= now) else {
            return;
        };
        self.edit_latest(job_id, thing, |e| {
            e.step_deadline = None;
            e.set_status(JobExecutionStatus::TimedOut, at);
        });
        self.touch_job(job_id, at);
        self.execution_ended(job_id, thing, at);
    }

    /// Seconds until an IN_PROGRESS execution times out, if it can.
    pub(super) fn seconds_before_timeout(
        &self,
        execution: &ExecutionRecord,
        now: f64,
    ) -> Option<i64> {
        let deadline = Self::deadline(self.jobs.get(&execution.job_id)?, execution)?;
        Some((deadline - now).max(0.0).ceil() as i64)
    }

    /// The job's earliest event due by `now`.
    fn job_event_due(job: &JobRecord, now: f64) -> Option<(f64, JobEvent)> {
        let status = job.status();
        let schedule = &job.schedule;
        let start = schedule
            .start_at
            .filter(|_| status == JobStatus::Scheduled)
            .map(|at| (at, JobEvent::Start));
        let end = schedule
            .end_at
            .filter(|_| {
                !schedule.ended && matches!(status, JobStatus::InProgress | JobStatus::Scheduled)
            })
            .map(|at| (at, JobEvent::End));
        let batch = job
            .rollout
            .as_ref()
            .filter(|r| status == JobStatus::InProgress && !r.pending.is_empty())
            .map(|r| (r.next_batch_at, JobEvent::Batch));
        [start, end, batch]
            .into_iter()
            .flatten()
            .filter(|(at, _)| *at <= now)
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
    }

    /// The earliest event due by `now` among `jobs`.
    fn next_job_event(&self, jobs: &[String], now: f64) -> Option<(f64, JobEvent, String)> {
        jobs.iter()
            .filter_map(|id| {
                let (at, event) = Self::job_event_due(self.jobs.get(id)?, now)?;
                Some((at, event, id))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)))
            .map(|(at, event, id)| (at, event, id.clone()))
    }

    /// The scheduled end: `endBehavior` (STOP_ROLLOUT unless given) applies.
    fn end_schedule(&mut self, job_id: &str, at: f64) {
        let Some(job) = self.jobs.get_mut(job_id) else {
            return;
        };
        job.schedule.ended = true;
        let behavior = job
            .job
            .scheduling_config
            .as_ref()
            .and_then(|s| s.end_behavior.clone())
            .unwrap_or(JobEndBehavior::StopRollout);
        match behavior {
            JobEndBehavior::Cancel => self.cancel(job_id, false, at),
            JobEndBehavior::ForceCancel => self.cancel(job_id, true, at),
            JobEndBehavior::StopRollout | JobEndBehavior::Unknown(_) => {
                self.stop_rollout(job_id);
                self.touch_job(job_id, at);
                self.complete_if_done(job_id, at);
            }
        }
    }

    /// Runs everything due by `now`, in time order: scheduled starts and
    /// ends, rollout batches and timeouts (each possibly retried or
    /// tripping an abort); then deletions in progress finish. Returns
    /// whether anything changed.
    pub fn tick(&mut self, now: f64) -> bool {
        let active: Vec<String> = self
            .jobs
            .values()
            .filter(|j| {
                j.rollout.is_some()
                    || j.status() == JobStatus::Scheduled
                    || (j.schedule.end_at.is_some() && !j.schedule.ended)
            })
            .map(|j| j.id().to_owned())
            .collect();
        let mut timeouts = self.due_timeouts(now);
        let mut changed = false;
        loop {
            let job_event = self.next_job_event(&active, now);
            let timeout_at = timeouts.front().map(|t| t.0);
            match job_event {
                Some((at, event, job_id)) if timeout_at.is_none_or(|t| at <= t) => match event {
                    JobEvent::Start => self.start_job(&job_id, at),
                    JobEvent::End => self.end_schedule(&job_id, at),
                    JobEvent::Batch => self.notify_batch(&job_id),
                },
                _ => match timeouts.pop_front() {
                    Some((_, job_id, thing)) => self.fire_timeout(&job_id, &thing, now),
                    None => break,
                },
            }
            changed = true;
        }
        self.finish_deletions() || changed
    }
}
