//! How violations are collected and reported, and what each mode checks.

mod common;

use common::*;
use iotjobs_model::{validate, Json, Mode, Operation, Violations, MAX_REPORTED};
use serde_json::json;

#[test]
fn every_violation_is_reported_at_once() {
    let mut request = full_create_job();
    request["jobId"] = json!("bad id");
    request["jobExecutionsRolloutConfig"]["exponentialRate"]["incrementFactor"] = json!(1.55);
    request["abortConfig"]["criteriaList"][1]["thresholdPercentage"] = json!(10.999);
    request["timeoutConfig"]["inProgressTimeoutInMinutes"] = json!(0);
    request["tags"][0]["Key"] = json!("aws:owner");
    let found = check(Operation::CreateJob, &request, Mode::Strict);
    let paths: Vec<&str> = found.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "jobId",
            "jobExecutionsRolloutConfig.exponentialRate.incrementFactor",
            "abortConfig.criteriaList[1].thresholdPercentage",
            "timeoutConfig.inProgressTimeoutInMinutes",
            "tags[0].Key",
        ]
    );
    assert_eq!(
        found[1].message,
        "incrementFactor must have at most one decimal place (e.g. 1.5), got 1.55"
    );
}

#[test]
fn unknown_keys_are_named_with_the_valid_ones() {
    let request = with(
        &full_create_job(),
        "abortConfig.criteriaList[0].treshold",
        json!(5),
    );
    let found = check(Operation::CreateJob, &request, Mode::Off);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, "abortConfig.criteriaList[0].treshold");
    assert_eq!(
        found[0].message,
        "Unknown parameter 'treshold' in abortConfig.criteriaList[0], must be one of: \
         failureType, action, thresholdPercentage, minNumberOfExecutedThings"
    );
    let top = check(
        Operation::DescribeJob,
        &json!({"jobId": "j", "JobId": "k"}),
        Mode::Strict,
    );
    assert_eq!(top[0].path, "JobId");
    assert!(top[0]
        .message
        .contains("in input, must be one of: jobId, beforeSubstitution"));
}

#[test]
fn types_are_strict() {
    let cases = [
        (
            "maximumPerMinute",
            json!(true),
            "must be an int, got True (bool)",
        ),
        (
            "maximumPerMinute",
            json!(10.0),
            "must be an int, got 10.0 (float)",
        ),
        (
            "maximumPerMinute",
            json!("10"),
            "must be an int, got '10' (str)",
        ),
        (
            "exponentialRate",
            json!([]),
            "must be a dict, got a list of 0 items",
        ),
    ];
    for (member, value, expected) in cases {
        let path = format!("jobExecutionsRolloutConfig.{member}");
        let found = check(
            Operation::CreateJob,
            &with(&full_create_job(), &path, value),
            Mode::Off,
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].path, path);
        assert_eq!(found[0].message, format!("{member} {expected}"));
    }
    // Integers are fine where a double is expected.
    let request = with(
        &full_create_job(),
        "jobExecutionsRolloutConfig.exponentialRate.incrementFactor",
        json!(2),
    );
    assert!(check(Operation::CreateJob, &request, Mode::Strict).is_empty());
    let found = check(
        Operation::DescribeJob,
        &json!({"jobId": null}),
        Mode::Strict,
    );
    assert_eq!(found[0].message, "jobId must be a str, got None");
    let found = check(Operation::DescribeJob, &json!([]), Mode::Strict);
    assert_eq!(found[0].path, "");
}

#[test]
fn numbers_beyond_64_bits_and_nan_are_rejected() {
    let found = check(
        Operation::DescribeJobExecution,
        &json!({"jobId": "j", "thingName": "t", "executionNumber": u64::MAX}),
        Mode::Off,
    );
    assert_eq!(found.len(), 1);
    assert!(found[0].message.contains("fits in 64 bits"), "{found:?}");
}

#[test]
fn model_mode_skips_only_documented_rules() {
    let mut request = full_create_job();
    request["jobExecutionsRolloutConfig"]["exponentialRate"]["incrementFactor"] = json!(1.55);
    request["jobExecutionsRolloutConfig"]["maximumPerMinute"] = json!(5000);
    request["timeoutConfig"]["inProgressTimeoutInMinutes"] = json!(0);
    request["targets"] = json!(["sensor-1"]);
    request["documentSource"] = json!("s3://b/k");
    assert_eq!(check(Operation::CreateJob, &request, Mode::Strict).len(), 5);
    assert!(check(Operation::CreateJob, &request, Mode::Model).is_empty());
    // Model constraints still hold in model mode.
    request["jobExecutionsRolloutConfig"]["exponentialRate"]["incrementFactor"] = json!(1.0);
    request["jobId"] = json!("bad id");
    let found = check(Operation::CreateJob, &request, Mode::Model);
    assert_eq!(found.len(), 2, "{found:?}");
}

#[test]
fn off_mode_checks_only_what_cannot_be_sent() {
    let request = json!({"jobId": "bad id!", "targets": [], "abortConfig": {"criteriaList": [{"failureType": "NOPE"}]}});
    let found = check(Operation::CreateJob, &request, Mode::Off);
    let paths: Vec<&str> = found.iter().map(|v| v.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "abortConfig.criteriaList[0].action",
            "abortConfig.criteriaList[0].thresholdPercentage",
            "abortConfig.criteriaList[0].minNumberOfExecutedThings",
        ]
    );
}

#[test]
fn huge_inputs_are_capped_not_exhausting() {
    let targets: Vec<_> = (0..100_000)
        .map(|i| json!(format!("bad target {i}")))
        .collect();
    let request = json!({"jobId": "j", "document": "{}", "targets": targets});
    let err: Violations =
        validate(Operation::CreateJob, &Json::new(&request), Mode::Strict).unwrap_err();
    assert_eq!(err.items.len(), MAX_REPORTED);
    assert_eq!(err.count(), 100_000);
    let text = err.to_string();
    assert!(
        text.starts_with("Parameter validation failed:\ntargets[0]: targets[0] must be a thing")
    );
    assert!(text.ends_with("... and 99900 more violations"));
}

#[test]
fn messages_cut_long_values() {
    let found = check(
        Operation::DescribeJob,
        &json!({"jobId": "x".repeat(10_000)}),
        Mode::Strict,
    );
    assert!(
        found[0].message.chars().count() < 200,
        "{}",
        found[0].message
    );
}

#[test]
fn every_operation_accepts_its_minimal_request() {
    for &op in Operation::ALL {
        assert!(check(op, &minimal(op), Mode::Strict).is_empty(), "{op}");
        let missing = check(op, &json!({"unknownMember": 1}), Mode::Strict);
        assert!(!missing.is_empty(), "{op}");
    }
}
