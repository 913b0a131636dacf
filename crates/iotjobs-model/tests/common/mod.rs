//! Helpers for the rule tests: build requests, set nested values, check.

#![allow(dead_code)]

use iotjobs_model::{validate, Json, Mode, Operation, Violation};
use serde_json::{json, Value};

pub const THING: &str = "arn:aws:iot:us-east-1:123456789012:thing/sensor-1";
pub const GROUP: &str = "arn:aws:iot:us-east-1:123456789012:thinggroup/fleet";

/// A create_job request that passes every rule, using every member.
pub fn full_create_job() -> Value {
    json!({
        "jobId": "ota-42",
        "targets": [THING, GROUP],
        "document": "{\"operation\":\"update\"}",
        "description": "Firmware 2.1 rollout",
        "presignedUrlConfig": {"roleArn": "arn:aws:iam::123456789012:role/ota", "expiresInSec": 3600},
        "targetSelection": "CONTINUOUS",
        "jobExecutionsRolloutConfig": {
            "maximumPerMinute": 100,
            "exponentialRate": {
                "baseRatePerMinute": 10,
                "incrementFactor": 1.5,
                "rateIncreaseCriteria": {"numberOfSucceededThings": 50}
            }
        },
        "abortConfig": {"criteriaList": [
            {"failureType": "FAILED", "action": "CANCEL", "thresholdPercentage": 10.5, "minNumberOfExecutedThings": 10},
            {"failureType": "TIMED_OUT", "action": "CANCEL", "thresholdPercentage": 20.0, "minNumberOfExecutedThings": 5}
        ]},
        "timeoutConfig": {"inProgressTimeoutInMinutes": 60},
        "tags": [{"Key": "team", "Value": "fleet"}, {"Key": "stage", "Value": "canary"}],
        "namespaceId": "ota_ns",
        "jobExecutionsRetryConfig": {"criteriaList": [
            {"failureType": "FAILED", "numberOfRetries": 3},
            {"failureType": "TIMED_OUT", "numberOfRetries": 2}
        ]},
        "schedulingConfig": {
            "startTime": "2027-01-01T00:00",
            "endTime": "2027-01-02T00:00",
            "endBehavior": "STOP_ROLLOUT",
            "maintenanceWindows": [{"startTime": "cron(0 0 * * ? *)", "durationInMinutes": 60}]
        },
        "destinationPackageVersions": ["arn:aws:iot:us-east-1:123456789012:package/p/version/1"]
    })
}

/// The smallest valid request of each operation.
pub fn minimal(op: Operation) -> Value {
    match op {
        Operation::AssociateTargetsWithJob => json!({"jobId": "j", "targets": [GROUP]}),
        Operation::CreateJob => json!({"jobId": "j", "targets": [THING], "document": "{}"}),
        Operation::DeleteJobExecution => {
            json!({"jobId": "j", "thingName": "t", "executionNumber": 1})
        }
        Operation::ListJobExecutionsForThing => json!({"thingName": "t"}),
        Operation::ListJobs => json!({}),
        Operation::CancelJobExecution | Operation::DescribeJobExecution => {
            json!({"jobId": "j", "thingName": "t"})
        }
        _ => json!({"jobId": "j"}),
    }
}

pub fn op(name: &str) -> Operation {
    Operation::from_name(name).expect("known operation")
}

pub fn check(op: Operation, request: &Value, mode: Mode) -> Vec<Violation> {
    match validate(op, &Json::new(request), mode) {
        Ok(()) => vec![],
        Err(v) => v.items,
    }
}

/// Returns `base` with the value at `path` (`a.b[0].c`) replaced or added.
pub fn with(base: &Value, path: &str, value: Value) -> Value {
    let mut out = base.clone();
    let mut slot = &mut out;
    for part in path.split('.') {
        let (name, index) = match part.find('[') {
            Some(open) => (
                &part[..open],
                Some(part[open + 1..part.len() - 1].parse::<usize>().unwrap()),
            ),
            None => (part, None),
        };
        if !slot.is_object() {
            *slot = json!({});
        }
        slot = slot
            .as_object_mut()
            .unwrap()
            .entry(name)
            .or_insert(Value::Null);
        if let Some(i) = index {
            slot = &mut slot.as_array_mut().expect("list on the path")[i];
        }
    }
    *slot = value;
    out
}

/// Returns `base` without the member at the top level.
pub fn without(base: &Value, name: &str) -> Value {
    let mut out = base.clone();
    out.as_object_mut().unwrap().remove(name);
    out
}

/// Each `good` value passes at `path`; each `bad` one fails with exactly one
/// violation located at `path`.
pub fn boundary(op: Operation, base: &Value, path: &str, good: &[Value], bad: &[Value]) {
    assert!(
        check(op, base, Mode::Strict).is_empty(),
        "base of {op} must be valid"
    );
    for value in good {
        let request = with(base, path, value.clone());
        let found = check(op, &request, Mode::Strict);
        assert!(
            found.is_empty(),
            "{op} {path}={value} should pass, got {found:?}"
        );
    }
    for value in bad {
        let request = with(base, path, value.clone());
        let found = check(op, &request, Mode::Strict);
        assert_eq!(
            found.len(),
            1,
            "{op} {path}={value} should give one violation, got {found:?}"
        );
        assert_eq!(found[0].path, path, "{op} {path}={value}: {found:?}");
    }
}

pub fn text(n: usize) -> Value {
    Value::String("x".repeat(n))
}

/// The full create_job request (a fresh copy).
pub fn create() -> Value {
    full_create_job()
}

pub fn tag_list(n: usize) -> Value {
    Value::Array(
        (0..n)
            .map(|i| json!({"Key": format!("k{i}"), "Value": "v"}))
            .collect(),
    )
}

pub fn target_list(n: usize) -> Value {
    Value::Array(
        (0..n)
            .map(|i| json!(format!("arn:aws:iot:us-east-1:123456789012:thing/t{i}")))
            .collect(),
    )
}
