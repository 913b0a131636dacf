//! One request structure per operation. Member names and optionality follow
//! the AWS service model; where a member travels (path, query or body) is
//! the transport's business, not the model's.

use super::config::*;
use super::enums::*;
use serde::{Deserialize, Serialize};
use serde_with::skip_serializing_none;

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AssociateTargetsWithJobRequest {
    pub targets: Vec<String>,
    pub job_id: String,
    pub comment: Option<String>,
    pub namespace_id: Option<String>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CreateJobRequest {
    pub job_id: String,
    pub targets: Vec<String>,
    pub document_source: Option<String>,
    pub document: Option<String>,
    pub description: Option<String>,
    pub presigned_url_config: Option<PresignedUrlConfig>,
    pub target_selection: Option<TargetSelection>,
    pub job_executions_rollout_config: Option<JobExecutionsRolloutConfig>,
    pub abort_config: Option<AbortConfig>,
    pub timeout_config: Option<TimeoutConfig>,
    pub tags: Option<Vec<Tag>>,
    pub namespace_id: Option<String>,
    pub job_template_arn: Option<String>,
    pub job_executions_retry_config: Option<JobExecutionsRetryConfig>,
    pub document_parameters: Option<StringMap>,
    pub scheduling_config: Option<SchedulingConfig>,
    pub destination_package_versions: Option<Vec<String>>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeleteJobRequest {
    pub job_id: String,
    pub force: Option<bool>,
    pub namespace_id: Option<String>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DeleteJobExecutionRequest {
    pub job_id: String,
    pub thing_name: String,
    pub execution_number: i64,
    pub force: Option<bool>,
    pub namespace_id: Option<String>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DescribeJobRequest {
    pub job_id: String,
    pub before_substitution: Option<bool>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListJobExecutionsForThingRequest {
    pub thing_name: String,
    pub status: Option<JobExecutionStatus>,
    pub namespace_id: Option<String>,
    pub max_results: Option<i32>,
    pub next_token: Option<String>,
    pub job_id: Option<String>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListJobsRequest {
    pub status: Option<JobStatus>,
    pub target_selection: Option<TargetSelection>,
    pub max_results: Option<i32>,
    pub next_token: Option<String>,
    pub thing_group_name: Option<String>,
    pub thing_group_id: Option<String>,
    pub namespace_id: Option<String>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct UpdateJobRequest {
    pub job_id: String,
    pub description: Option<String>,
    pub presigned_url_config: Option<PresignedUrlConfig>,
    pub job_executions_rollout_config: Option<JobExecutionsRolloutConfig>,
    pub abort_config: Option<AbortConfig>,
    pub timeout_config: Option<TimeoutConfig>,
    pub namespace_id: Option<String>,
    pub job_executions_retry_config: Option<JobExecutionsRetryConfig>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CancelJobRequest {
    pub job_id: String,
    pub reason_code: Option<String>,
    pub comment: Option<String>,
    pub force: Option<bool>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CancelJobExecutionRequest {
    pub job_id: String,
    pub thing_name: String,
    pub force: Option<bool>,
    pub expected_version: Option<i64>,
    pub status_details: Option<StringMap>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct DescribeJobExecutionRequest {
    pub job_id: String,
    pub thing_name: String,
    pub execution_number: Option<i64>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct GetJobDocumentRequest {
    pub job_id: String,
    pub before_substitution: Option<bool>,
}

#[skip_serializing_none]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ListJobExecutionsForJobRequest {
    pub job_id: String,
    pub status: Option<JobExecutionStatus>,
    pub max_results: Option<i32>,
    pub next_token: Option<String>,
}
