//! Control routes for tests driving a server from outside the process:
//! `/_emulator/reset`, `/_emulator/state`, `/_emulator/advance`.

use super::endpoint::guarded;
use super::request::ApiRequest;
use super::response::{empty, ok};
use crate::error::ApiError;
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
                    request.state.lock().store.reset();
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
