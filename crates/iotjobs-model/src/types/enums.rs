//! The enumerations of the Jobs API.

use serde::{Deserialize, Serialize};

macro_rules! wire_enum {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $text:literal),* $(,)? }) => {
        $(#[$doc])*
        ///
        /// `Unknown` keeps a value this version does not know (one AWS added
        /// later, or one sent in "off" validation mode) instead of failing.
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub enum $name {
            $($variant,)*
            Unknown(String),
        }

        impl $name {
            /// The known values, in the service model's order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];

            /// The text on the wire.
            pub fn as_str(&self) -> &str {
                match self {
                    $($name::$variant => $text,)*
                    $name::Unknown(text) => text,
                }
            }
        }

        impl From<&str> for $name {
            fn from(text: &str) -> Self {
                match text {
                    $($text => $name::$variant,)*
                    other => $name::Unknown(other.to_owned()),
                }
            }
        }

        impl std::str::FromStr for $name {
            type Err = std::convert::Infallible;

            fn from_str(s: &str) -> Result<Self, Self::Err> {
                Ok($name::from(s))
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
                Ok($name::from(text.as_ref()))
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
    pub fn is_terminal(&self) -> bool {
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

    #[test]
    fn unknown_values_are_kept() {
        let status: JobStatus = serde_json::from_str("\"PAUSED\"").unwrap();
        assert_eq!(status, JobStatus::Unknown("PAUSED".into()));
        assert_eq!(serde_json::to_string(&status).unwrap(), "\"PAUSED\"");
        assert_eq!(JobStatus::from("IN_PROGRESS"), JobStatus::InProgress);
    }

    /// The typed enums and the validation schema list the same values.
    #[test]
    fn enums_match_the_schema() {
        fn texts<T>(all: &[T], f: fn(&T) -> &str) -> Vec<&str> {
            all.iter().map(f).collect()
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
