//! Retries (`jobExecutionsRetryConfig`): a FAILED or TIMED_OUT execution
//! is queued again, with the same `executionNumber` and `retryAttempt` one
//! higher, while a criterion of its failure type (or ALL) has retries left.

use super::Store;
use iotjobs_model::types::{JobExecutionStatus, JobStatus, RetryFailureType};

impl Store {
    /// Queues the just-ended latest execution of `job_id` on `thing` again
    /// if the job's retry criteria allow; returns whether it did.
    pub(super) fn retry_if_allowed(&mut self, job_id: &str, thing: &str, now: f64) -> bool {
        let Some(job) = self.jobs.get(job_id) else {
            return false;
        };
        let Some(config) = job
            .job
            .job_executions_retry_config
            .as_ref()
            .filter(|_| job.status() == JobStatus::InProgress)
        else {
            return false;
        };
        let Some(execution) = self.latest_execution(job_id, thing) else {
            return false;
        };
        let kind = match execution.status {
            JobExecutionStatus::Failed => RetryFailureType::Failed,
            JobExecutionStatus::TimedOut => RetryFailureType::TimedOut,
            // REJECTED, REMOVED and CANCELED are never retried.
            _ => return false,
        };
        let allowed = config.criteria_list.iter().any(|criterion| {
            (criterion.failure_type == kind || criterion.failure_type == RetryFailureType::All)
                && execution.retries_counted_by(&criterion.failure_type)
                    < criterion.number_of_retries
        });
        if !allowed {
            return false;
        }
        self.edit_latest(job_id, thing, |e| {
            if kind == RetryFailureType::Failed {
                e.failed_retries += 1;
            } else {
                e.timed_out_retries += 1;
            }
            e.retry_attempt += 1;
            e.started_at = None;
            e.step_deadline = None;
            e.queued_at = now;
            e.set_status(JobExecutionStatus::Queued, now);
        });
        self.touch_job(job_id, now);
        true
    }
}
