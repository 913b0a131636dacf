//! Job targets: thing and thing-group ARNs, expanded to the things that get
//! executions, and kept up to date as group membership changes.

use super::records::ExecutionRecord;
use super::Store;
use iotjobs_model::types::{JobExecutionStatus, JobStatus};

/// What a target ARN names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Thing(String),
    Group(String),
}

impl Target {
    /// `arn:...:thing/NAME` or `arn:...:thinggroup/NAME` (validated upstream).
    pub fn parse(arn: &str) -> Option<Target> {
        let resource = arn.splitn(6, ':').nth(5)?;
        if let Some(name) = resource.strip_prefix("thing/") {
            Some(Target::Thing(name.to_owned()))
        } else {
            resource
                .strip_prefix("thinggroup/")
                .map(|name| Target::Group(name.to_owned()))
        }
    }
}

impl Store {
    /// The things `targets` reach today, in order, without repeats. Unknown
    /// things and groups are created on the way, so tests need no set-up.
    pub(super) fn resolve_targets(&mut self, targets: &[String], now: f64) -> Vec<String> {
        let mut things: Vec<String> = Vec::new();
        for target in targets.iter().filter_map(|arn| Target::parse(arn)) {
            let reached: Vec<String> = match target {
                Target::Thing(name) => {
                    self.ensure_thing(&name);
                    vec![name]
                }
                Target::Group(name) => {
                    self.ensure_group(&name, now);
                    self.groups[&name].members.iter().cloned().collect()
                }
            };
            for thing in reached {
                if !things.contains(&thing) {
                    things.push(thing);
                }
            }
        }
        things
    }

    /// Whether `job_id` targets `thing` directly or through any group.
    pub(super) fn job_reaches(&self, job_id: &str, thing: &str) -> bool {
        let Some(job) = self.jobs.get(job_id) else {
            return false;
        };
        job.targets()
            .iter()
            .filter_map(|arn| Target::parse(arn))
            .any(|target| match target {
                Target::Thing(name) => name == thing,
                Target::Group(name) => self
                    .groups
                    .get(&name)
                    .is_some_and(|g| g.members.contains(thing)),
            })
    }

    /// The latest execution of `job_id` on `thing`.
    pub(super) fn latest_execution(&self, job_id: &str, thing: &str) -> Option<&ExecutionRecord> {
        self.executions
            .get(&(job_id.to_owned(), thing.to_owned()))
            .and_then(|history| history.last())
    }

    /// Queues an execution of `job_id` on `thing` unless one is pending;
    /// after a terminal one, the new execution gets the next number.
    pub(super) fn queue_execution(&mut self, job_id: &str, thing: &str, now: f64) {
        self.edit_history(job_id, thing, |history| {
            if history.last().is_some_and(|e| !e.status.is_terminal()) {
                return;
            }
            let number = history.last().map_or(1, |e| e.execution_number + 1);
            history.push(ExecutionRecord::new(job_id, thing, number, now));
        });
    }

    /// A thing joined `group`: every in-progress CONTINUOUS job targeting
    /// the group gets an execution on it.
    pub(super) fn thing_joined_group(&mut self, thing: &str, group: &str, now: f64) {
        let group_arn = self.group_arn(group);
        let jobs: Vec<String> = self
            .jobs
            .values()
            .filter(|job| job.is_continuous() && job.status() == JobStatus::InProgress)
            .filter(|job| !job.schedule.ended)
            .filter(|job| job.targets().contains(&group_arn))
            .map(|job| job.id().to_owned())
            .collect();
        for job_id in jobs {
            if self
                .latest_execution(&job_id, thing)
                .is_none_or(|e| e.status.is_terminal())
            {
                self.queue_execution(&job_id, thing, now);
                self.touch_job(&job_id, now);
            }
        }
    }

    /// The jobs that have an execution on `thing`.
    fn jobs_with_executions_on(&self, thing: &str) -> Vec<String> {
        self.jobs_of_thing
            .get(thing)
            .map(|jobs| jobs.iter().cloned().collect())
            .unwrap_or_default()
    }

    /// A thing is no longer reached by some targets (it left a group or was
    /// deleted): pending executions of CONTINUOUS jobs that no longer reach
    /// it become REMOVED.
    pub(super) fn thing_left(&mut self, thing: &str, now: f64) {
        let job_ids = self.jobs_with_executions_on(thing);
        for job_id in job_ids {
            let continuous = self
                .jobs
                .get(&job_id)
                .is_some_and(|job| job.is_continuous());
            let still_reached = self.things.contains_key(thing) && self.job_reaches(&job_id, thing);
            if continuous && !still_reached {
                self.remove_pending_execution(&job_id, thing, now);
            }
        }
    }

    /// A deleted thing's pending executions become REMOVED, for every job.
    pub(super) fn thing_deleted(&mut self, thing: &str, now: f64) {
        let job_ids = self.jobs_with_executions_on(thing);
        for job_id in job_ids {
            self.remove_pending_execution(&job_id, thing, now);
        }
    }

    fn remove_pending_execution(&mut self, job_id: &str, thing: &str, now: f64) {
        let pending = self
            .latest_execution(job_id, thing)
            .is_some_and(|e| !e.status.is_terminal());
        if pending {
            self.set_execution_status(job_id, thing, JobExecutionStatus::Removed, now);
            self.touch_job(job_id, now);
            self.complete_if_done(job_id, now);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Target;

    #[test]
    fn targets_parse() {
        assert_eq!(
            Target::parse("arn:aws:iot:us-east-1:123456789012:thing/a:b"),
            Some(Target::Thing("a:b".into()))
        );
        assert_eq!(
            Target::parse("arn:aws:iot:us-east-1:123456789012:thinggroup/g"),
            Some(Target::Group("g".into()))
        );
        assert_eq!(
            Target::parse("arn:aws:iot:us-east-1:123456789012:job/j"),
            None
        );
    }
}
