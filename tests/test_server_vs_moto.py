"""The same scenario against this package's server and a moto server.

Where the two answer alike, that is asserted; every place they differ must
be listed in DIFFERENCES (and explained in tests/README.md), where our
answer is the one AWS gives. A difference that appears or disappears fails
the test, so the list stays true as either side changes.
"""

from __future__ import annotations

from typing import Any, Callable, Dict

from conftest import boto3_iot
from server_helpers import group, thing

from iotjobs.testing import LocalJobsServer

#: Steps where moto 5.2.5 diverges from AWS (see tests/README.md).
DIFFERENCES = {
    "create_duplicate": "moto overwrites the job instead of ResourceAlreadyExistsException",
    "create_bad_job_id": "moto checks only the first character of jobId",
    "describe": "moto: status QUEUED, no targetSelection, counters hard-coded, no namespaceId/description",
    "describe_execution": "moto: startedAt set while QUEUED, executionNumber/versionNumber hard-coded to 123",
    "list_for_job": "moto: executionNumber 123, startedAt while QUEUED, no retryAttempt",
    "list_for_missing_job": "moto answers an empty list instead of ResourceNotFoundException",
    "list_for_thing": "moto: executionNumber 123 and the jobs it failed to reject",
    "list_by_namespace": "moto ignores the namespaceId filter",
    "cancel_execution_again": "moto cancels a terminal execution again instead of InvalidStateTransitionException",
    "group_target_executions": "moto keys one execution by the group name instead of expanding its members",
    "cancel_job": "moto leaves description out of the CancelJob answer",
    "describe_after_cancel": "moto: no targetSelection, counters unchanged",
    "execution_after_job_cancel": "moto leaves QUEUED executions QUEUED when the job is canceled",
    "delete_execution": "moto requires executionNumber 123",
    "describe_after_delete": "moto deletes at once; AWS shows DELETION_IN_PROGRESS first",
    "get_document_missing": "moto fails with HTTP 500 (KeyError)",
    "delete_missing": "moto fails with HTTP 500 (KeyError)",
    "list_pages": "moto's second ListJobs page repeats the first",
    "update": "moto does not implement UpdateJob (HTTP 500)",
    "associate": "moto does not implement AssociateTargetsWithJob (HTTP 500)",
}

TIMESTAMPS = {"createdAt", "lastUpdatedAt", "completedAt", "queuedAt", "startedAt"}


def strip_timestamps(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: strip_timestamps(v) for k, v in value.items() if k not in TIMESTAMPS and k != "ResponseMetadata"}
    if isinstance(value, list):
        return [strip_timestamps(v) for v in value]
    return value


def outcome(call: Callable[[], Any]) -> Any:
    """The answer without timestamps, or the error code and status."""
    try:
        return strip_timestamps(call())
    except Exception as err:
        response = getattr(err, "response", {})
        return (
            "error",
            response.get("Error", {}).get("Code"),
            response.get("ResponseMetadata", {}).get("HTTPStatusCode"),
        )


def scenario(iot: Any) -> Dict[str, Any]:
    steps: Dict[str, Callable[[], Any]] = {
        "create": lambda: iot.create_job(
            jobId="j1", targets=[thing("a"), thing("b")], document="{}", namespaceId="ns", description="d"
        ),
        "create_duplicate": lambda: iot.create_job(jobId="j1", targets=[thing("a")], document="{}"),
        "create_bad_job_id": lambda: iot.create_job(jobId="bad!id", targets=[thing("a")], document="{}"),
        "describe": lambda: iot.describe_job(jobId="j1"),
        "describe_missing": lambda: iot.describe_job(jobId="nope"),
        "get_document": lambda: iot.get_job_document(jobId="j1"),
        "get_document_missing": lambda: iot.get_job_document(jobId="nope"),
        "describe_execution": lambda: iot.describe_job_execution(jobId="j1", thingName="a"),
        "list_for_job": lambda: iot.list_job_executions_for_job(jobId="j1"),
        "list_for_missing_job": lambda: iot.list_job_executions_for_job(jobId="nope"),
        "list_for_thing": lambda: iot.list_job_executions_for_thing(thingName="a"),
        "list_by_namespace": lambda: iot.list_jobs(namespaceId="other"),
        "cancel_execution": lambda: iot.cancel_job_execution(jobId="j1", thingName="a"),
        "cancel_execution_again": lambda: iot.cancel_job_execution(jobId="j1", thingName="a"),
        "group_target": lambda: iot.create_job(jobId="g1", targets=[group("fleet")], document="{}"),
        "group_target_executions": lambda: iot.list_job_executions_for_job(jobId="g1"),
        "cancel_job": lambda: iot.cancel_job(jobId="j1", reasonCode="R", comment="c"),
        "describe_after_cancel": lambda: iot.describe_job(jobId="j1"),
        "execution_after_job_cancel": lambda: iot.describe_job_execution(jobId="j1", thingName="b"),
        "delete_execution": lambda: iot.delete_job_execution(jobId="j1", thingName="a", executionNumber=1),
        "delete": lambda: iot.delete_job(jobId="j1"),
        "describe_after_delete": lambda: iot.describe_job(jobId="j1"),
        "delete_missing": lambda: iot.delete_job(jobId="nope"),
        "page_jobs": lambda: [iot.create_job(jobId=f"p{i}", targets=[thing("a")], document="{}") for i in range(3)],
        "list_pages": lambda: list_two_pages(iot),
        "update": lambda: iot.update_job(jobId="p0", description="x"),
        "associate": lambda: iot.associate_targets_with_job(jobId="p0", targets=[group("g")]),
    }
    return {name: outcome(step) for name, step in steps.items()}


def list_two_pages(iot: Any) -> Dict[str, Any]:
    first = iot.list_jobs(maxResults=2)
    second = iot.list_jobs(maxResults=2, nextToken=first["nextToken"])
    return {"first": [j["jobId"] for j in first["jobs"]], "second": [j["jobId"] for j in second["jobs"]]}


def test_scenario_against_both(moto_url: str) -> None:
    with LocalJobsServer(clock="manual") as ours:
        mine = scenario(boto3_iot(ours.endpoint_url))
    theirs = scenario(boto3_iot(moto_url, check_errors=False))  # moto's 500 pages are expected
    differing = {step for step in mine if mine[step] != theirs[step]}
    assert differing == set(DIFFERENCES), {
        "newly different": {s: (mine[s], theirs[s]) for s in differing - set(DIFFERENCES)},
        "no longer different": sorted(set(DIFFERENCES) - differing),
    }
    # Where they differ, ours is what AWS documents.
    assert mine["create_duplicate"] == ("error", "ResourceAlreadyExistsException", 409)
    assert mine["create_bad_job_id"] == ("error", "InvalidRequestException", 400)
    assert mine["describe"]["job"]["status"] == "IN_PROGRESS"
    assert mine["describe_execution"]["execution"]["executionNumber"] == 1
    assert mine["list_for_missing_job"] == ("error", "ResourceNotFoundException", 404)
    assert mine["list_by_namespace"] == {"jobs": []}
    assert mine["cancel_execution_again"] == ("error", "InvalidStateTransitionException", 409)
    assert mine["group_target_executions"] == {"executionSummaries": []}  # the group has no members
    assert mine["execution_after_job_cancel"]["execution"]["status"] == "CANCELED"
    assert mine["describe_after_delete"]["job"]["status"] == "DELETION_IN_PROGRESS"
    assert mine["delete_missing"] == ("error", "ResourceNotFoundException", 404)
    assert mine["list_pages"] == {"first": ["p2", "p1"], "second": ["p0", "g1"]}
    assert mine["update"] == {}
    assert mine["associate"] == ("error", "InvalidRequestException", 400)  # p0 is a SNAPSHOT job
