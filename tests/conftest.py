"""Shared fixtures: valid requests to start from."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any, Dict

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"


@pytest.fixture
def create_job_request() -> Dict[str, Any]:
    """A fresh copy of the full, valid example create_job request."""
    return copy.deepcopy(json.loads((EXAMPLES / "create_job.json").read_text()))


# ---- the local Jobs server, and boto3 clients pointed at it ----------------

from typing import Iterator  # noqa: E402

import boto3  # noqa: E402
from botocore.config import Config  # noqa: E402

from iotjobs.testing import LocalJobsServer  # noqa: E402

CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing", "region_name": "us-east-1"}


def boto3_iot(endpoint_url: str, check_errors: bool = True) -> Any:
    """A boto3 IoT client for a local endpoint; no retries, so every error
    surfaces as the server sent it. Every error answer is checked to parse
    as a named error code, never boto3's numeric fallback."""
    client = boto3.client(
        "iot", endpoint_url=endpoint_url, config=Config(retries={"max_attempts": 1, "mode": "standard"}), **CREDENTIALS
    )

    def check_parsed(http_response: Any, parsed: Dict[str, Any], **_: Any) -> None:
        if http_response.status_code >= 400:
            code = parsed.get("Error", {}).get("Code", "")
            assert code and not code.isdigit(), f"boto3 could not parse the error: {parsed}"

    if check_errors:
        client.meta.events.register("after-call.iot", check_parsed)
    return client


@pytest.fixture(scope="session")
def shared_server() -> Iterator[LocalJobsServer]:
    with LocalJobsServer() as server:
        yield server


@pytest.fixture
def server(shared_server: LocalJobsServer) -> LocalJobsServer:
    """The session's server, emptied for this test."""
    shared_server.reset()
    return shared_server


@pytest.fixture
def iot(server: LocalJobsServer) -> Any:
    return boto3_iot(server.endpoint_url)


@pytest.fixture
def manual_server() -> Iterator[LocalJobsServer]:
    """A server whose clock moves only when the test advances it."""
    with LocalJobsServer(clock="manual") as server:
        yield server


@pytest.fixture
def manual_iot(manual_server: LocalJobsServer) -> Any:
    return boto3_iot(manual_server.endpoint_url)
