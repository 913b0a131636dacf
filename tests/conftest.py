"""Shared fixtures: valid requests to start from."""

from __future__ import annotations

import copy
import json
import os
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
        "iot",
        endpoint_url=endpoint_url,
        config=Config(retries={"total_max_attempts": 1, "mode": "standard"}),
        **CREDENTIALS,
    )

    def check_parsed(http_response: Any, parsed: Dict[str, Any], **_: Any) -> None:
        if http_response.status_code >= 400:
            code = parsed.get("Error", {}).get("Code", "")
            assert code and not code.isdigit(), f"boto3 could not parse the error: {parsed}"

    if check_errors:
        client.meta.events.register("after-call.iot", check_parsed)
    return client


@pytest.fixture
def server(iot_jobs_server: LocalJobsServer) -> LocalJobsServer:
    """The plugin's session server (see iotjobs.pytest_plugin), emptied for this test."""
    return iot_jobs_server


@pytest.fixture(scope="session")
def moto_url() -> Iterator[str]:
    """A moto server on 127.0.0.1, for comparisons."""
    from moto.server import ThreadedMotoServer

    moto = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    moto.start()
    try:
        yield f"http://127.0.0.1:{moto._server.server_port}"  # type: ignore[attr-defined]
    finally:
        moto.stop()


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


# ---- iotjobs clients -------------------------------------------------------

import asyncio  # noqa: E402

import iotjobs  # noqa: E402

os.environ.setdefault("AWS_EC2_METADATA_DISABLED", "true")  # never probe instance metadata in tests


def iotjobs_clients(endpoint_url: str, **options: Any) -> Any:
    """A sync and an async iotjobs client for a local endpoint, no retries."""
    options.setdefault("config", iotjobs.Config(retries={"total_max_attempts": 1}))
    kwargs = dict(
        region_name="us-east-1", endpoint_url=endpoint_url, aws_access_key_id="testing", aws_secret_access_key="testing"
    )
    kwargs.update(options)
    return iotjobs.JobsClient(**kwargs), iotjobs.AsyncJobsClient(**kwargs)


class Both:
    """Runs one scenario through the sync client and the async client, on
    a freshly reset server each time, and returns both results."""

    def __init__(self, server: LocalJobsServer) -> None:
        self.server = server
        self.sync, self.aio = iotjobs_clients(server.endpoint_url)

    def run(self, scenario: Any) -> Any:
        """``scenario(call)`` where ``await call(name, **kwargs)`` / ``call(name, **kwargs)``
        performs one operation; returns (sync result, async result)."""
        self.server.reset()
        sync_result = scenario(_SyncCaller(self.sync))
        self.server.reset()
        async_result = asyncio.run(_run_async(scenario, self.aio))
        return sync_result, async_result


class _SyncCaller:
    def __init__(self, client: Any) -> None:
        self.client = client

    def __call__(self, name: str, **kwargs: Any) -> Any:
        return getattr(self.client, name)(**kwargs)


async def _run_async(scenario: Any, client: Any) -> Any:
    loop = asyncio.get_running_loop()

    class _AsyncCaller:
        def __call__(self, name: str, **kwargs: Any) -> Any:
            # The scenario is synchronous code; each call waits for its coroutine.
            return asyncio.run_coroutine_threadsafe(getattr(client, name)(**kwargs), loop).result()

    return await loop.run_in_executor(None, scenario, _AsyncCaller())


@pytest.fixture
def both(server: LocalJobsServer) -> Both:
    return Both(server)


@pytest.fixture
def manual_devices(manual_server: LocalJobsServer) -> Any:
    """boto3's device (iot-jobs-data) client for the manual-clock server."""
    return boto3.client(
        "iot-jobs-data",
        endpoint_url=manual_server.endpoint_url,
        config=Config(retries={"total_max_attempts": 1}),
        **CREDENTIALS,
    )


@pytest.fixture
def manual_jobs(manual_server: LocalJobsServer) -> Iterator[Any]:
    """iotjobs' own sync client for the manual-clock server."""
    with manual_server.client() as client:
        yield client
