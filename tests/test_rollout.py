"""Rollout pacing under a manual clock: maximumPerMinute, exponential
rates capped by maximumPerMinute, processingTargets and isConcurrent."""

from __future__ import annotations

from typing import Any, List

from server_helpers import create_job, thing

from iotjobs.testing import LocalJobsServer


def notified(iot: Any, job_id: str) -> int:
    return sum(
        len(page["executionSummaries"])
        for page in iot.get_paginator("list_job_executions_for_job").paginate(
            jobId=job_id, PaginationConfig={"PageSize": 250}
        )
    )


def test_maximum_per_minute(manual_server: LocalJobsServer, manual_iot: Any) -> None:
    targets = [thing(f"dev-{i:04d}") for i in range(1000)]
    # 1,000 thing targets: created through the API in batches of 100 per call is not needed:
    # one CreateJob with all of them.
    create_job(manual_iot, "wave", targets, jobExecutionsRolloutConfig={"maximumPerMinute": 100})
    counts: List[int] = [notified(manual_iot, "wave")]
    job = manual_iot.describe_job(jobId="wave")["job"]
    assert job["isConcurrent"] is True
    assert job["jobProcessDetails"]["processingTargets"] == targets
    for _ in range(10):
        manual_server.advance(60)
        counts.append(notified(manual_iot, "wave"))
    assert counts == [100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1000]
    job = manual_iot.describe_job(jobId="wave")["job"]
    assert job["isConcurrent"] is False and "processingTargets" not in job["jobProcessDetails"]


def test_partial_minutes_notify_nothing_new(manual_server: LocalJobsServer, manual_iot: Any) -> None:
    create_job(
        manual_iot, "slow", [thing(f"d{i}") for i in range(30)], jobExecutionsRolloutConfig={"maximumPerMinute": 10}
    )
    manual_server.advance(59)
    assert notified(manual_iot, "slow") == 10
    manual_server.advance(1)
    assert notified(manual_iot, "slow") == 20
    manual_server.advance(600)  # several minutes at once: every batch due runs
    assert notified(manual_iot, "slow") == 30


def test_exponential_rate_doubles_and_is_capped(
    manual_server: LocalJobsServer, manual_iot: Any, manual_devices: Any
) -> None:
    rollout = {
        "maximumPerMinute": 35,
        "exponentialRate": {
            "baseRatePerMinute": 10,
            "incrementFactor": 2,
            "rateIncreaseCriteria": {"numberOfSucceededThings": 50},
        },
    }
    create_job(manual_iot, "exp", [thing(f"d{i:03d}") for i in range(300)], jobExecutionsRolloutConfig=rollout)
    batches: List[int] = []
    total = 0
    for _ in range(60):  # bounded: a stalled rollout fails instead of hanging
        if total >= 300:
            break
        now = notified(manual_iot, "exp")
        batches.append(now - total)
        total = now
        for page in manual_iot.get_paginator("list_job_executions_for_job").paginate(jobId="exp", status="QUEUED"):
            for summary in page["executionSummaries"]:
                name = summary["thingArn"].rsplit("/", 1)[1]
                manual_devices.update_job_execution(thingName=name, jobId="exp", status="SUCCEEDED")
        manual_server.advance(60)
    assert batches[0] == 10
    assert 20 in batches  # doubled once 50 had succeeded
    assert max(batches) == 35  # 40 capped at maximumPerMinute
    assert batches == sorted(batches[:-1]) + batches[-1:]  # the pace never slows down (the last batch is what is left)
    assert manual_iot.describe_job(jobId="exp")["job"]["status"] == "COMPLETED"


def test_snapshot_completes_only_after_the_rollout(
    manual_server: LocalJobsServer, manual_iot: Any, manual_devices: Any
) -> None:
    create_job(manual_iot, "r", [thing(f"d{i}") for i in range(4)], jobExecutionsRolloutConfig={"maximumPerMinute": 2})
    for name in ["d0", "d1"]:
        manual_devices.update_job_execution(thingName=name, jobId="r", status="SUCCEEDED")
    assert manual_iot.describe_job(jobId="r")["job"]["status"] == "IN_PROGRESS"
    manual_server.advance(60)
    for name in ["d2", "d3"]:
        manual_devices.update_job_execution(thingName=name, jobId="r", status="SUCCEEDED")
    assert manual_iot.describe_job(jobId="r")["job"]["status"] == "COMPLETED"


def test_cancel_stops_the_rollout(manual_server: LocalJobsServer, manual_iot: Any) -> None:
    create_job(manual_iot, "c", [thing(f"d{i}") for i in range(10)], jobExecutionsRolloutConfig={"maximumPerMinute": 3})
    manual_iot.cancel_job(jobId="c")
    manual_server.advance(600)
    assert notified(manual_iot, "c") == 3
    assert manual_iot.describe_job(jobId="c")["job"]["isConcurrent"] is False
