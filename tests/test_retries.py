"""Retries (jobExecutionsRetryConfig): FAILED and TIMED_OUT executions are
queued again up to the limit, with retryAttempt counting."""

from __future__ import annotations

from typing import Any, Dict

from server_helpers import create_job, thing

from iotjobs.testing import Fleet, LocalJobsServer


def summary(jobs: Any, name: str, job_id: str = "r") -> Dict[str, Any]:
    for s in jobs.list_job_executions_for_job(jobId=job_id)["executionSummaries"]:
        if s["thingArn"].endswith(f"/{name}"):
            result: Dict[str, Any] = s["jobExecutionSummary"]
            return result
    raise AssertionError(f"no execution on {name}")


def retries(*criteria: Any) -> Dict[str, Any]:
    return {"criteriaList": [{"failureType": kind, "numberOfRetries": n} for kind, n in criteria]}


def test_failed_is_retried_up_to_the_limit(manual_jobs: Any, manual_devices: Any) -> None:
    create_job(manual_jobs, "r", [thing("a")], jobExecutionsRetryConfig=retries(("FAILED", 2)))
    seen = []
    for _ in range(3):
        manual_devices.update_job_execution(thingName="a", jobId="r", status="FAILED")
        s = summary(manual_jobs, "a")
        seen.append((s["status"], s["retryAttempt"], s["executionNumber"]))
    assert seen == [("QUEUED", 1, 1), ("QUEUED", 2, 1), ("FAILED", 2, 1)]
    job = manual_jobs.describe_job(jobId="r")["job"]
    assert job["status"] == "COMPLETED" and job["jobProcessDetails"]["numberOfFailedThings"] == 1


def test_a_retried_execution_runs_again_and_can_succeed(manual_jobs: Any, manual_devices: Any) -> None:
    create_job(manual_jobs, "r", [thing("a")], jobExecutionsRetryConfig=retries(("FAILED", 1)))
    manual_devices.start_next_pending_job_execution(thingName="a")
    manual_devices.update_job_execution(thingName="a", jobId="r", status="FAILED")
    pending = manual_devices.get_pending_job_executions(thingName="a")
    assert [j["jobId"] for j in pending["queuedJobs"]] == ["r"]
    manual_devices.start_next_pending_job_execution(thingName="a")
    manual_devices.update_job_execution(thingName="a", jobId="r", status="SUCCEEDED")
    s = summary(manual_jobs, "a")
    assert (s["status"], s["retryAttempt"]) == ("SUCCEEDED", 1)


def test_timed_out_is_retried(manual_server: LocalJobsServer, manual_jobs: Any, manual_devices: Any) -> None:
    create_job(
        manual_jobs,
        "r",
        [thing("a")],
        timeoutConfig={"inProgressTimeoutInMinutes": 5},
        jobExecutionsRetryConfig=retries(("TIMED_OUT", 1), ("FAILED", 3)),
    )
    manual_devices.start_next_pending_job_execution(thingName="a")
    manual_server.advance(5 * 60)
    assert (summary(manual_jobs, "a")["status"], summary(manual_jobs, "a")["retryAttempt"]) == ("QUEUED", 1)
    manual_devices.start_next_pending_job_execution(thingName="a")
    manual_server.advance(5 * 60)
    assert (summary(manual_jobs, "a")["status"], summary(manual_jobs, "a")["retryAttempt"]) == ("TIMED_OUT", 1)


def test_rejected_is_never_retried(manual_jobs: Any, manual_devices: Any) -> None:
    create_job(manual_jobs, "r", [thing("a")], jobExecutionsRetryConfig=retries(("FAILED", 5)))
    manual_devices.update_job_execution(thingName="a", jobId="r", status="REJECTED")
    assert summary(manual_jobs, "a")["status"] == "REJECTED"


def test_all_counts_failures_of_both_kinds(
    manual_server: LocalJobsServer, manual_jobs: Any, manual_devices: Any
) -> None:
    create_job(
        manual_jobs,
        "r",
        [thing("a")],
        timeoutConfig={"inProgressTimeoutInMinutes": 1},
        jobExecutionsRetryConfig=retries(("ALL", 2)),
    )
    manual_devices.update_job_execution(thingName="a", jobId="r", status="FAILED")  # retry 1
    manual_devices.start_next_pending_job_execution(thingName="a")
    manual_server.advance(60)  # timed out: retry 2
    manual_devices.update_job_execution(thingName="a", jobId="r", status="FAILED")  # no retries left
    s = summary(manual_jobs, "a")
    assert (s["status"], s["retryAttempt"]) == ("FAILED", 2)


def test_retried_executions_do_not_count_towards_abort(manual_server: LocalJobsServer, manual_jobs: Any) -> None:
    fleet = Fleet(manual_server, 20, group="g")
    abort = {
        "criteriaList": [
            {"failureType": "FAILED", "action": "CANCEL", "thresholdPercentage": 50, "minNumberOfExecutedThings": 5}
        ]
    }
    manual_jobs.create_job(
        jobId="r",
        targets=[fleet.group_arn],
        document="{}",
        abortConfig=abort,
        jobExecutionsRetryConfig=retries(("FAILED", 1)),
    )
    first = fleet.run("r", failed=1.0)  # every device fails once: all queued again
    assert first["failed"] == 20
    counters = manual_jobs.describe_job(jobId="r")["job"]["jobProcessDetails"]
    assert (counters["numberOfQueuedThings"], counters["numberOfFailedThings"]) == (20, 0)
    assert manual_jobs.describe_job(jobId="r")["job"]["status"] == "IN_PROGRESS"
    fleet.run("r", failed=1.0)  # the retries fail too: now they count, and the job aborts
    job = manual_jobs.describe_job(jobId="r")["job"]
    assert (job["status"], job["reasonCode"]) == ("CANCELED", "ABORT_CRITERIA_MET")
