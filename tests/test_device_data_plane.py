"""The device data plane (iot-jobs-data) through boto3's own client, on the
same endpoint as the control plane."""

from __future__ import annotations

from typing import Any

import boto3
import pytest
from botocore.config import Config
from server_helpers import create_job, expect_error, thing

from iotjobs.testing import LocalJobsServer


@pytest.fixture
def devices(server: LocalJobsServer) -> Any:
    return boto3.client(
        "iot-jobs-data",
        endpoint_url=server.endpoint_url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
        config=Config(retries={"total_max_attempts": 1}),
    )


def test_pending_start_next_and_complete(iot: Any, devices: Any) -> None:
    create_job(iot, "first", [thing("dev-1")], document='{"step": 1}')
    create_job(iot, "second", [thing("dev-1"), thing("dev-2")], document='{"step": 2}')
    pending = devices.get_pending_job_executions(thingName="dev-1")
    assert [j["jobId"] for j in pending["queuedJobs"]] == ["first", "second"]
    assert pending["inProgressJobs"] == []
    assert isinstance(pending["queuedJobs"][0]["queuedAt"], int)

    started = devices.start_next_pending_job_execution(thingName="dev-1", statusDetails={"phase": "download"})
    execution = started["execution"]
    assert (execution["jobId"], execution["status"], execution["versionNumber"]) == ("first", "IN_PROGRESS", 2)
    assert execution["jobDocument"] == '{"step": 1}' and execution["statusDetails"] == {"phase": "download"}
    # An execution already in progress comes back unchanged.
    again = devices.start_next_pending_job_execution(thingName="dev-1")["execution"]
    assert (again["jobId"], again["versionNumber"]) == ("first", 2)
    assert [j["jobId"] for j in devices.get_pending_job_executions(thingName="dev-1")["inProgressJobs"]] == ["first"]

    done = devices.update_job_execution(
        thingName="dev-1",
        jobId="first",
        status="SUCCEEDED",
        expectedVersion=2,
        includeJobExecutionState=True,
        includeJobDocument=True,
    )
    assert done["executionState"] == {"status": "SUCCEEDED", "statusDetails": {"phase": "download"}, "versionNumber": 3}
    assert done["jobDocument"] == '{"step": 1}'
    job = iot.describe_job(jobId="first")["job"]
    assert job["status"] == "COMPLETED" and job["jobProcessDetails"]["numberOfSucceededThings"] == 1

    nxt = devices.describe_job_execution(thingName="dev-1", jobId="$next")["execution"]
    assert nxt["jobId"] == "second"
    without_document = devices.describe_job_execution(thingName="dev-1", jobId="second", includeJobDocument=False)
    assert "jobDocument" not in without_document["execution"]
    assert "execution" not in devices.start_next_pending_job_execution(thingName="nobody")


def test_transitions_and_versions(iot: Any, devices: Any) -> None:
    create_job(iot, "j", [thing("dev-1"), thing("dev-2")])
    # QUEUED straight to FAILED is allowed.
    devices.update_job_execution(thingName="dev-2", jobId="j", status="FAILED")
    expect_error(
        devices,
        "InvalidStateTransitionException",
        409,
        devices.update_job_execution,
        thingName="dev-2",
        jobId="j",
        status="IN_PROGRESS",
    )
    devices.update_job_execution(thingName="dev-1", jobId="j", status="IN_PROGRESS", statusDetails={"pct": "50"})
    expect_error(
        devices,
        "InvalidStateTransitionException",
        409,
        devices.update_job_execution,
        thingName="dev-1",
        jobId="j",
        status="SUCCEEDED",
        expectedVersion=1,
    )
    expect_error(
        devices,
        "InvalidRequestException",
        400,
        devices.update_job_execution,
        thingName="dev-1",
        jobId="j",
        status="CANCELED",
    )
    expect_error(
        devices, "ResourceNotFoundException", 404, devices.describe_job_execution, thingName="dev-1", jobId="nope"
    )
    devices.update_job_execution(thingName="dev-1", jobId="j", status="REJECTED")
    counters = iot.describe_job(jobId="j")["job"]["jobProcessDetails"]
    assert (counters["numberOfFailedThings"], counters["numberOfRejectedThings"]) == (1, 1)
    assert iot.describe_job(jobId="j")["job"]["status"] == "COMPLETED"


def test_control_plane_routes_stay_control_plane(iot: Any, devices: Any) -> None:
    create_job(iot, "j", [thing("dev-1")])
    # Same path and method, different service: each gets its own answer shape.
    assert "executionSummaries" in iot.list_job_executions_for_thing(thingName="dev-1")
    assert "queuedJobs" in devices.get_pending_job_executions(thingName="dev-1")
    assert "detailsMap" in iot.describe_job_execution(jobId="j", thingName="dev-1")["execution"]["statusDetails"]
    assert devices.describe_job_execution(thingName="dev-1", jobId="j")["execution"]["statusDetails"] == {}
