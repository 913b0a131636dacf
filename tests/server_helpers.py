"""Helpers for the server tests: ARNs, jobs, error checks."""

from __future__ import annotations

from typing import Any, Callable, Dict, List

import pytest

ACCOUNT_ARN = "arn:aws:iot:us-east-1:123456789012"


def thing(name: str) -> str:
    return f"{ACCOUNT_ARN}:thing/{name}"


def group(name: str) -> str:
    return f"{ACCOUNT_ARN}:thinggroup/{name}"


def create_job(iot: Any, job_id: str, targets: List[str], **extra: Any) -> Dict[str, Any]:
    extra.setdefault("document", '{"operation": "test"}')
    result: Dict[str, Any] = iot.create_job(jobId=job_id, targets=targets, **extra)
    return result


def expect_error(iot: Any, code: str, http_status: int, call: Callable[..., Any], /, **kwargs: Any) -> Dict[str, Any]:
    """Calls ``call(**kwargs)``, expecting boto3 to raise the modeled error
    class for ``code`` (so boto3 parsed the error, not a generic fallback)."""
    error_class = getattr(iot.exceptions, code)
    with pytest.raises(error_class) as caught:
        call(**kwargs)
    response: Dict[str, Any] = caught.value.response
    assert response["Error"]["Code"] == code
    assert response["ResponseMetadata"]["HTTPStatusCode"] == http_status
    assert response["Error"]["Message"]
    return response


def statuses(iot: Any, job_id: str) -> Dict[str, str]:
    """thing name -> status of its latest execution of ``job_id``."""
    pages = iot.get_paginator("list_job_executions_for_job").paginate(jobId=job_id)
    return {
        s["thingArn"].rsplit("/", 1)[1]: s["jobExecutionSummary"]["status"]
        for page in pages
        for s in page["executionSummaries"]
    }
