//! Model request parts → aws-sdk-iot types. Requests are validated before
//! they get here, so the SDK's required-member checks cannot fail; their
//! errors are still reported, never unwrapped.

use crate::error::CallError;
use aws_sdk_iot::types as sdk;
use iotjobs_model::types as m;

fn built<T>(
    result: Result<T, aws_smithy_types::error::operation::BuildError>,
) -> Result<T, CallError> {
    result.map_err(|e| CallError::Other(format!("could not build the request: {e}")))
}

pub fn target_selection(v: m::TargetSelection) -> sdk::TargetSelection {
    sdk::TargetSelection::from(v.as_str())
}

pub fn job_status(v: m::JobStatus) -> sdk::JobStatus {
    sdk::JobStatus::from(v.as_str())
}

pub fn execution_status(v: m::JobExecutionStatus) -> sdk::JobExecutionStatus {
    sdk::JobExecutionStatus::from(v.as_str())
}

pub fn presigned_url_config(v: m::PresignedUrlConfig) -> sdk::PresignedUrlConfig {
    sdk::PresignedUrlConfig::builder()
        .set_role_arn(v.role_arn)
        .set_expires_in_sec(v.expires_in_sec)
        .build()
}

pub fn rollout_config(
    v: m::JobExecutionsRolloutConfig,
) -> Result<sdk::JobExecutionsRolloutConfig, CallError> {
    let rate = match v.exponential_rate {
        Some(rate) => Some(built(
            sdk::ExponentialRolloutRate::builder()
                .base_rate_per_minute(rate.base_rate_per_minute)
                .increment_factor(rate.increment_factor)
                .rate_increase_criteria(
                    sdk::RateIncreaseCriteria::builder()
                        .set_number_of_notified_things(
                            rate.rate_increase_criteria.number_of_notified_things,
                        )
                        .set_number_of_succeeded_things(
                            rate.rate_increase_criteria.number_of_succeeded_things,
                        )
                        .build(),
                )
                .build(),
        )?),
        None => None,
    };
    Ok(sdk::JobExecutionsRolloutConfig::builder()
        .set_maximum_per_minute(v.maximum_per_minute)
        .set_exponential_rate(rate)
        .build())
}

pub fn abort_config(v: m::AbortConfig) -> Result<sdk::AbortConfig, CallError> {
    let criteria = v
        .criteria_list
        .into_iter()
        .map(|c| {
            built(
                sdk::AbortCriteria::builder()
                    .failure_type(sdk::JobExecutionFailureType::from(c.failure_type.as_str()))
                    .action(sdk::AbortAction::from(c.action.as_str()))
                    .threshold_percentage(c.threshold_percentage)
                    .min_number_of_executed_things(c.min_number_of_executed_things)
                    .build(),
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    built(
        sdk::AbortConfig::builder()
            .set_criteria_list(Some(criteria))
            .build(),
    )
}

pub fn timeout_config(v: m::TimeoutConfig) -> sdk::TimeoutConfig {
    sdk::TimeoutConfig::builder()
        .set_in_progress_timeout_in_minutes(v.in_progress_timeout_in_minutes)
        .build()
}

pub fn retry_config(
    v: m::JobExecutionsRetryConfig,
) -> Result<sdk::JobExecutionsRetryConfig, CallError> {
    let criteria = v
        .criteria_list
        .into_iter()
        .map(|c| {
            built(
                sdk::RetryCriteria::builder()
                    .failure_type(sdk::RetryableFailureType::from(c.failure_type.as_str()))
                    .number_of_retries(c.number_of_retries)
                    .build(),
            )
        })
        .collect::<Result<Vec<_>, _>>()?;
    built(
        sdk::JobExecutionsRetryConfig::builder()
            .set_criteria_list(Some(criteria))
            .build(),
    )
}

pub fn tags(v: Vec<m::Tag>) -> Result<Vec<sdk::Tag>, CallError> {
    v.into_iter()
        .map(|t| built(sdk::Tag::builder().key(t.key).set_value(t.value).build()))
        .collect()
}

pub fn scheduling_config(v: m::SchedulingConfig) -> Result<sdk::SchedulingConfig, CallError> {
    let windows = match v.maintenance_windows {
        Some(windows) => Some(
            windows
                .into_iter()
                .map(|w| {
                    built(
                        sdk::MaintenanceWindow::builder()
                            .start_time(w.start_time)
                            .duration_in_minutes(w.duration_in_minutes)
                            .build(),
                    )
                })
                .collect::<Result<Vec<_>, _>>()?,
        ),
        None => None,
    };
    Ok(sdk::SchedulingConfig::builder()
        .set_start_time(v.start_time)
        .set_end_time(v.end_time)
        .set_end_behavior(
            v.end_behavior
                .map(|b| sdk::JobEndBehavior::from(b.as_str())),
        )
        .set_maintenance_windows(windows)
        .build())
}

/// `Option<T>` through a fallible conversion.
pub fn opt<T, U>(
    v: Option<T>,
    f: impl FnOnce(T) -> Result<U, CallError>,
) -> Result<Option<U>, CallError> {
    v.map(f).transpose()
}

/// A model string map as the SDK's HashMap.
pub fn map(v: Option<m::StringMap>) -> Option<std::collections::HashMap<String, String>> {
    v.map(|m| m.into_iter().collect())
}
