//! How many of a job's things have their latest execution in each status.
//! The store adjusts these on every change instead of rescanning a job's
//! executions, so that abort checks after each finished execution, SNAPSHOT
//! completion and `jobProcessDetails` cost the same for 10 things or 100,000.

use iotjobs_model::types::{JobExecutionStatus, JobProcessDetails};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StatusCounts {
    pub queued: u32,
    pub in_progress: u32,
    pub succeeded: u32,
    pub failed: u32,
    pub timed_out: u32,
    pub rejected: u32,
    pub removed: u32,
    pub canceled: u32,
}

impl StatusCounts {
    fn slot(&mut self, status: &JobExecutionStatus) -> Option<&mut u32> {
        Some(match status {
            JobExecutionStatus::Queued => &mut self.queued,
            JobExecutionStatus::InProgress => &mut self.in_progress,
            JobExecutionStatus::Succeeded => &mut self.succeeded,
            JobExecutionStatus::Failed => &mut self.failed,
            JobExecutionStatus::TimedOut => &mut self.timed_out,
            JobExecutionStatus::Rejected => &mut self.rejected,
            JobExecutionStatus::Removed => &mut self.removed,
            JobExecutionStatus::Canceled => &mut self.canceled,
            // The store only ever holds the known statuses.
            JobExecutionStatus::Unknown(_) => return None,
        })
    }

    /// A thing's latest execution went from `before` to `after` (`None`:
    /// the thing had, or has, no execution of the job).
    pub fn moved(
        &mut self,
        before: Option<&JobExecutionStatus>,
        after: Option<&JobExecutionStatus>,
    ) {
        if before == after {
            return;
        }
        if let Some(slot) = before.and_then(|s| self.slot(s)) {
            *slot = slot.saturating_sub(1);
        }
        if let Some(slot) = after.and_then(|s| self.slot(s)) {
            *slot += 1;
        }
    }

    /// Things with an execution at all: the rollout's "notified" count.
    pub fn notified(&self) -> u32 {
        self.pending() + self.executed() + self.removed + self.canceled
    }

    /// QUEUED or IN_PROGRESS: still waiting for a device.
    pub fn pending(&self) -> u32 {
        self.queued + self.in_progress
    }

    /// Executions a device ran to an end: the ones abort criteria weigh
    /// (canceled and removed ones never ran).
    pub fn executed(&self) -> u32 {
        self.succeeded + self.failed + self.rejected + self.timed_out
    }

    /// DescribeJob's counters: all eight, zeros included.
    pub fn process_details(&self) -> JobProcessDetails {
        let count = |n: u32| Some(i32::try_from(n).unwrap_or(i32::MAX));
        JobProcessDetails {
            number_of_canceled_things: count(self.canceled),
            number_of_succeeded_things: count(self.succeeded),
            number_of_failed_things: count(self.failed),
            number_of_rejected_things: count(self.rejected),
            number_of_queued_things: count(self.queued),
            number_of_in_progress_things: count(self.in_progress),
            number_of_removed_things: count(self.removed),
            number_of_timed_out_things: count(self.timed_out),
            ..JobProcessDetails::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_between_statuses() {
        let mut counts = StatusCounts::default();
        counts.moved(None, Some(&JobExecutionStatus::Queued));
        counts.moved(None, Some(&JobExecutionStatus::Queued));
        counts.moved(
            Some(&JobExecutionStatus::Queued),
            Some(&JobExecutionStatus::Failed),
        );
        assert_eq!((counts.queued, counts.failed, counts.notified()), (1, 1, 2));
        assert_eq!((counts.pending(), counts.executed()), (1, 1));
        counts.moved(Some(&JobExecutionStatus::Failed), None);
        assert_eq!((counts.failed, counts.notified()), (0, 1));
    }
}
