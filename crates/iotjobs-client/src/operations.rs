//! The 13 Jobs operations, each once, as an `async fn`: typed model request
//! in, aws-sdk-iot call, typed model response out. The sync and async
//! Python clients both call these.

use crate::attempts::AttemptCounter;
use crate::config::{sdk_client, Built, ClientConfig};
use crate::error::{CallError, Metadata};
use crate::{from_sdk, to_sdk};
use aws_sdk_iot::operation::RequestId;
use aws_smithy_runtime_api::client::result::SdkError;
use aws_smithy_runtime_api::http::Response as HttpResponse;
use aws_smithy_types::error::metadata::ProvideErrorMetadata;
use iotjobs_model::types::*;
use std::future::Future;

/// A response and what came with it.
#[derive(Debug, Clone, PartialEq)]
pub struct Output<T> {
    pub value: T,
    pub metadata: Metadata,
}

/// A configured connection to the Jobs control plane.
#[derive(Debug, Clone)]
pub struct JobsClient {
    built: Built,
}

/// Successful calls of these operations all answer HTTP 200.
const OK: u16 = 200;

impl JobsClient {
    pub async fn new(config: &ClientConfig) -> Result<Self, CallError> {
        Ok(JobsClient {
            built: sdk_client(config).await?,
        })
    }

    pub fn region(&self) -> Option<&str> {
        self.built.region.as_deref()
    }

    pub fn endpoint(&self) -> &str {
        &self.built.endpoint
    }

    fn sdk(&self) -> Result<&aws_sdk_iot::Client, CallError> {
        if self.built.region.is_none() {
            return Err(CallError::NoRegion(
                "You must specify a region: pass region_name=..., or set AWS_REGION or AWS_DEFAULT_REGION".into(),
            ));
        }
        Ok(&self.built.sdk)
    }

    /// Awaits one SDK call and classifies its failure.
    async fn send<O, E>(
        &self,
        counter: AttemptCounter,
        call: impl Future<Output = Result<O, SdkError<E, HttpResponse>>>,
    ) -> Result<(O, Metadata), CallError>
    where
        O: RequestId,
        E: ProvideErrorMetadata + std::error::Error + Send + Sync + 'static,
    {
        match call.await {
            Ok(output) => {
                let metadata = Metadata {
                    request_id: output.request_id().unwrap_or_default().to_owned(),
                    http_status: OK,
                    retry_attempts: counter.attempts().saturating_sub(1),
                };
                Ok((output, metadata))
            }
            Err(err) => Err(CallError::from_sdk(
                err,
                self.endpoint(),
                counter.attempts(),
            )),
        }
    }

    pub async fn associate_targets_with_job(
        &self,
        r: AssociateTargetsWithJobRequest,
    ) -> Result<Output<AssociateTargetsWithJobResponse>, CallError> {
        let counter = AttemptCounter::default();
        let call = self
            .sdk()?
            .associate_targets_with_job()
            .job_id(r.job_id)
            .set_targets(Some(r.targets))
            .set_comment(r.comment)
            .set_namespace_id(r.namespace_id)
            .customize()
            .interceptor(counter.clone())
            .send();
        let (out, metadata) = self.send(counter, call).await?;
        let value = identity(out.job_arn, out.job_id, out.description);
        Ok(Output { value, metadata })
    }

    pub async fn create_job(
        &self,
        r: CreateJobRequest,
    ) -> Result<Output<CreateJobResponse>, CallError> {
        let counter = AttemptCounter::default();
        let call = self
            .sdk()?
            .create_job()
            .job_id(r.job_id)
            .set_targets(Some(r.targets))
            .set_document_source(r.document_source)
            .set_document(r.document)
            .set_description(r.description)
            .set_presigned_url_config(r.presigned_url_config.map(to_sdk::presigned_url_config))
            .set_target_selection(r.target_selection.map(to_sdk::target_selection))
            .set_job_executions_rollout_config(to_sdk::opt(
                r.job_executions_rollout_config,
                to_sdk::rollout_config,
            )?)
            .set_abort_config(to_sdk::opt(r.abort_config, to_sdk::abort_config)?)
            .set_timeout_config(r.timeout_config.map(to_sdk::timeout_config))
            .set_tags(to_sdk::opt(r.tags, to_sdk::tags)?)
            .set_namespace_id(r.namespace_id)
            .set_job_template_arn(r.job_template_arn)
            .set_job_executions_retry_config(to_sdk::opt(
                r.job_executions_retry_config,
                to_sdk::retry_config,
            )?)
            .set_document_parameters(to_sdk::map(r.document_parameters))
            .set_scheduling_config(to_sdk::opt(r.scheduling_config, to_sdk::scheduling_config)?)
            .set_destination_package_versions(r.destination_package_versions)
            .customize()
            .interceptor(counter.clone())
            .send();
        let (out, metadata) = self.send(counter, call).await?;
        let value = identity(out.job_arn, out.job_id, out.description);
        Ok(Output { value, metadata })
    }

    pub async fn delete_job(&self, r: DeleteJobRequest) -> Result<Output<()>, CallError> {
        let counter = AttemptCounter::default();
        let call = self
            .sdk()?
            .delete_job()
            .job_id(r.job_id)
            .set_force(r.force)
            .set_namespace_id(r.namespace_id)
            .customize()
            .interceptor(counter.clone())
            .send();
        let (_, metadata) = self.send(counter, call).await?;
        Ok(Output {
            value: (),
            metadata,
        })
    }

    pub async fn delete_job_execution(
        &self,
        r: DeleteJobExecutionRequest,
    ) -> Result<Output<()>, CallError> {
        let counter = AttemptCounter::default();
        let call = self
            .sdk()?
            .delete_job_execution()
            .job_id(r.job_id)
            .thing_name(r.thing_name)
            .execution_number(r.execution_number)
            .set_force(r.force)
            .set_namespace_id(r.namespace_id)
            .customize()
            .interceptor(counter.clone())
            .send();
        let (_, metadata) = self.send(counter, call).await?;
        Ok(Output {
            value: (),
            metadata,
        })
    }

    pub async fn describe_job(
        &self,
        r: DescribeJobRequest,
    ) -> Result<Output<DescribeJobResponse>, CallError> {
        let counter = AttemptCounter::default();
        let call = self
            .sdk()?
            .describe_job()
            .job_id(r.job_id)
            .set_before_substitution(r.before_substitution)
            .customize()
            .interceptor(counter.clone())
            .send();
        let (out, metadata) = self.send(counter, call).await?;
        let job = out.job.map(from_sdk::job).transpose()?.unwrap_or_default();
        let value = DescribeJobResponse {
            document_source: out.document_source,
            job,
        };
        Ok(Output { value, metadata })
    }

    pub async fn list_job_executions_for_thing(
        &self,
        r: ListJobExecutionsForThingRequest,
    ) -> Result<Output<ListJobExecutionsForThingResponse>, CallError> {
        let counter = AttemptCounter::default();
        let call = self
            .sdk()?
            .list_job_executions_for_thing()
            .thing_name(r.thing_name)
            .set_status(r.status.map(to_sdk::execution_status))
            .set_namespace_id(r.namespace_id)
            .set_max_results(r.max_results)
            .set_next_token(r.next_token)
            .set_job_id(r.job_id)
            .customize()
            .interceptor(counter.clone())
            .send();
        let (out, metadata) = self.send(counter, call).await?;
        let execution_summaries = out
            .execution_summaries
            .unwrap_or_default()
            .into_iter()
            .map(|s| {
                Ok(JobExecutionSummaryForThing {
                    job_id: s.job_id,
                    job_execution_summary: s
                        .job_execution_summary
                        .map(from_sdk::execution_summary)
                        .transpose()?,
                })
            })
            .collect::<Result<_, CallError>>()?;
        let value = ListJobExecutionsForThingResponse {
            execution_summaries,
            next_token: out.next_token,
        };
        Ok(Output { value, metadata })
    }

    pub async fn list_jobs(
        &self,
        r: ListJobsRequest,
    ) -> Result<Output<ListJobsResponse>, CallError> {
        let counter = AttemptCounter::default();
        let call = self
            .sdk()?
            .list_jobs()
            .set_status(r.status.map(to_sdk::job_status))
            .set_target_selection(r.target_selection.map(to_sdk::target_selection))
            .set_max_results(r.max_results)
            .set_next_token(r.next_token)
            .set_thing_group_name(r.thing_group_name)
            .set_thing_group_id(r.thing_group_id)
            .set_namespace_id(r.namespace_id)
            .customize()
            .interceptor(counter.clone())
            .send();
        let (out, metadata) = self.send(counter, call).await?;
        let jobs = out
            .jobs
            .unwrap_or_default()
            .into_iter()
            .map(from_sdk::job_summary)
            .collect::<Result<_, _>>()?;
        let value = ListJobsResponse {
            jobs,
            next_token: out.next_token,
        };
        Ok(Output { value, metadata })
    }

    pub async fn update_job(&self, r: UpdateJobRequest) -> Result<Output<()>, CallError> {
        let counter = AttemptCounter::default();
        let call = self
            .sdk()?
            .update_job()
            .job_id(r.job_id)
            .set_description(r.description)
            .set_presigned_url_config(r.presigned_url_config.map(to_sdk::presigned_url_config))
            .set_job_executions_rollout_config(to_sdk::opt(
                r.job_executions_rollout_config,
                to_sdk::rollout_config,
            )?)
            .set_abort_config(to_sdk::opt(r.abort_config, to_sdk::abort_config)?)
            .set_timeout_config(r.timeout_config.map(to_sdk::timeout_config))
            .set_namespace_id(r.namespace_id)
            .set_job_executions_retry_config(to_sdk::opt(
                r.job_executions_retry_config,
                to_sdk::retry_config,
            )?)
            .customize()
            .interceptor(counter.clone())
            .send();
        let (_, metadata) = self.send(counter, call).await?;
        Ok(Output {
            value: (),
            metadata,
        })
    }

    pub async fn cancel_job(
        &self,
        r: CancelJobRequest,
    ) -> Result<Output<CancelJobResponse>, CallError> {
        let counter = AttemptCounter::default();
        let call = self
            .sdk()?
            .cancel_job()
            .job_id(r.job_id)
            .set_reason_code(r.reason_code)
            .set_comment(r.comment)
            .set_force(r.force)
            .customize()
            .interceptor(counter.clone())
            .send();
        let (out, metadata) = self.send(counter, call).await?;
        let value = identity(out.job_arn, out.job_id, out.description);
        Ok(Output { value, metadata })
    }

    pub async fn cancel_job_execution(
        &self,
        r: CancelJobExecutionRequest,
    ) -> Result<Output<()>, CallError> {
        let counter = AttemptCounter::default();
        let call = self
            .sdk()?
            .cancel_job_execution()
            .job_id(r.job_id)
            .thing_name(r.thing_name)
            .set_force(r.force)
            .set_expected_version(r.expected_version)
            .set_status_details(to_sdk::map(r.status_details))
            .customize()
            .interceptor(counter.clone())
            .send();
        let (_, metadata) = self.send(counter, call).await?;
        Ok(Output {
            value: (),
            metadata,
        })
    }

    pub async fn describe_job_execution(
        &self,
        r: DescribeJobExecutionRequest,
    ) -> Result<Output<DescribeJobExecutionResponse>, CallError> {
        let counter = AttemptCounter::default();
        let call = self
            .sdk()?
            .describe_job_execution()
            .job_id(r.job_id)
            .thing_name(r.thing_name)
            .set_execution_number(r.execution_number)
            .customize()
            .interceptor(counter.clone())
            .send();
        let (out, metadata) = self.send(counter, call).await?;
        let execution = out
            .execution
            .map(from_sdk::execution)
            .transpose()?
            .unwrap_or_default();
        Ok(Output {
            value: DescribeJobExecutionResponse { execution },
            metadata,
        })
    }

    pub async fn get_job_document(
        &self,
        r: GetJobDocumentRequest,
    ) -> Result<Output<GetJobDocumentResponse>, CallError> {
        let counter = AttemptCounter::default();
        let call = self
            .sdk()?
            .get_job_document()
            .job_id(r.job_id)
            .set_before_substitution(r.before_substitution)
            .customize()
            .interceptor(counter.clone())
            .send();
        let (out, metadata) = self.send(counter, call).await?;
        Ok(Output {
            value: GetJobDocumentResponse {
                document: out.document,
            },
            metadata,
        })
    }

    pub async fn list_job_executions_for_job(
        &self,
        r: ListJobExecutionsForJobRequest,
    ) -> Result<Output<ListJobExecutionsForJobResponse>, CallError> {
        let counter = AttemptCounter::default();
        let call = self
            .sdk()?
            .list_job_executions_for_job()
            .job_id(r.job_id)
            .set_status(r.status.map(to_sdk::execution_status))
            .set_max_results(r.max_results)
            .set_next_token(r.next_token)
            .customize()
            .interceptor(counter.clone())
            .send();
        let (out, metadata) = self.send(counter, call).await?;
        let execution_summaries = out
            .execution_summaries
            .unwrap_or_default()
            .into_iter()
            .map(|s| {
                Ok(JobExecutionSummaryForJob {
                    thing_arn: s.thing_arn,
                    job_execution_summary: s
                        .job_execution_summary
                        .map(from_sdk::execution_summary)
                        .transpose()?,
                })
            })
            .collect::<Result<_, CallError>>()?;
        let value = ListJobExecutionsForJobResponse {
            execution_summaries,
            next_token: out.next_token,
        };
        Ok(Output { value, metadata })
    }
}

fn identity(
    job_arn: Option<String>,
    job_id: Option<String>,
    description: Option<String>,
) -> JobIdentity {
    JobIdentity {
        job_arn: job_arn.unwrap_or_default(),
        job_id: job_id.unwrap_or_default(),
        description,
    }
}
