//! aws-sdk-iot outputs → model responses. Members the service left out stay
//! out (`None`), so the Python dict has exactly the keys boto3 would show.

use crate::error::CallError;
use aws_sdk_iot::types as sdk;
use aws_smithy_types::DateTime;
use iotjobs_model::types as m;

/// An enumeration value; one this version does not know is kept as text.
fn known<T: for<'a> From<&'a str>>(text: &str) -> T {
    T::from(text)
}

fn opt<T, U>(
    v: Option<T>,
    f: impl FnOnce(T) -> Result<U, CallError>,
) -> Result<Option<U>, CallError> {
    v.map(f).transpose()
}

/// Epoch seconds as the wire carried them (the SDK parses the JSON number
/// into whole seconds and nanoseconds; summing them back gives the same
/// float boto3 reads).
pub fn seconds(t: DateTime) -> f64 {
    t.as_secs_f64()
}

fn string_map(v: Option<std::collections::HashMap<String, String>>) -> Option<m::StringMap> {
    v.map(|m| m.into_iter().collect())
}

pub fn presigned_url_config(v: sdk::PresignedUrlConfig) -> m::PresignedUrlConfig {
    m::PresignedUrlConfig {
        role_arn: v.role_arn,
        expires_in_sec: v.expires_in_sec,
    }
}

pub fn rollout_config(v: sdk::JobExecutionsRolloutConfig) -> m::JobExecutionsRolloutConfig {
    m::JobExecutionsRolloutConfig {
        maximum_per_minute: v.maximum_per_minute,
        exponential_rate: v.exponential_rate.map(|r| m::ExponentialRolloutRate {
            base_rate_per_minute: r.base_rate_per_minute,
            increment_factor: r.increment_factor,
            rate_increase_criteria: r
                .rate_increase_criteria
                .map(|c| m::RateIncreaseCriteria {
                    number_of_notified_things: c.number_of_notified_things,
                    number_of_succeeded_things: c.number_of_succeeded_things,
                })
                .unwrap_or_default(),
        }),
    }
}

pub fn abort_config(v: sdk::AbortConfig) -> Result<m::AbortConfig, CallError> {
    let criteria_list = v
        .criteria_list
        .into_iter()
        .map(|c| {
            Ok(m::AbortCriteria {
                failure_type: known(c.failure_type.as_str()),
                action: known(c.action.as_str()),
                threshold_percentage: c.threshold_percentage,
                min_number_of_executed_things: c.min_number_of_executed_things,
            })
        })
        .collect::<Result<_, CallError>>()?;
    Ok(m::AbortConfig { criteria_list })
}

pub fn retry_config(
    v: sdk::JobExecutionsRetryConfig,
) -> Result<m::JobExecutionsRetryConfig, CallError> {
    let criteria_list = v
        .criteria_list
        .into_iter()
        .map(|c| {
            Ok(m::RetryCriteria {
                failure_type: known(c.failure_type.as_str()),
                number_of_retries: c.number_of_retries,
            })
        })
        .collect::<Result<_, CallError>>()?;
    Ok(m::JobExecutionsRetryConfig { criteria_list })
}

pub fn scheduling_config(v: sdk::SchedulingConfig) -> Result<m::SchedulingConfig, CallError> {
    Ok(m::SchedulingConfig {
        start_time: v.start_time,
        end_time: v.end_time,
        end_behavior: v.end_behavior.map(|b| known(b.as_str())),
        maintenance_windows: v.maintenance_windows.map(|ws| {
            ws.into_iter()
                .map(|w| m::MaintenanceWindow {
                    start_time: w.start_time,
                    duration_in_minutes: w.duration_in_minutes,
                })
                .collect()
        }),
    })
}

pub fn process_details(v: sdk::JobProcessDetails) -> m::JobProcessDetails {
    m::JobProcessDetails {
        processing_targets: v.processing_targets,
        number_of_canceled_things: v.number_of_canceled_things,
        number_of_succeeded_things: v.number_of_succeeded_things,
        number_of_failed_things: v.number_of_failed_things,
        number_of_rejected_things: v.number_of_rejected_things,
        number_of_queued_things: v.number_of_queued_things,
        number_of_in_progress_things: v.number_of_in_progress_things,
        number_of_removed_things: v.number_of_removed_things,
        number_of_timed_out_things: v.number_of_timed_out_things,
    }
}

pub fn job(v: sdk::Job) -> Result<m::Job, CallError> {
    Ok(m::Job {
        job_arn: v.job_arn,
        job_id: v.job_id,
        target_selection: v.target_selection.map(|t| known(t.as_str())),
        status: v.status.map(|s| known(s.as_str())),
        force_canceled: v.force_canceled,
        reason_code: v.reason_code,
        comment: v.comment,
        targets: v.targets,
        description: v.description,
        presigned_url_config: v.presigned_url_config.map(presigned_url_config),
        job_executions_rollout_config: v.job_executions_rollout_config.map(rollout_config),
        abort_config: opt(v.abort_config, abort_config)?,
        created_at: v.created_at.map(seconds),
        last_updated_at: v.last_updated_at.map(seconds),
        completed_at: v.completed_at.map(seconds),
        job_process_details: v.job_process_details.map(process_details),
        timeout_config: v.timeout_config.map(|t| m::TimeoutConfig {
            in_progress_timeout_in_minutes: t.in_progress_timeout_in_minutes,
        }),
        namespace_id: v.namespace_id,
        job_template_arn: v.job_template_arn,
        job_executions_retry_config: opt(v.job_executions_retry_config, retry_config)?,
        document_parameters: string_map(v.document_parameters),
        is_concurrent: v.is_concurrent,
        scheduling_config: opt(v.scheduling_config, scheduling_config)?,
        scheduled_job_rollouts: v.scheduled_job_rollouts.map(|rs| {
            rs.into_iter()
                .map(|r| m::ScheduledJobRollout {
                    start_time: r.start_time,
                })
                .collect()
        }),
        destination_package_versions: v.destination_package_versions,
    })
}

pub fn job_summary(v: sdk::JobSummary) -> Result<m::JobSummary, CallError> {
    Ok(m::JobSummary {
        job_arn: v.job_arn,
        job_id: v.job_id,
        thing_group_id: v.thing_group_id,
        target_selection: v.target_selection.map(|t| known(t.as_str())),
        status: v.status.map(|s| known(s.as_str())),
        created_at: v.created_at.map(seconds),
        last_updated_at: v.last_updated_at.map(seconds),
        completed_at: v.completed_at.map(seconds),
        is_concurrent: v.is_concurrent,
    })
}

pub fn execution_summary(v: sdk::JobExecutionSummary) -> Result<m::JobExecutionSummary, CallError> {
    Ok(m::JobExecutionSummary {
        status: v.status.map(|s| known(s.as_str())),
        queued_at: v.queued_at.map(seconds),
        started_at: v.started_at.map(seconds),
        last_updated_at: v.last_updated_at.map(seconds),
        execution_number: v.execution_number,
        retry_attempt: v.retry_attempt,
    })
}

pub fn execution(v: sdk::JobExecution) -> Result<m::JobExecution, CallError> {
    Ok(m::JobExecution {
        job_id: v.job_id,
        status: v.status.map(|s| known(s.as_str())),
        force_canceled: v.force_canceled,
        status_details: v.status_details.map(|d| m::JobExecutionStatusDetails {
            details_map: string_map(d.details_map),
        }),
        thing_arn: v.thing_arn,
        queued_at: v.queued_at.map(seconds),
        started_at: v.started_at.map(seconds),
        last_updated_at: v.last_updated_at.map(seconds),
        execution_number: v.execution_number,
        version_number: Some(v.version_number),
        approximate_seconds_before_timed_out: v.approximate_seconds_before_timed_out,
    })
}
