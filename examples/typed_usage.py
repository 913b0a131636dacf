"""Typed use of iotjobs: checked with ``mypy --strict`` in CI, so the stubs
stay honest about what the package accepts and returns."""

from __future__ import annotations

from typing import Dict, List

import iotjobs
from iotjobs.exceptions import IotJobsError, ParamValidationError


def problems(request: Dict[str, object]) -> List[str]:
    """Every violation of a create_job request, as 'path: message' lines."""
    try:
        iotjobs.validate("create_job", request, validation="strict")
    except ParamValidationError as err:
        return [f"{e['path']}: {e['message']}" for e in err.errors]
    return []


def main() -> None:
    request: Dict[str, object] = {
        "jobId": "ota-42",
        "targets": ["arn:aws:iot:us-east-1:123456789012:thinggroup/fleet"],
        "document": "{}",
        "jobExecutionsRolloutConfig": {"maximumPerMinute": 5000},
    }
    for line in problems(request):
        print(line)
    names: List[str] = iotjobs.operation_names()
    version: str = iotjobs.__version__
    print(len(names), version, issubclass(ParamValidationError, IotJobsError))


if __name__ == "__main__":
    main()
