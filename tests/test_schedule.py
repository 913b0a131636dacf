"""Scheduled jobs: SCHEDULED until startTime, then rolled out; at endTime
the endBehavior applies. Times are UTC YYYY-MM-DDTHH:MM."""

from __future__ import annotations

import math
from datetime import datetime, timezone
from typing import Any, Tuple

import pytest
from server_helpers import create_job, expect_error, statuses, thing

from iotjobs.testing import LocalJobsServer


def minute(epoch: float) -> str:
    return datetime.fromtimestamp(epoch, tz=timezone.utc).strftime("%Y-%m-%dT%H:%M")


def window(server: LocalJobsServer, start_in: int, end_in: int | None = None) -> Tuple[float, dict[str, str]]:
    """(start epoch, schedulingConfig) starting ``start_in`` minutes from the next whole minute."""
    now = server.advance(0)
    base = math.ceil(now / 60) * 60
    config = {"startTime": minute(base + start_in * 60)}
    if end_in is not None:
        config["endTime"] = minute(base + end_in * 60)
    return base + start_in * 60, config


def test_scheduled_job_starts_at_its_start_time(manual_server: LocalJobsServer, manual_iot: Any) -> None:
    start, config = window(manual_server, 60)
    create_job(manual_iot, "s", [thing("a"), thing("b")], schedulingConfig=config)
    job = manual_iot.describe_job(jobId="s")["job"]
    assert job["status"] == "SCHEDULED" and job["jobProcessDetails"]["numberOfQueuedThings"] == 0
    assert manual_iot.list_jobs(status="SCHEDULED")["jobs"][0]["jobId"] == "s"
    manual_server.advance(start - manual_server.advance(0) - 1)
    assert manual_iot.describe_job(jobId="s")["job"]["status"] == "SCHEDULED"
    manual_server.advance(1)
    assert manual_iot.describe_job(jobId="s")["job"]["status"] == "IN_PROGRESS"
    assert statuses(manual_iot, "s") == {"a": "QUEUED", "b": "QUEUED"}
    queued_at = manual_iot.describe_job_execution(jobId="s", thingName="a")["execution"]["queuedAt"]
    assert queued_at.timestamp() == start


@pytest.mark.parametrize(
    ("behavior", "expected_job", "expected"),
    [
        ("CANCEL", "CANCELED", {"a": "IN_PROGRESS", "b": "CANCELED"}),
        ("FORCE_CANCEL", "CANCELED", {"a": "CANCELED", "b": "CANCELED"}),
    ],
)
def test_end_behavior_cancels(
    manual_server: LocalJobsServer,
    manual_iot: Any,
    manual_devices: Any,
    behavior: str,
    expected_job: str,
    expected: dict[str, str],
) -> None:
    start, config = window(manual_server, 30, 90)
    create_job(manual_iot, "s", [thing("a"), thing("b")], schedulingConfig={**config, "endBehavior": behavior})
    manual_server.advance(start - manual_server.advance(0))
    manual_devices.start_next_pending_job_execution(thingName="a")
    manual_server.advance(60 * 60)
    job = manual_iot.describe_job(jobId="s")["job"]
    assert job["status"] == expected_job
    assert job["forceCanceled"] is (behavior == "FORCE_CANCEL")
    assert statuses(manual_iot, "s") == expected


def test_stop_rollout_at_the_end_time(manual_server: LocalJobsServer, manual_iot: Any, manual_devices: Any) -> None:
    start, config = window(manual_server, 30, 60)
    create_job(
        manual_iot,
        "s",
        [thing(f"d{i:03d}") for i in range(100)],
        schedulingConfig={**config, "endBehavior": "STOP_ROLLOUT"},
        jobExecutionsRolloutConfig={"maximumPerMinute": 2},
    )
    manual_server.advance(start - manual_server.advance(0) + 3 * 3600)
    now = statuses(manual_iot, "s")
    assert len(now) == 60  # 30 minutes of rollout at 2 per minute, then stopped
    job = manual_iot.describe_job(jobId="s")["job"]
    assert job["status"] == "IN_PROGRESS" and job["isConcurrent"] is False
    for name in now:
        manual_devices.update_job_execution(thingName=name, jobId="s", status="SUCCEEDED")
    assert manual_iot.describe_job(jobId="s")["job"]["status"] == "COMPLETED"


def test_continuous_job_completes_after_its_end_time(
    manual_server: LocalJobsServer, manual_iot: Any, manual_devices: Any
) -> None:
    manual_iot.create_thing_group(thingGroupName="g")
    manual_iot.create_thing(thingName="a")
    manual_iot.add_thing_to_thing_group(thingGroupName="g", thingName="a")
    start, config = window(manual_server, 30, 60)
    from server_helpers import group

    create_job(manual_iot, "c", [group("g")], targetSelection="CONTINUOUS", schedulingConfig=config)
    manual_server.advance(start - manual_server.advance(0))
    manual_devices.update_job_execution(thingName="a", jobId="c", status="SUCCEEDED")
    assert manual_iot.describe_job(jobId="c")["job"]["status"] == "IN_PROGRESS"  # CONTINUOUS: open until the end
    manual_server.advance(30 * 60)
    assert manual_iot.describe_job(jobId="c")["job"]["status"] == "COMPLETED"
    manual_iot.create_thing(thingName="late")
    manual_iot.add_thing_to_thing_group(thingGroupName="g", thingName="late")
    assert "late" not in statuses(manual_iot, "c")


def test_start_and_end_must_be_30_minutes_apart_and_ahead(manual_server: LocalJobsServer, manual_iot: Any) -> None:
    now = manual_server.advance(0)
    too_soon = {"startTime": minute(now + 10 * 60)}
    _, too_short = window(manual_server, 30, 45)
    for config, named in [(too_soon, "startTime"), (too_short, "endTime")]:
        response = expect_error(
            manual_iot,
            "InvalidRequestException",
            400,
            manual_iot.create_job,
            jobId="s",
            targets=[thing("a")],
            document="{}",
            schedulingConfig=config,
        )
        assert named in response["Error"]["Message"]
    with pytest.raises(manual_iot.exceptions.ResourceNotFoundException):
        manual_iot.describe_job(jobId="s")  # a refused job leaves nothing behind


def test_canceling_a_scheduled_job(manual_server: LocalJobsServer, manual_iot: Any) -> None:
    start, config = window(manual_server, 30)
    create_job(manual_iot, "s", [thing("a")], schedulingConfig=config)
    manual_iot.cancel_job(jobId="s")
    manual_server.advance(start - manual_server.advance(0) + 60)
    job = manual_iot.describe_job(jobId="s")["job"]
    assert job["status"] == "CANCELED" and job["jobProcessDetails"]["numberOfQueuedThings"] == 0
