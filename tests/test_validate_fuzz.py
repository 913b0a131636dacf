"""Property: whatever Python value is passed, validate returns None or raises
ParamValidationError — never anything else, never a crash."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, Dict

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import iotjobs

FULL = json.loads((Path(__file__).resolve().parent.parent / "examples" / "create_job.json").read_text())

# Member names from every request shape, so generated dicts reach deep into
# the schema instead of stopping at "unknown parameter".
MEMBERS = sorted(
    {
        *FULL,
        *"""targets jobId comment namespaceId documentSource document description presignedUrlConfig roleArn
        expiresInSec targetSelection jobExecutionsRolloutConfig maximumPerMinute exponentialRate baseRatePerMinute
        incrementFactor rateIncreaseCriteria numberOfNotifiedThings numberOfSucceededThings abortConfig criteriaList
        failureType action thresholdPercentage minNumberOfExecutedThings timeoutConfig inProgressTimeoutInMinutes tags
        Key Value jobTemplateArn jobExecutionsRetryConfig numberOfRetries documentParameters schedulingConfig startTime
        endTime endBehavior maintenanceWindows durationInMinutes destinationPackageVersions force thingName
        executionNumber beforeSubstitution status maxResults nextToken thingGroupName thingGroupId reasonCode
        expectedVersion statusDetails""".split(),
    }
)

EXAMPLES = 20_000 if os.environ.get("CI") or os.environ.get("IOTJOBS_FUZZ_FULL") else 2_000

any_text = st.text(st.characters(exclude_categories=()), max_size=40) | st.sampled_from(
    ["\ud800", "a\udfff", "\x00", "\n"]
)
scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats(allow_nan=True, allow_infinity=True)
    | any_text
    | st.sampled_from(["FAILED", "ALL", "CANCEL", "SNAPSHOT", "arn:aws:iot:us-east-1:123456789012:thing/t", "j"])
    | st.binary(max_size=8)
)
keys = st.sampled_from(MEMBERS) | any_text | st.integers(-3, 3)
values = st.recursive(
    scalars,
    lambda children: (
        st.lists(children, max_size=5)
        | st.tuples(children, children)
        | st.dictionaries(keys, children, max_size=6)
        | st.frozensets(st.integers(), max_size=3)
    ),
    max_leaves=30,
)
requests = st.dictionaries(keys, values, max_size=10) | values


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    operation=st.sampled_from(iotjobs.operation_names()),
    params=requests,
    mode=st.sampled_from(["strict", "model", "off"]),
)
def test_validate_only_raises_param_validation_error(operation: str, params: Any, mode: str) -> None:
    try:
        result = iotjobs.validate(operation, params, validation=mode)  # type: ignore[arg-type]
    except iotjobs.ParamValidationError as err:
        assert err.errors
        assert all(set(e) == {"path", "message"} for e in err.errors)
        assert str(err).startswith("Parameter validation failed:\n")
    else:
        assert result is None


@settings(max_examples=EXAMPLES // 4, deadline=None, suppress_health_check=list(HealthCheck))
@given(path_value=st.tuples(st.sampled_from(sorted(FULL)), values))
def test_mutating_a_valid_request(path_value: Any) -> None:
    """One member of the full example replaced by anything at all."""
    name, value = path_value
    request: Dict[str, Any] = dict(FULL, **{name: value})
    try:
        iotjobs.validate("create_job", request)
    except iotjobs.ParamValidationError as err:
        assert all(e["path"].startswith(name) or e["path"] in {"document", "documentSource"} for e in err.errors), err
