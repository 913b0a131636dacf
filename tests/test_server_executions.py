"""Executions and the registry against the local server, through boto3."""

from __future__ import annotations

from typing import Any

from server_helpers import create_job, expect_error, group, statuses, thing


def test_describe_execution(iot: Any) -> None:
    create_job(iot, "j", [thing("dev-1")])
    execution = iot.describe_job_execution(jobId="j", thingName="dev-1")["execution"]
    assert execution["jobId"] == "j"
    assert execution["thingArn"] == thing("dev-1")
    assert (execution["status"], execution["executionNumber"], execution["versionNumber"]) == ("QUEUED", 1, 1)
    assert execution["forceCanceled"] is False
    assert execution["statusDetails"] == {"detailsMap": {}}
    assert "startedAt" not in execution
    assert iot.describe_job_execution(jobId="j", thingName="dev-1", executionNumber=1)["execution"] == execution
    expect_error(
        iot,
        "ResourceNotFoundException",
        404,
        iot.describe_job_execution,
        jobId="j",
        thingName="dev-1",
        executionNumber=2,
    )
    expect_error(iot, "ResourceNotFoundException", 404, iot.describe_job_execution, jobId="j", thingName="dev-2")


def test_cancel_execution(iot: Any) -> None:
    create_job(iot, "j", [thing("a"), thing("b")])
    expect_error(
        iot, "VersionConflictException", 409, iot.cancel_job_execution, jobId="j", thingName="a", expectedVersion=5
    )
    assert iot.cancel_job_execution(
        jobId="j", thingName="a", expectedVersion=1, statusDetails={"reason": "bad batch"}
    ).keys() == {"ResponseMetadata"}
    execution = iot.describe_job_execution(jobId="j", thingName="a")["execution"]
    assert (execution["status"], execution["versionNumber"]) == ("CANCELED", 2)
    assert execution["statusDetails"] == {"detailsMap": {"reason": "bad batch"}}
    expect_error(iot, "InvalidStateTransitionException", 409, iot.cancel_job_execution, jobId="j", thingName="a")
    counters = iot.describe_job(jobId="j")["job"]["jobProcessDetails"]
    assert (counters["numberOfCanceledThings"], counters["numberOfQueuedThings"]) == (1, 1)


def test_delete_execution(iot: Any) -> None:
    create_job(iot, "j", [thing("a"), thing("b")])
    expect_error(
        iot, "ResourceNotFoundException", 404, iot.delete_job_execution, jobId="j", thingName="a", executionNumber=7
    )
    iot.delete_job_execution(jobId="j", thingName="a", executionNumber=1)
    expect_error(iot, "ResourceNotFoundException", 404, iot.describe_job_execution, jobId="j", thingName="a")
    assert statuses(iot, "j") == {"b": "QUEUED"}


def test_execution_lists(iot: Any) -> None:
    things = [thing(f"dev-{i:03d}") for i in range(130)]
    create_job(iot, "wide", things)
    create_job(iot, "other", [thing("dev-000")])
    page = iot.list_job_executions_for_job(jobId="wide")
    assert len(page["executionSummaries"]) == 100 and "nextToken" in page
    summary = page["executionSummaries"][0]
    assert summary["thingArn"] == thing("dev-000")
    assert set(summary["jobExecutionSummary"]) == {
        "status",
        "queuedAt",
        "lastUpdatedAt",
        "executionNumber",
        "retryAttempt",
    }
    all_pages = list(
        iot.get_paginator("list_job_executions_for_job").paginate(jobId="wide", PaginationConfig={"PageSize": 40})
    )
    assert [len(p["executionSummaries"]) for p in all_pages] == [40, 40, 40, 10]
    iot.cancel_job_execution(jobId="wide", thingName="dev-005")
    canceled = iot.list_job_executions_for_job(jobId="wide", status="CANCELED")["executionSummaries"]
    assert [s["thingArn"] for s in canceled] == [thing("dev-005")]
    for_thing = iot.list_job_executions_for_thing(thingName="dev-000")["executionSummaries"]
    assert [s["jobId"] for s in for_thing] == ["other", "wide"]
    assert [
        s["jobId"] for s in iot.list_job_executions_for_thing(thingName="dev-000", jobId="wide")["executionSummaries"]
    ] == ["wide"]
    pages = list(
        iot.get_paginator("list_job_executions_for_thing").paginate(
            thingName="dev-000", PaginationConfig={"PageSize": 1}
        )
    )
    assert [len(p["executionSummaries"]) for p in pages] == [1, 1]
    assert iot.list_job_executions_for_thing(thingName="unknown")["executionSummaries"] == []


def test_registry_things(iot: Any) -> None:
    created = iot.create_thing(thingName="dev-1", attributePayload={"attributes": {"model": "x1"}})
    assert created["thingName"] == "dev-1" and created["thingArn"] == thing("dev-1") and created["thingId"]
    assert (
        iot.create_thing(thingName="dev-1", attributePayload={"attributes": {"model": "x1"}})["thingId"]
        == created["thingId"]
    )
    expect_error(iot, "ResourceAlreadyExistsException", 409, iot.create_thing, thingName="dev-1")
    described = iot.describe_thing(thingName="dev-1")
    assert (described["thingName"], described["attributes"], described["version"]) == ("dev-1", {"model": "x1"}, 1)
    iot.delete_thing(thingName="dev-1")
    expect_error(iot, "ResourceNotFoundException", 404, iot.describe_thing, thingName="dev-1")
    iot.delete_thing(thingName="dev-1")  # deleting what is gone is not an error
    expect_error(iot, "InvalidRequestException", 400, iot.describe_thing, thingName="bad/name")


def test_registry_groups(iot: Any) -> None:
    created = iot.create_thing_group(thingGroupName="fleet", thingGroupProperties={"thingGroupDescription": "EU fleet"})
    assert created["thingGroupArn"] == group("fleet")
    described = iot.describe_thing_group(thingGroupName="fleet")
    assert described["thingGroupProperties"]["thingGroupDescription"] == "EU fleet"
    assert described["thingGroupId"] == created["thingGroupId"]
    for i in range(30):
        iot.create_thing(thingName=f"d{i:02d}")
        iot.add_thing_to_thing_group(thingGroupName="fleet", thingName=f"d{i:02d}")
    page = iot.list_things_in_thing_group(thingGroupName="fleet")
    assert len(page["things"]) == 25 and page["nextToken"]
    everything = [
        t for p in iot.get_paginator("list_things_in_thing_group").paginate(thingGroupName="fleet") for t in p["things"]
    ]
    assert everything == [f"d{i:02d}" for i in range(30)]
    iot.remove_thing_from_thing_group(thingGroupArn=group("fleet"), thingArn=thing("d00"))
    assert "d00" not in iot.list_things_in_thing_group(thingGroupName="fleet", maxResults=250)["things"]
    expect_error(
        iot, "ResourceNotFoundException", 404, iot.add_thing_to_thing_group, thingGroupName="nope", thingName="d01"
    )
    expect_error(
        iot, "ResourceNotFoundException", 404, iot.add_thing_to_thing_group, thingGroupName="fleet", thingName="nope"
    )
    iot.delete_thing_group(thingGroupName="fleet")
    expect_error(iot, "ResourceNotFoundException", 404, iot.describe_thing_group, thingGroupName="fleet")


def test_group_targets_expand_and_continuous_jobs_follow_membership(iot: Any) -> None:
    iot.create_thing_group(thingGroupName="fleet")
    for name in ["a", "b"]:
        iot.create_thing(thingName=name)
        iot.add_thing_to_thing_group(thingGroupName="fleet", thingName=name)
    create_job(iot, "snap", [group("fleet")])
    create_job(iot, "cont", [group("fleet")], targetSelection="CONTINUOUS")
    assert statuses(iot, "snap") == statuses(iot, "cont") == {"a": "QUEUED", "b": "QUEUED"}
    iot.create_thing(thingName="c")
    iot.add_thing_to_thing_group(thingGroupName="fleet", thingName="c")
    assert statuses(iot, "cont") == {"a": "QUEUED", "b": "QUEUED", "c": "QUEUED"}
    assert "c" not in statuses(iot, "snap")
    iot.remove_thing_from_thing_group(thingGroupName="fleet", thingName="b")
    assert statuses(iot, "cont")["b"] == "REMOVED"
    assert statuses(iot, "snap")["b"] == "QUEUED"
    iot.add_thing_to_thing_group(thingGroupName="fleet", thingName="b")
    execution = iot.describe_job_execution(jobId="cont", thingName="b")["execution"]
    assert (execution["status"], execution["executionNumber"]) == ("QUEUED", 2)
    iot.delete_thing(thingName="a")
    assert statuses(iot, "cont")["a"] == statuses(iot, "snap")["a"] == "REMOVED"


def test_unknown_targets_are_created_implicitly(iot: Any) -> None:
    create_job(iot, "j", [thing("never-registered"), group("never-created")])
    assert iot.describe_thing(thingName="never-registered")["thingName"] == "never-registered"
    assert iot.describe_thing_group(thingGroupName="never-created")["thingGroupName"] == "never-created"
