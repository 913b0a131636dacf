//! Turning an HTTP request into a typed, validated model request: path
//! labels, query parameters and the JSON body merged into one value, then
//! checked by the same rules the Python client uses.

use crate::error::{ApiError, ApiResult, ErrorCode};
use crate::state::Shared;
use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Query, Request};
use axum::response::{IntoResponse, Response};
use iotjobs_model::schema::Shape;
use iotjobs_model::{Mode, Request as ModelRequest, Violations};
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Everything a handler needs from one HTTP request.
pub struct ApiRequest {
    pub state: Shared,
    pub path: HashMap<String, String>,
    pub query: Vec<(String, String)>,
    /// The SigV4 service the request was signed for (`iot`,
    /// `iot-jobs-data`), which tells the two planes' shared routes apart.
    pub service: Option<String>,
    pub body: Bytes,
}

impl FromRequest<Shared> for ApiRequest {
    type Rejection = Response;

    async fn from_request(req: Request, state: &Shared) -> Result<Self, Response> {
        // Everything is read before anything is judged: an answer sent
        // with the body unread would cost the client its keep-alive
        // connection.
        let (mut parts, body) = req.into_parts();
        let path = Path::<HashMap<String, String>>::from_request_parts(&mut parts, state).await;
        let query = Query::<Vec<(String, String)>>::try_from_uri(&parts.uri);
        let service = signing_service(&parts.headers);
        let body = Bytes::from_request(Request::from_parts(parts, body), state).await;
        let body = body.map_err(|e| {
            let code = if e.status().as_u16() == 413 {
                ErrorCode::PayloadTooLarge
            } else {
                ErrorCode::Serialization
            };
            ApiError::new(
                code,
                format!("Could not read the request body: {}", e.body_text()),
            )
            .into_response()
        })?;
        let path = path
            .map_err(|e| {
                ApiError::invalid(format!("Invalid path: {}", e.body_text())).into_response()
            })?
            .0;
        let query = query
            .map_err(|e| {
                ApiError::invalid(format!("Invalid query string: {}", e.body_text()))
                    .into_response()
            })?
            .0;
        Ok(ApiRequest {
            state: state.clone(),
            path,
            query,
            service,
            body,
        })
    }
}

/// The service of a SigV4 `Authorization` header's credential scope:
/// `Credential=KEY/DATE/REGION/SERVICE/aws4_request`.
fn signing_service(headers: &axum::http::HeaderMap) -> Option<String> {
    let auth = headers
        .get(axum::http::header::AUTHORIZATION)?
        .to_str()
        .ok()?;
    let credential = auth.split("Credential=").nth(1)?;
    let scope = credential.split([',', ' ']).next()?;
    scope.split('/').nth(3).map(str::to_owned)
}

impl ApiRequest {
    /// Whether the request was signed for the device data plane.
    pub fn is_data_plane(&self) -> bool {
        self.service.as_deref() == Some("iot-jobs-data")
    }

    /// The JSON body as an object; an empty body is `{}`.
    pub fn body_object(&self) -> ApiResult<Map<String, Value>> {
        if self.body.iter().all(u8::is_ascii_whitespace) {
            return Ok(Map::new());
        }
        match serde_json::from_slice::<Value>(&self.body) {
            Ok(Value::Object(map)) => Ok(map),
            Ok(_) => Err(ApiError::new(
                ErrorCode::Serialization,
                "The request body must be a JSON object.",
            )),
            Err(e) => Err(ApiError::new(
                ErrorCode::Serialization,
                format!("The request body is not valid JSON: {e}"),
            )),
        }
    }

    /// The JSON body as `T` (a small control or data-plane body); a body
    /// of the wrong shape is an InvalidRequestException naming the problem.
    pub fn body_as<T: serde::de::DeserializeOwned>(&self) -> ApiResult<T> {
        serde_json::from_value(Value::Object(self.body_object()?))
            .map_err(|e| ApiError::invalid(format!("Invalid request: {e}")))
    }

    /// A query parameter's value.
    pub fn query_value(&self, name: &str) -> Option<&str> {
        self.query
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// The typed request of operation `R`, validated in strict mode.
    pub fn typed<R: ModelRequest>(&self) -> ApiResult<R> {
        let mut params = self.body_object()?;
        let shape = R::OPERATION.input();
        // Path labels and query parameters take their type from the shape.
        let from_uri = self
            .path
            .iter()
            .chain(self.query.iter().map(|(k, v)| (k, v)));
        for (name, text) in from_uri {
            let Some(member) = shape.member(name) else {
                continue;
            };
            params.insert(name.clone(), uri_value(name, text, member.shape)?);
        }
        R::from_json(&Value::Object(params), Mode::Strict).map_err(|v| invalid_request(&v))
    }
}

/// A path or query value as the member's type.
fn uri_value(name: &str, text: &str, shape: Shape) -> ApiResult<Value> {
    match shape {
        Shape::Integer(_) => text
            .parse::<i64>()
            .map(Value::from)
            .map_err(|_| ApiError::invalid(format!("{name} must be an integer, got {text:?}"))),
        Shape::Boolean => match text {
            "true" => Ok(Value::Bool(true)),
            "false" => Ok(Value::Bool(false)),
            _ => Err(ApiError::invalid(format!(
                "{name} must be true or false, got {text:?}"
            ))),
        },
        _ => Ok(Value::String(text.to_owned())),
    }
}

/// Violations as AWS words them: a count, then each one.
pub fn invalid_request(violations: &Violations) -> ApiError {
    let count = violations.count();
    let noun = if count == 1 { "error" } else { "errors" };
    let details: Vec<String> = violations.lines().collect();
    ApiError::invalid(format!(
        "{count} validation {noun} detected: {}",
        details.join("; ")
    ))
}
