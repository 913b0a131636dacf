//! One operation = one function from a typed request to a response. This
//! wraps such a function into an axum handler: parse and validate, lock the
//! state, run, and turn a panic into InternalFailure instead of a crash.

use super::request::ApiRequest;
use super::response::error;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::store::Store;
use axum::response::Response;
use iotjobs_model::Request;
use std::future::{ready, Ready};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// What an operation does with the store, given its typed request and now.
pub type Operation<R> = fn(&mut Store, R, f64) -> ApiResult<Response>;

pub fn endpoint<R: Request + 'static>(
    operation: Operation<R>,
) -> impl FnOnce(ApiRequest) -> Ready<Response> + Clone + Send + 'static {
    move |request: ApiRequest| ready(guarded(|| run(&request, operation)))
}

fn run<R: Request>(request: &ApiRequest, operation: Operation<R>) -> ApiResult<Response> {
    let typed = request.typed::<R>()?;
    let mut state = request.state.lock();
    let now = state.now();
    operation(&mut state.store, typed, now)
}

/// Runs `f`; a panic becomes an InternalFailure answer.
pub fn guarded(f: impl FnOnce() -> ApiResult<Response>) -> Response {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(response)) => response,
        Ok(Err(err)) => error(&err),
        Err(_) => error(&ApiError::new(
            ErrorCode::InternalFailure,
            "The server failed while handling this request.",
        )),
    }
}
