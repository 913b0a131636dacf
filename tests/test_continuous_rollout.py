"""CONTINUOUS jobs whose target group changes while a paced rollout runs:
leavers are never notified (or become REMOVED), joiners get executions at
once, outside the rollout's pace."""

from __future__ import annotations

from typing import Any

from server_helpers import statuses

from iotjobs.testing import Fleet, LocalJobsServer


def test_membership_changes_mid_rollout(manual_server: LocalJobsServer, manual_iot: Any) -> None:
    fleet = Fleet(manual_server, 30, group="fleet")  # device-00 .. device-29
    manual_iot.create_job(
        jobId="c",
        targets=[fleet.group_arn],
        document="{}",
        targetSelection="CONTINUOUS",
        jobExecutionsRolloutConfig={"maximumPerMinute": 10},
    )
    first = statuses(manual_iot, "c")
    assert len(first) == 10
    notified = sorted(first)[0]
    not_yet = next(name for name in fleet.names if name not in first)
    # A notified thing leaves: its QUEUED execution is REMOVED.
    manual_iot.remove_thing_from_thing_group(thingGroupName="fleet", thingName=notified)
    # A thing still waiting for its batch leaves: it will never be notified.
    manual_iot.remove_thing_from_thing_group(thingGroupName="fleet", thingName=not_yet)
    # A new thing joins: it gets an execution now, not in a later batch.
    manual_iot.create_thing(thingName="newcomer")
    manual_iot.add_thing_to_thing_group(thingGroupName="fleet", thingName="newcomer")
    now = statuses(manual_iot, "c")
    assert now[notified] == "REMOVED" and now["newcomer"] == "QUEUED" and not_yet not in now
    assert len(now) == 11
    manual_server.advance(60)  # the next batch: 10 more of the original members
    assert len(statuses(manual_iot, "c")) == 21
    manual_server.advance(60)  # the last 9 of the original members (the leaver is skipped)
    final = statuses(manual_iot, "c")
    assert len(final) == 30 and not_yet not in final
    job = manual_iot.describe_job(jobId="c")["job"]
    assert job["isConcurrent"] is False and job["status"] == "IN_PROGRESS"
    assert job["jobProcessDetails"]["numberOfQueuedThings"] == 29
    assert job["jobProcessDetails"]["numberOfRemovedThings"] == 1


def test_a_thing_that_rejoins_gets_a_new_execution(
    manual_server: LocalJobsServer, manual_iot: Any, manual_devices: Any
) -> None:
    fleet = Fleet(manual_server, 3, group="fleet")
    manual_iot.create_job(jobId="c", targets=[fleet.group_arn], document="{}", targetSelection="CONTINUOUS")
    manual_devices.update_job_execution(thingName="device-0", jobId="c", status="SUCCEEDED")
    manual_iot.remove_thing_from_thing_group(thingGroupName="fleet", thingName="device-0")
    manual_iot.add_thing_to_thing_group(thingGroupName="fleet", thingName="device-0")
    execution = manual_iot.describe_job_execution(jobId="c", thingName="device-0")["execution"]
    assert (execution["status"], execution["executionNumber"]) == ("QUEUED", 2)
