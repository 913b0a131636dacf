"""Jobs control plane against the local server, with boto3 as the client."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from server_helpers import create_job, expect_error, group, statuses, thing

from iotjobs.testing import LocalJobsServer

FULL = json.loads((Path(__file__).resolve().parent.parent / "examples" / "create_job.json").read_text())


def test_create_and_describe_a_full_job(iot: Any) -> None:
    created = iot.create_job(**FULL)
    assert created["jobId"] == FULL["jobId"]
    assert created["jobArn"] == f"arn:aws:iot:us-east-1:123456789012:job/{FULL['jobId']}"
    assert created["description"] == FULL["description"]
    described = iot.describe_job(jobId=FULL["jobId"])
    assert "documentSource" not in described
    job = described["job"]
    for key in ["targets", "description", "jobExecutionsRolloutConfig", "abortConfig", "timeoutConfig", "namespaceId"]:
        assert job[key] == FULL[key], key
    assert job["status"] == "IN_PROGRESS"
    assert job["targetSelection"] == "SNAPSHOT"
    assert job["forceCanceled"] is False and job["isConcurrent"] is False
    assert isinstance(job["createdAt"], dt.datetime) and job["createdAt"].tzinfo is not None
    assert abs(job["createdAt"].timestamp() - dt.datetime.now().timestamp()) < 60
    counters = job["jobProcessDetails"]
    assert counters == {
        "numberOfCanceledThings": 0,
        "numberOfSucceededThings": 0,
        "numberOfFailedThings": 0,
        "numberOfRejectedThings": 0,
        "numberOfQueuedThings": 9,  # the thing-group target has no members
        "numberOfInProgressThings": 0,
        "numberOfRemovedThings": 0,
        "numberOfTimedOutThings": 0,
    }
    assert "completedAt" not in job and "reasonCode" not in job
    assert iot.get_job_document(jobId=FULL["jobId"])["document"] == FULL["document"]


def test_document_source_is_returned_at_the_top_level(iot: Any) -> None:
    iot.create_job(jobId="src", targets=[thing("a")], documentSource="https://s3.amazonaws.com/bucket/job.json")
    described = iot.describe_job(jobId="src")
    assert described["documentSource"] == "https://s3.amazonaws.com/bucket/job.json"
    assert "documentSource" not in described["job"]


def test_responses_omit_absent_members(iot: Any) -> None:
    created = create_job(iot, "bare", [thing("a")])
    assert "description" not in created
    job = iot.describe_job(jobId="bare")["job"]
    for absent in ["description", "presignedUrlConfig", "abortConfig", "timeoutConfig", "namespaceId", "comment"]:
        assert absent not in job


def test_invalid_requests_are_refused_with_every_violation(iot: Any) -> None:
    response = expect_error(
        iot,
        "InvalidRequestException",
        400,
        iot.create_job,
        jobId="j",
        targets=["not-an-arn"],
        document="{}",
        abortConfig={
            "criteriaList": [
                {
                    "failureType": "FAILED",
                    "action": "CANCEL",
                    "thresholdPercentage": 10.999,
                    "minNumberOfExecutedThings": 1,
                }
            ]
        },
    )
    message = response["Error"]["Message"]
    assert message.startswith("2 validation errors detected:")
    assert "targets[0]" in message and "thresholdPercentage" in message
    expect_error(iot, "InvalidRequestException", 400, iot.describe_job, jobId="bad id!")


def test_duplicate_job_id(iot: Any) -> None:
    create_job(iot, "dup", [thing("a")], description="first")
    response = expect_error(
        iot, "ResourceAlreadyExistsException", 409, iot.create_job, jobId="dup", targets=[thing("b")], document="{}"
    )
    assert response["resourceId"] == "dup"
    assert response["resourceArn"].endswith(":job/dup")
    assert iot.describe_job(jobId="dup")["job"]["description"] == "first"


def test_not_found(iot: Any) -> None:
    for call, kwargs in [
        (iot.describe_job, {"jobId": "nope"}),
        (iot.get_job_document, {"jobId": "nope"}),
        (iot.cancel_job, {"jobId": "nope"}),
        (iot.delete_job, {"jobId": "nope"}),
        (iot.update_job, {"jobId": "nope", "description": "x"}),
        (iot.list_job_executions_for_job, {"jobId": "nope"}),
        (iot.describe_job_execution, {"jobId": "nope", "thingName": "t"}),
        (iot.cancel_job_execution, {"jobId": "nope", "thingName": "t"}),
        (iot.delete_job_execution, {"jobId": "nope", "thingName": "t", "executionNumber": 1}),
        (iot.associate_targets_with_job, {"jobId": "nope", "targets": [group("g")]}),
    ]:
        expect_error(iot, "ResourceNotFoundException", 404, call, **kwargs)


def test_list_jobs_filters_and_order(iot: Any) -> None:
    create_job(iot, "a", [thing("t")], namespaceId="ota")
    create_job(iot, "b", [group("fleet")], targetSelection="CONTINUOUS")
    create_job(iot, "c", [thing("t")])
    iot.cancel_job(jobId="c")
    ids = lambda **kw: [j["jobId"] for j in iot.list_jobs(**kw)["jobs"]]  # noqa: E731
    assert ids() == ["c", "b", "a"]  # newest first
    assert ids(namespaceId="ota") == ["a"]
    assert ids(status="CANCELED") == ["c"]
    assert ids(targetSelection="CONTINUOUS") == ["b"]
    by_group = iot.list_jobs(thingGroupName="fleet")["jobs"]
    assert [j["jobId"] for j in by_group] == ["b"]
    group_id = iot.describe_thing_group(thingGroupName="fleet")["thingGroupId"]
    assert by_group[0]["thingGroupId"] == group_id
    assert ids(thingGroupId=group_id) == ["b"]
    summary = iot.list_jobs()["jobs"][0]
    assert set(summary) == {
        "jobArn",
        "jobId",
        "targetSelection",
        "status",
        "createdAt",
        "lastUpdatedAt",
        "isConcurrent",
    }


def test_list_jobs_pages_while_jobs_are_added(iot: Any) -> None:
    for i in range(120):
        create_job(iot, f"job-{i:03d}", [thing("t")])
    seen = []
    token = None
    pages = 0
    while True:
        kwargs = {"maxResults": 25, **({"nextToken": token} if token else {})}
        page = iot.list_jobs(**kwargs)
        pages += 1
        seen += [j["jobId"] for j in page["jobs"]]
        create_job(iot, f"late-{pages}", [thing("t")])  # inserted mid-listing: never shifts pages
        token = page.get("nextToken")
        if not token:
            break
    assert seen == [f"job-{i:03d}" for i in reversed(range(120))]
    assert len(iot.list_jobs()["jobs"]) == 50  # default page
    assert sum(len(p["jobs"]) for p in iot.get_paginator("list_jobs").paginate()) == 120 + pages
    expect_error(iot, "InvalidRequestException", 400, iot.list_jobs, nextToken="forged")


def test_update_job_replaces_fields_while_running(iot: Any) -> None:
    create_job(
        iot,
        "u",
        [thing("a")],
        jobExecutionsRolloutConfig={"maximumPerMinute": 10},
        abortConfig={
            "criteriaList": [
                {"failureType": "ALL", "action": "CANCEL", "thresholdPercentage": 50, "minNumberOfExecutedThings": 5}
            ]
        },
    )
    before = iot.describe_job(jobId="u")["job"]["lastUpdatedAt"]
    assert iot.update_job(
        jobId="u", description="now described", timeoutConfig={"inProgressTimeoutInMinutes": 30}
    ).keys() == {"ResponseMetadata"}
    job = iot.describe_job(jobId="u")["job"]
    assert job["description"] == "now described"
    assert job["timeoutConfig"] == {"inProgressTimeoutInMinutes": 30}
    assert job["jobExecutionsRolloutConfig"] == {"maximumPerMinute": 10}
    assert job["lastUpdatedAt"] >= before
    iot.cancel_job(jobId="u")
    expect_error(iot, "InvalidRequestException", 400, iot.update_job, jobId="u", description="late")


def test_cancel_job(iot: Any) -> None:
    create_job(iot, "c", [thing("a"), thing("b")])
    result = iot.cancel_job(jobId="c", reasonCode="BAD_BUILD", comment="stop the rollout")
    assert result["jobId"] == "c"
    job = iot.describe_job(jobId="c")["job"]
    assert (job["status"], job["reasonCode"], job["comment"], job["forceCanceled"]) == (
        "CANCELED",
        "BAD_BUILD",
        "stop the rollout",
        False,
    )
    assert statuses(iot, "c") == {"a": "CANCELED", "b": "CANCELED"}
    assert job["jobProcessDetails"]["numberOfCanceledThings"] == 2


def test_snapshot_job_completes_when_all_executions_end(iot: Any) -> None:
    create_job(iot, "s", [thing("a"), thing("b")])
    iot.cancel_job_execution(jobId="s", thingName="a")
    assert iot.describe_job(jobId="s")["job"]["status"] == "IN_PROGRESS"
    iot.cancel_job_execution(jobId="s", thingName="b")
    job = iot.describe_job(jobId="s")["job"]
    assert job["status"] == "COMPLETED" and isinstance(job["completedAt"], dt.datetime)
    expect_error(iot, "InvalidRequestException", 400, iot.cancel_job, jobId="s")


def test_delete_job_lifecycle_and_limit(manual_server: LocalJobsServer, manual_iot: Any) -> None:
    iot = manual_iot
    create_job(iot, "live", [thing("a")])
    expect_error(iot, "InvalidStateTransitionException", 409, iot.delete_job, jobId="live")
    iot.delete_job(jobId="live", force=True)
    assert iot.describe_job(jobId="live")["job"]["status"] == "DELETION_IN_PROGRESS"
    assert [j["status"] for j in iot.list_jobs(status="DELETION_IN_PROGRESS")["jobs"]] == ["DELETION_IN_PROGRESS"]
    expect_error(iot, "InvalidStateTransitionException", 409, iot.delete_job, jobId="live", force=True)
    for i in range(9):
        create_job(iot, f"d{i}", [thing("a")])
        iot.cancel_job(jobId=f"d{i}")
        iot.delete_job(jobId=f"d{i}")
    create_job(iot, "eleventh", [thing("a")])
    iot.cancel_job(jobId="eleventh")
    expect_error(iot, "LimitExceededException", 410, iot.delete_job, jobId="eleventh")
    manual_server.advance(1)
    expect_error(iot, "ResourceNotFoundException", 404, iot.describe_job, jobId="live")
    iot.delete_job(jobId="eleventh")
    create_job(iot, "live", [thing("a")])  # the id is free again
    assert iot.describe_job_execution(jobId="live", thingName="a")["execution"]["executionNumber"] == 1


def test_deletion_completes_by_itself_on_a_real_clock(iot: Any) -> None:
    create_job(iot, "gone", [thing("a")])
    iot.delete_job(jobId="gone", force=True)
    import time

    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            iot.describe_job(jobId="gone")
        except iot.exceptions.ResourceNotFoundException:
            return
        time.sleep(0.1)
    pytest.fail("the deletion did not complete within 5 s")


def test_associate_targets_with_continuous_job(iot: Any) -> None:
    create_job(iot, "snap", [thing("a")])
    expect_error(
        iot, "InvalidRequestException", 400, iot.associate_targets_with_job, jobId="snap", targets=[group("g")]
    )
    create_job(iot, "cont", [thing("a")], targetSelection="CONTINUOUS", description="d")
    iot.create_thing_group(thingGroupName="g")
    iot.create_thing(thingName="member")
    iot.add_thing_to_thing_group(thingGroupName="g", thingName="member")
    result = iot.associate_targets_with_job(jobId="cont", targets=[group("g")], comment="more")
    assert (result["jobId"], result["description"]) == ("cont", "d")
    assert statuses(iot, "cont") == {"a": "QUEUED", "member": "QUEUED"}
    too_many = [thing(f"t{i}") for i in range(99)]
    expect_error(iot, "LimitExceededException", 410, iot.associate_targets_with_job, jobId="cont", targets=too_many)
    expect_error(
        iot,
        "InvalidRequestException",
        400,
        iot.associate_targets_with_job,
        jobId="cont",
        targets=[thing(f"t{i}") for i in range(101)],
    )
    iot.cancel_job(jobId="cont")
    expect_error(
        iot, "InvalidRequestException", 400, iot.associate_targets_with_job, jobId="cont", targets=[group("h")]
    )


def test_namespaces(iot: Any) -> None:
    create_job(iot, "n", [thing("a")], namespaceId="ota", targetSelection="CONTINUOUS")
    assert iot.describe_job(jobId="n")["job"]["namespaceId"] == "ota"
    for call, kwargs in [
        (iot.update_job, {"jobId": "n", "namespaceId": "other", "description": "x"}),
        (iot.delete_job, {"jobId": "n", "namespaceId": "other", "force": True}),
        (iot.associate_targets_with_job, {"jobId": "n", "namespaceId": "other", "targets": [group("g")]}),
        (iot.delete_job_execution, {"jobId": "n", "thingName": "a", "executionNumber": 1, "namespaceId": "other"}),
    ]:
        expect_error(iot, "ResourceNotFoundException", 404, call, **kwargs)
    iot.update_job(jobId="n", namespaceId="ota", description="ok")
    create_job(iot, "plain", [thing("a")])
    assert [
        s["jobId"] for s in iot.list_job_executions_for_thing(thingName="a", namespaceId="ota")["executionSummaries"]
    ] == ["n"]
    assert len(iot.list_job_executions_for_thing(thingName="a")["executionSummaries"]) == 2
    assert [j["jobId"] for j in iot.list_jobs(namespaceId="ota")["jobs"]] == ["n"]
