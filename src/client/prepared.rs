//! A Python call turned into a typed request of one operation, and run.
//! Validation and typing happen here, at call time, before anything is
//! awaited, so a bad request raises even if the coroutine is never awaited.

use iotjobs_client::{CallError, JobsClient, Metadata};
use iotjobs_model::types::*;
use iotjobs_model::Operation;
use serde::Serialize;

/// The answer of one call: the response as JSON (timestamps as epoch
/// seconds) and its metadata.
pub struct Answer {
    pub body: serde_json::Value,
    pub metadata: Metadata,
}

fn answer(value: impl Serialize, metadata: Metadata) -> Result<Answer, CallError> {
    let body = serde_json::to_value(value).map_err(|e| CallError::Other(e.to_string()))?;
    Ok(Answer { body, metadata })
}

macro_rules! operations {
    ($($variant:ident($request:ty) => $method:ident),* $(,)?) => {
        /// A validated, typed request. One is built per call and moved into
        /// that call's future, so the size spread between variants costs
        /// nothing worth a box.
        #[allow(clippy::large_enum_variant)]
        pub enum Prepared {
            $($variant($request),)*
        }

        impl Prepared {
            /// Types `params` (already validated) as `operation`'s request.
            pub fn new(operation: Operation, params: &pyo3::Bound<'_, pyo3::PyAny>) -> Result<Prepared, pythonize::PythonizeError> {
                Ok(match operation {
                    $(Operation::$variant => Prepared::$variant(pythonize::depythonize(params)?),)*
                })
            }

            /// Sends the request; the one implementation behind both the
            /// sync and the async Python clients.
            pub async fn run(self, client: &JobsClient) -> Result<Answer, CallError> {
                match self {
                    $(Prepared::$variant(request) => {
                        let out = client.$method(request).await?;
                        answer(out.value, out.metadata)
                    })*
                }
            }
        }
    };
}

operations! {
    AssociateTargetsWithJob(AssociateTargetsWithJobRequest) => associate_targets_with_job,
    CreateJob(CreateJobRequest) => create_job,
    DeleteJob(DeleteJobRequest) => delete_job,
    DeleteJobExecution(DeleteJobExecutionRequest) => delete_job_execution,
    DescribeJob(DescribeJobRequest) => describe_job,
    ListJobExecutionsForThing(ListJobExecutionsForThingRequest) => list_job_executions_for_thing,
    ListJobs(ListJobsRequest) => list_jobs,
    UpdateJob(UpdateJobRequest) => update_job,
    CancelJob(CancelJobRequest) => cancel_job,
    CancelJobExecution(CancelJobExecutionRequest) => cancel_job_execution,
    DescribeJobExecution(DescribeJobExecutionRequest) => describe_job_execution,
    GetJobDocument(GetJobDocumentRequest) => get_job_document,
    ListJobExecutionsForJob(ListJobExecutionsForJobRequest) => list_job_executions_for_job,
}
