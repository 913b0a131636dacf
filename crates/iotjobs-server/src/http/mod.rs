//! The HTTP face of the server: restJson1 routes, body limits, and a
//! restJson1 error for everything no route matches.

mod devices;
mod emulator;
mod endpoint;
mod jobs;
mod registry;
mod request;
mod response;

use crate::error::{ApiError, ErrorCode};
use crate::state::Shared;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{Method, Uri};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::Router;

/// Request bodies above 1 MiB are refused with 413.
pub const MAX_BODY_BYTES: usize = 1 << 20;

pub fn router(state: Shared) -> Router {
    let routes = Router::new()
        .merge(jobs::routes())
        .merge(registry::routes())
        .merge(emulator::routes())
        .fallback(unknown_operation)
        .method_not_allowed_fallback(unknown_operation);
    // Only a server with a state file pays for waiting on saves.
    let routes = match state.durability() {
        Some(_) => routes.layer(middleware::from_fn_with_state(
            state.clone(),
            durable_writes,
        )),
        None => routes,
    };
    routes
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state)
}

/// With a state file, a request that may have changed state (anything but
/// GET) is answered only once its change is on disk: an acknowledged write
/// survives the server being killed right after.
async fn durable_writes(State(state): State<Shared>, request: Request, next: Next) -> Response {
    let may_change = request.method() != Method::GET;
    let response = next.run(request).await;
    if may_change {
        if let Err(why) = state.commit().await {
            return ApiError::new(ErrorCode::InternalFailure, why).into_response();
        }
    }
    response
}

/// Reads (and drops) the body too, so the connection stays usable.
async fn unknown_operation(
    method: Method,
    uri: Uri,
    _body: Result<Bytes, BytesRejection>,
) -> Response {
    ApiError::new(
        ErrorCode::UnknownOperation,
        format!("No operation matches {method} {}.", uri.path()),
    )
    .into_response()
}
