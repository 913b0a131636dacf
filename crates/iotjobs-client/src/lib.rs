//! The AWS IoT Jobs control plane over aws-sdk-iot: one `async fn` per
//! operation, taking the typed, validated requests of `iotjobs-model` and
//! returning its typed responses.

mod attempts;
pub mod config;
pub mod error;
mod from_sdk;
mod operations;
mod to_sdk;

pub use config::{ClientConfig, CredentialSource, RetryMode};
pub use error::{CallError, Metadata, ServiceError};
pub use operations::{JobsClient, Output};
