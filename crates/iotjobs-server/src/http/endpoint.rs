//! One operation = one function from a typed request to a response. This
//! wraps such a function into an axum handler: apply any injected fault,
//! parse and validate, lock the state, run, and turn a panic into
//! InternalFailure instead of a crash.

use super::request::ApiRequest;
use super::response::error;
use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::faults::{code_for_status, FaultAction};
use crate::store::Store;
use axum::http::StatusCode;
use axum::response::Response;
use iotjobs_model::Request;
use std::future::Future;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::pin::Pin;

/// What an operation does with the store, given its typed request and now.
pub type Operation<R> = fn(&mut Store, R, f64) -> ApiResult<Response>;

/// The future an endpoint answers with.
pub type Answer = Pin<Box<dyn Future<Output = Response> + Send>>;

pub fn endpoint<R: Request + 'static>(
    operation: Operation<R>,
) -> impl FnOnce(ApiRequest) -> Answer + Clone + Send + 'static {
    move |request: ApiRequest| {
        Box::pin(async move {
            if let Some(answer) = injected_fault(&request, R::OPERATION.name()).await {
                return answer;
            }
            guarded(|| run(&request, operation))
        })
    }
}

/// Applies the fault injected for `operation`, if any: an answer in place
/// of the real one, or a delay before it.
pub async fn injected_fault(request: &ApiRequest, operation: &str) -> Option<Response> {
    let action = request.state.lock().faults.take(operation)?;
    Some(match action {
        FaultAction::Delay(delay) => {
            tokio::time::sleep(delay).await;
            return None;
        }
        FaultAction::Error(code) => error(&ApiError::new(
            code,
            format!("Injected fault: {}", code.name()),
        )),
        FaultAction::Status(status) => {
            let mut answer = error(&ApiError::new(
                code_for_status(status),
                format!("Injected fault: HTTP {status}"),
            ));
            *answer.status_mut() =
                StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            answer
        }
        FaultAction::Drop => dropped(),
    })
}

/// A body that fails at once: hyper then closes the connection without a
/// complete answer, as a dropped connection looks to the client.
struct Broken;

impl http_body::Body for Broken {
    type Data = bytes::Bytes;
    type Error = std::io::Error;

    fn poll_frame(
        self: Pin<&mut Self>,
        _cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<http_body::Frame<Self::Data>, Self::Error>>> {
        std::task::Poll::Ready(Some(Err(std::io::Error::new(
            std::io::ErrorKind::ConnectionAborted,
            "injected fault: connection dropped",
        ))))
    }
}

fn dropped() -> Response {
    Response::new(axum::body::Body::new(Broken))
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
