//! Response structures, as the control plane sends them (timestamps are
//! epoch seconds). Operations without output (DeleteJob,
//! DeleteJobExecution, UpdateJob, CancelJobExecution) have none.

use super::config::*;
use super::enums::*;
use super::EpochSeconds;
use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

/// CreateJob, CancelJob and AssociateTargetsWithJob all answer with this.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobIdentity {
    pub job_arn: String,
    pub job_id: String,
    pub description: Option<String>,
}

pub type CreateJobResponse = JobIdentity;
pub type CancelJobResponse = JobIdentity;
pub type AssociateTargetsWithJobResponse = JobIdentity;

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeJobResponse {
    pub document_source: Option<String>,
    pub job: Job,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Job {
    pub job_arn: Option<String>,
    pub job_id: Option<String>,
    pub target_selection: Option<TargetSelection>,
    pub status: Option<JobStatus>,
    pub force_canceled: Option<bool>,
    pub reason_code: Option<String>,
    pub comment: Option<String>,
    pub targets: Option<Vec<String>>,
    pub description: Option<String>,
    pub presigned_url_config: Option<PresignedUrlConfig>,
    pub job_executions_rollout_config: Option<JobExecutionsRolloutConfig>,
    pub abort_config: Option<AbortConfig>,
    pub created_at: Option<EpochSeconds>,
    pub last_updated_at: Option<EpochSeconds>,
    pub completed_at: Option<EpochSeconds>,
    pub job_process_details: Option<JobProcessDetails>,
    pub timeout_config: Option<TimeoutConfig>,
    pub namespace_id: Option<String>,
    pub job_template_arn: Option<String>,
    pub job_executions_retry_config: Option<JobExecutionsRetryConfig>,
    pub document_parameters: Option<StringMap>,
    pub is_concurrent: Option<bool>,
    pub scheduling_config: Option<SchedulingConfig>,
    pub scheduled_job_rollouts: Option<Vec<ScheduledJobRollout>>,
    pub destination_package_versions: Option<Vec<String>>,
}

/// Executions per status. The local server always sends all eight
/// counters, zeros too; AWS may leave some out.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobProcessDetails {
    pub processing_targets: Option<Vec<String>>,
    pub number_of_canceled_things: Option<i32>,
    pub number_of_succeeded_things: Option<i32>,
    pub number_of_failed_things: Option<i32>,
    pub number_of_rejected_things: Option<i32>,
    pub number_of_queued_things: Option<i32>,
    pub number_of_in_progress_things: Option<i32>,
    pub number_of_removed_things: Option<i32>,
    pub number_of_timed_out_things: Option<i32>,
}

impl JobProcessDetails {
    /// All eight counters at zero.
    pub fn zeros() -> Self {
        JobProcessDetails {
            processing_targets: None,
            number_of_canceled_things: Some(0),
            number_of_succeeded_things: Some(0),
            number_of_failed_things: Some(0),
            number_of_rejected_things: Some(0),
            number_of_queued_things: Some(0),
            number_of_in_progress_things: Some(0),
            number_of_removed_things: Some(0),
            number_of_timed_out_things: Some(0),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScheduledJobRollout {
    pub start_time: Option<String>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListJobsResponse {
    pub jobs: Vec<JobSummary>,
    pub next_token: Option<String>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobSummary {
    pub job_arn: Option<String>,
    pub job_id: Option<String>,
    pub thing_group_id: Option<String>,
    pub target_selection: Option<TargetSelection>,
    pub status: Option<JobStatus>,
    pub created_at: Option<EpochSeconds>,
    pub last_updated_at: Option<EpochSeconds>,
    pub completed_at: Option<EpochSeconds>,
    pub is_concurrent: Option<bool>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobExecutionSummary {
    pub status: Option<JobExecutionStatus>,
    pub queued_at: Option<EpochSeconds>,
    pub started_at: Option<EpochSeconds>,
    pub last_updated_at: Option<EpochSeconds>,
    pub execution_number: Option<i64>,
    pub retry_attempt: Option<i32>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobExecutionSummaryForThing {
    pub job_id: Option<String>,
    pub job_execution_summary: Option<JobExecutionSummary>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobExecutionSummaryForJob {
    pub thing_arn: Option<String>,
    pub job_execution_summary: Option<JobExecutionSummary>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListJobExecutionsForThingResponse {
    pub execution_summaries: Vec<JobExecutionSummaryForThing>,
    pub next_token: Option<String>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListJobExecutionsForJobResponse {
    pub execution_summaries: Vec<JobExecutionSummaryForJob>,
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeJobExecutionResponse {
    pub execution: JobExecution,
}

/// One execution as the control plane describes it. Note `statusDetails`
/// wraps its map in `detailsMap` here, unlike the device data plane.
#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobExecution {
    pub job_id: Option<String>,
    pub status: Option<JobExecutionStatus>,
    pub force_canceled: Option<bool>,
    pub status_details: Option<JobExecutionStatusDetails>,
    pub thing_arn: Option<String>,
    pub queued_at: Option<EpochSeconds>,
    pub started_at: Option<EpochSeconds>,
    pub last_updated_at: Option<EpochSeconds>,
    pub execution_number: Option<i64>,
    pub version_number: Option<i64>,
    pub approximate_seconds_before_timed_out: Option<i64>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobExecutionStatusDetails {
    pub details_map: Option<StringMap>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetJobDocumentResponse {
    pub document: Option<String>,
}
