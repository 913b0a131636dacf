"""Every rule of validation.md, from Python: a value at the boundary that
passes and one just past it that fails, reported at the right path."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Dict, List, Tuple

import pytest
from helpers import GROUP, MINIMAL, THING, assert_one_violation_at, assert_valid, text, with_value

FULL = json.loads((Path(__file__).resolve().parent.parent / "examples" / "create_job.json").read_text())
TEMPLATED = {
    "jobId": "j",
    "targets": [THING],
    "jobTemplateArn": "arn:aws:iot:us-east-1::jobtemplate/AWS-Run-Command:1.0",
    "documentParameters": {"command": "reboot"},
}
RETRY = with_value(
    FULL, "jobExecutionsRetryConfig", {"criteriaList": [{"failureType": "FAILED", "numberOfRetries": 3}]}
)
SCHEDULED = with_value(
    FULL,
    "schedulingConfig",
    {
        "startTime": "2027-01-01T00:00",
        "endTime": "2027-01-02T00:00",
        "endBehavior": "STOP_ROLLOUT",
        "maintenanceWindows": [{"startTime": "cron(0 0 * * ? *)", "durationInMinutes": 60}],
    },
)
ARN_1600 = "arn:" + "x" * 1596


def thing_arns(n: int) -> List[str]:
    return [f"arn:aws:iot:us-east-1:123456789012:thing/t{i}" for i in range(n)]


def tags(n: int) -> List[Dict[str, str]]:
    return [{"Key": f"k{i}", "Value": "v"} for i in range(n)]


# (operation, base request, path, values that pass, values that fail)
RULES: List[Tuple[str, Dict[str, Any], str, List[Any], List[Any]]] = [
    ("create_job", FULL, "jobId", [text(64), "a", "A-z_09"], [text(65), "", "bad id", "a.b"]),
    ("describe_job", MINIMAL["describe_job"], "jobId", [text(64)], [text(65), "a/b"]),
    ("create_job", FULL, "targets", [[THING], thing_arns(300)], [[]]),
    ("create_job", FULL, "targets[0]", [GROUP], ["sensor-1", "arn:aws:iot:us-east-1:123456789012:job/x"]),
    (
        "associate_targets_with_job",
        MINIMAL["associate_targets_with_job"],
        "targets",
        [thing_arns(100)],
        [thing_arns(101)],
    ),
    ("create_job", FULL, "namespaceId", ["a", "ns_1-A"], ["", "a/b", "a+b", "a#b", "a b"]),
    ("list_jobs", {}, "namespaceId", ["ns"], ["a/b", "#"]),
    ("create_job", FULL, "description", [text(2028), ""], [text(2029), "line\nbreak", "tab\t"]),
    ("cancel_job", MINIMAL["cancel_job"], "comment", [text(2028)], [text(2029), "a\x00b"]),
    ("create_job", FULL, "document", [text(32768)], [text(32769)]),
    (
        "create_job",
        {"jobId": "j", "targets": [THING], "documentSource": "s"},
        "documentSource",
        [text(1350)],
        ["", text(1351)],
    ),
    ("create_job", FULL, "documentSource", [], ["https://s3.amazonaws.com/b/k"]),  # both document and source
    ("create_job", FULL, "presignedUrlConfig.roleArn", [text(20), text(2048)], [text(19), text(2049)]),
    ("create_job", FULL, "presignedUrlConfig.expiresInSec", [60, 3600], [59, 3601]),
    ("create_job", FULL, "targetSelection", ["CONTINUOUS", "SNAPSHOT"], ["continuous", ""]),
    ("create_job", FULL, "jobExecutionsRolloutConfig.maximumPerMinute", [1, 1000], [0, 1001]),
    ("create_job", FULL, "jobExecutionsRolloutConfig.exponentialRate.baseRatePerMinute", [1, 1000], [0, 1001]),
    (
        "create_job",
        FULL,
        "jobExecutionsRolloutConfig.exponentialRate.incrementFactor",
        [1.1, 1.5, 5.0, 5, 2],
        [1.0, 1.05, 1.55, 5.1, 1.15],
    ),
    (
        "create_job",
        FULL,
        "jobExecutionsRolloutConfig.exponentialRate.rateIncreaseCriteria",
        [{"numberOfNotifiedThings": 1}, {"numberOfSucceededThings": 1}],
        [{}],
    ),
    (
        "create_job",
        FULL,
        "jobExecutionsRolloutConfig.exponentialRate.rateIncreaseCriteria.numberOfSucceededThings",
        [1],
        [0],
    ),
    (
        "create_job",
        FULL,
        "abortConfig.criteriaList",
        [[{"failureType": "ALL", "action": "CANCEL", "thresholdPercentage": 1, "minNumberOfExecutedThings": 1}]],
        [[]],
    ),
    (
        "create_job",
        FULL,
        "abortConfig.criteriaList[0].failureType",
        ["FAILED", "REJECTED", "TIMED_OUT", "ALL"],
        ["REMOVED"],
    ),
    ("create_job", FULL, "abortConfig.criteriaList[0].action", ["CANCEL"], ["STOP"]),
    (
        "create_job",
        FULL,
        "abortConfig.criteriaList[1].thresholdPercentage",
        [0, 100, 10.99, 0.01, 100.0],
        [100.01, -0.01, 10.999, 101],
    ),
    ("create_job", FULL, "abortConfig.criteriaList[0].minNumberOfExecutedThings", [1], [0]),
    ("create_job", FULL, "timeoutConfig.inProgressTimeoutInMinutes", [1, 10080], [0, 10081]),
    ("create_job", FULL, "tags", [tags(50), []], [tags(51)]),
    (
        "create_job",
        FULL,
        "tags[1].Key",
        [text(128), "env:stage/a=b+c-d@e_f.g", "Größe"],
        ["", text(129), "aws:owner", "a;b", "team"],
    ),
    ("create_job", FULL, "tags[1].Value", [text(256), ""], [text(257)]),
    ("create_job", TEMPLATED, "jobTemplateArn", [ARN_1600, "arn:a"], [ARN_1600 + "x", "template", "arn:"]),
    ("create_job", RETRY, "jobExecutionsRetryConfig.criteriaList[0].failureType", ["FAILED", "ALL"], ["REJECTED"]),
    ("create_job", RETRY, "jobExecutionsRetryConfig.criteriaList[0].numberOfRetries", [0, 10], [-1, 11]),
    ("create_job", TEMPLATED, "documentParameters.command", [text(1), text(30720)], ["", text(30721), "a\nb"]),
    ("create_job", TEMPLATED, "documentParameters.bad key", [], ["v"]),
    (
        "create_job",
        SCHEDULED,
        "schedulingConfig.startTime",
        ["2028-02-29T23:59"],
        ["", "2027-01-01 00:00", "2027-02-29T00:00"],
    ),
    ("create_job", SCHEDULED, "schedulingConfig.endBehavior", ["CANCEL", "FORCE_CANCEL"], ["STOP"]),
    ("create_job", SCHEDULED, "schedulingConfig.maintenanceWindows[0].durationInMinutes", [1, 1430], [0, 1431]),
    ("create_job", SCHEDULED, "schedulingConfig.maintenanceWindows[0].startTime", [text(256)], ["", text(257)]),
    ("create_job", FULL, "destinationPackageVersions", [[ARN_1600] * 25], [[ARN_1600] * 26]),
    (
        "create_job",
        with_value(FULL, "destinationPackageVersions", ["arn:x"]),
        "destinationPackageVersions[0]",
        [],
        ["pkg", ""],
    ),
    (
        "delete_job_execution",
        MINIMAL["delete_job_execution"],
        "thingName",
        [text(128), "a:b_c-d"],
        [text(129), "", "a/b"],
    ),
    ("delete_job_execution", MINIMAL["delete_job_execution"], "executionNumber", [0, 2**63 - 1], [-1, 1.0, "1"]),
    ("describe_job_execution", MINIMAL["describe_job_execution"], "executionNumber", [0], [-1]),
    ("delete_job", MINIMAL["delete_job"], "force", [True, False], ["true", 1, None]),
    ("describe_job", MINIMAL["describe_job"], "beforeSubstitution", [True], [0]),
    ("list_jobs", {}, "status", ["IN_PROGRESS", "SCHEDULED", "DELETION_IN_PROGRESS"], ["QUEUED", "in_progress"]),
    (
        "list_job_executions_for_thing",
        MINIMAL["list_job_executions_for_thing"],
        "status",
        ["QUEUED", "REMOVED"],
        ["COMPLETED"],
    ),
    ("list_job_executions_for_job", MINIMAL["list_job_executions_for_job"], "maxResults", [1, 250], [0, 251]),
    ("list_jobs", {}, "maxResults", [1, 250], [0, 251, True]),
    ("list_jobs", {}, "thingGroupName", [text(128)], [text(129), "a b"]),
    ("list_jobs", {}, "thingGroupId", [text(128), "abc-123"], [text(129), "a_b"]),
    ("cancel_job", MINIMAL["cancel_job"], "reasonCode", ["ABORT_1", "A" * 128], ["A" * 129, "abc", "A-B"]),
    (
        "cancel_job_execution",
        MINIMAL["cancel_job_execution"],
        "statusDetails",
        [{f"k{i}": "v" for i in range(10)}],
        [{f"k{i}": "v" for i in range(11)}],
    ),
    (
        "cancel_job_execution",
        MINIMAL["cancel_job_execution"],
        "statusDetails.reason",
        [text(1024)],
        [text(1025), "", 5],
    ),
    ("cancel_job_execution", MINIMAL["cancel_job_execution"], "expectedVersion", [3, -5], [1.5]),
]


@pytest.mark.parametrize(
    ("operation", "base", "path", "good", "bad"),
    RULES,
    ids=[f"{op}:{path}" for op, _, path, _, _ in RULES],
)
def test_boundary(operation: str, base: Dict[str, Any], path: str, good: List[Any], bad: List[Any]) -> None:
    assert_valid(operation, base)
    for value in good:
        assert_valid(operation, with_value(base, path, value))
    for value in bad:
        assert_one_violation_at(operation, with_value(base, path, value), path)


def test_document_or_source_is_required_unless_templated() -> None:
    message = assert_one_violation_at("create_job", {"jobId": "j", "targets": [THING]}, "document")
    assert "jobTemplateArn" in message
    assert_valid("create_job", {"jobId": "j", "targets": [THING], "jobTemplateArn": "arn:x"})


def test_document_parameters_need_a_template() -> None:
    assert_one_violation_at("create_job", with_value(FULL, "documentParameters", {"a": "b"}), "documentParameters")


def test_retries_add_up_to_at_most_ten() -> None:
    path = "jobExecutionsRetryConfig.criteriaList"
    ok = with_value(
        FULL,
        path,
        [{"failureType": "FAILED", "numberOfRetries": 8}, {"failureType": "TIMED_OUT", "numberOfRetries": 2}],
    )
    assert_valid("create_job", ok)
    bad = with_value(ok, f"{path}[1].numberOfRetries", 3)
    assert "at most 10" in assert_one_violation_at("create_job", bad, path)
    assert_one_violation_at(
        "create_job", with_value(ok, path, [{"failureType": "FAILED", "numberOfRetries": 1}] * 3), path
    )


def test_timed_out_retries_need_a_timeout() -> None:
    request = with_value(
        FULL, "jobExecutionsRetryConfig", {"criteriaList": [{"failureType": "TIMED_OUT", "numberOfRetries": 1}]}
    )
    del request["timeoutConfig"]
    path = "jobExecutionsRetryConfig.criteriaList[0].failureType"
    assert "timeoutConfig" in assert_one_violation_at("create_job", request, path)


def test_end_behavior_needs_an_end_time() -> None:
    request = with_value(FULL, "schedulingConfig", {"startTime": "2027-01-01T00:00", "endBehavior": "CANCEL"})
    assert_one_violation_at("create_job", request, "schedulingConfig.endBehavior")


def test_duplicate_tag_keys() -> None:
    request = with_value(FULL, "tags", [{"Key": "a"}, {"Key": "b"}, {"Key": "a"}])
    assert "repeats item [0]" in assert_one_violation_at("create_job", request, "tags[2].Key")


@pytest.mark.parametrize("operation", sorted(MINIMAL))
def test_each_operation_accepts_its_minimal_request(operation: str) -> None:
    assert_valid(operation, MINIMAL[operation])
