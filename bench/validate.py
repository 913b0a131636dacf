"""iotjobs.validate vs botocore's ParamValidator on one full create_job request.

    python bench/validate.py [--seconds 2]

Both validate the same request (10 targets, exponential rollout, two abort
criteria, timeout, tags) in the same process; the ratio is what counts.
"""

from __future__ import annotations

import argparse
import json
import timeit
from pathlib import Path

import botocore.session
from botocore.validate import ParamValidator

import iotjobs

# The README's example request: 10 targets, exponential rollout, two abort
# criteria, timeout, tags, namespace.
REQUEST = json.loads((Path(__file__).resolve().parent.parent / "examples" / "create_job.json").read_text())


def per_call_seconds(fn: object, seconds: float) -> float:
    timer = timeit.Timer(fn)  # type: ignore[arg-type]
    number, _ = timer.autorange()
    repeats = max(3, int(seconds / max(timer.timeit(number), 1e-9)))
    return min(timer.repeat(repeat=min(repeats, 20), number=number)) / number


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=2.0, help="rough time budget per contender")
    args = parser.parse_args()

    shape = botocore.session.get_session().get_service_model("iot").operation_model("CreateJob").input_shape
    validator = ParamValidator()
    assert not validator.validate(REQUEST, shape).has_errors()
    iotjobs.validate("create_job", REQUEST)

    botocore_s = per_call_seconds(lambda: validator.validate(REQUEST, shape), args.seconds)
    iotjobs_s = per_call_seconds(lambda: iotjobs.validate("create_job", REQUEST), args.seconds)
    print(f"botocore ParamValidator.validate : {botocore_s * 1e6:8.2f} us/call")
    print(f"iotjobs.validate                 : {iotjobs_s * 1e6:8.2f} us/call")
    print(f"speed-up                         : {botocore_s / iotjobs_s:8.1f}x")


if __name__ == "__main__":
    main()
