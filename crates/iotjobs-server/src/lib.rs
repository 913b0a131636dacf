//! A local AWS IoT Jobs endpoint that boto3 and aws-sdk-iot can talk to:
//! the Jobs control plane and a minimal registry over restJson1, with the
//! request validation of `iotjobs-model`.

pub mod clock;
pub mod durable;
pub mod error;
pub mod faults;
mod http;
pub mod server;
pub mod state;
pub mod store;

pub use clock::ClockMode;
pub use http::{router, MAX_BODY_BYTES};
pub use server::{RunningServer, ServerConfig, StartError};
pub use state::Shared;
