//! The state rules of the store, without HTTP.

use iotjobs_model::types::*;
use iotjobs_model::{Mode, Request};
use iotjobs_server::error::ErrorCode;
use iotjobs_server::store::{Store, StoreConfig, MAX_DELETIONS_IN_PROGRESS};
use serde_json::{json, Value};

const NOW: f64 = 1_800_000_000.0;

fn thing(name: &str) -> String {
    format!("arn:aws:iot:us-east-1:123456789012:thing/{name}")
}

fn group(name: &str) -> String {
    format!("arn:aws:iot:us-east-1:123456789012:thinggroup/{name}")
}

fn req<R: Request>(params: Value) -> R {
    R::from_json(&params, Mode::Strict).expect("valid request")
}

fn store() -> Store {
    Store::new(StoreConfig::default())
}

fn create(store: &mut Store, params: Value) {
    let mut params = params;
    if params.get("document").is_none() {
        params["document"] = json!("{}");
    }
    store.create_job(req(params), NOW).expect("created");
}

fn describe(store: &Store, job_id: &str) -> Job {
    store
        .describe_job(req(json!({"jobId": job_id})))
        .expect("exists")
        .job
}

fn execution(store: &Store, job_id: &str, thing_name: &str) -> JobExecution {
    store
        .describe_job_execution(req(json!({"jobId": job_id, "thingName": thing_name})), NOW)
        .expect("exists")
        .execution
}

fn code<T: std::fmt::Debug>(result: Result<T, iotjobs_server::error::ApiError>) -> ErrorCode {
    result.expect_err("should fail").code
}

#[test]
fn create_queues_an_execution_per_thing_and_counts_them() {
    let mut s = store();
    create(
        &mut s,
        json!({"jobId": "j", "targets": [thing("a"), thing("b"), thing("a")]}),
    );
    let job = describe(&s, "j");
    assert_eq!(job.status, Some(JobStatus::InProgress));
    assert_eq!(job.target_selection, Some(TargetSelection::Snapshot));
    let details = job.job_process_details.unwrap();
    assert_eq!(details.number_of_queued_things, Some(2));
    assert_eq!(details.number_of_succeeded_things, Some(0));
    let e = execution(&s, "j", "a");
    assert_eq!(
        (e.execution_number, e.version_number, e.status),
        (Some(1), Some(1), Some(JobExecutionStatus::Queued))
    );
}

#[test]
fn duplicate_job_ids_are_refused_not_overwritten() {
    let mut s = store();
    create(
        &mut s,
        json!({"jobId": "j", "targets": [thing("a")], "description": "first"}),
    );
    let err = s
        .create_job(
            req(json!({"jobId": "j", "targets": [thing("b")], "document": "{}"})),
            NOW,
        )
        .unwrap_err();
    assert_eq!(err.code, ErrorCode::ResourceAlreadyExists);
    assert_eq!(
        err.resource.unwrap().1,
        "arn:aws:iot:us-east-1:123456789012:job/j"
    );
    assert_eq!(describe(&s, "j").description.as_deref(), Some("first"));
}

#[test]
fn snapshot_jobs_complete_when_every_execution_is_terminal() {
    let mut s = store();
    create(
        &mut s,
        json!({"jobId": "j", "targets": [thing("a"), thing("b")]}),
    );
    s.cancel_job_execution(req(json!({"jobId": "j", "thingName": "a"})), NOW + 1.0)
        .unwrap();
    assert_eq!(describe(&s, "j").status, Some(JobStatus::InProgress));
    s.cancel_job_execution(req(json!({"jobId": "j", "thingName": "b"})), NOW + 2.0)
        .unwrap();
    let job = describe(&s, "j");
    assert_eq!(job.status, Some(JobStatus::Completed));
    assert_eq!(job.completed_at, Some(NOW + 2.0));
    assert_eq!(
        job.job_process_details.unwrap().number_of_canceled_things,
        Some(2)
    );
    // A SNAPSHOT job on an empty group has nothing to wait for.
    create(
        &mut s,
        json!({"jobId": "empty", "targets": [group("nobody")]}),
    );
    assert_eq!(describe(&s, "empty").status, Some(JobStatus::Completed));
}

#[test]
fn continuous_jobs_follow_group_membership() {
    let mut s = store();
    s.create_thing_group("fleet", None, Default::default(), NOW)
        .unwrap();
    s.create_thing("a", None, Default::default()).unwrap();
    s.add_thing_to_thing_group("fleet", "a", NOW).unwrap();
    create(
        &mut s,
        json!({"jobId": "j", "targets": [group("fleet")], "targetSelection": "CONTINUOUS"}),
    );
    assert_eq!(
        execution(&s, "j", "a").status,
        Some(JobExecutionStatus::Queued)
    );
    // A thing that joins gets an execution.
    s.create_thing("b", None, Default::default()).unwrap();
    s.add_thing_to_thing_group("fleet", "b", NOW + 1.0).unwrap();
    assert_eq!(
        execution(&s, "j", "b").status,
        Some(JobExecutionStatus::Queued)
    );
    // One that leaves has its pending execution REMOVED...
    s.remove_thing_from_thing_group("fleet", "b", NOW + 2.0)
        .unwrap();
    let removed = execution(&s, "j", "b");
    assert_eq!(
        (removed.status, removed.version_number),
        (Some(JobExecutionStatus::Removed), Some(2))
    );
    // ...and a new execution, numbered 2, when it rejoins.
    s.add_thing_to_thing_group("fleet", "b", NOW + 3.0).unwrap();
    let again = execution(&s, "j", "b");
    assert_eq!(
        (again.status, again.execution_number),
        (Some(JobExecutionStatus::Queued), Some(2))
    );
    // CONTINUOUS jobs never complete.
    assert_eq!(describe(&s, "j").status, Some(JobStatus::InProgress));
}

#[test]
fn snapshot_jobs_ignore_later_membership_changes() {
    let mut s = store();
    s.create_thing_group("fleet", None, Default::default(), NOW)
        .unwrap();
    create(&mut s, json!({"jobId": "j", "targets": [group("fleet")]}));
    s.create_thing("late", None, Default::default()).unwrap();
    s.add_thing_to_thing_group("fleet", "late", NOW).unwrap();
    assert!(s
        .describe_job_execution(req(json!({"jobId": "j", "thingName": "late"})), NOW)
        .is_err());
}

#[test]
fn deleting_a_thing_removes_its_pending_executions() {
    let mut s = store();
    create(
        &mut s,
        json!({"jobId": "j", "targets": [thing("a"), thing("b")]}),
    );
    s.delete_thing("a", None, NOW + 1.0).unwrap();
    assert_eq!(
        execution(&s, "j", "a").status,
        Some(JobExecutionStatus::Removed)
    );
    assert_eq!(
        describe(&s, "j")
            .job_process_details
            .unwrap()
            .number_of_removed_things,
        Some(1)
    );
}

#[test]
fn cancel_job_cancels_queued_executions_and_in_progress_only_with_force() {
    let mut s = store();
    create(&mut s, json!({"jobId": "j", "targets": [thing("a")]}));
    s.cancel_job(
        req(json!({"jobId": "j", "reasonCode": "BAD_BUILD", "comment": "stop"})),
        NOW + 1.0,
    )
    .unwrap();
    let job = describe(&s, "j");
    assert_eq!(job.status, Some(JobStatus::Canceled));
    assert_eq!(
        (job.reason_code.as_deref(), job.comment.as_deref()),
        (Some("BAD_BUILD"), Some("stop"))
    );
    assert_eq!(job.force_canceled, Some(false));
    assert_eq!(
        execution(&s, "j", "a").status,
        Some(JobExecutionStatus::Canceled)
    );
    // A completed job cannot be canceled.
    create(
        &mut s,
        json!({"jobId": "done", "targets": [group("empty")]}),
    );
    assert_eq!(
        code(s.cancel_job(req(json!({"jobId": "done"})), NOW)),
        ErrorCode::InvalidRequest
    );
}

#[test]
fn delete_rules_and_the_limit_of_ten() {
    let mut s = store();
    create(&mut s, json!({"jobId": "live", "targets": [thing("a")]}));
    assert_eq!(
        code(s.delete_job(req(json!({"jobId": "live"})), NOW)),
        ErrorCode::InvalidStateTransition
    );
    s.delete_job(req(json!({"jobId": "live", "force": true})), NOW)
        .unwrap();
    assert_eq!(
        describe(&s, "live").status,
        Some(JobStatus::DeletionInProgress)
    );
    assert_eq!(
        code(s.delete_job(req(json!({"jobId": "live", "force": true})), NOW)),
        ErrorCode::InvalidStateTransition
    );
    for i in 1..MAX_DELETIONS_IN_PROGRESS {
        let id = format!("j{i}");
        create(&mut s, json!({"jobId": id, "targets": [group("empty")]}));
        s.delete_job(req(json!({"jobId": id})), NOW).unwrap();
    }
    create(
        &mut s,
        json!({"jobId": "eleventh", "targets": [group("empty")]}),
    );
    assert_eq!(
        code(s.delete_job(req(json!({"jobId": "eleventh"})), NOW)),
        ErrorCode::LimitExceeded
    );
    // The tick finishes deletions: jobs and executions are gone, ids reusable.
    s.tick(NOW);
    assert_eq!(
        code(s.describe_job(req(json!({"jobId": "live"})))),
        ErrorCode::ResourceNotFound
    );
    assert!(s
        .describe_job_execution(req(json!({"jobId": "live", "thingName": "a"})), NOW)
        .is_err());
    s.delete_job(req(json!({"jobId": "eleventh"})), NOW)
        .unwrap();
    create(&mut s, json!({"jobId": "live", "targets": [thing("a")]}));
    assert_eq!(execution(&s, "live", "a").execution_number, Some(1));
}

#[test]
fn namespaces_must_match_when_given() {
    let mut s = store();
    create(
        &mut s,
        json!({"jobId": "j", "targets": [thing("a")], "namespaceId": "ota", "targetSelection": "CONTINUOUS"}),
    );
    assert_eq!(describe(&s, "j").namespace_id.as_deref(), Some("ota"));
    let wrong = json!({"jobId": "j", "namespaceId": "other", "force": true});
    assert_eq!(
        code(s.delete_job(req(wrong), NOW)),
        ErrorCode::ResourceNotFound
    );
    let wrong = json!({"jobId": "j", "namespaceId": "other", "description": "x"});
    assert_eq!(
        code(s.update_job(req(wrong), NOW)),
        ErrorCode::ResourceNotFound
    );
    let wrong = json!({"jobId": "j", "namespaceId": "other", "targets": [group("g")]});
    assert_eq!(
        code(s.associate_targets(req(wrong), NOW)),
        ErrorCode::ResourceNotFound
    );
    let wrong =
        json!({"jobId": "j", "thingName": "a", "executionNumber": 1, "namespaceId": "other"});
    assert_eq!(
        code(s.delete_job_execution(req(wrong), NOW)),
        ErrorCode::ResourceNotFound
    );
    s.update_job(
        req(json!({"jobId": "j", "namespaceId": "ota", "description": "x"})),
        NOW,
    )
    .unwrap();
    s.update_job(req(json!({"jobId": "j", "description": "y"})), NOW)
        .unwrap();
    // Filters.
    create(&mut s, json!({"jobId": "plain", "targets": [thing("a")]}));
    let all = s.list_jobs(req(json!({}))).unwrap().jobs.len();
    let ota = s
        .list_jobs(req(json!({"namespaceId": "ota"})))
        .unwrap()
        .jobs;
    assert_eq!(
        (all, ota.len(), ota[0].job_id.as_deref()),
        (2, 1, Some("j"))
    );
    let for_thing = s
        .list_job_executions_for_thing(req(json!({"thingName": "a", "namespaceId": "ota"})))
        .unwrap();
    assert_eq!(for_thing.execution_summaries.len(), 1);
}

#[test]
fn associate_targets_rules() {
    let mut s = store();
    create(&mut s, json!({"jobId": "snap", "targets": [thing("a")]}));
    let add = |job: &str, targets: Value| json!({"jobId": job, "targets": targets});
    assert_eq!(
        code(s.associate_targets(req(add("snap", json!([group("g")]))), NOW)),
        ErrorCode::InvalidRequest
    );
    create(
        &mut s,
        json!({"jobId": "cont", "targets": [thing("a")], "targetSelection": "CONTINUOUS"}),
    );
    let out = s
        .associate_targets(req(add("cont", json!([thing("b"), thing("a")]))), NOW)
        .unwrap();
    assert_eq!(out.job_id, "cont");
    assert_eq!(
        describe(&s, "cont").targets.unwrap(),
        vec![thing("a"), thing("b")]
    );
    assert_eq!(
        execution(&s, "cont", "b").status,
        Some(JobExecutionStatus::Queued)
    );
    let many: Vec<String> = (0..99).map(|i| thing(&format!("t{i}"))).collect();
    assert_eq!(
        code(s.associate_targets(req(add("cont", json!(many))), NOW)),
        ErrorCode::LimitExceeded
    );
    s.cancel_job(req(json!({"jobId": "cont"})), NOW).unwrap();
    assert_eq!(
        code(s.associate_targets(req(add("cont", json!([thing("c")]))), NOW)),
        ErrorCode::InvalidRequest
    );
}

#[test]
fn update_replaces_whole_objects_and_only_while_running() {
    let mut s = store();
    create(
        &mut s,
        json!({"jobId": "j", "targets": [thing("a")],
        "jobExecutionsRolloutConfig": {"maximumPerMinute": 10, "exponentialRate": {"baseRatePerMinute": 1, "incrementFactor": 2, "rateIncreaseCriteria": {"numberOfNotifiedThings": 5}}}}),
    );
    s.update_job(
        req(json!({"jobId": "j", "jobExecutionsRolloutConfig": {"maximumPerMinute": 50}})),
        NOW + 1.0,
    )
    .unwrap();
    let job = describe(&s, "j");
    let rollout = job.job_executions_rollout_config.unwrap();
    assert_eq!(
        (rollout.maximum_per_minute, rollout.exponential_rate),
        (Some(50), None)
    );
    assert_eq!(job.last_updated_at, Some(NOW + 1.0));
    s.cancel_job(req(json!({"jobId": "j"})), NOW).unwrap();
    assert_eq!(
        code(s.update_job(req(json!({"jobId": "j", "description": "x"})), NOW)),
        ErrorCode::InvalidRequest
    );
}

#[test]
fn execution_cancel_and_delete_rules() {
    let mut s = store();
    create(
        &mut s,
        json!({"jobId": "j", "targets": [thing("a"), thing("b")]}),
    );
    let cancel = json!({"jobId": "j", "thingName": "a", "expectedVersion": 7});
    assert_eq!(
        code(s.cancel_job_execution(req(cancel), NOW)),
        ErrorCode::VersionConflict
    );
    s.cancel_job_execution(
        req(json!({"jobId": "j", "thingName": "a", "expectedVersion": 1, "statusDetails": {"why": "test"}})),
        NOW,
    )
    .unwrap();
    let e = execution(&s, "j", "a");
    assert_eq!(
        (e.status, e.version_number),
        (Some(JobExecutionStatus::Canceled), Some(2))
    );
    assert_eq!(
        e.status_details.unwrap().details_map.unwrap()["why"],
        "test"
    );
    // Terminal executions cannot be canceled again.
    assert_eq!(
        code(s.cancel_job_execution(req(json!({"jobId": "j", "thingName": "a"})), NOW)),
        ErrorCode::InvalidStateTransition
    );
    // Delete needs the right executionNumber.
    let wrong = json!({"jobId": "j", "thingName": "b", "executionNumber": 9});
    assert_eq!(
        code(s.delete_job_execution(req(wrong), NOW)),
        ErrorCode::ResourceNotFound
    );
    s.delete_job_execution(
        req(json!({"jobId": "j", "thingName": "b", "executionNumber": 1})),
        NOW,
    )
    .unwrap();
    assert!(s
        .describe_job_execution(req(json!({"jobId": "j", "thingName": "b"})), NOW)
        .is_err());
}

#[test]
fn list_pages_are_stable_while_jobs_are_added() {
    let mut s = store();
    for i in 0..7 {
        create(
            &mut s,
            json!({"jobId": format!("j{i}"), "targets": [thing("a")]}),
        );
    }
    let page1 = s.list_jobs(req(json!({"maxResults": 3}))).unwrap();
    let ids = |page: &ListJobsResponse| -> Vec<String> {
        page.jobs
            .iter()
            .map(|j| j.job_id.clone().unwrap())
            .collect()
    };
    assert_eq!(ids(&page1), ["j6", "j5", "j4"]);
    create(&mut s, json!({"jobId": "new", "targets": [thing("a")]}));
    let page2 = s
        .list_jobs(req(
            json!({"maxResults": 3, "nextToken": page1.next_token.unwrap()}),
        ))
        .unwrap();
    assert_eq!(ids(&page2), ["j3", "j2", "j1"]);
    let page3 = s
        .list_jobs(req(
            json!({"maxResults": 3, "nextToken": page2.next_token.unwrap()}),
        ))
        .unwrap();
    assert_eq!(
        (ids(&page3), page3.next_token),
        (vec!["j0".to_owned()], None)
    );
    // Execution lists page the same way.
    let things: Vec<String> = (0..5).map(|i| thing(&format!("t{i}"))).collect();
    create(&mut s, json!({"jobId": "wide", "targets": things}));
    let first = s
        .list_job_executions_for_job(req(json!({"jobId": "wide", "maxResults": 2})))
        .unwrap();
    let second = s
        .list_job_executions_for_job(req(
            json!({"jobId": "wide", "maxResults": 4, "nextToken": first.next_token.unwrap()}),
        ))
        .unwrap();
    assert_eq!(
        (
            first.execution_summaries.len(),
            second.execution_summaries.len()
        ),
        (2, 3)
    );
    assert!(second.next_token.is_none());
    let by_thing = s
        .list_job_executions_for_thing(req(json!({"thingName": "a", "maxResults": 5})))
        .unwrap();
    let rest = s
        .list_job_executions_for_thing(req(
            json!({"thingName": "a", "nextToken": by_thing.next_token.unwrap()}),
        ))
        .unwrap();
    assert_eq!(
        by_thing.execution_summaries.len() + rest.execution_summaries.len(),
        8
    );
    assert_eq!(
        code(s.list_jobs(req(json!({"nextToken": "garbage"})))),
        ErrorCode::InvalidRequest
    );
}

fn device_update(
    status: JobExecutionStatus,
    expected_version: Option<i64>,
) -> iotjobs_server::store::DeviceUpdate {
    iotjobs_server::store::DeviceUpdate {
        expected_version,
        include_job_execution_state: true,
        ..iotjobs_server::store::DeviceUpdate::status(status)
    }
}

#[test]
fn devices_take_and_finish_executions() {
    let mut s = store();
    create(&mut s, json!({"jobId": "j", "targets": [thing("a")]}));
    let pending = s.get_pending_job_executions("a");
    assert_eq!(pending["queuedJobs"][0]["jobId"], "j");
    let started = s.start_next_pending_job_execution("a", None, None, NOW + 1.0);
    assert_eq!(started["execution"]["status"], "IN_PROGRESS");
    assert_eq!(started["execution"]["startedAt"], json!(NOW as i64 + 1));
    let stale = s.update_job_execution(
        "a",
        "j",
        device_update(JobExecutionStatus::Succeeded, Some(1)),
        NOW,
    );
    assert_eq!(stale.unwrap_err().code, ErrorCode::InvalidStateTransition);
    let done = s
        .update_job_execution(
            "a",
            "j",
            device_update(JobExecutionStatus::Succeeded, Some(2)),
            NOW + 2.0,
        )
        .unwrap();
    assert_eq!(done["executionState"]["versionNumber"], 3);
    assert_eq!(describe(&s, "j").status, Some(JobStatus::Completed));
    let again = s.update_job_execution(
        "a",
        "j",
        device_update(JobExecutionStatus::InProgress, None),
        NOW,
    );
    assert_eq!(again.unwrap_err().code, ErrorCode::InvalidStateTransition);
    assert_eq!(
        s.start_next_pending_job_execution("a", None, None, NOW),
        json!({})
    );
}
