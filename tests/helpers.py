"""Small helpers shared by the validation tests."""

from __future__ import annotations

import copy
import re
from typing import Any, Dict, List

import pytest

import iotjobs

THING = "arn:aws:iot:us-east-1:123456789012:thing/sensor-1"
GROUP = "arn:aws:iot:us-east-1:123456789012:thinggroup/fleet"

MINIMAL: Dict[str, Dict[str, Any]] = {
    "associate_targets_with_job": {"jobId": "j", "targets": [GROUP]},
    "create_job": {"jobId": "j", "targets": [THING], "document": "{}"},
    "delete_job": {"jobId": "j"},
    "delete_job_execution": {"jobId": "j", "thingName": "t", "executionNumber": 1},
    "describe_job": {"jobId": "j"},
    "list_job_executions_for_thing": {"thingName": "t"},
    "list_jobs": {},
    "update_job": {"jobId": "j"},
    "cancel_job": {"jobId": "j"},
    "cancel_job_execution": {"jobId": "j", "thingName": "t"},
    "describe_job_execution": {"jobId": "j", "thingName": "t"},
    "get_job_document": {"jobId": "j"},
    "list_job_executions_for_job": {"jobId": "j"},
}


def with_value(base: Dict[str, Any], path: str, value: Any) -> Dict[str, Any]:
    """A deep copy of ``base`` with ``value`` at ``path`` (``a.b[0].c``)."""
    out = copy.deepcopy(base)
    node: Any = out
    parts = path.split(".")
    for i, part in enumerate(parts):
        match = re.fullmatch(r"([^\[]*)((?:\[\d+\])*)", part)
        assert match, part
        name, indexes = match.group(1), [int(x) for x in re.findall(r"\d+", match.group(2))]
        last = i == len(parts) - 1
        if last and not indexes:
            node[name] = value
            break
        node = node.setdefault(name, {})
        for j, index in enumerate(indexes):
            if last and j == len(indexes) - 1:
                node[index] = value
                return out
            node = node[index]
    return out


def violations(operation: str, params: Any, validation: str = "strict") -> List[Dict[str, str]]:
    """The violations ``iotjobs.validate`` reports (empty when valid)."""
    try:
        assert iotjobs.validate(operation, params, validation=validation) is None  # type: ignore[arg-type]
    except iotjobs.ParamValidationError as err:
        assert err.errors, "a ParamValidationError always names at least one violation"
        return err.errors
    return []


def assert_valid(operation: str, params: Any) -> None:
    found = violations(operation, params)
    assert not found, found


def assert_one_violation_at(operation: str, params: Any, path: str) -> str:
    """Asserts exactly one violation, at ``path``; returns its message."""
    found = violations(operation, params)
    assert len(found) == 1, found
    assert found[0]["path"] == path, found
    return found[0]["message"]


def text(n: int) -> str:
    return "x" * n


__all__ = [
    "GROUP",
    "MINIMAL",
    "THING",
    "assert_one_violation_at",
    "assert_valid",
    "pytest",
    "text",
    "violations",
    "with_value",
]
