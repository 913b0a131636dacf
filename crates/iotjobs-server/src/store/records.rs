//! What the store keeps for jobs, executions, things and groups. Every
//! record is serde-able: the state file holds them as they are.

use super::counts::StatusCounts;
use super::schedule::Schedule;
use iotjobs_model::types::{
    Job, JobExecution, JobExecutionStatus, JobExecutionStatusDetails, JobExecutionSummary,
    JobStatus, RetryFailureType, StringMap, Tag,
};
use serde::{Deserialize, Serialize};

/// A job as stored. `job` holds everything DescribeJob returns except the
/// derived `jobProcessDetails`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobRecord {
    pub job: Job,
    pub document: Option<String>,
    pub document_source: Option<String>,
    pub tags: Vec<Tag>,
    /// Creation order, for ListJobs (newest first) and its page tokens.
    pub seq: u64,
    /// Things still to notify while a paced rollout runs.
    pub rollout: Option<super::rollout::Rollout>,
    /// When a scheduled job starts and ends, in epoch seconds.
    #[serde(default)]
    pub schedule: Schedule,
    /// The latest execution of each thing, per status. Kept up to date by
    /// every change, so abort checks and counters never rescan executions;
    /// rebuilt when a state file is loaded.
    #[serde(skip)]
    pub counts: StatusCounts,
}

impl JobRecord {
    pub fn id(&self) -> &str {
        self.job.job_id.as_deref().unwrap_or_default()
    }

    pub fn status(&self) -> JobStatus {
        self.job.status.clone().unwrap_or(JobStatus::InProgress)
    }

    pub fn namespace(&self) -> Option<&str> {
        self.job.namespace_id.as_deref()
    }

    pub fn targets(&self) -> &[String] {
        self.job.targets.as_deref().unwrap_or_default()
    }

    pub fn is_continuous(&self) -> bool {
        self.job.target_selection == Some(iotjobs_model::types::TargetSelection::Continuous)
    }
}

/// One execution of a job on one thing.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExecutionRecord {
    pub job_id: String,
    pub thing_name: String,
    pub execution_number: i64,
    pub status: JobExecutionStatus,
    pub force_canceled: bool,
    pub status_details: StringMap,
    pub queued_at: f64,
    pub started_at: Option<f64>,
    pub last_updated_at: f64,
    pub version_number: i64,
    pub retry_attempt: i32,
    /// When the step timer set by the device runs out, if one is set.
    #[serde(default)]
    pub step_deadline: Option<f64>,
    /// Retries so far after FAILED and after TIMED_OUT (their sum is
    /// `retry_attempt`); retry criteria count them separately.
    #[serde(default)]
    pub failed_retries: i32,
    #[serde(default)]
    pub timed_out_retries: i32,
}

impl ExecutionRecord {
    pub fn new(job_id: &str, thing_name: &str, execution_number: i64, now: f64) -> Self {
        ExecutionRecord {
            job_id: job_id.to_owned(),
            thing_name: thing_name.to_owned(),
            execution_number,
            status: JobExecutionStatus::Queued,
            force_canceled: false,
            status_details: StringMap::new(),
            queued_at: now,
            started_at: None,
            last_updated_at: now,
            version_number: 1,
            retry_attempt: 0,
            step_deadline: None,
            failed_retries: 0,
            timed_out_retries: 0,
        }
    }

    /// Retries so far that a criterion of `failure` counts.
    pub fn retries_counted_by(&self, failure: &RetryFailureType) -> i32 {
        match failure {
            RetryFailureType::Failed => self.failed_retries,
            RetryFailureType::TimedOut => self.timed_out_retries,
            RetryFailureType::All => self.failed_retries + self.timed_out_retries,
            RetryFailureType::Unknown(_) => 0,
        }
    }

    /// Moves to `status`, bumping the version as every update does.
    pub fn set_status(&mut self, status: JobExecutionStatus, now: f64) {
        self.status = status;
        self.last_updated_at = now;
        self.version_number += 1;
    }

    pub fn summary(&self) -> JobExecutionSummary {
        JobExecutionSummary {
            status: Some(self.status.clone()),
            queued_at: Some(self.queued_at),
            started_at: self.started_at,
            last_updated_at: Some(self.last_updated_at),
            execution_number: Some(self.execution_number),
            retry_attempt: Some(self.retry_attempt),
        }
    }

    pub fn describe(&self, thing_arn: String) -> JobExecution {
        JobExecution {
            job_id: Some(self.job_id.clone()),
            status: Some(self.status.clone()),
            force_canceled: Some(self.force_canceled),
            status_details: Some(JobExecutionStatusDetails {
                details_map: Some(self.status_details.clone()),
            }),
            thing_arn: Some(thing_arn),
            queued_at: Some(self.queued_at),
            started_at: self.started_at,
            last_updated_at: Some(self.last_updated_at),
            execution_number: Some(self.execution_number),
            version_number: Some(self.version_number),
            approximate_seconds_before_timed_out: None,
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Thing {
    pub name: String,
    pub id: String,
    pub attributes: StringMap,
    pub thing_type_name: Option<String>,
    pub version: i64,
    pub groups: std::collections::BTreeSet<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Group {
    pub name: String,
    pub id: String,
    pub description: Option<String>,
    pub attributes: StringMap,
    pub created_at: f64,
    pub version: i64,
    pub members: std::collections::BTreeSet<String>,
}
