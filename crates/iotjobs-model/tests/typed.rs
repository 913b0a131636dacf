//! The typed requests carry every member the schema knows, under the same
//! names: a full request survives validation, typing and serialization.

mod common;

use common::*;
use iotjobs_model::types::*;
use iotjobs_model::{Mode, Request};
use serde_json::json;

#[test]
fn full_create_job_round_trips() {
    let params = full_create_job();
    let typed = CreateJobRequest::from_json(&params, Mode::Strict).expect("valid");
    assert_eq!(
        typed
            .job_executions_rollout_config
            .as_ref()
            .unwrap()
            .maximum_per_minute,
        Some(100)
    );
    assert_eq!(serde_json::to_value(&typed).unwrap(), params);
}

#[test]
fn the_round_trip_covers_every_create_job_member() {
    // Together with the round trip above, this shows each schema member has
    // a typed field under the same name (the three template members are
    // covered by the templated request below).
    let full = full_create_job();
    for member in iotjobs_model::Operation::CreateJob.input().members {
        let templated = ["documentSource", "jobTemplateArn", "documentParameters"];
        assert!(
            full.get(member.name).is_some() || templated.contains(&member.name),
            "{}",
            member.name
        );
    }
    let templated = json!({
        "jobId": "j", "targets": [THING],
        "jobTemplateArn": "arn:aws:iot:us-east-1::jobtemplate/AWS-Run-Command:1.0",
        "documentParameters": {"command": "reboot"}
    });
    let typed = CreateJobRequest::from_json(&templated, Mode::Strict).unwrap();
    assert_eq!(serde_json::to_value(&typed).unwrap(), templated);
    let sourced =
        json!({"jobId": "j", "targets": [THING], "documentSource": "https://s3.amazonaws.com/b/k"});
    let typed = CreateJobRequest::from_json(&sourced, Mode::Strict).unwrap();
    assert_eq!(serde_json::to_value(&typed).unwrap(), sourced);
}

#[test]
fn invalid_requests_are_not_typed() {
    let err = DescribeJobRequest::from_json(&json!({"jobId": "bad id"}), Mode::Strict).unwrap_err();
    assert_eq!(err.items[0].path, "jobId");
    // In "off" mode an enum value this version does not know is sent as is.
    let typed = ListJobsRequest::from_json(&json!({"status": "PAUSED"}), Mode::Off).unwrap();
    assert_eq!(typed.status, Some(JobStatus::Unknown("PAUSED".into())));
}

#[test]
fn responses_omit_absent_members_but_keep_zero_counters() {
    let job = Job {
        job_id: Some("j".into()),
        job_process_details: Some(JobProcessDetails::zeros()),
        ..Job::default()
    };
    let value = serde_json::to_value(DescribeJobResponse {
        document_source: None,
        job,
    })
    .unwrap();
    assert_eq!(
        value["job"]["jobProcessDetails"]["numberOfTimedOutThings"],
        0
    );
    assert!(value.get("documentSource").is_none());
    assert_eq!(value["job"].as_object().unwrap().len(), 2);
}
