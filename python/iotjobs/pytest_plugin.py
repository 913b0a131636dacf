"""pytest fixtures for code that uses AWS IoT Jobs (registered automatically
through the ``pytest11`` entry point when iotjobs is installed):

- ``iot_jobs_server``: a :class:`~iotjobs.testing.LocalJobsServer`, emptied
  before each test (one server per session, so tests stay fast);
- ``iot_jobs_client``: an :class:`iotjobs.JobsClient` pointed at it;
- ``iot_jobs_async_client``: an :class:`iotjobs.AsyncJobsClient` pointed at it.
"""

from __future__ import annotations

from typing import Iterator

import pytest

from .client import AsyncJobsClient, JobsClient
from .testing import LocalJobsServer


@pytest.fixture(scope="session")
def _iot_jobs_session_server() -> Iterator[LocalJobsServer]:
    with LocalJobsServer() as server:
        yield server


@pytest.fixture
def iot_jobs_server(_iot_jobs_session_server: LocalJobsServer) -> LocalJobsServer:
    """The local Jobs server, empty at the start of the test."""
    _iot_jobs_session_server.reset()
    return _iot_jobs_session_server


@pytest.fixture
def iot_jobs_client(iot_jobs_server: LocalJobsServer) -> Iterator[JobsClient]:
    """A sync client for ``iot_jobs_server``."""
    with iot_jobs_server.client() as client:
        yield client


@pytest.fixture
def iot_jobs_async_client(iot_jobs_server: LocalJobsServer) -> AsyncJobsClient:
    """An asyncio client for ``iot_jobs_server``."""
    return iot_jobs_server.async_client()
