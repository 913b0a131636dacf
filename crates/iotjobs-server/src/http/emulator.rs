//! Control routes for tests driving a server from outside the process:
//! `/_emulator/reset`, `/_emulator/state`, `/_emulator/advance`,
//! `/_emulator/faults` (POST adds one, DELETE clears them),
//! `/_emulator/fleet` (register simulated devices) and
//! `/_emulator/fleet/run` (make them finish a job's queued executions).

use super::endpoint::guarded;
use super::request::ApiRequest;
use super::response::{empty, ok};
use crate::error::ApiError;
use crate::faults::FaultSpec;
use crate::state::Shared;
use crate::store::FleetPlan;
use axum::routing::{get, post};
use axum::Router;
use serde::Deserialize;
use std::future::ready;

/// `POST /_emulator/fleet`: things to register, optionally in a group.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FleetSpec {
    names: Vec<String>,
    group: Option<String>,
}

/// `POST /_emulator/fleet/run`: which job, and the shares of outcomes.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct FleetRun {
    job_id: String,
    #[serde(default)]
    failed: f64,
    #[serde(default)]
    rejected: f64,
    #[serde(default)]
    stuck: f64,
    #[serde(default)]
    seed: u64,
}

pub fn routes() -> Router<Shared> {
    Router::new()
        .route(
            "/_emulator/reset",
            post(|request: ApiRequest| {
                ready(guarded(|| {
                    request.state.lock().reset();
                    Ok(empty())
                }))
            }),
        )
        .route(
            "/_emulator/state",
            get(|request: ApiRequest| {
                ready(guarded(|| Ok(ok(&request.state.lock().store.snapshot()))))
            }),
        )
        .route(
            "/_emulator/faults",
            post(|request: ApiRequest| {
                ready(guarded(|| {
                    let spec: FaultSpec = request.body_as()?;
                    let fault = spec.into_fault().map_err(ApiError::invalid)?;
                    let mut state = request.state.lock();
                    state.faults.add(fault);
                    Ok(ok(&serde_json::json!({ "faults": state.faults.len() })))
                }))
            })
            .delete(|request: ApiRequest| {
                ready(guarded(|| {
                    request.state.lock().faults.clear();
                    Ok(empty())
                }))
            }),
        )
        .route(
            "/_emulator/fleet",
            post(|request: ApiRequest| {
                ready(guarded(|| {
                    let spec: FleetSpec = request.body_as()?;
                    let mut state = request.state.lock();
                    let now = state.now();
                    let arns =
                        state
                            .store
                            .register_fleet(&spec.names, spec.group.as_deref(), now)?;
                    Ok(ok(&arns))
                }))
            }),
        )
        .route(
            "/_emulator/fleet/run",
            post(|request: ApiRequest| {
                ready(guarded(|| {
                    let run: FleetRun = request.body_as()?;
                    let plan = FleetPlan {
                        failed: run.failed,
                        rejected: run.rejected,
                        stuck: run.stuck,
                    };
                    let mut state = request.state.lock();
                    let now = state.now();
                    let report = state.store.run_fleet(&run.job_id, plan, run.seed, now)?;
                    Ok(ok(&report))
                }))
            }),
        )
        .route(
            "/_emulator/advance",
            post(|request: ApiRequest| {
                ready(guarded(|| {
                    let body = request.body_object()?;
                    let seconds = body
                        .get("seconds")
                        .and_then(serde_json::Value::as_f64)
                        .ok_or_else(|| {
                            ApiError::invalid("the body must be {\"seconds\": <number>}")
                        })?;
                    let now = request
                        .state
                        .lock()
                        .advance(seconds)
                        .map_err(ApiError::invalid)?;
                    Ok(ok(&serde_json::json!({ "now": now })))
                }))
            }),
        )
}
