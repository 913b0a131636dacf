//! Boundary tests for the job configuration rules (rollout, abort, timeout,
//! retry, tags, documents, scheduling): a value that just passes and one just
//! past it that fails, located at the right path.

mod common;

use common::*;
use iotjobs_model::{Mode, Operation};
use serde_json::{json, Value};

#[test]
fn document_and_source() {
    let op = Operation::CreateJob;
    boundary(
        op,
        &create(),
        "document",
        &[text(32768), json!("")],
        &[text(32769)],
    );
    let by_source = with(
        &without(&create(), "document"),
        "documentSource",
        json!("https://s3.amazonaws.com/b/k"),
    );
    boundary(
        op,
        &by_source,
        "documentSource",
        &[text(1), text(1350)],
        &[json!(""), text(1351)],
    );
    // Both: one violation, on documentSource.
    boundary(
        op,
        &create(),
        "documentSource",
        &[],
        &[json!("https://s3.amazonaws.com/b/k")],
    );
    // Neither: one violation, on document, unless a template supplies it.
    let by_source = without(&by_source, "documentSource");
    let neither = check(op, &by_source, Mode::Strict);
    assert_eq!(neither.len(), 1);
    assert_eq!(neither[0].path, "document");
    assert!(neither[0].message.contains("jobTemplateArn"));
    let templated = with(
        &by_source,
        "jobTemplateArn",
        json!("arn:aws:iot:us-east-1:123456789012:jobtemplate/t"),
    );
    assert!(check(op, &templated, Mode::Strict).is_empty());
}

#[test]
fn presigned_url_config() {
    let op = Operation::CreateJob;
    boundary(
        op,
        &create(),
        "presignedUrlConfig.roleArn",
        &[text(20), text(2048)],
        &[text(19), text(2049)],
    );
    boundary(
        op,
        &create(),
        "presignedUrlConfig.expiresInSec",
        &[json!(60), json!(3600)],
        &[json!(59), json!(3601)],
    );
}

#[test]
fn target_selection() {
    boundary(
        Operation::CreateJob,
        &create(),
        "targetSelection",
        &[json!("SNAPSHOT"), json!("CONTINUOUS")],
        &[json!("continuous"), json!("")],
    );
    boundary(
        Operation::ListJobs,
        &json!({}),
        "targetSelection",
        &[json!("SNAPSHOT")],
        &[json!("ALL")],
    );
}

#[test]
fn rollout() {
    let op = Operation::CreateJob;
    let p = "jobExecutionsRolloutConfig";
    boundary(
        op,
        &create(),
        &format!("{p}.maximumPerMinute"),
        &[json!(1), json!(1000)],
        &[json!(0), json!(1001)],
    );
    let e = format!("{p}.exponentialRate");
    boundary(
        op,
        &create(),
        &format!("{e}.baseRatePerMinute"),
        &[json!(1), json!(1000)],
        &[json!(0), json!(1001)],
    );
    boundary(
        op,
        &create(),
        &format!("{e}.incrementFactor"),
        &[json!(1.1), json!(1.5), json!(5), json!(5.0), json!(2)],
        &[
            json!(1.0),
            json!(1.05),
            json!(5.1),
            json!(1.55),
            json!(1.15),
        ],
    );
    let crit = format!("{e}.rateIncreaseCriteria");
    boundary(
        op,
        &create(),
        &crit,
        &[
            json!({"numberOfNotifiedThings": 1}),
            json!({"numberOfSucceededThings": 1}),
        ],
        &[json!({})],
    );
    boundary(
        op,
        &create(),
        &format!("{crit}.numberOfNotifiedThings"),
        &[json!(1)],
        &[json!(0)],
    );
    boundary(
        op,
        &create(),
        &format!("{crit}.numberOfSucceededThings"),
        &[json!(1)],
        &[json!(0)],
    );
    // All three members of exponentialRate are required.
    for member in [
        "baseRatePerMinute",
        "incrementFactor",
        "rateIncreaseCriteria",
    ] {
        let mut request = create();
        request[p]["exponentialRate"]
            .as_object_mut()
            .unwrap()
            .remove(member);
        let found = check(op, &request, Mode::Strict);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].path, format!("{e}.{member}"));
        assert!(
            found[0].message.starts_with("Missing required parameter"),
            "{found:?}"
        );
    }
}

#[test]
fn abort() {
    let op = Operation::CreateJob;
    let c = "abortConfig.criteriaList";
    boundary(
        op,
        &create(),
        c,
        &[
            json!([{"failureType": "ALL", "action": "CANCEL", "thresholdPercentage": 1, "minNumberOfExecutedThings": 1}]),
        ],
        &[json!([])],
    );
    boundary(
        op,
        &create(),
        &format!("{c}[0].failureType"),
        &[json!("REJECTED"), json!("ALL")],
        &[json!("REMOVED")],
    );
    boundary(
        op,
        &create(),
        &format!("{c}[0].action"),
        &[json!("CANCEL")],
        &[json!("STOP")],
    );
    boundary(
        op,
        &create(),
        &format!("{c}[1].thresholdPercentage"),
        &[json!(0), json!(100), json!(10.99), json!(0.01)],
        &[json!(100.01), json!(-0.01), json!(10.999), json!(101)],
    );
    boundary(
        op,
        &create(),
        &format!("{c}[0].minNumberOfExecutedThings"),
        &[json!(1)],
        &[json!(0)],
    );
}

#[test]
fn timeout() {
    let op = Operation::CreateJob;
    boundary(
        op,
        &create(),
        "timeoutConfig.inProgressTimeoutInMinutes",
        &[json!(1), json!(10080)],
        &[json!(0), json!(10081)],
    );
}

#[test]
fn tags() {
    let op = Operation::CreateJob;
    boundary(
        op,
        &create(),
        "tags",
        &[tag_list(50), json!([])],
        &[tag_list(51)],
    );
    boundary(
        op,
        &create(),
        "tags[1].Key",
        &[text(128), json!("env:stage/a=b+c-d@e_f.g"), json!("Größe")],
        &[json!(""), text(129), json!("aws:owner"), json!("a;b")],
    );
    boundary(
        op,
        &create(),
        "tags[1].Value",
        &[text(256), json!("")],
        &[text(257)],
    );
    boundary(op, &create(), "tags[1].Key", &[], &[json!("team")]);
}

#[test]
fn job_template_arn() {
    let op = Operation::CreateJob;
    let base = with(
        &without(&create(), "document"),
        "jobTemplateArn",
        json!("arn:x"),
    );
    let long = format!("arn:{}", "x".repeat(1596));
    boundary(
        op,
        &base,
        "jobTemplateArn",
        &[json!(long), json!("arn:a")],
        &[json!(format!("{long}x")), json!("template"), json!("arn:")],
    );
}

#[test]
fn retry() {
    let op = Operation::CreateJob;
    let c = "jobExecutionsRetryConfig.criteriaList";
    let one = json!({"failureType": "FAILED", "numberOfRetries": 1});
    boundary(
        op,
        &create(),
        c,
        &[json!([one.clone()]), json!([one.clone(), one.clone()])],
        &[json!([]), json!([one.clone(), one.clone(), one])],
    );
    boundary(
        op,
        &create(),
        &format!("{c}[0].failureType"),
        &[json!("ALL")],
        &[json!("REJECTED")],
    );
    boundary(
        op,
        &create(),
        &format!("{c}[0].numberOfRetries"),
        &[json!(0), json!(8)],
        &[json!(-1), json!(11)],
    );
    // Sum across criteria: 8 + 2 = 10 passes, 8 + 3 = 11 fails (reported on the list).
    let eight = with(&create(), &format!("{c}[0].numberOfRetries"), json!(8));
    boundary(
        op,
        &eight,
        &format!("{c}[1].numberOfRetries"),
        &[json!(2)],
        &[],
    );
    let found = check(
        op,
        &with(&eight, &format!("{c}[1].numberOfRetries"), json!(3)),
        Mode::Strict,
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, c);
    // TIMED_OUT retries need a timeout.
    let found = check(op, &without(&create(), "timeoutConfig"), Mode::Strict);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, format!("{c}[1].failureType"));
    let update = json!({"jobId": "j", "jobExecutionsRetryConfig": {"criteriaList": [{"failureType": "TIMED_OUT", "numberOfRetries": 1}]}});
    assert!(check(Operation::UpdateJob, &update, Mode::Strict).is_empty());
}

#[test]
fn document_parameters() {
    let op = Operation::CreateJob;
    let base = with(
        &without(&create(), "document"),
        "jobTemplateArn",
        json!("arn:aws:iot:us-east-1::jobtemplate/AWS-Run-Command:1.0"),
    );
    boundary(
        op,
        &base,
        "documentParameters.command",
        &[text(1), text(30720)],
        &[json!(""), text(30721), json!("a\nb")],
    );
    boundary(
        op,
        &base,
        &format!("documentParameters.{}", "k".repeat(128)),
        &[json!("v")],
        &[],
    );
    boundary(
        op,
        &base,
        &format!("documentParameters.{}", "k".repeat(129)),
        &[],
        &[json!("v")],
    );
    boundary(op, &base, "documentParameters.bad key", &[], &[json!("v")]);
    boundary(op, &base, "documentParameters.", &[], &[json!("v")]);
    // Only with a template.
    let found = check(
        op,
        &with(&create(), "documentParameters", json!({"a": "b"})),
        Mode::Strict,
    );
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, "documentParameters");
}

#[test]
fn scheduling() {
    let op = Operation::CreateJob;
    let s = "schedulingConfig";
    boundary(
        op,
        &create(),
        &format!("{s}.startTime"),
        &[json!("2028-02-29T23:59")],
        &[
            json!(""),
            json!("2027-01-01 00:00"),
            json!("2027-02-29T00:00"),
            text(65),
        ],
    );
    boundary(
        op,
        &create(),
        &format!("{s}.endTime"),
        &[json!("2027-06-01T12:30")],
        &[json!("tomorrow")],
    );
    boundary(
        op,
        &create(),
        &format!("{s}.endBehavior"),
        &[json!("CANCEL"), json!("FORCE_CANCEL")],
        &[json!("STOP")],
    );
    let mut no_end = create();
    no_end[s].as_object_mut().unwrap().remove("endTime");
    let found = check(op, &no_end, Mode::Strict);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].path, format!("{s}.endBehavior"));
    let w = format!("{s}.maintenanceWindows[0]");
    boundary(
        op,
        &create(),
        &format!("{w}.durationInMinutes"),
        &[json!(1), json!(1430)],
        &[json!(0), json!(1431)],
    );
    boundary(
        op,
        &create(),
        &format!("{w}.startTime"),
        &[text(1), text(256)],
        &[json!(""), text(257)],
    );
}

#[test]
fn destination_package_versions() {
    let op = Operation::CreateJob;
    let arns = |n: usize| {
        Value::Array(
            (0..n)
                .map(|i| json!(format!("arn:aws:iot:us-east-1:1:package/p/version/{i}")))
                .collect(),
        )
    };
    boundary(
        op,
        &create(),
        "destinationPackageVersions",
        &[arns(25), json!([])],
        &[arns(26)],
    );
    boundary(
        op,
        &create(),
        "destinationPackageVersions[0]",
        &[json!("arn:x")],
        &[
            json!("pkg"),
            json!(""),
            json!(format!("arn:{}", "x".repeat(1597))),
        ],
    );
}
