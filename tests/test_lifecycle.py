"""Jobs that act on their own: abort criteria and in-progress timeouts,
driven by devices (boto3's iot-jobs-data client) and a manual clock."""

from __future__ import annotations

from typing import Any

from server_helpers import create_job, statuses, thing

from iotjobs.testing import LocalJobsServer

ABORT_20_PERCENT = {
    "criteriaList": [
        {"failureType": "FAILED", "action": "CANCEL", "thresholdPercentage": 20, "minNumberOfExecutedThings": 10}
    ]
}


def finish(devices: Any, job_id: str, name: str, status: str) -> None:
    devices.update_job_execution(thingName=name, jobId=job_id, status=status)


def test_abort_fires_at_the_threshold_and_not_before(manual_iot: Any, manual_devices: Any) -> None:
    names = [f"dev-{i:02d}" for i in range(50)]
    create_job(manual_iot, "fw", [thing(n) for n in names], abortConfig=ABORT_20_PERCENT)
    manual_devices.update_job_execution(thingName="dev-49", jobId="fw", status="IN_PROGRESS")
    # 1 failure among the first 10 finished: 10% < 20%, keeps running.
    finish(manual_devices, "fw", "dev-00", "FAILED")
    for name in names[1:10]:
        finish(manual_devices, "fw", name, "SUCCEEDED")
    assert manual_iot.describe_job(jobId="fw")["job"]["status"] == "IN_PROGRESS"
    # A 2nd failure once 10 have finished: 2 of 11 = 18.2%, still below.
    finish(manual_devices, "fw", "dev-10", "FAILED")
    assert manual_iot.describe_job(jobId="fw")["job"]["status"] == "IN_PROGRESS"
    # A 3rd: 3 of 12 = 25% >= 20%: canceled at that moment.
    finish(manual_devices, "fw", "dev-11", "FAILED")
    job = manual_iot.describe_job(jobId="fw")["job"]
    assert (job["status"], job["reasonCode"], job["forceCanceled"]) == ("CANCELED", "ABORT_CRITERIA_MET", False)
    assert "3 of 12" in job["comment"]
    now = statuses(manual_iot, "fw")
    assert now["dev-49"] == "IN_PROGRESS"  # in progress: untouched
    assert now["dev-20"] == "CANCELED"  # queued: canceled
    assert job["jobProcessDetails"]["numberOfCanceledThings"] == 37


def test_abort_needs_the_minimum_number_of_executed_things(manual_iot: Any, manual_devices: Any) -> None:
    create_job(manual_iot, "fw", [thing(f"d{i}") for i in range(20)], abortConfig=ABORT_20_PERCENT)
    for i in range(5):
        finish(manual_devices, "fw", f"d{i}", "FAILED")  # 100% failed, but only 5 executed
    assert manual_iot.describe_job(jobId="fw")["job"]["status"] == "IN_PROGRESS"


def test_all_aggregates_failed_rejected_and_timed_out(manual_iot: Any, manual_devices: Any) -> None:
    abort = {
        "criteriaList": [
            {"failureType": "ALL", "action": "CANCEL", "thresholdPercentage": 50, "minNumberOfExecutedThings": 4}
        ]
    }
    create_job(manual_iot, "fw", [thing(f"d{i}") for i in range(10)], abortConfig=abort)
    finish(manual_devices, "fw", "d0", "FAILED")
    finish(manual_devices, "fw", "d1", "REJECTED")
    finish(manual_devices, "fw", "d2", "SUCCEEDED")
    assert manual_iot.describe_job(jobId="fw")["job"]["status"] == "IN_PROGRESS"
    finish(manual_devices, "fw", "d3", "SUCCEEDED")  # 2 of 4 = 50% >= 50%
    assert manual_iot.describe_job(jobId="fw")["job"]["status"] == "CANCELED"


def test_in_progress_timeout(manual_server: LocalJobsServer, manual_iot: Any, manual_devices: Any) -> None:
    create_job(manual_iot, "t", [thing("a"), thing("b")], timeoutConfig={"inProgressTimeoutInMinutes": 10})
    manual_devices.start_next_pending_job_execution(thingName="a")
    described = manual_iot.describe_job_execution(jobId="t", thingName="a")["execution"]
    assert described["approximateSecondsBeforeTimedOut"] == 600
    manual_server.advance(9 * 60)
    assert statuses(manual_iot, "t")["a"] == "IN_PROGRESS"
    assert (
        manual_iot.describe_job_execution(jobId="t", thingName="a")["execution"]["approximateSecondsBeforeTimedOut"]
        == 60
    )
    manual_server.advance(60)
    assert statuses(manual_iot, "t") == {"a": "TIMED_OUT", "b": "QUEUED"}  # queued ones have no timer
    counters = manual_iot.describe_job(jobId="t")["job"]["jobProcessDetails"]
    assert counters["numberOfTimedOutThings"] == 1
    assert (
        "approximateSecondsBeforeTimedOut"
        not in manual_iot.describe_job_execution(jobId="t", thingName="a")["execution"]
    )


def test_timeouts_can_trip_an_abort(manual_server: LocalJobsServer, manual_iot: Any, manual_devices: Any) -> None:
    abort = {
        "criteriaList": [
            {"failureType": "TIMED_OUT", "action": "CANCEL", "thresholdPercentage": 50, "minNumberOfExecutedThings": 2}
        ]
    }
    create_job(
        manual_iot,
        "t",
        [thing(f"d{i}") for i in range(4)],
        abortConfig=abort,
        timeoutConfig={"inProgressTimeoutInMinutes": 5},
    )
    manual_devices.start_next_pending_job_execution(thingName="d0")
    manual_devices.start_next_pending_job_execution(thingName="d1")
    manual_server.advance(6 * 60)
    job = manual_iot.describe_job(jobId="t")["job"]
    assert job["status"] == "CANCELED" and job["reasonCode"] == "ABORT_CRITERIA_MET"
    assert statuses(manual_iot, "t") == {"d0": "TIMED_OUT", "d1": "TIMED_OUT", "d2": "CANCELED", "d3": "CANCELED"}


def test_second_failure_as_the_tenth_execution_cancels(manual_iot: Any, manual_devices: Any) -> None:
    names = [f"dev-{i:02d}" for i in range(50)]
    create_job(manual_iot, "fw", [thing(n) for n in names], abortConfig=ABORT_20_PERCENT)
    finish(manual_devices, "fw", "dev-00", "FAILED")
    for name in names[1:9]:
        finish(manual_devices, "fw", name, "SUCCEEDED")
    assert manual_iot.describe_job(jobId="fw")["job"]["status"] == "IN_PROGRESS"  # 9 executed: below the minimum
    finish(manual_devices, "fw", "dev-09", "FAILED")  # 2 of 10 = 20%
    assert manual_iot.describe_job(jobId="fw")["job"]["status"] == "CANCELED"
