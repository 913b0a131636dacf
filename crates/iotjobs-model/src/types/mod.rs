//! Typed requests and responses of the Jobs control plane, serialized with
//! exactly the member names of the AWS wire format (camelCase, absent
//! members omitted).

mod config;
mod enums;
mod requests;
mod responses;

pub use config::*;
pub use enums::*;
pub use requests::*;
pub use responses::*;

use crate::input::Json;
use crate::operation::Operation;
use crate::validate::{validate, Mode, Violation, Violations};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Seconds since the Unix epoch, with millisecond fractions, as the control
/// plane sends timestamps.
pub type EpochSeconds = f64;

/// A typed request of one operation.
pub trait Request: Serialize + DeserializeOwned {
    const OPERATION: Operation;

    /// Validates `params` (in `mode`) and builds the typed request.
    fn from_json(params: &serde_json::Value, mode: Mode) -> Result<Self, Violations> {
        validate(Self::OPERATION, &Json::new(params), mode)?;
        // Validation has checked every member's type, so this can fail only
        // on a value no typed request can hold (an unknown enum value in
        // "off" mode).
        serde_json::from_value(params.clone()).map_err(|e| Violations {
            items: vec![Violation {
                path: String::new(),
                message: format!("request cannot be sent: {e}"),
            }],
            omitted: 0,
        })
    }
}

macro_rules! requests {
    ($($ty:ident => $op:ident),* $(,)?) => {
        $(impl Request for $ty {
            const OPERATION: Operation = Operation::$op;
        })*
    };
}

requests! {
    AssociateTargetsWithJobRequest => AssociateTargetsWithJob,
    CreateJobRequest => CreateJob,
    DeleteJobRequest => DeleteJob,
    DeleteJobExecutionRequest => DeleteJobExecution,
    DescribeJobRequest => DescribeJob,
    ListJobExecutionsForThingRequest => ListJobExecutionsForThing,
    ListJobsRequest => ListJobs,
    UpdateJobRequest => UpdateJob,
    CancelJobRequest => CancelJob,
    CancelJobExecutionRequest => CancelJobExecution,
    DescribeJobExecutionRequest => DescribeJobExecution,
    GetJobDocumentRequest => GetJobDocument,
    ListJobExecutionsForJobRequest => ListJobExecutionsForJob,
}
