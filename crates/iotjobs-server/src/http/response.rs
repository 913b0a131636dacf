//! Responses as AWS IoT sends them: JSON bodies, a request id on every
//! answer, and errors as `X-Amzn-ErrorType` + `{"message": ...}`.

use crate::error::ApiError;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use std::sync::atomic::{AtomicU64, Ordering};

static REQUESTS: AtomicU64 = AtomicU64::new(1);

/// A fresh request id in AWS's UUID form.
fn request_id() -> String {
    let n = REQUESTS.fetch_add(1, Ordering::Relaxed);
    let pid = std::process::id() as u64;
    format!(
        "{:08x}-{:04x}-4000-8000-{:012x}",
        pid & 0xffff_ffff,
        (n >> 48) & 0xffff,
        n & 0xffff_ffff_ffff
    )
}

fn json_response(status: StatusCode, body: Vec<u8>) -> Response {
    let mut response = (status, body).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json"),
    );
    if let Ok(id) = HeaderValue::from_str(&request_id()) {
        headers.insert("x-amzn-RequestId", id);
    }
    response
}

/// 200 with a JSON body.
pub fn ok(body: &impl serde::Serialize) -> Response {
    match serde_json::to_vec(body) {
        Ok(bytes) => json_response(StatusCode::OK, bytes),
        Err(e) => error(&ApiError::new(
            crate::error::ErrorCode::InternalFailure,
            e.to_string(),
        )),
    }
}

/// 200 with `{}`, for operations without output.
pub fn empty() -> Response {
    json_response(StatusCode::OK, b"{}".to_vec())
}

pub fn error(err: &ApiError) -> Response {
    let status = StatusCode::from_u16(err.code.status()).unwrap_or(StatusCode::BAD_REQUEST);
    let body = serde_json::to_vec(&err.body()).unwrap_or_default();
    let mut response = json_response(status, body);
    response.headers_mut().insert(
        "x-amzn-ErrorType",
        HeaderValue::from_static(err.code.name()),
    );
    response
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        error(&self)
    }
}
