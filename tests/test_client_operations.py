"""Every operation through iotjobs' clients, sync and async, against the
local server: both must give the same results."""

from __future__ import annotations

import datetime as dt
from typing import Any, Dict, List

import pytest
from conftest import Both
from server_helpers import group, thing

import iotjobs

TIMESTAMPS = {"createdAt", "lastUpdatedAt", "completedAt", "queuedAt", "startedAt"}


def normalized(value: Any) -> Any:
    """Without request ids; timestamps checked to be UTC datetimes, then dropped."""
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key in TIMESTAMPS:
                assert isinstance(item, dt.datetime) and item.tzinfo == dt.timezone.utc, (key, item)
                continue
            if key == "RequestId":
                assert isinstance(item, str) and item
                continue
            out[key] = normalized(item)
        return out
    if isinstance(value, list):
        return [normalized(v) for v in value]
    return value


def outcome(call: Any, name: str, **kwargs: Any) -> Any:
    try:
        return normalized(call(name, **kwargs))
    except iotjobs.ClientError as err:
        return (
            "error",
            type(err).__name__,
            err.response["Error"]["Code"],
            err.response["ResponseMetadata"]["HTTPStatusCode"],
        )


def lifecycle(call: Any) -> List[Any]:
    steps = [
        (
            "create_job",
            dict(
                jobId="j",
                targets=[thing("a"), group("fleet")],
                document="{}",
                targetSelection="CONTINUOUS",
                namespaceId="ns",
                description="d",
                tags=[{"Key": "k", "Value": "v"}],
                abortConfig={
                    "criteriaList": [
                        {
                            "failureType": "FAILED",
                            "action": "CANCEL",
                            "thresholdPercentage": 10.5,
                            "minNumberOfExecutedThings": 2,
                        }
                    ]
                },
                jobExecutionsRolloutConfig={
                    "maximumPerMinute": 50,
                    "exponentialRate": {
                        "baseRatePerMinute": 5,
                        "incrementFactor": 1.5,
                        "rateIncreaseCriteria": {"numberOfNotifiedThings": 10},
                    },
                },
                timeoutConfig={"inProgressTimeoutInMinutes": 30},
            ),
        ),
        ("create_job", dict(jobId="j", targets=[thing("a")], document="{}")),
        ("describe_job", dict(jobId="j")),
        ("get_job_document", dict(jobId="j")),
        ("list_jobs", dict(namespaceId="ns")),
        ("update_job", dict(jobId="j", description="updated", namespaceId="ns")),
        ("associate_targets_with_job", dict(jobId="j", targets=[thing("b")], comment="more")),
        ("list_job_executions_for_job", dict(jobId="j")),
        ("list_job_executions_for_thing", dict(thingName="a")),
        ("describe_job_execution", dict(jobId="j", thingName="a")),
        ("describe_job_execution", dict(jobId="j", thingName="a", executionNumber=9)),
        ("cancel_job_execution", dict(jobId="j", thingName="a", expectedVersion=7)),
        ("cancel_job_execution", dict(jobId="j", thingName="a", statusDetails={"why": "test"})),
        ("delete_job_execution", dict(jobId="j", thingName="a", executionNumber=1)),
        ("cancel_job", dict(jobId="j", reasonCode="STOP", comment="c")),
        ("describe_job", dict(jobId="j")),
        ("delete_job", dict(jobId="j", namespaceId="other")),
        ("delete_job", dict(jobId="j")),
        ("describe_job", dict(jobId="nope")),
    ]
    return [outcome(call, name, **kwargs) for name, kwargs in steps]


def test_every_operation_sync_and_async_agree(both: Both) -> None:
    sync, aio = both.run(lifecycle)
    assert sync == aio
    created, duplicate, described, document, listed, updated, associated = sync[:7]
    assert created == {
        "jobArn": "arn:aws:iot:us-east-1:123456789012:job/j",
        "jobId": "j",
        "description": "d",
        "ResponseMetadata": {"HTTPStatusCode": 200, "RetryAttempts": 0},
    }
    assert duplicate == ("error", "ResourceAlreadyExistsException", "ResourceAlreadyExistsException", 409)
    job = described["job"]
    assert job["status"] == "IN_PROGRESS" and job["namespaceId"] == "ns"
    assert job["abortConfig"]["criteriaList"][0]["thresholdPercentage"] == 10.5
    assert job["jobExecutionsRolloutConfig"]["exponentialRate"]["incrementFactor"] == 1.5
    assert job["jobProcessDetails"]["numberOfQueuedThings"] == 1
    assert "documentSource" not in described and "completedAt" not in job
    assert document["document"] == "{}"
    assert [j["jobId"] for j in listed["jobs"]] == ["j"]
    assert updated == {"ResponseMetadata": {"HTTPStatusCode": 200, "RetryAttempts": 0}}
    assert associated["description"] == "updated"
    executions_for_job, executions_for_thing, execution, missing_number, conflict = sync[7:12]
    assert len(executions_for_job["executionSummaries"]) == 2
    assert executions_for_thing["executionSummaries"][0]["jobId"] == "j"
    assert execution["execution"]["executionNumber"] == 1
    assert missing_number[1] == "ResourceNotFoundException"
    assert conflict == ("error", "VersionConflictException", "VersionConflictException", 409)
    assert sync[15]["job"]["status"] == "CANCELED"
    assert sync[16][1] == "ResourceNotFoundException"
    assert sync[18] == ("error", "ResourceNotFoundException", "ResourceNotFoundException", 404)


def test_errors_have_botocores_shape(both: Both) -> None:
    with pytest.raises(both.sync.exceptions.ResourceNotFoundException) as caught:
        both.sync.describe_job(jobId="nope")
    err = caught.value
    assert isinstance(err, iotjobs.ClientError) and isinstance(err, iotjobs.exceptions.ResourceNotFoundException)
    assert err.operation_name == "DescribeJob"
    assert (
        str(err)
        == "An error occurred (ResourceNotFoundException) when calling the DescribeJob operation: Job nope does not exist."
    )
    assert set(err.response) == {"Error", "ResponseMetadata"}
    assert err.response["ResponseMetadata"]["HTTPStatusCode"] == 404
    both.sync.create_job(jobId="dup", targets=[thing("a")], document="{}")
    with pytest.raises(iotjobs.exceptions.ResourceAlreadyExistsException) as caught:
        both.sync.create_job(jobId="dup", targets=[thing("a")], document="{}")
    assert caught.value.response["resourceId"] == "dup"
    assert caught.value.response["resourceArn"].endswith(":job/dup")


def test_validation_runs_before_sending(both: Both, server: Any) -> None:
    with pytest.raises(iotjobs.ParamValidationError) as caught:
        both.sync.create_job(
            jobId="j",
            targets=[thing("a")],
            document="{}",
            jobExecutionsRolloutConfig={
                "exponentialRate": {
                    "baseRatePerMinute": 1,
                    "incrementFactor": 1.55,
                    "rateIncreaseCriteria": {"numberOfNotifiedThings": 1},
                }
            },
        )
    assert caught.value.errors[0]["path"] == "jobExecutionsRolloutConfig.exponentialRate.incrementFactor"
    assert server.state()["jobs"] == []  # nothing was sent
    with pytest.raises(TypeError):
        both.sync.describe_job("j")  # keyword-only, as boto3
    with pytest.raises(iotjobs.ParamValidationError, match="must be one of: jobId, beforeSubstitution"):
        both.sync.describe_job(jobId="j", JobId="k")


def test_validation_modes(server: Any) -> None:
    from conftest import iotjobs_clients

    loose, _ = iotjobs_clients(
        server.endpoint_url, config=iotjobs.Config(validation="model", retries={"total_max_attempts": 1})
    )
    # The server still refuses it: the documented rule lives there too.
    with pytest.raises(loose.exceptions.InvalidRequestException, match="incrementFactor"):
        loose.create_job(
            jobId="j",
            targets=[thing("a")],
            document="{}",
            jobExecutionsRolloutConfig={
                "exponentialRate": {
                    "baseRatePerMinute": 1,
                    "incrementFactor": 1.55,
                    "rateIncreaseCriteria": {"numberOfNotifiedThings": 1},
                }
            },
        )


def test_async_validation_raises_at_call_time(both: Both) -> None:
    import asyncio

    async def main() -> None:
        with pytest.raises(iotjobs.ParamValidationError):
            await both.aio.describe_job(jobId="bad id")

    asyncio.run(main())


def test_paginators_sync_and_async(both: Both) -> None:
    def scenario(call: Any) -> Dict[str, Any]:
        for i in range(7):
            call("create_job", jobId=f"p{i}", targets=[thing("a")], document="{}")
        return {}

    both.run(scenario)  # leaves 7 jobs on the server (the async run)
    pages = list(both.sync.get_paginator("list_jobs").paginate(PaginationConfig={"PageSize": 3}))
    assert [len(p["jobs"]) for p in pages] == [3, 3, 1]
    limited = list(both.sync.get_paginator("list_jobs").paginate(PaginationConfig={"PageSize": 3, "MaxItems": 4}))
    assert [len(p["jobs"]) for p in limited] == [3, 1]
    resume = limited[-1]["NextToken"]
    rest = list(
        both.sync.get_paginator("list_jobs").paginate(PaginationConfig={"PageSize": 3, "StartingToken": resume})
    )
    ids = [j["jobId"] for p in limited + rest for j in p["jobs"]]
    assert ids == [f"p{i}" for i in reversed(range(7))]

    import asyncio

    async def collect() -> List[int]:
        sizes = []
        async for page in both.aio.get_paginator("list_jobs").paginate(PaginationConfig={"PageSize": 3}):
            sizes.append(len(page["jobs"]))
        return sizes

    assert asyncio.run(collect()) == [3, 3, 1]
    with pytest.raises(ValueError, match="cannot be paginated"):
        both.sync.get_paginator("describe_job")


def test_meta_and_lifecycle(server: Any) -> None:
    import asyncio

    from conftest import iotjobs_clients

    sync, aio = iotjobs_clients(server.endpoint_url)
    assert sync.meta.region_name == "us-east-1" and sync.meta.endpoint_url == server.endpoint_url
    with sync as client:
        client.list_jobs()
    with pytest.raises(iotjobs.IotJobsError, match="closed"):
        sync.list_jobs()

    async def main() -> None:
        async with aio as client:
            await client.list_jobs()
        with pytest.raises(iotjobs.IotJobsError, match="closed"):
            await aio.list_jobs()

    asyncio.run(main())


def test_credentials_never_shown(server: Any) -> None:
    client = iotjobs.client(
        region_name="us-east-1",
        endpoint_url=server.endpoint_url,
        aws_access_key_id="AKIDSECRETID",
        aws_secret_access_key="sEcReTkEy123",
    )
    for text in (repr(client), str(client), repr(client.meta.__dict__), repr(vars(client))):
        assert "sEcReTkEy123" not in text and "AKIDSECRETID" not in text
    with pytest.raises(iotjobs.ClientError) as caught:
        client.describe_job(jobId="nope")
    assert "sEcReTkEy123" not in str(caught.value) and "sEcReTkEy123" not in repr(caught.value.response)
