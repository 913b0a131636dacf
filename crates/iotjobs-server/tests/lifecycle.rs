//! The lifecycle engine under random operations: the per-job counters the
//! store keeps incrementally always equal a recount of the executions, no
//! sequence of calls panics, and a saved store loads back identical.

use iotjobs_model::types::*;
use iotjobs_model::{Mode, Request};
use iotjobs_server::store::{DeviceUpdate, FleetPlan, Store, StoreConfig};
use serde_json::{json, Value};
use std::collections::BTreeMap;

const NOW: f64 = 1_800_000_000.0;
const THINGS: usize = 12;

fn req<R: Request>(params: Value) -> R {
    R::from_json(&params, Mode::Strict).expect("valid request")
}

fn thing_arn(i: usize) -> String {
    format!("arn:aws:iot:us-east-1:123456789012:thing/t{i}")
}

/// Per job: status -> number of things whose latest execution has it,
/// counted from the full state dump.
fn recount(store: &Store) -> BTreeMap<String, BTreeMap<String, i32>> {
    let snapshot = store.snapshot();
    let mut latest: BTreeMap<(String, String), (i64, String)> = BTreeMap::new();
    for e in snapshot["executions"].as_array().unwrap() {
        let key = (
            e["jobId"].as_str().unwrap().to_owned(),
            e["thingName"].as_str().unwrap().to_owned(),
        );
        let number = e["executionNumber"].as_i64().unwrap();
        let status = e["status"].as_str().unwrap().to_owned();
        if latest.get(&key).is_none_or(|(n, _)| number > *n) {
            latest.insert(key, (number, status));
        }
    }
    let mut counts: BTreeMap<String, BTreeMap<String, i32>> = BTreeMap::new();
    for job in snapshot["jobs"].as_array().unwrap() {
        counts
            .entry(job["jobId"].as_str().unwrap().to_owned())
            .or_default();
    }
    for ((job, _), (_, status)) in latest {
        *counts.entry(job).or_default().entry(status).or_default() += 1;
    }
    counts
}

fn reported(store: &Store, job_id: &str) -> BTreeMap<String, i32> {
    let details = store
        .describe_job(req(json!({"jobId": job_id})))
        .unwrap()
        .job
        .job_process_details
        .unwrap();
    [
        ("QUEUED", details.number_of_queued_things),
        ("IN_PROGRESS", details.number_of_in_progress_things),
        ("SUCCEEDED", details.number_of_succeeded_things),
        ("FAILED", details.number_of_failed_things),
        ("TIMED_OUT", details.number_of_timed_out_things),
        ("REJECTED", details.number_of_rejected_things),
        ("REMOVED", details.number_of_removed_things),
        ("CANCELED", details.number_of_canceled_things),
    ]
    .into_iter()
    .filter_map(|(status, n)| n.filter(|n| *n > 0).map(|n| (status.to_owned(), n)))
    .collect()
}

fn check_counters(store: &Store, step: usize) {
    for (job_id, expected) in recount(store) {
        assert_eq!(
            reported(store, &job_id),
            expected,
            "job {job_id} after step {step}"
        );
    }
}

fn random_job(rng: &mut fastrand::Rng, id: usize) -> Value {
    let mut targets: Vec<String> = (0..rng.usize(1..4))
        .map(|_| thing_arn(rng.usize(0..THINGS)))
        .collect();
    if rng.bool() {
        targets.push("arn:aws:iot:us-east-1:123456789012:thinggroup/g".to_owned());
    }
    let mut job = json!({
        "jobId": format!("j{id}"),
        "targets": targets,
        "document": "{}",
        "targetSelection": if rng.bool() { "CONTINUOUS" } else { "SNAPSHOT" },
        "timeoutConfig": {"inProgressTimeoutInMinutes": rng.i64(1..5)},
    });
    if rng.bool() {
        job["jobExecutionsRolloutConfig"] = json!({"maximumPerMinute": rng.i32(1..3)});
    }
    if rng.bool() {
        job["abortConfig"] = json!({"criteriaList": [{
            "failureType": "ALL", "action": "CANCEL", "thresholdPercentage": 50, "minNumberOfExecutedThings": 2
        }]});
    }
    if rng.bool() {
        job["jobExecutionsRetryConfig"] =
            json!({"criteriaList": [{"failureType": "ALL", "numberOfRetries": 1}]});
    }
    job
}

fn device_status(rng: &mut fastrand::Rng) -> JobExecutionStatus {
    [
        JobExecutionStatus::InProgress,
        JobExecutionStatus::Succeeded,
        JobExecutionStatus::Failed,
        JobExecutionStatus::Rejected,
    ][rng.usize(0..4)]
    .clone()
}

/// One random call, as a test or a device might make it; errors are fine,
/// panics and wrong counters are not.
fn random_step(store: &mut Store, rng: &mut fastrand::Rng, now: &mut f64, jobs: &mut usize) {
    let job = format!("j{}", rng.usize(0..(*jobs).max(1)));
    let thing = format!("t{}", rng.usize(0..THINGS));
    match rng.u8(0..12) {
        0 => {
            let _ = store.create_job(req(random_job(rng, *jobs)), *now);
            *jobs += 1;
        }
        1..=3 => {
            let update = DeviceUpdate {
                step_timeout_in_minutes: rng.bool().then(|| rng.i64(1..4)),
                ..DeviceUpdate::status(device_status(rng))
            };
            let _ = store.update_job_execution(&thing, &job, update, *now);
        }
        4 => {
            store.start_next_pending_job_execution(&thing, None, rng.bool().then_some(2), *now);
        }
        5 => {
            let params = json!({"jobId": job, "thingName": thing, "force": rng.bool()});
            let _ = store.cancel_job_execution(req(params), *now);
        }
        6 => {
            let _ = store.cancel_job(req(json!({"jobId": job, "force": rng.bool()})), *now);
        }
        7 => {
            let _ = store.add_thing_to_thing_group("g", &thing, *now);
        }
        8 => {
            let _ = store.remove_thing_from_thing_group("g", &thing, *now);
        }
        9 => {
            let plan = FleetPlan {
                failed: 0.3,
                rejected: 0.1,
                stuck: 0.2,
            };
            let _ = store.run_fleet(&job, plan, rng.u64(..), *now);
        }
        10 => {
            let params = json!({"jobId": job, "thingName": thing, "executionNumber": 1, "force": rng.bool()});
            let _ = store.delete_job_execution(req(params), *now);
        }
        _ => {
            *now += rng.f64() * 150.0;
            store.tick(*now);
        }
    }
}

#[test]
fn counters_always_match_a_recount() {
    for seed in 0..20 {
        let mut rng = fastrand::Rng::with_seed(seed);
        let mut store = Store::new(StoreConfig::default());
        let names: Vec<String> = (0..THINGS).map(|i| format!("t{i}")).collect();
        store
            .register_fleet(&names[..THINGS / 2], Some("g"), NOW)
            .unwrap();
        store
            .register_fleet(&names[THINGS / 2..], None, NOW)
            .unwrap();
        let (mut now, mut jobs) = (NOW, 0);
        for step in 0..250 {
            random_step(&mut store, &mut rng, &mut now, &mut jobs);
            check_counters(&store, step);
        }
        let saved = serde_json::to_value(store.saved()).unwrap();
        let loaded = Store::from_saved(saved, StoreConfig::default()).unwrap();
        assert_eq!(loaded.snapshot(), store.snapshot(), "seed {seed}");
        check_counters(&loaded, 250);
    }
}

#[test]
fn ten_thousand_thing_rollout_with_abort() {
    let mut store = Store::new(StoreConfig::default());
    let names: Vec<String> = (0..10_000).map(|i| format!("d{i:05}")).collect();
    store.register_fleet(&names, Some("fleet"), NOW).unwrap();
    let job = json!({
        "jobId": "big", "document": "{}",
        "targets": ["arn:aws:iot:us-east-1:123456789012:thinggroup/fleet"],
        "jobExecutionsRolloutConfig": {"maximumPerMinute": 1000, "exponentialRate": {
            "baseRatePerMinute": 50, "incrementFactor": 2, "rateIncreaseCriteria": {"numberOfSucceededThings": 100}}},
        "abortConfig": {"criteriaList": [{"failureType": "FAILED", "action": "CANCEL",
            "thresholdPercentage": 10, "minNumberOfExecutedThings": 1000}]},
    });
    store.create_job(req(job), NOW).unwrap();
    let mut now = NOW;
    let plan = FleetPlan {
        failed: 0.05,
        ..FleetPlan::default()
    };
    for minute in 0..60 {
        store.run_fleet("big", plan, minute, now).unwrap();
        now += 60.0;
        store.tick(now);
    }
    let details = reported(&store, "big");
    assert_eq!(
        details.get("SUCCEEDED").copied().unwrap_or(0) + details["FAILED"],
        10_000
    );
    let job = store
        .describe_job(req(json!({"jobId": "big"})))
        .unwrap()
        .job;
    assert_eq!(job.status, Some(JobStatus::Completed));
}
