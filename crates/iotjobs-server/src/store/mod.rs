//! All server state and the rules that change it. Handlers parse and
//! validate requests, then call one store method each; the store never sees
//! HTTP.

mod counts;
mod devices;
mod executions;
mod fleet;
mod history;
mod jobs;
mod lifecycle;
mod paging;
mod persist;
mod records;
mod registry;
mod retry;
mod rollout;
mod schedule;
mod targets;

pub use devices::DeviceUpdate;
pub use fleet::{FleetArns, FleetPlan, FleetReport};
pub use lifecycle::ABORT_REASON;
pub use records::{ExecutionRecord, Group, JobRecord, Thing};
pub use registry::check_name;

use iotjobs_model::types::JobStatus;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// At most this many jobs may be DELETION_IN_PROGRESS at once.
pub const MAX_DELETIONS_IN_PROGRESS: usize = 10;

/// Where the emulated account lives; it shapes every ARN.
#[derive(Debug, Clone)]
pub struct StoreConfig {
    pub region: String,
    pub account: String,
}

impl Default for StoreConfig {
    fn default() -> Self {
        StoreConfig {
            region: "us-east-1".into(),
            account: "123456789012".into(),
        }
    }
}

/// Jobs, their executions, and the registry of things and groups.
#[derive(Debug, Default)]
pub struct Store {
    config: StoreConfig,
    jobs: HashMap<String, JobRecord>,
    /// Creation order → jobId; ListJobs walks it newest first.
    by_seq: BTreeMap<u64, String>,
    /// (jobId, thingName) → that thing's executions of the job, oldest first.
    executions: BTreeMap<(String, String), Vec<ExecutionRecord>>,
    /// thingName → jobs with an execution on it.
    jobs_of_thing: BTreeMap<String, BTreeSet<String>>,
    things: BTreeMap<String, Thing>,
    groups: BTreeMap<String, Group>,
    next_seq: u64,
}

impl Store {
    pub fn new(config: StoreConfig) -> Self {
        Store {
            config,
            ..Store::default()
        }
    }

    /// Forgets everything, as a freshly started server.
    pub fn reset(&mut self) {
        *self = Store::new(self.config.clone());
    }

    fn next_seq(&mut self) -> u64 {
        self.next_seq += 1;
        self.next_seq
    }

    fn arn(&self, resource: &str) -> String {
        format!(
            "arn:aws:iot:{}:{}:{resource}",
            self.config.region, self.config.account
        )
    }

    pub fn job_arn(&self, job_id: &str) -> String {
        self.arn(&format!("job/{job_id}"))
    }

    pub fn thing_arn(&self, thing: &str) -> String {
        self.arn(&format!("thing/{thing}"))
    }

    pub fn group_arn(&self, group: &str) -> String {
        self.arn(&format!("thinggroup/{group}"))
    }

    /// Deletions in progress finish: jobs and executions go, ids are free.
    /// Returns whether any did.
    fn finish_deletions(&mut self) -> bool {
        let deleting: Vec<String> = self
            .jobs
            .values()
            .filter(|job| job.status() == JobStatus::DeletionInProgress)
            .map(|job| job.id().to_owned())
            .collect();
        for job_id in &deleting {
            self.remove_job(job_id);
        }
        !deleting.is_empty()
    }

    /// Drops a job and all its executions; its jobId becomes free again.
    fn remove_job(&mut self, job_id: &str) {
        if let Some(job) = self.jobs.remove(job_id) {
            self.by_seq.remove(&job.seq);
        }
        let keys: Vec<(String, String)> = self.execution_keys(job_id).collect();
        for key in keys {
            self.executions.remove(&key);
            if let Some(jobs) = self.jobs_of_thing.get_mut(&key.1) {
                jobs.remove(job_id);
                if jobs.is_empty() {
                    self.jobs_of_thing.remove(&key.1);
                }
            }
        }
    }

    /// Every thing's execution history of `job_id`, by thing name.
    fn executions_of<'a>(
        &'a self,
        job_id: &'a str,
    ) -> impl Iterator<Item = (&'a String, &'a Vec<ExecutionRecord>)> + 'a {
        self.executions
            .range((job_id.to_owned(), String::new())..)
            .take_while(move |((job, _), _)| job == job_id)
            .map(|((_, thing), history)| (thing, history))
    }

    /// Keys of every (job, thing) execution history of `job_id`, by thing name.
    fn execution_keys<'a>(
        &'a self,
        job_id: &'a str,
    ) -> impl Iterator<Item = (String, String)> + 'a {
        self.executions_of(job_id)
            .map(move |(thing, _)| (job_id.to_owned(), thing.clone()))
    }

    /// The whole state as JSON, for `/_emulator/state` and debugging.
    pub fn snapshot(&self) -> serde_json::Value {
        let mut jobs: Vec<&JobRecord> = self.jobs.values().collect();
        jobs.sort_by_key(|job| job.seq);
        let jobs: Vec<serde_json::Value> = jobs
            .into_iter()
            .map(|record| {
                let mut job = serde_json::to_value(&record.job).unwrap_or_default();
                job["document"] = record.document.clone().into();
                job["documentSource"] = record.document_source.clone().into();
                job["tags"] = serde_json::to_value(&record.tags).unwrap_or_default();
                job
            })
            .collect();
        let executions: Vec<serde_json::Value> = self
            .executions
            .values()
            .flatten()
            .map(|e| {
                serde_json::json!({
                    "jobId": e.job_id, "thingName": e.thing_name, "executionNumber": e.execution_number,
                    "status": e.status, "versionNumber": e.version_number, "retryAttempt": e.retry_attempt,
                    "queuedAt": e.queued_at, "startedAt": e.started_at, "lastUpdatedAt": e.last_updated_at,
                    "forceCanceled": e.force_canceled, "statusDetails": e.status_details,
                })
            })
            .collect();
        let things: Vec<serde_json::Value> = self
            .things
            .values()
            .map(|t| serde_json::json!({"thingName": t.name, "thingId": t.id, "attributes": t.attributes, "groups": t.groups}))
            .collect();
        let groups: Vec<serde_json::Value> = self
            .groups
            .values()
            .map(|g| serde_json::json!({"thingGroupName": g.name, "thingGroupId": g.id, "members": g.members}))
            .collect();
        serde_json::json!({"jobs": jobs, "executions": executions, "things": things, "thingGroups": groups})
    }
}
