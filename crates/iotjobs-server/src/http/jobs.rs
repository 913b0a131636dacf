//! Routes of the 13 Jobs control-plane operations (AWS IoT restJson1).

use super::devices;
use super::endpoint::{endpoint, Answer};
use super::request::ApiRequest;
use super::response::{empty, ok};
use crate::state::Shared;
use axum::routing::{delete, get, post, put};
use axum::Router;

pub fn routes() -> Router<Shared> {
    Router::new()
        .route(
            "/jobs",
            get(endpoint(|s, r, _| s.list_jobs(r).map(|v| ok(&v)))),
        )
        .route(
            "/jobs/{jobId}",
            put(endpoint(|s, r, now| s.create_job(r, now).map(|v| ok(&v))))
                .get(endpoint(|s, r, _| s.describe_job(r).map(|v| ok(&v))))
                .patch(endpoint(|s, r, now| s.update_job(r, now).map(|()| empty())))
                .delete(endpoint(|s, r, now| s.delete_job(r, now).map(|()| empty()))),
        )
        .route(
            "/jobs/{jobId}/targets",
            post(endpoint(|s, r, now| {
                s.associate_targets(r, now).map(|v| ok(&v))
            })),
        )
        .route(
            "/jobs/{jobId}/cancel",
            put(endpoint(|s, r, now| s.cancel_job(r, now).map(|v| ok(&v)))),
        )
        .route(
            "/jobs/{jobId}/job-document",
            get(endpoint(|s, r, _| s.get_job_document(r).map(|v| ok(&v)))),
        )
        .route(
            "/jobs/{jobId}/things",
            get(endpoint(|s, r, _| {
                s.list_job_executions_for_job(r).map(|v| ok(&v))
            })),
        )
        .route(
            "/things/{thingName}/jobs",
            get(by_plane(
                endpoint(|s, r, _| s.list_job_executions_for_thing(r).map(|v| ok(&v))),
                devices::handler("GetPendingJobExecutions", devices::get_pending),
            )),
        )
        .route(
            "/things/{thingName}/jobs/$next",
            put(devices::handler(
                "StartNextPendingJobExecution",
                devices::start_next,
            ))
            .get(devices::handler("DescribeJobExecution", devices::describe)),
        )
        .route(
            "/things/{thingName}/jobs/{jobId}",
            get(by_plane(
                endpoint(|s, r, now| s.describe_job_execution(r, now).map(|v| ok(&v))),
                devices::handler("DescribeJobExecution", devices::describe),
            ))
            .post(devices::handler("UpdateJobExecution", devices::update)),
        )
        .route(
            "/things/{thingName}/jobs/{jobId}/cancel",
            put(endpoint(|s, r, now| {
                s.cancel_job_execution(r, now).map(|()| empty())
            })),
        )
        .route(
            "/things/{thingName}/jobs/{jobId}/executionNumber/{executionNumber}",
            delete(endpoint(|s, r, now| {
                s.delete_job_execution(r, now).map(|()| empty())
            })),
        )
}

/// Sends a request to the device data plane's handler when it was signed
/// for `iot-jobs-data`, else to the control plane's.
fn by_plane(
    control: impl FnOnce(ApiRequest) -> Answer + Clone + Send + 'static,
    data: impl FnOnce(ApiRequest) -> Answer + Clone + Send + 'static,
) -> impl FnOnce(ApiRequest) -> Answer + Clone + Send + 'static {
    move |request: ApiRequest| {
        if request.is_data_plane() {
            data(request)
        } else {
            control(request)
        }
    }
}
