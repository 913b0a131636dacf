//! What happens to executions without anyone calling: in-progress timeouts
//! and abort criteria. `tick` runs whatever became due, in time order.

use super::Store;
use iotjobs_model::types::{AbortFailureType, JobExecutionStatus, JobStatus};

/// The reason code a job canceled by its abort criteria gets.
pub const ABORT_REASON: &str = "ABORT_CRITERIA_MET";

/// Executions devices ran to an end (canceled and removed ones never ran).
fn executed(status: &JobExecutionStatus) -> bool {
    matches!(
        status,
        JobExecutionStatus::Succeeded
            | JobExecutionStatus::Failed
            | JobExecutionStatus::Rejected
            | JobExecutionStatus::TimedOut
    )
}

fn counts_as(failure: &AbortFailureType, status: &JobExecutionStatus) -> bool {
    match failure {
        AbortFailureType::Failed => *status == JobExecutionStatus::Failed,
        AbortFailureType::Rejected => *status == JobExecutionStatus::Rejected,
        AbortFailureType::TimedOut => *status == JobExecutionStatus::TimedOut,
        AbortFailureType::All => matches!(
            status,
            JobExecutionStatus::Failed
                | JobExecutionStatus::Rejected
                | JobExecutionStatus::TimedOut
        ),
        AbortFailureType::Unknown(_) => false,
    }
}

impl Store {
    /// An execution of `job_id` just ended: check the abort criteria, then
    /// whether a SNAPSHOT job is complete.
    pub(super) fn execution_ended(&mut self, job_id: &str, now: f64) {
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
        let Some(abort) = job.job.abort_config.clone() else {
            return;
        };
        let statuses: Vec<JobExecutionStatus> = self
            .executions
            .range((job_id.to_owned(), String::new())..)
            .take_while(|((job, _), _)| job == job_id)
            .filter_map(|(_, history)| history.last())
            .map(|e| e.status.clone())
            .filter(executed)
            .collect();
        let total = statuses.len();
        for criterion in &abort.criteria_list {
            if total < criterion.min_number_of_executed_things.max(0) as usize {
                continue;
            }
            let failing = statuses
                .iter()
                .filter(|s| counts_as(&criterion.failure_type, s))
                .count();
            let share = 100.0 * failing as f64 / total as f64;
            if total > 0 && share >= criterion.threshold_percentage {
                let record = self.jobs.get_mut(job_id).expect("checked above");
                record.job.status = Some(JobStatus::Canceled);
                record.job.reason_code = Some(ABORT_REASON.to_owned());
                record.job.comment = Some(format!(
                    "Canceled by abort criteria: {failing} of {total} executed things {} ({share:.2}%), \
                     threshold {}%",
                    criterion.failure_type, criterion.threshold_percentage
                ));
                record.job.last_updated_at = Some(now);
                // Only QUEUED executions are canceled; IN_PROGRESS ones go on.
                self.stop_rollout(job_id);
                self.cancel_executions(job_id, false, now);
                return;
            }
        }
    }

    /// IN_PROGRESS executions past their job's in-progress timeout, with
    /// the time each became due.
    fn due_timeouts(&self, now: f64) -> Vec<(f64, String, String)> {
        let mut due = Vec::new();
        for ((job_id, thing), history) in &self.executions {
            let Some(execution) = history.last() else {
                continue;
            };
            if execution.status != JobExecutionStatus::InProgress {
                continue;
            }
            let minutes = self
                .jobs
                .get(job_id)
                .and_then(|j| j.job.timeout_config.as_ref())
                .and_then(|t| t.in_progress_timeout_in_minutes);
            if let (Some(minutes), Some(started)) = (minutes, execution.started_at) {
                let deadline = started + minutes as f64 * 60.0;
                if deadline <= now {
                    due.push((deadline, job_id.clone(), thing.clone()));
                }
            }
        }
        due.sort_by(|a, b| a.0.total_cmp(&b.0));
        due
    }

    /// Seconds until an IN_PROGRESS execution times out, if it can.
    pub(super) fn seconds_before_timeout(
        &self,
        job_id: &str,
        thing: &str,
        now: f64,
    ) -> Option<i64> {
        let execution = self.latest_execution(job_id, thing)?;
        if execution.status != JobExecutionStatus::InProgress {
            return None;
        }
        let minutes = self
            .jobs
            .get(job_id)?
            .job
            .timeout_config
            .as_ref()?
            .in_progress_timeout_in_minutes?;
        let deadline = execution.started_at? + minutes as f64 * 60.0;
        Some((deadline - now).max(0.0).ceil() as i64)
    }

    /// Runs what is due at `now`: rollout batches, timeouts in time order
    /// (each possibly tripping an abort), then deletions in progress finish.
    pub fn tick(&mut self, now: f64) {
        self.roll_out_all(now);
        for (deadline, job_id, thing) in self.due_timeouts(now) {
            let key = (job_id.clone(), thing);
            if let Some(execution) = self.executions.get_mut(&key).and_then(|h| h.last_mut()) {
                execution.set_status(JobExecutionStatus::TimedOut, deadline);
                self.touch_job(&job_id, deadline);
                self.execution_ended(&job_id, deadline);
            }
        }
        self.finish_deletions();
    }
}
