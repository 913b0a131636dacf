//! Boundary tests for identifiers, targets, filters and execution members:
//! a value that just passes and one just past it that fails, located at the
//! right path. The job configuration rules are in rules_config.rs.

mod common;

use common::*;
use iotjobs_model::{Mode, Operation};
use serde_json::{json, Value};

#[test]
fn job_id() {
    for name in [
        "create_job",
        "describe_job",
        "delete_job",
        "cancel_job",
        "get_job_document",
        "update_job",
    ] {
        let op = common::op(name);
        let base = if op == Operation::CreateJob {
            create()
        } else {
            minimal(op)
        };
        boundary(
            op,
            &base,
            "jobId",
            &[text(64), json!("a"), json!("A-z_09")],
            &[text(65), json!(""), json!("bad id"), json!("a.b")],
        );
    }
}

#[test]
fn targets() {
    let op = Operation::CreateJob;
    boundary(
        op,
        &create(),
        "targets",
        &[json!([THING]), target_list(500)],
        &[json!([])],
    );
    boundary(
        op,
        &create(),
        "targets[0]",
        &[json!(GROUP)],
        &[
            json!("sensor-1"),
            json!("arn:aws:iot:us-east-1:123456789012:job/x"),
        ],
    );
    let too_long = format!(
        "arn:aws:iot:us-east-1:123456789012:thing/{}",
        "a".repeat(2048)
    );
    let found = check(
        op,
        &with(&create(), "targets[0]", json!(too_long)),
        Mode::Model,
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].message.contains("at most 2048"), "{found:?}");
}

#[test]
fn associate_targets_at_most_100() {
    let op = Operation::AssociateTargetsWithJob;
    boundary(
        op,
        &minimal(op),
        "targets",
        &[target_list(100), json!([THING])],
        &[target_list(101), json!([])],
    );
}

#[test]
fn namespace_id() {
    for name in [
        "create_job",
        "delete_job",
        "list_jobs",
        "update_job",
        "associate_targets_with_job",
        "delete_job_execution",
        "list_job_executions_for_thing",
    ] {
        let op = common::op(name);
        let base = if op == Operation::CreateJob {
            create()
        } else {
            minimal(op)
        };
        boundary(
            op,
            &base,
            "namespaceId",
            &[json!("a"), json!("ns_1-A")],
            &[
                json!(""),
                json!("a/b"),
                json!("a+b"),
                json!("a#b"),
                json!("a b"),
                json!("$aws"),
            ],
        );
    }
}

#[test]
fn free_text() {
    let bad = [text(2029), json!("line\nbreak"), json!("tab\there")];
    boundary(
        Operation::CreateJob,
        &create(),
        "description",
        &[text(2028), json!("")],
        &bad,
    );
    boundary(
        Operation::UpdateJob,
        &minimal(Operation::UpdateJob),
        "description",
        &[text(2028)],
        &bad,
    );
    boundary(
        Operation::CancelJob,
        &minimal(Operation::CancelJob),
        "comment",
        &[text(2028)],
        &bad,
    );
    let op = Operation::AssociateTargetsWithJob;
    boundary(op, &minimal(op), "comment", &[text(2028)], &bad);
}

#[test]
fn thing_name_and_execution_number() {
    for name in [
        "delete_job_execution",
        "describe_job_execution",
        "cancel_job_execution",
        "list_job_executions_for_thing",
    ] {
        let op = common::op(name);
        boundary(
            op,
            &minimal(op),
            "thingName",
            &[text(128), json!("a:b_c-d")],
            &[text(129), json!(""), json!("a/b"), json!("a b")],
        );
    }
    let op = Operation::DeleteJobExecution;
    boundary(
        op,
        &minimal(op),
        "executionNumber",
        &[json!(0), json!(i64::MAX)],
        &[json!(-1), json!(1.0), json!("1")],
    );
    let op = Operation::DescribeJobExecution;
    boundary(
        op,
        &minimal(op),
        "executionNumber",
        &[json!(0)],
        &[json!(-1)],
    );
}

#[test]
fn booleans() {
    for (name, member) in [
        ("delete_job", "force"),
        ("cancel_job", "force"),
        ("describe_job", "beforeSubstitution"),
        ("get_job_document", "beforeSubstitution"),
        ("cancel_job_execution", "force"),
        ("delete_job_execution", "force"),
    ] {
        let op = common::op(name);
        boundary(
            op,
            &minimal(op),
            member,
            &[json!(true), json!(false)],
            &[json!("true"), json!(1), json!(null)],
        );
    }
}

#[test]
fn status_filters() {
    let op = Operation::ListJobs;
    boundary(
        op,
        &minimal(op),
        "status",
        &[
            json!("IN_PROGRESS"),
            json!("SCHEDULED"),
            json!("DELETION_IN_PROGRESS"),
        ],
        &[json!("QUEUED"), json!("in_progress")],
    );
    for name in [
        "list_job_executions_for_thing",
        "list_job_executions_for_job",
    ] {
        let op = common::op(name);
        boundary(
            op,
            &minimal(op),
            "status",
            &[json!("QUEUED"), json!("TIMED_OUT"), json!("REMOVED")],
            &[json!("COMPLETED")],
        );
    }
}

#[test]
fn paging() {
    for name in [
        "list_jobs",
        "list_job_executions_for_thing",
        "list_job_executions_for_job",
    ] {
        let op = common::op(name);
        boundary(
            op,
            &minimal(op),
            "maxResults",
            &[json!(1), json!(250)],
            &[json!(0), json!(251), json!(true)],
        );
        boundary(
            op,
            &minimal(op),
            "nextToken",
            &[json!(""), json!("opaque==")],
            &[json!(5)],
        );
    }
}

#[test]
fn thing_group_filters() {
    let op = Operation::ListJobs;
    boundary(
        op,
        &minimal(op),
        "thingGroupName",
        &[text(128), json!("a:b_c-d")],
        &[text(129), json!(""), json!("a b")],
    );
    boundary(
        op,
        &minimal(op),
        "thingGroupId",
        &[text(128), json!("abc-123")],
        &[text(129), json!("a_b")],
    );
}

#[test]
fn reason_code() {
    let op = Operation::CancelJob;
    boundary(
        op,
        &minimal(op),
        "reasonCode",
        &[json!("ABORT_1"), json!("A".repeat(128))],
        &[json!("A".repeat(129)), json!("abc"), json!("A-B")],
    );
}

#[test]
fn status_details() {
    let op = Operation::CancelJobExecution;
    let details = |n: usize| Value::Object((0..n).map(|i| (format!("k{i}"), json!("v"))).collect());
    boundary(
        op,
        &minimal(op),
        "statusDetails",
        &[details(10), json!({})],
        &[details(11)],
    );
    boundary(
        op,
        &minimal(op),
        "statusDetails.reason",
        &[text(1024)],
        &[text(1025), json!(""), json!("a\nb"), json!(5)],
    );
    boundary(op, &minimal(op), "statusDetails.a b", &[], &[json!("v")]);
    boundary(
        op,
        &minimal(op),
        "expectedVersion",
        &[json!(-5), json!(3)],
        &[json!(1.5)],
    );
}
