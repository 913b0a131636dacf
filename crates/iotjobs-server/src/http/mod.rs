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
use axum::extract::DefaultBodyLimit;
use axum::http::{Method, Uri};
use axum::response::{IntoResponse, Response};
use axum::Router;

/// Request bodies above 1 MiB are refused with 413.
pub const MAX_BODY_BYTES: usize = 1 << 20;

pub fn router(state: Shared) -> Router {
    Router::new()
        .merge(jobs::routes())
        .merge(registry::routes())
        .merge(emulator::routes())
        .fallback(unknown_operation)
        .method_not_allowed_fallback(unknown_operation)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .with_state(state)
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
