//! Job operations: create, describe, list, update, cancel, delete,
//! associate targets, get the document.

use super::paging;
use super::records::JobRecord;
use super::rollout::Rollout;
use super::schedule::Schedule;
use super::{Store, MAX_DELETIONS_IN_PROGRESS};
use crate::error::{ApiError, ApiResult, ErrorCode};
use iotjobs_model::types::*;

/// ListJobs answers 50 jobs per page unless asked otherwise.
const JOBS_PAGE: usize = 50;
/// AssociateTargetsWithJob allows at most 100 targets on a job.
const MAX_CONTINUOUS_TARGETS: usize = 100;

impl Store {
    /// The job, if it exists and (when a namespace is given) lives in it.
    pub(super) fn job_in(&self, job_id: &str, namespace: Option<&str>) -> ApiResult<&JobRecord> {
        let job = self
            .jobs
            .get(job_id)
            .ok_or_else(|| ApiError::not_found(format!("Job {job_id} does not exist.")))?;
        match namespace {
            Some(ns) if job.namespace() != Some(ns) => Err(ApiError::not_found(format!(
                "Job {job_id} does not exist in namespace {ns}."
            ))),
            _ => Ok(job),
        }
    }

    fn job_mut(&mut self, job_id: &str) -> &mut JobRecord {
        self.jobs
            .get_mut(job_id)
            .expect("caller checked the job exists")
    }

    /// Marks a job as changed now.
    pub(super) fn touch_job(&mut self, job_id: &str, now: f64) {
        if let Some(job) = self.jobs.get_mut(job_id) {
            job.job.last_updated_at = Some(now);
        }
    }

    fn identity(&self, job_id: &str) -> JobIdentity {
        let job = &self.jobs[job_id];
        JobIdentity {
            job_arn: self.job_arn(job_id),
            job_id: job_id.to_owned(),
            description: job.job.description.clone(),
        }
    }

    pub fn create_job(&mut self, req: CreateJobRequest, now: f64) -> ApiResult<JobIdentity> {
        if let Some(existing) = self.jobs.get(&req.job_id) {
            return Err(ApiError::already_exists(
                format!("Job {} already exists.", existing.id()),
                existing.id(),
                &self.job_arn(existing.id()),
            ));
        }
        let schedule = Schedule::new(req.scheduling_config.as_ref(), now)?;
        let status = if schedule.start_at.is_some() {
            // Things and groups the targets name exist from now on, even
            // while the job waits for its start time.
            self.resolve_targets(&req.targets, now);
            JobStatus::Scheduled
        } else {
            JobStatus::InProgress
        };
        let job = Job {
            job_arn: Some(self.job_arn(&req.job_id)),
            job_id: Some(req.job_id.clone()),
            target_selection: Some(req.target_selection.unwrap_or(TargetSelection::Snapshot)),
            status: Some(status.clone()),
            force_canceled: Some(false),
            targets: Some(req.targets),
            description: req.description,
            presigned_url_config: req.presigned_url_config,
            job_executions_rollout_config: req.job_executions_rollout_config,
            abort_config: req.abort_config,
            created_at: Some(now),
            last_updated_at: Some(now),
            timeout_config: req.timeout_config,
            namespace_id: req.namespace_id,
            job_template_arn: req.job_template_arn,
            job_executions_retry_config: req.job_executions_retry_config,
            document_parameters: req.document_parameters,
            is_concurrent: Some(false),
            scheduling_config: req.scheduling_config,
            destination_package_versions: req.destination_package_versions,
            ..Job::default()
        };
        let seq = self.next_seq();
        let record = JobRecord {
            job,
            document: req.document,
            document_source: req.document_source,
            tags: req.tags.unwrap_or_default(),
            seq,
            rollout: None,
            schedule,
            counts: Default::default(),
        };
        self.by_seq.insert(seq, req.job_id.clone());
        self.jobs.insert(req.job_id.clone(), record);
        if status == JobStatus::InProgress {
            self.start_job(&req.job_id, now);
        }
        Ok(self.identity(&req.job_id))
    }

    /// The job starts rolling out at `at`: its targets are resolved, and
    /// every thing gets an execution at once, or a paced rollout begins.
    pub(super) fn start_job(&mut self, job_id: &str, at: f64) {
        let targets = self.job_mut(job_id).targets().to_vec();
        let things = self.resolve_targets(&targets, at);
        let job = self.job_mut(job_id);
        job.job.status = Some(JobStatus::InProgress);
        job.job.last_updated_at = Some(at);
        let rollout_config = job.job.job_executions_rollout_config.clone();
        match Rollout::new(rollout_config.as_ref(), things.clone(), at) {
            Some(rollout) => {
                let job = self.job_mut(job_id);
                job.rollout = Some(rollout);
                job.job.is_concurrent = Some(true);
                self.roll_out(job_id, at);
            }
            None => {
                for thing in things {
                    self.queue_execution(job_id, &thing, at);
                }
            }
        }
        self.complete_if_done(job_id, at);
    }

    pub fn describe_job(&self, req: DescribeJobRequest) -> ApiResult<DescribeJobResponse> {
        let record = self.job_in(&req.job_id, None)?;
        let mut job = record.job.clone();
        let mut details = record.counts.process_details();
        if record.rollout.is_some() {
            details.processing_targets = record.job.targets.clone();
        }
        job.job_process_details = Some(details);
        Ok(DescribeJobResponse {
            document_source: record.document_source.clone(),
            job,
        })
    }

    pub fn get_job_document(
        &self,
        req: GetJobDocumentRequest,
    ) -> ApiResult<GetJobDocumentResponse> {
        let record = self.job_in(&req.job_id, None)?;
        Ok(GetJobDocumentResponse {
            document: record.document.clone(),
        })
    }

    pub fn list_jobs(&self, req: ListJobsRequest) -> ApiResult<ListJobsResponse> {
        let before = match &req.next_token {
            Some(token) => paging::decode("jobs", token)?
                .parse::<u64>()
                .map_err(|_| ApiError::invalid("nextToken is not a token this list returned"))?,
            None => u64::MAX,
        };
        let group = match (&req.thing_group_name, &req.thing_group_id) {
            (Some(name), _) => Some(name.clone()),
            (None, Some(id)) => Some(
                self.groups
                    .values()
                    .find(|g| &g.id == id)
                    .map(|g| g.name.clone())
                    .ok_or_else(|| {
                        ApiError::not_found(format!("Thing group with id {id} does not exist."))
                    })?,
            ),
            (None, None) => None,
        };
        let group_arn = group.as_deref().map(|g| self.group_arn(g));
        let group_id = group
            .as_deref()
            .and_then(|g| self.groups.get(g))
            .map(|g| g.id.clone());
        let size = paging::page_size(req.max_results, JOBS_PAGE);
        let mut matching = self
            .by_seq
            .range(..before)
            .rev()
            .map(|(seq, id)| (*seq, &self.jobs[id]))
            .filter(|(_, job)| req.status.as_ref().is_none_or(|s| job.status() == *s))
            .filter(|(_, job)| {
                req.target_selection
                    .as_ref()
                    .is_none_or(|s| job.job.target_selection.as_ref() == Some(s))
            })
            .filter(|(_, job)| {
                req.namespace_id
                    .as_deref()
                    .is_none_or(|ns| job.namespace() == Some(ns))
            })
            .filter(|(_, job)| {
                group_arn
                    .as_ref()
                    .is_none_or(|arn| job.targets().contains(arn))
            });
        let mut jobs = Vec::new();
        let mut last_seq = None;
        for (seq, record) in matching.by_ref().take(size) {
            let job = &record.job;
            jobs.push(JobSummary {
                job_arn: job.job_arn.clone(),
                job_id: job.job_id.clone(),
                thing_group_id: group_id.clone(),
                target_selection: job.target_selection.clone(),
                status: job.status.clone(),
                created_at: job.created_at,
                last_updated_at: job.last_updated_at,
                completed_at: job.completed_at,
                is_concurrent: job.is_concurrent,
            });
            last_seq = Some(seq);
        }
        let next_token = match (last_seq, matching.next()) {
            (Some(seq), Some(_)) => Some(paging::encode("jobs", &seq.to_string())),
            _ => None,
        };
        Ok(ListJobsResponse { jobs, next_token })
    }

    pub fn update_job(&mut self, req: UpdateJobRequest, now: f64) -> ApiResult<()> {
        let status = self
            .job_in(&req.job_id, req.namespace_id.as_deref())?
            .status();
        if !matches!(status, JobStatus::InProgress | JobStatus::Scheduled) {
            return Err(ApiError::invalid(format!(
                "Job {} is {status}; only IN_PROGRESS or SCHEDULED jobs can be updated.",
                req.job_id
            )));
        }
        // Each field given replaces the stored object whole.
        let job = &mut self.job_mut(&req.job_id).job;
        if let Some(v) = req.description {
            job.description = Some(v);
        }
        if let Some(v) = req.presigned_url_config {
            job.presigned_url_config = Some(v);
        }
        if let Some(v) = req.job_executions_rollout_config {
            job.job_executions_rollout_config = Some(v);
        }
        if let Some(v) = req.abort_config {
            job.abort_config = Some(v);
        }
        if let Some(v) = req.timeout_config {
            job.timeout_config = Some(v);
        }
        if let Some(v) = req.job_executions_retry_config {
            job.job_executions_retry_config = Some(v);
        }
        job.last_updated_at = Some(now);
        Ok(())
    }

    pub fn cancel_job(&mut self, req: CancelJobRequest, now: f64) -> ApiResult<JobIdentity> {
        let status = self.job_in(&req.job_id, None)?.status();
        let force = req.force.unwrap_or(false);
        match status {
            JobStatus::InProgress | JobStatus::Scheduled => {}
            // Canceling again with force reaches executions still in progress.
            JobStatus::Canceled if force => {}
            JobStatus::Canceled => return Ok(self.identity(&req.job_id)),
            JobStatus::Completed | JobStatus::DeletionInProgress | JobStatus::Unknown(_) => {
                return Err(ApiError::invalid(format!(
                    "Job {} is {status} and cannot be canceled.",
                    req.job_id
                )))
            }
        }
        self.cancel(&req.job_id, force, now);
        let job = &mut self.job_mut(&req.job_id).job;
        if req.reason_code.is_some() {
            job.reason_code = req.reason_code;
        }
        if req.comment.is_some() {
            job.comment = req.comment;
        }
        Ok(self.identity(&req.job_id))
    }

    /// The job becomes CANCELED (by CancelJob, its abort criteria or its
    /// scheduled end): its rollout stops, QUEUED executions are canceled,
    /// and IN_PROGRESS ones too with `force`.
    pub(super) fn cancel(&mut self, job_id: &str, force: bool, now: f64) {
        let job = &mut self.job_mut(job_id).job;
        job.status = Some(JobStatus::Canceled);
        job.force_canceled = Some(job.force_canceled == Some(true) || force);
        job.last_updated_at = Some(now);
        job.completed_at = None;
        self.stop_rollout(job_id);
        self.cancel_executions(job_id, force, now);
    }

    /// QUEUED executions become CANCELED; IN_PROGRESS ones too with `force`.
    fn cancel_executions(&mut self, job_id: &str, force: bool, now: f64) {
        let things: Vec<String> = self.execution_keys(job_id).map(|(_, t)| t).collect();
        for thing in things {
            self.edit_latest(job_id, &thing, |execution| match execution.status {
                JobExecutionStatus::Queued => {
                    execution.set_status(JobExecutionStatus::Canceled, now)
                }
                JobExecutionStatus::InProgress if force => {
                    execution.force_canceled = true;
                    execution.step_deadline = None;
                    execution.set_status(JobExecutionStatus::Canceled, now);
                }
                _ => {}
            });
        }
    }

    pub fn delete_job(&mut self, req: DeleteJobRequest, now: f64) -> ApiResult<()> {
        let status = self
            .job_in(&req.job_id, req.namespace_id.as_deref())?
            .status();
        let force = req.force.unwrap_or(false);
        match status {
            JobStatus::DeletionInProgress => {
                return Err(ApiError::state(format!(
                    "Job {} is already being deleted.",
                    req.job_id
                )))
            }
            JobStatus::InProgress | JobStatus::Scheduled if !force => {
                return Err(ApiError::state(format!(
                    "Job {} is {status}; delete it with force=true, or cancel it first.",
                    req.job_id
                )))
            }
            _ => {}
        }
        let deleting = self
            .jobs
            .values()
            .filter(|job| job.status() == JobStatus::DeletionInProgress)
            .count();
        if deleting >= MAX_DELETIONS_IN_PROGRESS {
            return Err(ApiError::new(
                ErrorCode::LimitExceeded,
                format!("{MAX_DELETIONS_IN_PROGRESS} jobs are already being deleted; retry once one has finished."),
            ));
        }
        let job = &mut self.job_mut(&req.job_id).job;
        job.status = Some(JobStatus::DeletionInProgress);
        job.last_updated_at = Some(now);
        Ok(())
    }

    pub fn associate_targets(
        &mut self,
        req: AssociateTargetsWithJobRequest,
        now: f64,
    ) -> ApiResult<JobIdentity> {
        let job = self.job_in(&req.job_id, req.namespace_id.as_deref())?;
        if !job.is_continuous() {
            return Err(ApiError::invalid(format!(
                "Job {} is a SNAPSHOT job; targets can be added only to CONTINUOUS jobs.",
                req.job_id
            )));
        }
        if job.status() != JobStatus::InProgress {
            return Err(ApiError::invalid(format!(
                "Job {} is {}; targets can be added only while it is IN_PROGRESS.",
                req.job_id,
                job.status()
            )));
        }
        let mut targets = job.targets().to_vec();
        let new: Vec<String> =
            req.targets
                .iter()
                .filter(|t| !targets.contains(t))
                .fold(Vec::new(), |mut acc, t| {
                    if !acc.contains(t) {
                        acc.push(t.clone());
                    }
                    acc
                });
        if targets.len() + new.len() > MAX_CONTINUOUS_TARGETS {
            return Err(ApiError::new(
                ErrorCode::LimitExceeded,
                format!(
                    "Job {} would have {} targets; a job can have at most {MAX_CONTINUOUS_TARGETS}.",
                    req.job_id,
                    targets.len() + new.len()
                ),
            ));
        }
        targets.extend(new.iter().cloned());
        let things = self.resolve_targets(&new, now);
        let job = &mut self.job_mut(&req.job_id).job;
        job.targets = Some(targets);
        if req.comment.is_some() {
            job.comment = req.comment;
        }
        job.last_updated_at = Some(now);
        for thing in things {
            if self.latest_execution(&req.job_id, &thing).is_none() {
                self.queue_execution(&req.job_id, &thing, now);
            }
        }
        Ok(self.identity(&req.job_id))
    }

    /// A SNAPSHOT job completes once every execution is terminal; so does
    /// a CONTINUOUS one whose scheduled end has passed.
    pub(super) fn complete_if_done(&mut self, job_id: &str, now: f64) {
        let Some(job) = self.jobs.get(job_id) else {
            return;
        };
        let open_ended = job.is_continuous() && !job.schedule.ended;
        // A rollout still notifying things is not done, however its
        // notified executions went.
        if open_ended || job.status() != JobStatus::InProgress || job.rollout.is_some() {
            return;
        }
        if job.counts.pending() == 0 {
            let job = &mut self.job_mut(job_id).job;
            job.status = Some(JobStatus::Completed);
            job.completed_at = Some(now);
            job.last_updated_at = Some(now);
        }
    }
}
