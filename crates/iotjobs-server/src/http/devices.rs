//! Routes of the device data plane (`iot-jobs-data`). Two of them share a
//! path and method with the control plane; the SigV4 service name the
//! request was signed for decides (see `ApiRequest::is_data_plane`).

use super::endpoint::{guarded, injected_fault, Answer};
use super::request::ApiRequest;
use super::response::ok;
use crate::error::{ApiError, ApiResult};
use crate::store::DeviceUpdate;
use axum::response::Response;
use iotjobs_model::schema::Pattern;
use iotjobs_model::types::{JobExecutionStatus, StringMap};
use serde::Deserialize;

/// A data-plane operation: its name (for faults) and what it does.
pub fn handler(
    operation: &'static str,
    f: fn(&ApiRequest) -> ApiResult<Response>,
) -> impl FnOnce(ApiRequest) -> Answer + Clone + Send + 'static {
    move |request: ApiRequest| {
        Box::pin(async move {
            if let Some(answer) = injected_fault(&request, operation).await {
                return answer;
            }
            guarded(|| f(&request))
        })
    }
}

fn thing_name(request: &ApiRequest) -> ApiResult<String> {
    let name = request
        .path
        .get("thingName")
        .map(String::as_str)
        .unwrap_or_default();
    if name.is_empty() || name.chars().count() > 128 || !Pattern::ThingName.matches(name) {
        return Err(ApiError::invalid(format!(
            "thingName must be 1 to 128 characters of [a-zA-Z0-9:_-], got {name:?}"
        )));
    }
    Ok(name.to_owned())
}

fn job_id(request: &ApiRequest) -> ApiResult<String> {
    let id = request
        .path
        .get("jobId")
        .map(String::as_str)
        .unwrap_or_default();
    if id != "$next" && (id.chars().count() > 64 || !Pattern::Identifier.matches(id)) {
        return Err(ApiError::invalid(format!(
            "jobId must be $next or 1 to 64 characters of [a-zA-Z0-9_-], got {id:?}"
        )));
    }
    Ok(id.to_owned())
}

fn query_bool(request: &ApiRequest, name: &str, default: bool) -> ApiResult<bool> {
    match request.query_value(name) {
        None => Ok(default),
        Some("true") => Ok(true),
        Some("false") => Ok(false),
        Some(other) => Err(ApiError::invalid(format!(
            "{name} must be true or false, got {other:?}"
        ))),
    }
}

/// Step timers run 1 to 10080 minutes; -1 on UpdateJobExecution cancels one.
fn check_step_timeout(minutes: Option<i64>, allow_cancel: bool) -> ApiResult<()> {
    match minutes {
        None => Ok(()),
        Some(-1) if allow_cancel => Ok(()),
        Some(m) if (1..=10080).contains(&m) => Ok(()),
        Some(m) => Err(ApiError::invalid(format!(
            "stepTimeoutInMinutes must be from 1 to 10080{}, got {m}",
            if allow_cancel { " (or -1)" } else { "" }
        ))),
    }
}

pub fn get_pending(request: &ApiRequest) -> ApiResult<Response> {
    let thing = thing_name(request)?;
    Ok(ok(&request
        .state
        .lock()
        .store
        .get_pending_job_executions(&thing)))
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct StartNextBody {
    status_details: Option<StringMap>,
    step_timeout_in_minutes: Option<i64>,
}

pub fn start_next(request: &ApiRequest) -> ApiResult<Response> {
    let thing = thing_name(request)?;
    let input: StartNextBody = request.body_as()?;
    check_step_timeout(input.step_timeout_in_minutes, false)?;
    let mut state = request.state.lock();
    let now = state.now();
    Ok(ok(&state.store.start_next_pending_job_execution(
        &thing,
        input.status_details,
        input.step_timeout_in_minutes,
        now,
    )))
}

pub fn describe(request: &ApiRequest) -> ApiResult<Response> {
    let thing = thing_name(request)?;
    let job = job_id(request)?;
    let number = request
        .query_value("executionNumber")
        .map(|n| {
            n.parse::<i64>().map_err(|_| {
                ApiError::invalid(format!("executionNumber must be an integer, got {n:?}"))
            })
        })
        .transpose()?;
    let include_document = query_bool(request, "includeJobDocument", true)?;
    let state = request.state.lock();
    let now = state.now();
    state
        .store
        .describe_device_execution(&thing, &job, number, include_document, now)
        .map(|v| ok(&v))
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct UpdateBody {
    status: String,
    status_details: Option<StringMap>,
    step_timeout_in_minutes: Option<i64>,
    expected_version: Option<i64>,
    #[serde(default)]
    include_job_execution_state: bool,
    #[serde(default)]
    include_job_document: bool,
    execution_number: Option<i64>,
}

pub fn update(request: &ApiRequest) -> ApiResult<Response> {
    let thing = thing_name(request)?;
    let job = job_id(request)?;
    let input: UpdateBody = request.body_as()?;
    check_step_timeout(input.step_timeout_in_minutes, true)?;
    let update = DeviceUpdate {
        status: JobExecutionStatus::from(input.status.as_str()),
        status_details: input.status_details,
        expected_version: input.expected_version,
        execution_number: input.execution_number,
        step_timeout_in_minutes: input.step_timeout_in_minutes,
        include_job_execution_state: input.include_job_execution_state,
        include_job_document: input.include_job_document,
    };
    let mut state = request.state.lock();
    let now = state.now();
    state
        .store
        .update_job_execution(&thing, &job, update, now)
        .map(|v| ok(&v))
}
