//! The 13 Jobs control-plane operations and their names.

use crate::schema::{self, Structure};

macro_rules! operations {
    ($($variant:ident => $snake:literal, $input:path;)*) => {
        /// A Jobs control-plane operation.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Operation {
            $($variant,)*
        }

        impl Operation {
            pub const ALL: &'static [Operation] = &[$(Operation::$variant,)*];

            /// The AWS name, e.g. `CreateJob`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Operation::$variant => stringify!($variant),)*
                }
            }

            /// The boto3 method name, e.g. `create_job`.
            pub fn snake_name(self) -> &'static str {
                match self {
                    $(Operation::$variant => $snake,)*
                }
            }

            /// The request shape.
            pub fn input(self) -> &'static Structure {
                match self {
                    $(Operation::$variant => &$input,)*
                }
            }
        }
    };
}

operations! {
    AssociateTargetsWithJob => "associate_targets_with_job", schema::ASSOCIATE_TARGETS_WITH_JOB;
    CreateJob => "create_job", schema::CREATE_JOB;
    DeleteJob => "delete_job", schema::DELETE_JOB;
    DeleteJobExecution => "delete_job_execution", schema::DELETE_JOB_EXECUTION;
    DescribeJob => "describe_job", schema::DESCRIBE_JOB;
    ListJobExecutionsForThing => "list_job_executions_for_thing", schema::LIST_JOB_EXECUTIONS_FOR_THING;
    ListJobs => "list_jobs", schema::LIST_JOBS;
    UpdateJob => "update_job", schema::UPDATE_JOB;
    CancelJob => "cancel_job", schema::CANCEL_JOB;
    CancelJobExecution => "cancel_job_execution", schema::CANCEL_JOB_EXECUTION;
    DescribeJobExecution => "describe_job_execution", schema::DESCRIBE_JOB_EXECUTION;
    GetJobDocument => "get_job_document", schema::GET_JOB_DOCUMENT;
    ListJobExecutionsForJob => "list_job_executions_for_job", schema::LIST_JOB_EXECUTIONS_FOR_JOB;
}

impl Operation {
    /// Looks an operation up by its boto3 (`create_job`) or AWS (`CreateJob`) name.
    pub fn from_name(name: &str) -> Option<Operation> {
        Operation::ALL
            .iter()
            .copied()
            .find(|op| op.snake_name() == name || op.name() == name)
    }
}

impl std::fmt::Display for Operation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::Operation;

    #[test]
    fn names_round_trip() {
        assert_eq!(Operation::ALL.len(), 13);
        for &op in Operation::ALL {
            assert_eq!(Operation::from_name(op.name()), Some(op));
            assert_eq!(Operation::from_name(op.snake_name()), Some(op));
            assert_eq!(op.input().name, format!("{}Request", op.name()));
        }
        assert_eq!(Operation::from_name("createJob"), None);
    }
}
