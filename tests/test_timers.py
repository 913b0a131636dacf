"""Step timers and in-progress timeouts under a manual clock: devices set,
replace and cancel step timers through boto3's iot-jobs-data client; the
control plane is read through iotjobs' own client."""

from __future__ import annotations

from typing import Any

from server_helpers import create_job, thing

from iotjobs.testing import LocalJobsServer


def status(jobs: Any, name: str, job_id: str = "t") -> str:
    result: str = jobs.describe_job_execution(jobId=job_id, thingName=name)["execution"]["status"]
    return result


def seconds_left(jobs: Any, name: str, job_id: str = "t") -> Any:
    return jobs.describe_job_execution(jobId=job_id, thingName=name)["execution"].get(
        "approximateSecondsBeforeTimedOut"
    )


def test_step_timer_times_out_an_execution(
    manual_server: LocalJobsServer, manual_jobs: Any, manual_devices: Any
) -> None:
    create_job(manual_jobs, "t", [thing("a")])
    started = manual_devices.start_next_pending_job_execution(thingName="a", stepTimeoutInMinutes=5)
    assert started["execution"]["approximateSecondsBeforeTimedOut"] == 300
    manual_server.advance(4 * 60)
    assert (status(manual_jobs, "a"), seconds_left(manual_jobs, "a")) == ("IN_PROGRESS", 60)
    manual_server.advance(60)
    assert status(manual_jobs, "a") == "TIMED_OUT"
    assert seconds_left(manual_jobs, "a") is None
    assert manual_jobs.describe_job(jobId="t")["job"]["status"] == "COMPLETED"


def test_a_later_update_replaces_the_step_timer(
    manual_server: LocalJobsServer, manual_jobs: Any, manual_devices: Any
) -> None:
    create_job(manual_jobs, "t", [thing("a")])
    manual_devices.start_next_pending_job_execution(thingName="a", stepTimeoutInMinutes=5)
    manual_server.advance(3 * 60)
    manual_devices.update_job_execution(thingName="a", jobId="t", status="IN_PROGRESS", stepTimeoutInMinutes=10)
    assert seconds_left(manual_jobs, "a") == 600
    manual_server.advance(3 * 60)  # past the first timer's 5 minutes: replaced, so nothing happens
    assert status(manual_jobs, "a") == "IN_PROGRESS"
    # An update without stepTimeoutInMinutes keeps the timer running.
    manual_devices.update_job_execution(thingName="a", jobId="t", status="IN_PROGRESS", statusDetails={"p": "50"})
    assert seconds_left(manual_jobs, "a") == 420
    manual_server.advance(7 * 60)
    assert status(manual_jobs, "a") == "TIMED_OUT"


def test_minus_one_cancels_the_step_timer(
    manual_server: LocalJobsServer, manual_jobs: Any, manual_devices: Any
) -> None:
    create_job(manual_jobs, "t", [thing("a")])
    manual_devices.start_next_pending_job_execution(thingName="a", stepTimeoutInMinutes=5)
    manual_server.advance(2 * 60)
    manual_devices.update_job_execution(thingName="a", jobId="t", status="IN_PROGRESS", stepTimeoutInMinutes=-1)
    assert seconds_left(manual_jobs, "a") is None
    manual_server.advance(24 * 3600)
    assert status(manual_jobs, "a") == "IN_PROGRESS"


def test_step_timer_never_outlasts_the_in_progress_timeout(
    manual_server: LocalJobsServer, manual_jobs: Any, manual_devices: Any
) -> None:
    create_job(manual_jobs, "t", [thing("a")], timeoutConfig={"inProgressTimeoutInMinutes": 10})
    manual_devices.update_job_execution(thingName="a", jobId="t", status="IN_PROGRESS", stepTimeoutInMinutes=30)
    assert seconds_left(manual_jobs, "a") == 600
    manual_server.advance(10 * 60)
    assert status(manual_jobs, "a") == "TIMED_OUT"


def test_timeouts_fire_in_deadline_order_with_their_own_time(
    manual_server: LocalJobsServer, manual_jobs: Any, manual_devices: Any
) -> None:
    create_job(manual_jobs, "t", [thing("a"), thing("b")])
    start = manual_server.advance(0)
    manual_devices.start_next_pending_job_execution(thingName="a", stepTimeoutInMinutes=7)
    manual_devices.start_next_pending_job_execution(thingName="b", stepTimeoutInMinutes=2)
    manual_server.advance(3600)  # both due in one advance
    executions = {
        s["thingArn"].rsplit("/", 1)[1]: s["jobExecutionSummary"]
        for s in manual_jobs.list_job_executions_for_job(jobId="t")["executionSummaries"]
    }
    assert executions["a"]["lastUpdatedAt"].timestamp() == start + 7 * 60
    assert executions["b"]["lastUpdatedAt"].timestamp() == start + 2 * 60
    job = manual_jobs.describe_job(jobId="t")["job"]
    assert job["completedAt"].timestamp() == start + 7 * 60


def test_step_timeout_out_of_range_is_refused(manual_devices: Any, manual_jobs: Any) -> None:
    create_job(manual_jobs, "t", [thing("a")])
    for minutes in (0, 10081):
        try:
            manual_devices.start_next_pending_job_execution(thingName="a", stepTimeoutInMinutes=minutes)
        except manual_devices.exceptions.InvalidRequestException as err:
            assert "stepTimeoutInMinutes" in str(err)
        else:
            raise AssertionError(f"stepTimeoutInMinutes={minutes} was accepted")
