//! The enumerations of the Jobs API.

use serde::{Deserialize, Serialize};

macro_rules! wire_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),* $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The text on the wire.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text,)*
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = String;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                match s {
                    $($text => Ok($name::$variant),)*
                    other => Err(format!("unknown {}: {other:?}", stringify!($name))),
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

wire_enum!(TargetSelection { Continuous = "CONTINUOUS", Snapshot = "SNAPSHOT" });

wire_enum!(JobStatus {
    InProgress = "IN_PROGRESS",
    Canceled = "CANCELED",
    Completed = "COMPLETED",
    DeletionInProgress = "DELETION_IN_PROGRESS",
    Scheduled = "SCHEDULED",
});

wire_enum!(
    /// Status of one job execution on one thing.
    JobExecutionStatus {
        Queued = "QUEUED",
        InProgress = "IN_PROGRESS",
        Succeeded = "SUCCEEDED",
        Failed = "FAILED",
        TimedOut = "TIMED_OUT",
        Rejected = "REJECTED",
        Removed = "REMOVED",
        Canceled = "CANCELED",
    }
);

impl JobExecutionStatus {
    /// Terminal executions never change status again.
    pub fn is_terminal(self) -> bool {
        !matches!(
            self,
            JobExecutionStatus::Queued | JobExecutionStatus::InProgress
        )
    }
}

wire_enum!(AbortFailureType {
    Failed = "FAILED",
    Rejected = "REJECTED",
    TimedOut = "TIMED_OUT",
    All = "ALL",
});

wire_enum!(AbortAction { Cancel = "CANCEL" });

wire_enum!(RetryFailureType {
    Failed = "FAILED",
    TimedOut = "TIMED_OUT",
    All = "ALL",
});

wire_enum!(JobEndBehavior {
    StopRollout = "STOP_ROLLOUT",
    Cancel = "CANCEL",
    ForceCancel = "FORCE_CANCEL",
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schema;

    /// The typed enums and the validation schema list the same values.
    #[test]
    fn enums_match_the_schema() {
        fn texts<T: Copy>(all: &[T], f: fn(T) -> &'static str) -> Vec<&'static str> {
            all.iter().map(|v| f(*v)).collect()
        }
        assert_eq!(
            texts(TargetSelection::ALL, TargetSelection::as_str),
            schema::TARGET_SELECTION
        );
        assert_eq!(texts(JobStatus::ALL, JobStatus::as_str), schema::JOB_STATUS);
        assert_eq!(
            texts(JobExecutionStatus::ALL, JobExecutionStatus::as_str),
            schema::EXECUTION_STATUS
        );
        assert_eq!(
            texts(AbortFailureType::ALL, AbortFailureType::as_str),
            schema::ABORT_FAILURE_TYPE
        );
        assert_eq!(
            texts(AbortAction::ALL, AbortAction::as_str),
            schema::ABORT_ACTION
        );
        assert_eq!(
            texts(RetryFailureType::ALL, RetryFailureType::as_str),
            schema::RETRY_FAILURE_TYPE
        );
        assert_eq!(
            texts(JobEndBehavior::ALL, JobEndBehavior::as_str),
            schema::END_BEHAVIOR
        );
    }
}
