//! A local AWS IoT Jobs endpoint that boto3 and aws-sdk-iot can talk to:
//! the Jobs control plane and a minimal registry over restJson1.

pub mod clock;
pub mod error;
pub mod store;
