//! The one way execution histories change. Every change goes through
//! [`Store::edit_history`], which keeps the job's status counts and the
//! thing -> jobs index in step with the histories themselves.

use super::records::ExecutionRecord;
use super::Store;
use iotjobs_model::types::JobExecutionStatus;

impl Store {
    /// Runs `change` on the execution history of `job_id` on `thing`
    /// (empty if there is none yet), then updates the job's counts for the
    /// thing's latest execution and the index of jobs per thing.
    pub(super) fn edit_history<T>(
        &mut self,
        job_id: &str,
        thing: &str,
        change: impl FnOnce(&mut Vec<ExecutionRecord>) -> T,
    ) -> T {
        let history = self
            .executions
            .entry((job_id.to_owned(), thing.to_owned()))
            .or_default();
        let before = history.last().map(|e| e.status.clone());
        let result = change(history);
        let after = history.last().map(|e| e.status.clone());
        let now_empty = history.is_empty();
        if let Some(job) = self.jobs.get_mut(job_id) {
            job.counts.moved(before.as_ref(), after.as_ref());
        }
        if now_empty {
            self.executions
                .remove(&(job_id.to_owned(), thing.to_owned()));
            if let Some(jobs) = self.jobs_of_thing.get_mut(thing) {
                jobs.remove(job_id);
                if jobs.is_empty() {
                    self.jobs_of_thing.remove(thing);
                }
            }
        } else if before.is_none() {
            self.jobs_of_thing
                .entry(thing.to_owned())
                .or_default()
                .insert(job_id.to_owned());
        }
        result
    }

    /// Runs `change` on the latest execution of `job_id` on `thing`, if
    /// there is one.
    pub(super) fn edit_latest<T>(
        &mut self,
        job_id: &str,
        thing: &str,
        change: impl FnOnce(&mut ExecutionRecord) -> T,
    ) -> Option<T> {
        self.latest_execution(job_id, thing)?;
        self.edit_history(job_id, thing, |history| history.last_mut().map(change))
    }

    /// Moves the latest execution of `job_id` on `thing` to `status`.
    pub(super) fn set_execution_status(
        &mut self,
        job_id: &str,
        thing: &str,
        status: JobExecutionStatus,
        now: f64,
    ) {
        self.edit_latest(job_id, thing, |e| e.set_status(status, now));
    }

    /// Rebuilds every job's counts and the thing -> jobs index from the
    /// histories (after loading a state file).
    pub(super) fn rebuild_indexes(&mut self) {
        self.jobs_of_thing.clear();
        for job in self.jobs.values_mut() {
            job.counts = Default::default();
        }
        for ((job_id, thing), history) in &self.executions {
            self.jobs_of_thing
                .entry(thing.clone())
                .or_default()
                .insert(job_id.clone());
            if let (Some(job), Some(latest)) = (self.jobs.get_mut(job_id), history.last()) {
                job.counts.moved(None, Some(&latest.status));
            }
        }
        self.by_seq = self
            .jobs
            .values()
            .map(|job| (job.seq, job.id().to_owned()))
            .collect();
    }
}
