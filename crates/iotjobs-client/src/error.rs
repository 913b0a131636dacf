//! Why a call failed: the service said no, the network failed, or the
//! client is not configured. Each kind maps to one Python exception class.

use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_runtime_api::http::Response as HttpResponse;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use std::error::Error as StdError;

/// What an AWS call answers with besides its output.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    pub request_id: String,
    pub http_status: u16,
    pub retry_attempts: u32,
}

/// The service's error answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ServiceError {
    pub code: String,
    pub message: String,
    /// Modeled members sent with the error (`resourceId`, `resourceArn`).
    pub extra: Vec<(String, String)>,
    pub metadata: Metadata,
}

#[derive(Debug, thiserror::Error)]
pub enum CallError {
    #[error("An error occurred ({}) when calling the operation: {}", .0.code, .0.message)]
    Service(ServiceError),
    #[error("Could not connect to the endpoint URL: {endpoint}: {detail}")]
    Connect { endpoint: String, detail: String },
    #[error("Connect timeout on endpoint URL: {endpoint}")]
    ConnectTimeout { endpoint: String, detail: String },
    #[error("Read timeout on endpoint URL: {endpoint}")]
    ReadTimeout { endpoint: String, detail: String },
    #[error("{0}")]
    NoCredentials(String),
    #[error("{0}")]
    NoRegion(String),
    /// The answer could not be understood, or the request not built.
    #[error("{0}")]
    Other(String),
}

/// The whole source chain of an error, as one line.
fn chain(err: &dyn StdError) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(next) = source {
        let part = next.to_string();
        if !text.contains(&part) {
            text.push_str(": ");
            text.push_str(&part);
        }
        source = next.source();
    }
    text
}

fn header(response: &HttpResponse, name: &str) -> String {
    response.headers().get(name).unwrap_or_default().to_owned()
}

/// Modeled members of an error body other than the message.
fn extra_members(response: &HttpResponse) -> Vec<(String, String)> {
    let Some(bytes) = response.body().bytes() else {
        return Vec::new();
    };
    let Ok(serde_json::Value::Object(body)) = serde_json::from_slice::<serde_json::Value>(bytes)
    else {
        return Vec::new();
    };
    ["resourceId", "resourceArn"]
        .iter()
        .filter_map(|key| Some((key.to_string(), body.get(*key)?.as_str()?.to_owned())))
        .collect()
}

impl CallError {
    /// Classifies an SDK failure. `attempts` counts the tries made.
    pub fn from_sdk<E>(err: SdkError<E, HttpResponse>, endpoint: &str, attempts: u32) -> CallError
    where
        E: ProvideErrorMetadata + StdError + Send + Sync + 'static,
    {
        let retry_attempts = attempts.saturating_sub(1);
        match &err {
            SdkError::ServiceError(service) => {
                let raw = service.raw();
                let inner = service.err();
                let metadata = Metadata {
                    request_id: header(raw, "x-amzn-RequestId"),
                    http_status: raw.status().as_u16(),
                    retry_attempts,
                };
                let code = inner
                    .code()
                    .map(str::to_owned)
                    .unwrap_or_else(|| metadata.http_status.to_string());
                CallError::Service(ServiceError {
                    code,
                    message: inner.message().unwrap_or_default().to_owned(),
                    extra: extra_members(raw),
                    metadata,
                })
            }
            SdkError::TimeoutError(_) => CallError::ReadTimeout {
                endpoint: endpoint.to_owned(),
                detail: chain(&err),
            },
            SdkError::DispatchFailure(failure) => {
                let detail = chain(&err);
                if detail.contains("no credentials")
                    || detail.contains("credentials") && detail.contains("not loaded")
                {
                    CallError::NoCredentials(no_credentials_message(&detail))
                } else if failure.is_timeout() {
                    if detail.contains("connect") {
                        CallError::ConnectTimeout {
                            endpoint: endpoint.to_owned(),
                            detail,
                        }
                    } else {
                        CallError::ReadTimeout {
                            endpoint: endpoint.to_owned(),
                            detail,
                        }
                    }
                } else if failure.is_io() {
                    CallError::Connect {
                        endpoint: endpoint.to_owned(),
                        detail,
                    }
                } else {
                    CallError::Other(detail)
                }
            }
            SdkError::ResponseError(_) => {
                CallError::Other(format!("the answer could not be read: {}", chain(&err)))
            }
            _ => {
                let detail = chain(&err);
                if detail.to_ascii_lowercase().contains("credential") {
                    CallError::NoCredentials(no_credentials_message(&detail))
                } else {
                    CallError::Other(detail)
                }
            }
        }
    }
}

pub fn no_credentials_message(detail: &str) -> String {
    format!(
        "Unable to locate credentials: pass aws_access_key_id and aws_secret_access_key, set \
         AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure a profile ({detail})"
    )
}
