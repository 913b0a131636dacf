"""The same scenario through boto3 and through iotjobs, against the same
server: identical dicts (ResponseMetadata aside, datetimes compared as
instants) and identical error codes. Against the local server, and against
a moto server for the operations moto supports."""

from __future__ import annotations

import datetime as dt
from typing import Any, List

from conftest import boto3_iot, iotjobs_clients
from server_helpers import group, thing

import iotjobs
from iotjobs.testing import LocalJobsServer


def comparable(value: Any) -> Any:
    """Responses without metadata; datetimes (each run has its own server
    and clock) reduced to being timezone-aware. ``test_same_instants``
    compares the instants themselves on one server."""
    if isinstance(value, dict):
        return {k: comparable(v) for k, v in value.items() if k != "ResponseMetadata"}
    if isinstance(value, list):
        return [comparable(v) for v in value]
    if isinstance(value, dt.datetime):
        assert value.tzinfo is not None
        return "instant"
    return value


def test_same_instants() -> None:
    with LocalJobsServer() as server:
        via_boto3 = boto3_iot(server.endpoint_url)
        via_iotjobs = iotjobs_clients(server.endpoint_url)[0]
        via_boto3.create_job(jobId="t", targets=[thing("a")], document="{}")
        a = via_boto3.describe_job(jobId="t")["job"]
        b = via_iotjobs.describe_job(jobId="t")["job"]
        for key in ("createdAt", "lastUpdatedAt"):
            assert a[key] == b[key], key  # aware datetimes compare as instants
            assert b[key].tzinfo == dt.timezone.utc


def run(client: Any, steps: List[Any]) -> List[Any]:
    results = []
    for name, kwargs in steps:
        try:
            results.append(comparable(getattr(client, name)(**kwargs)))
        except Exception as err:
            response = getattr(err, "response", None)
            assert response is not None, f"{name}: {err!r}"
            results.append(("error", response["Error"]["Code"], response["ResponseMetadata"]["HTTPStatusCode"]))
    return results


FULL_JOB = dict(
    targets=[thing("a"), thing("b"), group("fleet")],
    document='{"op": "update"}',
    description="rollout",
    namespaceId="ns",
    presignedUrlConfig={"roleArn": "arn:aws:iam::123456789012:role/ota", "expiresInSec": 600},
    jobExecutionsRolloutConfig={
        "maximumPerMinute": 100,
        "exponentialRate": {
            "baseRatePerMinute": 10,
            "incrementFactor": 2.5,
            "rateIncreaseCriteria": {"numberOfSucceededThings": 5},
        },
    },
    abortConfig={
        "criteriaList": [
            {"failureType": "ALL", "action": "CANCEL", "thresholdPercentage": 33.33, "minNumberOfExecutedThings": 3}
        ]
    },
    timeoutConfig={"inProgressTimeoutInMinutes": 90},
    tags=[{"Key": "team", "Value": "fleet"}],
)

LOCAL_STEPS = [
    ("create_job", dict(jobId="j1", **FULL_JOB)),
    ("create_job", dict(jobId="j1", targets=[thing("a")], document="{}")),
    ("create_job", dict(jobId="c1", targets=[thing("a")], document="{}", targetSelection="CONTINUOUS")),
    ("describe_job", dict(jobId="j1")),
    ("describe_job", dict(jobId="nope")),
    ("get_job_document", dict(jobId="j1")),
    ("list_jobs", dict()),
    ("list_jobs", dict(maxResults=1)),
    ("list_jobs", dict(namespaceId="ns", status="IN_PROGRESS")),
    ("update_job", dict(jobId="j1", description="changed", timeoutConfig={"inProgressTimeoutInMinutes": 5})),
    ("associate_targets_with_job", dict(jobId="c1", targets=[thing("z")])),
    ("associate_targets_with_job", dict(jobId="j1", targets=[thing("z")])),
    ("list_job_executions_for_job", dict(jobId="j1")),
    ("list_job_executions_for_job", dict(jobId="j1", status="QUEUED", maxResults=1)),
    ("list_job_executions_for_thing", dict(thingName="a")),
    ("list_job_executions_for_thing", dict(thingName="a", namespaceId="ns")),
    ("describe_job_execution", dict(jobId="j1", thingName="a")),
    ("cancel_job_execution", dict(jobId="j1", thingName="a", expectedVersion=3)),
    ("cancel_job_execution", dict(jobId="j1", thingName="a", statusDetails={"k": "v"})),
    ("cancel_job_execution", dict(jobId="j1", thingName="a")),
    ("describe_job_execution", dict(jobId="j1", thingName="a")),
    ("delete_job_execution", dict(jobId="j1", thingName="b", executionNumber=1)),
    ("delete_job", dict(jobId="j1")),
    ("cancel_job", dict(jobId="j1", reasonCode="DONE", comment="bye", force=True)),
    ("describe_job", dict(jobId="j1")),
    ("delete_job", dict(jobId="j1")),
    ("delete_job", dict(jobId="j1")),
]


def test_boto3_and_iotjobs_agree_on_the_local_server() -> None:
    results = []
    for make in (lambda url: boto3_iot(url), lambda url: iotjobs_clients(url)[0]):
        with LocalJobsServer(clock="manual") as server:
            results.append(run(make(server.endpoint_url), LOCAL_STEPS))
    boto3_results, iotjobs_results = results
    for step, (a, b) in enumerate(zip(boto3_results, iotjobs_results)):
        assert a == b, (LOCAL_STEPS[step][0], a, b)
    assert boto3_results[1] == ("error", "ResourceAlreadyExistsException", 409)


MOTO_STEPS = [
    ("create_job", dict(jobId="m1", targets=[thing("a")], document="{}", description="d")),
    ("describe_job", dict(jobId="m1")),
    ("describe_job", dict(jobId="nope")),
    ("get_job_document", dict(jobId="m1")),
    ("describe_job_execution", dict(jobId="m1", thingName="a")),
    ("list_job_executions_for_job", dict(jobId="m1")),
    ("list_job_executions_for_thing", dict(thingName="a")),
    ("cancel_job_execution", dict(jobId="m1", thingName="a")),
    ("cancel_job", dict(jobId="m1")),
    ("delete_job", dict(jobId="m1")),
]


def test_boto3_and_iotjobs_agree_on_moto(moto_url: str) -> None:
    import requests

    requests.post(f"{moto_url}/moto-api/reset", timeout=10)
    via_boto3 = run(boto3_iot(moto_url, check_errors=False), MOTO_STEPS)
    requests.post(f"{moto_url}/moto-api/reset", timeout=10)
    via_iotjobs = run(iotjobs_clients(moto_url)[0], MOTO_STEPS)
    for step, (a, b) in enumerate(zip(via_boto3, via_iotjobs)):
        assert a == b, (MOTO_STEPS[step][0], a, b)


def test_a_boto3_script_runs_unchanged() -> None:
    """The README's promise: swap the client, keep the code."""

    def script(iot: Any) -> List[str]:
        iot.create_job(jobId="ota-1", targets=[thing("dev-1")], document="{}")
        try:
            iot.create_job(jobId="ota-1", targets=[thing("dev-1")], document="{}")
        except iot.exceptions.ResourceAlreadyExistsException as err:
            assert err.response["Error"]["Code"] == "ResourceAlreadyExistsException"
        ids = [job["jobId"] for page in iot.get_paginator("list_jobs").paginate() for job in page["jobs"]]
        execution = iot.describe_job_execution(jobId="ota-1", thingName="dev-1")["execution"]
        return [*ids, execution["status"], execution["queuedAt"].isoformat()[:4]]

    with LocalJobsServer() as server:
        expected = script(boto3_iot(server.endpoint_url))
        server.reset()
        assert (
            script(
                iotjobs.client(
                    region_name="us-east-1",
                    endpoint_url=server.endpoint_url,
                    aws_access_key_id="k",
                    aws_secret_access_key="s",
                )
            )
            == expected
        )
