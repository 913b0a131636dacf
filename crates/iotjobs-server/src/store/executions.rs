//! Execution operations of the control plane: describe, cancel, delete,
//! and the two execution lists.

use super::paging;
use super::records::ExecutionRecord;
use super::Store;
use crate::error::{ApiError, ApiResult, ErrorCode};
use iotjobs_model::types::*;

/// The execution lists answer 100 items per page unless asked otherwise.
const EXECUTIONS_PAGE: usize = 100;

impl Store {
    fn execution_not_found(job_id: &str, thing: &str) -> ApiError {
        ApiError::not_found(format!(
            "Job execution of {job_id} on thing {thing} does not exist."
        ))
    }

    /// The execution numbered `number`, or the latest one.
    fn execution(
        &self,
        job_id: &str,
        thing: &str,
        number: Option<i64>,
    ) -> ApiResult<&ExecutionRecord> {
        let history = self
            .executions
            .get(&(job_id.to_owned(), thing.to_owned()))
            .ok_or_else(|| Self::execution_not_found(job_id, thing))?;
        match number {
            None => history.last(),
            Some(n) => history.iter().find(|e| e.execution_number == n),
        }
        .ok_or_else(|| Self::execution_not_found(job_id, thing))
    }

    pub fn describe_job_execution(
        &self,
        req: DescribeJobExecutionRequest,
        now: f64,
    ) -> ApiResult<DescribeJobExecutionResponse> {
        let execution = self.execution(&req.job_id, &req.thing_name, req.execution_number)?;
        let mut described = execution.describe(self.thing_arn(&req.thing_name));
        described.approximate_seconds_before_timed_out =
            self.seconds_before_timeout(execution, now);
        Ok(DescribeJobExecutionResponse {
            execution: described,
        })
    }

    pub fn cancel_job_execution(
        &mut self,
        req: CancelJobExecutionRequest,
        now: f64,
    ) -> ApiResult<()> {
        let execution = self.execution(&req.job_id, &req.thing_name, None)?;
        let force = req.force.unwrap_or(false);
        match &execution.status {
            JobExecutionStatus::Queued => {}
            JobExecutionStatus::InProgress if force => {}
            JobExecutionStatus::InProgress => {
                return Err(ApiError::state(format!(
                    "Job execution of {} on {} is IN_PROGRESS; cancel it with force=true.",
                    req.job_id, req.thing_name
                )))
            }
            status => {
                return Err(ApiError::state(format!(
                    "Job execution of {} on {} is {status}, which is terminal.",
                    req.job_id, req.thing_name
                )))
            }
        }
        if let Some(expected) = req.expected_version {
            if expected != execution.version_number {
                return Err(ApiError::new(
                    ErrorCode::VersionConflict,
                    format!(
                        "expectedVersion {expected} does not match the execution's version {}.",
                        execution.version_number
                    ),
                ));
            }
        }
        self.edit_latest(&req.job_id, &req.thing_name, |execution| {
            if let Some(details) = req.status_details {
                execution.status_details = details;
            }
            execution.force_canceled = execution.status == JobExecutionStatus::InProgress;
            execution.step_deadline = None;
            execution.set_status(JobExecutionStatus::Canceled, now);
        });
        self.touch_job(&req.job_id, now);
        self.complete_if_done(&req.job_id, now);
        Ok(())
    }

    pub fn delete_job_execution(
        &mut self,
        req: DeleteJobExecutionRequest,
        now: f64,
    ) -> ApiResult<()> {
        self.job_in(&req.job_id, req.namespace_id.as_deref())?;
        let execution = self.execution(&req.job_id, &req.thing_name, Some(req.execution_number))?;
        if execution.status == JobExecutionStatus::InProgress && !req.force.unwrap_or(false) {
            return Err(ApiError::state(format!(
                "Job execution {} of {} on {} is IN_PROGRESS; delete it with force=true.",
                req.execution_number, req.job_id, req.thing_name
            )));
        }
        self.edit_history(&req.job_id, &req.thing_name, |history| {
            history.retain(|e| e.execution_number != req.execution_number)
        });
        self.touch_job(&req.job_id, now);
        self.complete_if_done(&req.job_id, now);
        Ok(())
    }

    pub fn list_job_executions_for_job(
        &self,
        req: ListJobExecutionsForJobRequest,
    ) -> ApiResult<ListJobExecutionsForJobResponse> {
        self.job_in(&req.job_id, None)?;
        let after = match &req.next_token {
            Some(token) => Some(paging::decode("job-executions", token)?),
            None => None,
        };
        let size = paging::page_size(req.max_results, EXECUTIONS_PAGE);
        let start = (req.job_id.clone(), after.clone().unwrap_or_default());
        let mut matching = self
            .executions
            .range(start..)
            .take_while(|((job, _), _)| *job == req.job_id)
            .filter(|((_, thing), _)| after.as_ref() != Some(thing))
            .filter_map(|((_, thing), history)| Some((thing, history.last()?)))
            .filter(|(_, e)| req.status.as_ref().is_none_or(|s| e.status == *s));
        let mut summaries = Vec::new();
        for (thing, execution) in matching.by_ref().take(size) {
            summaries.push(JobExecutionSummaryForJob {
                thing_arn: Some(self.thing_arn(thing)),
                job_execution_summary: Some(execution.summary()),
            });
        }
        let next_token = match (summaries.last(), matching.next()) {
            (Some(last), Some(_)) => {
                let thing = last
                    .thing_arn
                    .as_deref()
                    .and_then(|arn| arn.rsplit_once("thing/"))
                    .map(|(_, t)| t);
                Some(paging::encode("job-executions", thing.unwrap_or_default()))
            }
            _ => None,
        };
        Ok(ListJobExecutionsForJobResponse {
            execution_summaries: summaries,
            next_token,
        })
    }

    pub fn list_job_executions_for_thing(
        &self,
        req: ListJobExecutionsForThingRequest,
    ) -> ApiResult<ListJobExecutionsForThingResponse> {
        let after = match &req.next_token {
            Some(token) => Some(paging::decode("thing-executions", token)?),
            None => None,
        };
        let size = paging::page_size(req.max_results, EXECUTIONS_PAGE);
        let jobs = self.jobs_of_thing.get(&req.thing_name);
        let mut matching = jobs
            .into_iter()
            .flat_map(|jobs| match &after {
                Some(after) => jobs.range::<String, _>((
                    std::ops::Bound::Excluded(after),
                    std::ops::Bound::Unbounded,
                )),
                None => jobs.range::<String, _>(..),
            })
            .filter(|job_id| req.job_id.as_ref().is_none_or(|wanted| wanted == *job_id))
            .filter(|job_id| {
                req.namespace_id
                    .as_deref()
                    .is_none_or(|ns| self.jobs.get(*job_id).and_then(|j| j.namespace()) == Some(ns))
            })
            .filter_map(|job_id| Some((job_id, self.latest_execution(job_id, &req.thing_name)?)))
            .filter(|(_, e)| req.status.as_ref().is_none_or(|s| e.status == *s));
        let mut summaries = Vec::new();
        for (job_id, execution) in matching.by_ref().take(size) {
            summaries.push(JobExecutionSummaryForThing {
                job_id: Some(job_id.clone()),
                job_execution_summary: Some(execution.summary()),
            });
        }
        let next_token = match (summaries.last(), matching.next()) {
            (Some(last), Some(_)) => Some(paging::encode(
                "thing-executions",
                last.job_id.as_deref().unwrap_or_default(),
            )),
            _ => None,
        };
        Ok(ListJobExecutionsForThingResponse {
            execution_summaries: summaries,
            next_token,
        })
    }
}
