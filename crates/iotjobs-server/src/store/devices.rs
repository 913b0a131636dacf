//! The device data plane (`iot-jobs-data`): devices list their pending
//! executions, start the next one, describe one, and report progress.

use super::records::ExecutionRecord;
use super::Store;
use crate::error::{ApiError, ApiResult};
use iotjobs_model::types::{JobExecutionStatus, StringMap};
use serde_json::{json, Value};

/// GetPendingJobExecutions answers at most this many of each kind.
const PENDING_LIMIT: usize = 10;

/// An update a device reports (UpdateJobExecution).
#[derive(Debug)]
pub struct DeviceUpdate {
    pub status: JobExecutionStatus,
    pub status_details: Option<StringMap>,
    pub expected_version: Option<i64>,
    pub execution_number: Option<i64>,
    /// A new step timer in minutes; -1 cancels the current one.
    pub step_timeout_in_minutes: Option<i64>,
    pub include_job_execution_state: bool,
    pub include_job_document: bool,
}

impl DeviceUpdate {
    /// A plain status report, as a device that sets nothing else sends it.
    pub fn status(status: JobExecutionStatus) -> Self {
        DeviceUpdate {
            status,
            status_details: None,
            expected_version: None,
            execution_number: None,
            step_timeout_in_minutes: None,
            include_job_execution_state: false,
            include_job_document: false,
        }
    }
}

/// Data-plane timestamps are integer epoch seconds (see docs/local-server.md).
fn whole_seconds(t: f64) -> i64 {
    t.floor() as i64
}

/// The step timer after a device asked for `minutes` (-1: none; absent:
/// the current one stays).
fn step_deadline(current: Option<f64>, minutes: Option<i64>, now: f64) -> Option<f64> {
    match minutes {
        None => current,
        Some(m) if m < 0 => None,
        Some(m) => Some(now + m as f64 * 60.0),
    }
}

impl Store {
    /// Pending executions on `thing`, oldest first: IN_PROGRESS first, then QUEUED.
    fn pending(&self, thing: &str) -> Vec<&ExecutionRecord> {
        let mut pending: Vec<&ExecutionRecord> = self
            .jobs_of_thing
            .get(thing)
            .into_iter()
            .flatten()
            .filter_map(|job_id| self.latest_execution(job_id, thing))
            .filter(|e| !e.status.is_terminal())
            .collect();
        pending.sort_by(|a, b| {
            let rank = |e: &ExecutionRecord| u8::from(e.status != JobExecutionStatus::InProgress);
            (rank(a), a.queued_at)
                .partial_cmp(&(rank(b), b.queued_at))
                .unwrap_or(std::cmp::Ordering::Equal)
        });
        pending
    }

    fn summary_json(e: &ExecutionRecord) -> Value {
        let mut out = json!({
            "jobId": e.job_id,
            "queuedAt": whole_seconds(e.queued_at),
            "lastUpdatedAt": whole_seconds(e.last_updated_at),
            "versionNumber": e.version_number,
            "executionNumber": e.execution_number,
        });
        if let Some(started) = e.started_at {
            out["startedAt"] = whole_seconds(started).into();
        }
        out
    }

    fn execution_json(&self, e: &ExecutionRecord, include_document: bool, now: f64) -> Value {
        let mut out = Self::summary_json(e);
        out["thingName"] = e.thing_name.as_str().into();
        out["status"] = e.status.as_str().into();
        out["statusDetails"] = json!(e.status_details);
        if let Some(seconds) = self.seconds_before_timeout(e, now) {
            out["approximateSecondsBeforeTimedOut"] = seconds.into();
        }
        if include_document {
            if let Some(document) = self.jobs.get(&e.job_id).and_then(|j| j.document.clone()) {
                out["jobDocument"] = document.into();
            }
        }
        out
    }

    pub fn get_pending_job_executions(&self, thing: &str) -> Value {
        let pending = self.pending(thing);
        let (in_progress, queued): (Vec<_>, Vec<_>) = pending
            .into_iter()
            .partition(|e| e.status == JobExecutionStatus::InProgress);
        let list = |items: Vec<&ExecutionRecord>| -> Vec<Value> {
            items
                .into_iter()
                .take(PENDING_LIMIT)
                .map(Self::summary_json)
                .collect()
        };
        json!({"inProgressJobs": list(in_progress), "queuedJobs": list(queued)})
    }

    pub fn start_next_pending_job_execution(
        &mut self,
        thing: &str,
        status_details: Option<StringMap>,
        step_timeout_in_minutes: Option<i64>,
        now: f64,
    ) -> Value {
        let Some((job_id, status)) = self
            .pending(thing)
            .first()
            .map(|e| (e.job_id.clone(), e.status.clone()))
        else {
            return json!({});
        };
        // An execution already in progress comes back unchanged.
        if status == JobExecutionStatus::Queued {
            self.edit_latest(&job_id, thing, |execution| {
                execution.started_at = Some(now);
                execution.step_deadline = step_deadline(None, step_timeout_in_minutes, now);
                if let Some(details) = status_details {
                    execution.status_details = details;
                }
                execution.set_status(JobExecutionStatus::InProgress, now);
            });
            self.touch_job(&job_id, now);
        }
        let execution = self.latest_execution(&job_id, thing).expect("pending");
        json!({"execution": self.execution_json(execution, true, now)})
    }

    pub fn describe_device_execution(
        &self,
        thing: &str,
        job_id: &str,
        execution_number: Option<i64>,
        include_document: bool,
        now: f64,
    ) -> ApiResult<Value> {
        let not_found =
            || ApiError::not_found(format!("No job execution of {job_id} on thing {thing}."));
        let execution = if job_id == "$next" {
            self.pending(thing).first().copied().ok_or_else(not_found)?
        } else {
            let history = self
                .executions
                .get(&(job_id.to_owned(), thing.to_owned()))
                .ok_or_else(not_found)?;
            match execution_number {
                Some(n) => history.iter().find(|e| e.execution_number == n),
                None => history.last(),
            }
            .ok_or_else(not_found)?
        };
        Ok(json!({"execution": self.execution_json(execution, include_document, now)}))
    }

    pub fn update_job_execution(
        &mut self,
        thing: &str,
        job_id: &str,
        update: DeviceUpdate,
        now: f64,
    ) -> ApiResult<Value> {
        let not_found =
            || ApiError::not_found(format!("No job execution of {job_id} on thing {thing}."));
        let history = self
            .executions
            .get(&(job_id.to_owned(), thing.to_owned()))
            .ok_or_else(not_found)?;
        let execution = match update.execution_number {
            Some(n) => history.iter().find(|e| e.execution_number == n),
            None => history.last(),
        }
        .ok_or_else(not_found)?;
        if !matches!(
            update.status,
            JobExecutionStatus::InProgress
                | JobExecutionStatus::Succeeded
                | JobExecutionStatus::Failed
                | JobExecutionStatus::Rejected
        ) {
            return Err(ApiError::invalid(format!(
                "status must be IN_PROGRESS, SUCCEEDED, FAILED or REJECTED, got {}",
                update.status
            )));
        }
        // Older executions are always terminal, so only the latest changes.
        if execution.status.is_terminal() {
            return Err(ApiError::state(format!(
                "Job execution of {job_id} on {thing} is {}, which is terminal.",
                execution.status
            )));
        }
        if let Some(expected) = update
            .expected_version
            .filter(|v| *v != execution.version_number)
        {
            return Err(ApiError::state(format!(
                "VersionMismatch: expectedVersion {expected}, but the execution is at version {}.",
                execution.version_number
            )));
        }
        let ended = update.status.is_terminal();
        let state = self
            .edit_latest(job_id, thing, |execution| {
                if let Some(details) = update.status_details {
                    execution.status_details = details;
                }
                if execution.started_at.is_none() && update.status == JobExecutionStatus::InProgress
                {
                    execution.started_at = Some(now);
                }
                execution.step_deadline = if ended {
                    None
                } else {
                    step_deadline(execution.step_deadline, update.step_timeout_in_minutes, now)
                };
                execution.set_status(update.status, now);
                json!({
                    "status": execution.status.as_str(),
                    "statusDetails": execution.status_details,
                    "versionNumber": execution.version_number,
                })
            })
            .expect("found above");
        self.touch_job(job_id, now);
        if ended {
            self.execution_ended(job_id, thing, now);
        }
        let mut out = json!({});
        if update.include_job_execution_state {
            out["executionState"] = state;
        }
        if update.include_job_document {
            if let Some(document) = self.jobs.get(job_id).and_then(|j| j.document.clone()) {
                out["jobDocument"] = document.into();
            }
        }
        Ok(out)
    }
}
