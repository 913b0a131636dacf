//! The AWS IoT Jobs request shapes (control plane, 13 operations).

use super::{
    doc, model, optional, required, CrossRule, DoubleShape, IntegerShape, Limit, ListShape,
    MapShape, Member, Pattern, Shape, Source, StringShape, Structure,
};

const fn pattern(value: Pattern, source: Source) -> Limit<Pattern> {
    Limit { value, source }
}

// ---- strings -------------------------------------------------------------

pub static JOB_ID: StringShape = StringShape {
    min: model(1),
    max: model(64),
    patterns: &[pattern(Pattern::Identifier, Source::Model)],
};
pub const THING_NAME: StringShape = StringShape {
    min: model(1),
    max: model(128),
    patterns: &[pattern(Pattern::ThingName, Source::Model)],
};
pub static THING_GROUP_NAME: StringShape = THING_NAME;
pub static THING_GROUP_ID: StringShape = StringShape {
    min: model(1),
    max: model(128),
    patterns: &[pattern(Pattern::ThingGroupId, Source::Model)],
};
pub static NAMESPACE_ID: StringShape = StringShape {
    min: model(1),
    max: None,
    patterns: &[pattern(Pattern::Identifier, Source::Model)],
};
pub static FREE_TEXT: StringShape = StringShape {
    min: None,
    max: model(2028),
    patterns: &[pattern(Pattern::NoControlChars, Source::Model)],
};
pub static DOCUMENT: StringShape = StringShape {
    min: None,
    max: model(32768),
    patterns: &[],
};
pub static DOCUMENT_SOURCE: StringShape = StringShape {
    min: model(1),
    max: model(1350),
    patterns: &[],
};
pub static ROLE_ARN: StringShape = StringShape {
    min: model(20),
    max: model(2048),
    patterns: &[],
};
pub static TARGET_ARN: StringShape = StringShape {
    min: None,
    max: model(2048),
    patterns: &[pattern(Pattern::TargetArn, Source::Doc)],
};
pub static TEMPLATE_ARN: StringShape = StringShape {
    min: model(1),
    max: model(1600),
    patterns: &[pattern(Pattern::Arn, Source::Model)],
};
pub static TAG_KEY: StringShape = StringShape {
    min: model(1),
    max: model(128),
    patterns: &[
        pattern(Pattern::TagKey, Source::Model),
        pattern(Pattern::NotAwsPrefixed, Source::Doc),
    ],
};
pub static TAG_VALUE: StringShape = StringShape {
    min: model(0),
    max: model(256),
    patterns: &[],
};
pub static PARAMETER_KEY: StringShape = StringShape {
    min: model(1),
    max: model(128),
    patterns: &[pattern(Pattern::Identifier, Source::Model)],
};
pub static PARAMETER_VALUE: StringShape = StringShape {
    min: model(1),
    max: model(30720),
    patterns: &[pattern(Pattern::NoControlChars, Source::Model)],
};
pub static DATE_TIME: StringShape = StringShape {
    min: model(1),
    max: model(64),
    patterns: &[pattern(Pattern::DateTimeMinute, Source::Doc)],
};
pub static CRON_EXPRESSION: StringShape = StringShape {
    min: model(1),
    max: model(256),
    patterns: &[],
};
pub static REASON_CODE: StringShape = StringShape {
    min: None,
    max: model(128),
    patterns: &[pattern(Pattern::ReasonCode, Source::Model)],
};
pub static DETAILS_KEY: StringShape = StringShape {
    min: model(1),
    max: model(128),
    patterns: &[pattern(Pattern::ThingName, Source::Model)],
};
pub static DETAILS_VALUE: StringShape = StringShape {
    min: model(1),
    max: doc(1024),
    patterns: &[pattern(Pattern::NoControlChars, Source::Model)],
};
pub static NEXT_TOKEN: StringShape = StringShape {
    min: None,
    max: None,
    patterns: &[],
};

// ---- enums ---------------------------------------------------------------

pub const TARGET_SELECTION: &[&str] = &["CONTINUOUS", "SNAPSHOT"];
pub const JOB_STATUS: &[&str] = &[
    "IN_PROGRESS",
    "CANCELED",
    "COMPLETED",
    "DELETION_IN_PROGRESS",
    "SCHEDULED",
];
pub const EXECUTION_STATUS: &[&str] = &[
    "QUEUED",
    "IN_PROGRESS",
    "SUCCEEDED",
    "FAILED",
    "TIMED_OUT",
    "REJECTED",
    "REMOVED",
    "CANCELED",
];
pub const ABORT_FAILURE_TYPE: &[&str] = &["FAILED", "REJECTED", "TIMED_OUT", "ALL"];
pub const ABORT_ACTION: &[&str] = &["CANCEL"];
pub const RETRY_FAILURE_TYPE: &[&str] = &["FAILED", "TIMED_OUT", "ALL"];
pub const END_BEHAVIOR: &[&str] = &["STOP_ROLLOUT", "CANCEL", "FORCE_CANCEL"];

// ---- numbers -------------------------------------------------------------

pub static EXPIRES_IN_SEC: IntegerShape = IntegerShape {
    min: model(60),
    max: model(3600),
};
pub static MAXIMUM_PER_MINUTE: IntegerShape = IntegerShape {
    min: model(1),
    max: doc(1000),
};
pub static BASE_RATE_PER_MINUTE: IntegerShape = IntegerShape {
    min: model(1),
    max: model(1000),
};
pub static AT_LEAST_ONE: IntegerShape = IntegerShape {
    min: model(1),
    max: None,
};
pub static IN_PROGRESS_TIMEOUT: IntegerShape = IntegerShape {
    min: doc(1),
    max: doc(10080),
};
pub static NUMBER_OF_RETRIES: IntegerShape = IntegerShape {
    min: model(0),
    max: model(10),
};
pub static DURATION_IN_MINUTES: IntegerShape = IntegerShape {
    min: model(1),
    max: model(1430),
};
pub static EXECUTION_NUMBER: IntegerShape = IntegerShape {
    min: model(0),
    max: None,
};
pub static ANY_LONG: IntegerShape = IntegerShape {
    min: None,
    max: None,
};
pub static MAX_RESULTS: IntegerShape = IntegerShape {
    min: model(1),
    max: model(250),
};
pub static INCREMENT_FACTOR: DoubleShape = DoubleShape {
    min: model(1.1),
    max: model(5.0),
    max_decimals: doc(1),
};
pub static THRESHOLD_PERCENTAGE: DoubleShape = DoubleShape {
    min: doc(0.0),
    max: model(100.0),
    max_decimals: doc(2),
};

// ---- structures ----------------------------------------------------------

pub const TARGETS: ListShape = ListShape {
    member: Shape::String(&TARGET_ARN),
    min: model(1),
    max: None,
    unique_by: None,
    sum_at_most: None,
};
pub static ASSOCIATE_TARGETS: ListShape = ListShape {
    max: doc(100),
    ..TARGETS
};

pub static PRESIGNED_URL_CONFIG: Structure = Structure {
    name: "PresignedUrlConfig",
    members: &[
        optional("roleArn", Shape::String(&ROLE_ARN)),
        optional("expiresInSec", Shape::Integer(&EXPIRES_IN_SEC)),
    ],
    rules: &[],
};

pub static RATE_INCREASE_CRITERIA: Structure = Structure {
    name: "RateIncreaseCriteria",
    members: &[
        optional("numberOfNotifiedThings", Shape::Integer(&AT_LEAST_ONE)),
        optional("numberOfSucceededThings", Shape::Integer(&AT_LEAST_ONE)),
    ],
    rules: &[CrossRule::AtLeastOne(&[
        "numberOfNotifiedThings",
        "numberOfSucceededThings",
    ])],
};

pub static EXPONENTIAL_RATE: Structure = Structure {
    name: "ExponentialRolloutRate",
    members: &[
        required("baseRatePerMinute", Shape::Integer(&BASE_RATE_PER_MINUTE)),
        required("incrementFactor", Shape::Double(&INCREMENT_FACTOR)),
        required(
            "rateIncreaseCriteria",
            Shape::Structure(&RATE_INCREASE_CRITERIA),
        ),
    ],
    rules: &[],
};

pub static ROLLOUT_CONFIG: Structure = Structure {
    name: "JobExecutionsRolloutConfig",
    members: &[
        optional("maximumPerMinute", Shape::Integer(&MAXIMUM_PER_MINUTE)),
        optional("exponentialRate", Shape::Structure(&EXPONENTIAL_RATE)),
    ],
    rules: &[],
};

pub static ABORT_CRITERIA: Structure = Structure {
    name: "AbortCriteria",
    members: &[
        required("failureType", Shape::Enum(ABORT_FAILURE_TYPE)),
        required("action", Shape::Enum(ABORT_ACTION)),
        required("thresholdPercentage", Shape::Double(&THRESHOLD_PERCENTAGE)),
        required("minNumberOfExecutedThings", Shape::Integer(&AT_LEAST_ONE)),
    ],
    rules: &[],
};

pub static ABORT_CRITERIA_LIST: ListShape = ListShape {
    member: Shape::Structure(&ABORT_CRITERIA),
    min: model(1),
    max: None,
    unique_by: None,
    sum_at_most: None,
};

pub static ABORT_CONFIG: Structure = Structure {
    name: "AbortConfig",
    members: &[required("criteriaList", Shape::List(&ABORT_CRITERIA_LIST))],
    rules: &[],
};

pub static TIMEOUT_CONFIG: Structure = Structure {
    name: "TimeoutConfig",
    members: &[optional(
        "inProgressTimeoutInMinutes",
        Shape::Integer(&IN_PROGRESS_TIMEOUT),
    )],
    rules: &[],
};

pub static TAG: Structure = Structure {
    name: "Tag",
    members: &[
        required("Key", Shape::String(&TAG_KEY)),
        optional("Value", Shape::String(&TAG_VALUE)),
    ],
    rules: &[],
};

pub static TAG_LIST: ListShape = ListShape {
    member: Shape::Structure(&TAG),
    min: None,
    max: doc(50),
    unique_by: doc("Key"),
    sum_at_most: None,
};

pub static RETRY_CRITERIA: Structure = Structure {
    name: "RetryCriteria",
    members: &[
        required("failureType", Shape::Enum(RETRY_FAILURE_TYPE)),
        required("numberOfRetries", Shape::Integer(&NUMBER_OF_RETRIES)),
    ],
    rules: &[],
};

pub static RETRY_CRITERIA_LIST: ListShape = ListShape {
    member: Shape::Structure(&RETRY_CRITERIA),
    min: model(1),
    max: model(2),
    unique_by: None,
    sum_at_most: doc(("numberOfRetries", 10)),
};

pub static RETRY_CONFIG: Structure = Structure {
    name: "JobExecutionsRetryConfig",
    members: &[required("criteriaList", Shape::List(&RETRY_CRITERIA_LIST))],
    rules: &[],
};

pub static DOCUMENT_PARAMETERS: MapShape = MapShape {
    key: &PARAMETER_KEY,
    value: &PARAMETER_VALUE,
    max: None,
};

pub static MAINTENANCE_WINDOW: Structure = Structure {
    name: "MaintenanceWindow",
    members: &[
        required("startTime", Shape::String(&CRON_EXPRESSION)),
        required("durationInMinutes", Shape::Integer(&DURATION_IN_MINUTES)),
    ],
    rules: &[],
};

pub static MAINTENANCE_WINDOWS: ListShape = ListShape {
    member: Shape::Structure(&MAINTENANCE_WINDOW),
    min: None,
    max: None,
    unique_by: None,
    sum_at_most: None,
};

pub static SCHEDULING_CONFIG: Structure = Structure {
    name: "SchedulingConfig",
    members: &[
        optional("startTime", Shape::String(&DATE_TIME)),
        optional("endTime", Shape::String(&DATE_TIME)),
        optional("endBehavior", Shape::Enum(END_BEHAVIOR)),
        optional("maintenanceWindows", Shape::List(&MAINTENANCE_WINDOWS)),
    ],
    rules: &[CrossRule::OnlyWith {
        member: "endBehavior",
        requires: "endTime",
    }],
};

pub static PACKAGE_VERSIONS: ListShape = ListShape {
    member: Shape::String(&TEMPLATE_ARN),
    min: None,
    max: doc(25),
    unique_by: None,
    sum_at_most: None,
};

pub static STATUS_DETAILS: MapShape = MapShape {
    key: &DETAILS_KEY,
    value: &DETAILS_VALUE,
    max: doc(10),
};

// ---- operation inputs ----------------------------------------------------

const JOB_ID_MEMBER: Member = required("jobId", Shape::String(&JOB_ID));
const THING_NAME_MEMBER: Member = required("thingName", Shape::String(&THING_NAME));
const NAMESPACE_MEMBER: Member = optional("namespaceId", Shape::String(&NAMESPACE_ID));
const FORCE_MEMBER: Member = optional("force", Shape::Boolean);
const BEFORE_SUBSTITUTION_MEMBER: Member = optional("beforeSubstitution", Shape::Boolean);
const MAX_RESULTS_MEMBER: Member = optional("maxResults", Shape::Integer(&MAX_RESULTS));
const NEXT_TOKEN_MEMBER: Member = optional("nextToken", Shape::String(&NEXT_TOKEN));
const EXECUTION_STATUS_MEMBER: Member = optional("status", Shape::Enum(EXECUTION_STATUS));

pub static ASSOCIATE_TARGETS_WITH_JOB: Structure = Structure {
    name: "AssociateTargetsWithJobRequest",
    members: &[
        required("targets", Shape::List(&ASSOCIATE_TARGETS)),
        JOB_ID_MEMBER,
        optional("comment", Shape::String(&FREE_TEXT)),
        NAMESPACE_MEMBER,
    ],
    rules: &[],
};

pub static CREATE_JOB: Structure = Structure {
    name: "CreateJobRequest",
    members: &[
        JOB_ID_MEMBER,
        required("targets", Shape::List(&TARGETS)),
        optional("documentSource", Shape::String(&DOCUMENT_SOURCE)),
        optional("document", Shape::String(&DOCUMENT)),
        optional("description", Shape::String(&FREE_TEXT)),
        optional(
            "presignedUrlConfig",
            Shape::Structure(&PRESIGNED_URL_CONFIG),
        ),
        optional("targetSelection", Shape::Enum(TARGET_SELECTION)),
        optional(
            "jobExecutionsRolloutConfig",
            Shape::Structure(&ROLLOUT_CONFIG),
        ),
        optional("abortConfig", Shape::Structure(&ABORT_CONFIG)),
        optional("timeoutConfig", Shape::Structure(&TIMEOUT_CONFIG)),
        optional("tags", Shape::List(&TAG_LIST)),
        NAMESPACE_MEMBER,
        optional("jobTemplateArn", Shape::String(&TEMPLATE_ARN)),
        optional("jobExecutionsRetryConfig", Shape::Structure(&RETRY_CONFIG)),
        optional("documentParameters", Shape::Map(&DOCUMENT_PARAMETERS)),
        optional("schedulingConfig", Shape::Structure(&SCHEDULING_CONFIG)),
        optional("destinationPackageVersions", Shape::List(&PACKAGE_VERSIONS)),
    ],
    rules: &[
        CrossRule::ExactlyOne {
            a: "document",
            b: "documentSource",
            unless: "jobTemplateArn",
        },
        CrossRule::OnlyWith {
            member: "documentParameters",
            requires: "jobTemplateArn",
        },
        CrossRule::TimedOutRetryNeedsTimeout,
    ],
};

pub static DELETE_JOB: Structure = Structure {
    name: "DeleteJobRequest",
    members: &[JOB_ID_MEMBER, FORCE_MEMBER, NAMESPACE_MEMBER],
    rules: &[],
};

pub static DELETE_JOB_EXECUTION: Structure = Structure {
    name: "DeleteJobExecutionRequest",
    members: &[
        JOB_ID_MEMBER,
        THING_NAME_MEMBER,
        required("executionNumber", Shape::Integer(&EXECUTION_NUMBER)),
        FORCE_MEMBER,
        NAMESPACE_MEMBER,
    ],
    rules: &[],
};

pub static DESCRIBE_JOB: Structure = Structure {
    name: "DescribeJobRequest",
    members: &[JOB_ID_MEMBER, BEFORE_SUBSTITUTION_MEMBER],
    rules: &[],
};

pub static LIST_JOB_EXECUTIONS_FOR_THING: Structure = Structure {
    name: "ListJobExecutionsForThingRequest",
    members: &[
        THING_NAME_MEMBER,
        EXECUTION_STATUS_MEMBER,
        NAMESPACE_MEMBER,
        MAX_RESULTS_MEMBER,
        NEXT_TOKEN_MEMBER,
        optional("jobId", Shape::String(&JOB_ID)),
    ],
    rules: &[],
};

pub static LIST_JOBS: Structure = Structure {
    name: "ListJobsRequest",
    members: &[
        optional("status", Shape::Enum(JOB_STATUS)),
        optional("targetSelection", Shape::Enum(TARGET_SELECTION)),
        MAX_RESULTS_MEMBER,
        NEXT_TOKEN_MEMBER,
        optional("thingGroupName", Shape::String(&THING_GROUP_NAME)),
        optional("thingGroupId", Shape::String(&THING_GROUP_ID)),
        NAMESPACE_MEMBER,
    ],
    rules: &[],
};

pub static UPDATE_JOB: Structure = Structure {
    name: "UpdateJobRequest",
    members: &[
        JOB_ID_MEMBER,
        optional("description", Shape::String(&FREE_TEXT)),
        optional(
            "presignedUrlConfig",
            Shape::Structure(&PRESIGNED_URL_CONFIG),
        ),
        optional(
            "jobExecutionsRolloutConfig",
            Shape::Structure(&ROLLOUT_CONFIG),
        ),
        optional("abortConfig", Shape::Structure(&ABORT_CONFIG)),
        optional("timeoutConfig", Shape::Structure(&TIMEOUT_CONFIG)),
        NAMESPACE_MEMBER,
        optional("jobExecutionsRetryConfig", Shape::Structure(&RETRY_CONFIG)),
    ],
    rules: &[],
};

pub static CANCEL_JOB: Structure = Structure {
    name: "CancelJobRequest",
    members: &[
        JOB_ID_MEMBER,
        optional("reasonCode", Shape::String(&REASON_CODE)),
        optional("comment", Shape::String(&FREE_TEXT)),
        FORCE_MEMBER,
    ],
    rules: &[],
};

pub static CANCEL_JOB_EXECUTION: Structure = Structure {
    name: "CancelJobExecutionRequest",
    members: &[
        JOB_ID_MEMBER,
        THING_NAME_MEMBER,
        FORCE_MEMBER,
        optional("expectedVersion", Shape::Integer(&ANY_LONG)),
        optional("statusDetails", Shape::Map(&STATUS_DETAILS)),
    ],
    rules: &[],
};

pub static DESCRIBE_JOB_EXECUTION: Structure = Structure {
    name: "DescribeJobExecutionRequest",
    members: &[
        JOB_ID_MEMBER,
        THING_NAME_MEMBER,
        optional("executionNumber", Shape::Integer(&EXECUTION_NUMBER)),
    ],
    rules: &[],
};

pub static GET_JOB_DOCUMENT: Structure = Structure {
    name: "GetJobDocumentRequest",
    members: &[JOB_ID_MEMBER, BEFORE_SUBSTITUTION_MEMBER],
    rules: &[],
};

pub static LIST_JOB_EXECUTIONS_FOR_JOB: Structure = Structure {
    name: "ListJobExecutionsForJobRequest",
    members: &[
        JOB_ID_MEMBER,
        EXECUTION_STATUS_MEMBER,
        MAX_RESULTS_MEMBER,
        NEXT_TOKEN_MEMBER,
    ],
    rules: &[],
};
