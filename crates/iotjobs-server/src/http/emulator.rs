//! Control routes for tests driving a server from outside the process:
//! `/_emulator/reset`, `/_emulator/state`, `/_emulator/advance`,
//! `/_emulator/faults` (POST adds one, DELETE clears them).

use super::endpoint::guarded;
use super::request::ApiRequest;
use super::response::{empty, ok};
use crate::error::ApiError;
use crate::faults::FaultSpec;
use crate::state::Shared;
use axum::routing::{get, post};
use axum::Router;
use std::future::ready;

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
                    let body = serde_json::Value::Object(request.body_object()?);
                    let spec: FaultSpec = serde_json::from_value(body)
                        .map_err(|e| ApiError::invalid(format!("invalid fault: {e}")))?;
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
