//! Response structures, as the control plane sends them (timestamps are
//! epoch seconds). Operations without output (DeleteJob,
//! DeleteJobExecution, UpdateJob, CancelJobExecution) have none.

use super::config::*;
use super::enums::*;
use super::EpochSeconds;
use serde::{Deserialize, Serialize};

/// CreateJob, CancelJob and AssociateTargetsWithJob all answer with this.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobIdentity {
    pub job_arn: String,
    pub job_id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
}

pub type CreateJobResponse = JobIdentity;
pub type CancelJobResponse = JobIdentity;
pub type AssociateTargetsWithJobResponse = JobIdentity;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeJobResponse {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_source: Option<String>,
    pub job: Job,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Job {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_selection: Option<TargetSelection>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<JobStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub force_canceled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason_code: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub targets: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub presigned_url_config: Option<PresignedUrlConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_executions_rollout_config: Option<JobExecutionsRolloutConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abort_config: Option<AbortConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<EpochSeconds>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_updated_at: Option<EpochSeconds>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<EpochSeconds>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_process_details: Option<JobProcessDetails>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_config: Option<TimeoutConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub namespace_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_template_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_executions_retry_config: Option<JobExecutionsRetryConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_parameters: Option<StringMap>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_concurrent: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduling_config: Option<SchedulingConfig>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheduled_job_rollouts: Option<Vec<ScheduledJobRollout>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub destination_package_versions: Option<Vec<String>>,
}

/// Executions per status. All eight counters are always sent, zeros too.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobProcessDetails {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub processing_targets: Option<Vec<String>>,
    pub number_of_canceled_things: i32,
    pub number_of_succeeded_things: i32,
    pub number_of_failed_things: i32,
    pub number_of_rejected_things: i32,
    pub number_of_queued_things: i32,
    pub number_of_in_progress_things: i32,
    pub number_of_removed_things: i32,
    pub number_of_timed_out_things: i32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ScheduledJobRollout {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_time: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListJobsResponse {
    pub jobs: Vec<JobSummary>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thing_group_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_selection: Option<TargetSelection>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<JobStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub created_at: Option<EpochSeconds>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_updated_at: Option<EpochSeconds>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<EpochSeconds>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub is_concurrent: Option<bool>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobExecutionSummary {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<JobExecutionStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queued_at: Option<EpochSeconds>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started_at: Option<EpochSeconds>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_updated_at: Option<EpochSeconds>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execution_number: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub retry_attempt: Option<i32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobExecutionSummaryForThing {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_execution_summary: Option<JobExecutionSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobExecutionSummaryForJob {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thing_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_execution_summary: Option<JobExecutionSummary>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListJobExecutionsForThingResponse {
    pub execution_summaries: Vec<JobExecutionSummaryForThing>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ListJobExecutionsForJobResponse {
    pub execution_summaries: Vec<JobExecutionSummaryForJob>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub next_token: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct DescribeJobExecutionResponse {
    pub execution: JobExecution,
}

/// One execution as the control plane describes it. Note `statusDetails`
/// wraps its map in `detailsMap` here, unlike the device data plane.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobExecution {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub job_id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<JobExecutionStatus>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub force_canceled: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status_details: Option<JobExecutionStatusDetails>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub thing_arn: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub queued_at: Option<EpochSeconds>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub started_at: Option<EpochSeconds>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_updated_at: Option<EpochSeconds>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub execution_number: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version_number: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub approximate_seconds_before_timed_out: Option<i64>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct JobExecutionStatusDetails {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub details_map: Option<StringMap>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GetJobDocumentResponse {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
}
