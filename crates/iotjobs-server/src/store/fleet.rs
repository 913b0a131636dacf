//! Simulated fleets: many things registered in one call, and devices that
//! take and finish their executions with chosen outcomes, through the same
//! rules as the device data plane. "30% of 200 devices fail" is one call,
//! and exactly 30% fail, in a seeded random order.

use super::devices::DeviceUpdate;
use super::registry::check_name;
use super::Store;
use crate::error::{ApiError, ApiResult};
use iotjobs_model::types::{JobExecutionStatus, JobStatus};
use serde::Serialize;

/// Shares of the devices that end each way; the rest succeed.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct FleetPlan {
    pub failed: f64,
    pub rejected: f64,
    /// Devices that start their execution and never report again, so
    /// that timers time them out.
    pub stuck: f64,
}

/// The ARNs of a registered fleet, for job targets.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FleetArns {
    pub thing_arns: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group_arn: Option<String>,
}

/// What the devices did, per outcome.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct FleetReport {
    pub succeeded: usize,
    pub failed: usize,
    pub rejected: usize,
    pub stuck: usize,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Outcome {
    Succeeded,
    Failed,
    Rejected,
    Stuck,
}

impl FleetPlan {
    fn check(&self) -> ApiResult<()> {
        let shares = [
            ("failed", self.failed),
            ("rejected", self.rejected),
            ("stuck", self.stuck),
        ];
        for (name, share) in shares {
            if !(0.0..=1.0).contains(&share) {
                return Err(ApiError::invalid(format!(
                    "{name} must be a share from 0 to 1, got {share}"
                )));
            }
        }
        let total = self.failed + self.rejected + self.stuck;
        if total > 1.0 + 1e-9 {
            return Err(ApiError::invalid(format!(
                "failed + rejected + stuck must be at most 1, got {total}"
            )));
        }
        Ok(())
    }

    /// One outcome per device: each share of `n`, rounded so that the
    /// counts add up to `n` exactly.
    fn outcomes(&self, n: usize) -> Vec<Outcome> {
        let mut outcomes = Vec::with_capacity(n);
        let mut cumulative = 0.0;
        let mut placed = 0;
        for (outcome, share) in [
            (Outcome::Failed, self.failed),
            (Outcome::Rejected, self.rejected),
            (Outcome::Stuck, self.stuck),
        ] {
            cumulative += share;
            let upto = ((n as f64 * cumulative).round() as usize).min(n);
            outcomes.extend(std::iter::repeat_n(outcome, upto.saturating_sub(placed)));
            placed = placed.max(upto);
        }
        outcomes.resize(n, Outcome::Succeeded);
        outcomes
    }
}

impl FleetReport {
    fn count(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Succeeded => self.succeeded += 1,
            Outcome::Failed => self.failed += 1,
            Outcome::Rejected => self.rejected += 1,
            Outcome::Stuck => self.stuck += 1,
        }
    }
}

impl Store {
    /// Registers `names` as things (known ones are kept) and, with a
    /// `group`, makes them members of it (created if needed), as
    /// CreateThing and AddThingToThingGroup would one by one. Returns
    /// their ARNs.
    pub fn register_fleet(
        &mut self,
        names: &[String],
        group: Option<&str>,
        now: f64,
    ) -> ApiResult<FleetArns> {
        for name in names {
            check_name("thingName", name)?;
        }
        if let Some(group) = group {
            check_name("thingGroupName", group)?;
            self.ensure_group(group, now);
        }
        for name in names {
            self.ensure_thing(name);
            if let Some(group) = group {
                self.add_thing_to_thing_group(group, name, now)?;
            }
        }
        Ok(FleetArns {
            thing_arns: names.iter().map(|name| self.thing_arn(name)).collect(),
            group_arn: group.map(|g| self.group_arn(g)),
        })
    }

    /// Every device with a QUEUED execution of `job_id` takes it (as
    /// StartNextPendingJobExecution would) and reports its outcome, one
    /// device after another in thing-name order; which devices get which
    /// outcome is shuffled with `seed`. Abort criteria, retries and
    /// completion apply after each report, as they would on AWS: once an
    /// abort cancels the job, the devices still waiting find their
    /// executions canceled and do nothing.
    pub fn run_fleet(
        &mut self,
        job_id: &str,
        plan: FleetPlan,
        seed: u64,
        now: f64,
    ) -> ApiResult<FleetReport> {
        plan.check()?;
        let job = self.job_in(job_id, None)?;
        if job.status() == JobStatus::DeletionInProgress {
            return Err(ApiError::invalid(format!("Job {job_id} is being deleted.")));
        }
        let queued: Vec<String> = self
            .execution_keys(job_id)
            .map(|(_, thing)| thing)
            .filter(|thing| {
                self.latest_execution(job_id, thing)
                    .is_some_and(|e| e.status == JobExecutionStatus::Queued)
            })
            .collect();
        let mut outcomes = plan.outcomes(queued.len());
        fastrand::Rng::with_seed(seed).shuffle(&mut outcomes);
        let mut report = FleetReport::default();
        for (thing, outcome) in queued.iter().zip(outcomes) {
            let still_queued = self
                .latest_execution(job_id, thing)
                .is_some_and(|e| e.status == JobExecutionStatus::Queued);
            if !still_queued {
                continue;
            }
            self.update_job_execution(
                thing,
                job_id,
                DeviceUpdate::status(JobExecutionStatus::InProgress),
                now,
            )?;
            let status = match outcome {
                Outcome::Succeeded => JobExecutionStatus::Succeeded,
                Outcome::Failed => JobExecutionStatus::Failed,
                Outcome::Rejected => JobExecutionStatus::Rejected,
                Outcome::Stuck => {
                    report.count(outcome);
                    continue;
                }
            };
            self.update_job_execution(thing, job_id, DeviceUpdate::status(status), now)?;
            report.count(outcome);
        }
        Ok(report)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outcomes_add_up_exactly() {
        let plan = FleetPlan {
            failed: 0.3,
            rejected: 0.1,
            stuck: 0.0,
        };
        let outcomes = plan.outcomes(50);
        let count = |o: Outcome| outcomes.iter().filter(|x| **x == o).count();
        assert_eq!(
            (
                count(Outcome::Failed),
                count(Outcome::Rejected),
                count(Outcome::Succeeded)
            ),
            (15, 5, 30)
        );
        assert_eq!(
            FleetPlan::default().outcomes(3),
            vec![Outcome::Succeeded; 3]
        );
        assert!(FleetPlan {
            failed: 0.7,
            rejected: 0.4,
            stuck: 0.0
        }
        .check()
        .is_err());
        assert!(FleetPlan {
            failed: -0.1,
            ..FleetPlan::default()
        }
        .check()
        .is_err());
    }
}
