"""How iotjobs.validate reports: all violations at once, boto3-style paths,
strict types, the three modes, and the error class users catch."""

from __future__ import annotations

import math
from collections import OrderedDict
from types import MappingProxyType
from typing import Any, Dict

import pytest
from helpers import MINIMAL, THING, assert_one_violation_at, assert_valid, violations, with_value

import iotjobs
from iotjobs.exceptions import IotJobsError, ParamValidationError

ROLLOUT = "jobExecutionsRolloutConfig.exponentialRate"


@pytest.mark.parametrize(("value", "ok"), [(1.5, True), (1.55, False), (1.05, False), (5.1, False)])
def test_increment_factor(create_job_request: Dict[str, Any], value: float, ok: bool) -> None:
    request = with_value(create_job_request, f"{ROLLOUT}.incrementFactor", value)
    if ok:
        assert_valid("create_job", request)
    else:
        assert_one_violation_at("create_job", request, f"{ROLLOUT}.incrementFactor")


def test_increment_factor_message_names_value_and_rule(create_job_request: Dict[str, Any]) -> None:
    message = assert_one_violation_at(
        "create_job", with_value(create_job_request, f"{ROLLOUT}.incrementFactor", 1.55), f"{ROLLOUT}.incrementFactor"
    )
    assert message == "incrementFactor must have at most one decimal place (e.g. 1.5), got 1.55"


@pytest.mark.parametrize(("value", "ok"), [(10.99, True), (10.999, False), (100.01, False)])
def test_threshold_percentage(create_job_request: Dict[str, Any], value: float, ok: bool) -> None:
    path = "abortConfig.criteriaList[0].thresholdPercentage"
    request = with_value(create_job_request, path, value)
    if ok:
        assert_valid("create_job", request)
    else:
        assert_one_violation_at("create_job", request, path)


@pytest.mark.parametrize(
    ("path", "good", "bad"),
    [
        ("jobExecutionsRolloutConfig.maximumPerMinute", [1000], [1001]),
        ("timeoutConfig.inProgressTimeoutInMinutes", [10080], [10081, 0]),
        ("presignedUrlConfig.expiresInSec", [60, 3600], [59, 3601]),
    ],
)
def test_integer_limits(create_job_request: Dict[str, Any], path: str, good: list, bad: list) -> None:
    if path.startswith("presigned"):
        create_job_request["presignedUrlConfig"] = {"roleArn": "arn:aws:iam::123456789012:role/ota"}
    for value in good:
        assert_valid("create_job", with_value(create_job_request, path, value))
    for value in bad:
        assert_one_violation_at("create_job", with_value(create_job_request, path, value), path)


def test_empty_rate_increase_criteria(create_job_request: Dict[str, Any]) -> None:
    path = f"{ROLLOUT}.rateIncreaseCriteria"
    message = assert_one_violation_at("create_job", with_value(create_job_request, path, {}), path)
    assert "numberOfNotifiedThings" in message and "numberOfSucceededThings" in message


def test_bool_is_not_an_int(create_job_request: Dict[str, Any]) -> None:
    path = "jobExecutionsRolloutConfig.maximumPerMinute"
    message = assert_one_violation_at("create_job", with_value(create_job_request, path, True), path)
    assert message == "maximumPerMinute must be an int, got True (bool)"


def test_unknown_nested_key_names_the_valid_ones(create_job_request: Dict[str, Any]) -> None:
    path = "abortConfig.criteriaList[0].treshold"
    message = assert_one_violation_at("create_job", with_value(create_job_request, path, 5), path)
    assert "'treshold'" in message
    assert "failureType, action, thresholdPercentage, minNumberOfExecutedThings" in message


def test_five_violations_are_all_reported(create_job_request: Dict[str, Any]) -> None:
    request = with_value(create_job_request, "jobId", "bad id")
    request = with_value(request, f"{ROLLOUT}.incrementFactor", 1.55)
    request = with_value(request, "abortConfig.criteriaList[1].thresholdPercentage", 10.999)
    request = with_value(request, "timeoutConfig.inProgressTimeoutInMinutes", 0)
    request = with_value(request, "tags[0].Key", "aws:owner")
    with pytest.raises(ParamValidationError) as caught:
        iotjobs.validate("create_job", request)
    assert [e["path"] for e in caught.value.errors] == [
        "jobId",
        f"{ROLLOUT}.incrementFactor",
        "abortConfig.criteriaList[1].thresholdPercentage",
        "timeoutConfig.inProgressTimeoutInMinutes",
        "tags[0].Key",
    ]
    lines = str(caught.value).split("\n")
    assert lines[0] == "Parameter validation failed:"
    assert len(lines) == 6
    assert lines[1].startswith("jobId: jobId must match")


@pytest.mark.parametrize("namespace", ["a/b", "a+b", "a#b", "a b", ""])
def test_namespace_cannot_inject_topic_levels(create_job_request: Dict[str, Any], namespace: str) -> None:
    assert_one_violation_at("create_job", with_value(create_job_request, "namespaceId", namespace), "namespaceId")
    assert_one_violation_at("list_jobs", {"namespaceId": namespace}, "namespaceId")


def test_error_class() -> None:
    with pytest.raises(ParamValidationError) as caught:
        iotjobs.validate("describe_job", {})
    err = caught.value
    assert isinstance(err, ValueError) and isinstance(err, IotJobsError)
    assert err.errors == [{"path": "jobId", "message": "Missing required parameter 'jobId' in input"}]
    assert iotjobs.exceptions.ParamValidationError is ParamValidationError


def test_operation_names() -> None:
    assert iotjobs.validate("DescribeJob", {"jobId": "j"}) is None
    assert iotjobs.validate("describe_job", {"jobId": "j"}) is None
    with pytest.raises(
        ValueError, match="unknown operation 'describeJob'; expected one of: associate_targets_with_job"
    ):
        iotjobs.validate("describeJob", {"jobId": "j"})
    assert len(iotjobs.operation_names()) == 13


def test_containers_python_users_pass() -> None:
    request = {"jobId": "j", "targets": (THING,), "document": "{}"}
    assert_valid("create_job", request)
    assert_valid("create_job", OrderedDict(request))
    assert_valid("create_job", MappingProxyType(request))

    class Params(dict):  # type: ignore[type-arg]
        pass

    assert_valid("create_job", Params(request))
    assert_valid("create_job", with_value(request, "tags", [MappingProxyType({"Key": "k"})]))


@pytest.mark.parametrize(
    ("value", "got"),
    [
        (b"j", "bytes"),
        ({"j"}, "set"),
        ("\ud800", "lone surrogates"),
        (None, "None"),
        (10**100, "(int)"),
    ],
)
def test_wrong_types_are_named(value: Any, got: str) -> None:
    message = assert_one_violation_at("describe_job", {"jobId": value}, "jobId")
    assert got in message, message


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, 10**400])
def test_non_finite_and_huge_numbers(create_job_request: Dict[str, Any], value: Any) -> None:
    path = f"{ROLLOUT}.incrementFactor"
    assert_one_violation_at("create_job", with_value(create_job_request, path, value), path)


def test_negative_zero_is_zero(create_job_request: Dict[str, Any]) -> None:
    assert_valid("create_job", with_value(create_job_request, "abortConfig.criteriaList[0].thresholdPercentage", -0.0))


def test_non_string_keys() -> None:
    found = violations("describe_job", {"jobId": "j", 1: "x"})
    assert len(found) == 1 and "keys of input must be str" in found[0]["message"]


def test_deep_nesting_and_huge_inputs() -> None:
    deep: Any = "x"
    for _ in range(100_000):
        deep = [deep]
    assert_one_violation_at("describe_job", {"jobId": deep}, "jobId")
    nested: Dict[str, Any] = {}
    node = nested
    for _ in range(10_000):
        node["jobId"] = {}
        node = node["jobId"]
    assert_one_violation_at("describe_job", nested, "jobId")
    assert_one_violation_at("describe_job", {"jobId": "x" * 10_000_000}, "jobId")
    many = [THING] * 1_000_000
    assert_valid("create_job", {"jobId": "j", "targets": many, "document": "{}"})
    with pytest.raises(ParamValidationError) as caught:
        iotjobs.validate("create_job", {"jobId": "j", "targets": ["bad"] * 1_000_000, "document": "{}"})
    assert len(caught.value.errors) == 100
    assert str(caught.value).endswith("... and 999900 more violations")


def test_model_mode_skips_documented_rules_only(create_job_request: Dict[str, Any]) -> None:
    request = with_value(create_job_request, f"{ROLLOUT}.incrementFactor", 1.55)
    request = with_value(request, "targets", ["sensor-1"])
    request = with_value(request, "timeoutConfig.inProgressTimeoutInMinutes", 0)
    assert len(violations("create_job", request)) == 3
    assert violations("create_job", request, "model") == []
    request = with_value(request, f"{ROLLOUT}.incrementFactor", 1.0)
    assert [v["path"] for v in violations("create_job", request, "model")] == [f"{ROLLOUT}.incrementFactor"]


def test_off_mode_still_refuses_what_cannot_be_sent() -> None:
    assert violations("describe_job", {"jobId": "not a valid id!"}, "off") == []
    assert [v["path"] for v in violations("describe_job", {"jobId": 5, "extra": 1}, "off")] == ["extra", "jobId"]
    with pytest.raises(ValueError, match="validation must be 'strict', 'model' or 'off'"):
        iotjobs.validate("describe_job", {"jobId": "j"}, validation="lenient")  # type: ignore[arg-type]


def test_every_operation_rejects_unknown_members() -> None:
    for operation, request in MINIMAL.items():
        found = violations(operation, dict(request, bogus=1))
        assert [v["path"] for v in found] == ["bogus"], operation
