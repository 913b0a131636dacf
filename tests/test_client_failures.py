"""Network failures, missing configuration, threads and cancellation."""

from __future__ import annotations

import asyncio
import socket
import threading
from typing import Any, Iterator, List

import pytest
from conftest import iotjobs_clients
from server_helpers import thing

import iotjobs
from iotjobs.exceptions import EndpointConnectionError, NoCredentialsError, NoRegionError, ReadTimeoutError
from iotjobs.testing import LocalJobsServer


@pytest.fixture
def silent_endpoint() -> Iterator[str]:
    """Accepts connections and never answers: a server that hangs."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(64)
    held: List[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(listener.accept()[0])
            except OSError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join()
    for conn in held:
        conn.close()
    listener.close()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port


def test_connection_refused() -> None:
    url = f"http://127.0.0.1:{free_port()}"
    client, _ = iotjobs_clients(url)
    with pytest.raises(EndpointConnectionError) as caught:
        client.describe_job(jobId="j")
    assert url in str(caught.value)
    assert caught.value.endpoint_url == url


def test_read_timeout(silent_endpoint: str) -> None:
    config = iotjobs.Config(read_timeout=0.3, retries={"total_max_attempts": 1})
    client, _ = iotjobs_clients(silent_endpoint, config=config)
    with pytest.raises(ReadTimeoutError, match="Read timeout on endpoint URL"):
        client.describe_job(jobId="j")


def test_retries_are_counted(silent_endpoint: str) -> None:
    config = iotjobs.Config(read_timeout=0.2, retries={"total_max_attempts": 3, "mode": "standard"})
    client, _ = iotjobs_clients(silent_endpoint, config=config)
    with pytest.raises(ReadTimeoutError):
        client.describe_job(jobId="j")


def test_no_region(monkeypatch: pytest.MonkeyPatch, tmp_path: Any, server: LocalJobsServer) -> None:
    for name in ["AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE"]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    client = iotjobs.client(endpoint_url=server.endpoint_url, aws_access_key_id="a", aws_secret_access_key="b")
    with pytest.raises(NoRegionError, match="region_name"):
        client.describe_job(jobId="j")


def test_no_credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Any, server: LocalJobsServer) -> None:
    for name in [
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "AWS_SESSION_TOKEN",
        "AWS_PROFILE",
        "AWS_WEB_IDENTITY_TOKEN_FILE",
        "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
        "AWS_CONTAINER_CREDENTIALS_FULL_URI",
    ]:
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "none"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    client = iotjobs.client(
        region_name="us-east-1",
        endpoint_url=server.endpoint_url,
        config=iotjobs.Config(retries={"total_max_attempts": 1}),
    )
    with pytest.raises(NoCredentialsError, match="AWS_ACCESS_KEY_ID"):
        client.describe_job(jobId="j")


def test_half_a_key_pair_is_refused() -> None:
    with pytest.raises(ValueError, match="both aws_access_key_id and aws_secret_access_key"):
        iotjobs.client(region_name="us-east-1", aws_access_key_id="only-one")


def test_eight_threads_share_one_client(server: LocalJobsServer) -> None:
    client, _ = iotjobs_clients(server.endpoint_url)
    errors: List[BaseException] = []

    def worker(n: int) -> None:
        try:
            for i in range(30):
                job_id = f"t{n}-{i}"
                client.create_job(jobId=job_id, targets=[thing(f"dev-{n}")], document="{}")
                assert client.describe_job(jobId=job_id)["job"]["jobId"] == job_id
        except BaseException as err:  # pragma: no cover - reported below
            errors.append(err)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sum(len(p["jobs"]) for p in client.get_paginator("list_jobs").paginate()) == 240


def test_cancelling_an_awaiting_call(silent_endpoint: str, server: LocalJobsServer) -> None:
    _, hanging = iotjobs_clients(silent_endpoint, config=iotjobs.Config(read_timeout=30))
    _, healthy = iotjobs_clients(server.endpoint_url)

    async def main() -> None:
        task = asyncio.ensure_future(hanging.describe_job(jobId="j"))
        await asyncio.sleep(0.2)
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        # The runtime is fine afterwards: other calls still work.
        assert (await healthy.list_jobs())["jobs"] == []
        results = await asyncio.gather(*[healthy.list_jobs() for _ in range(50)])
        assert len(results) == 50

    asyncio.run(main())


def test_ctrl_c_interrupts_a_hanging_sync_call(silent_endpoint: str) -> None:
    import _thread
    import time

    client, _ = iotjobs_clients(silent_endpoint, config=iotjobs.Config(read_timeout=30))
    timer = threading.Timer(0.3, _thread.interrupt_main)
    timer.start()
    started = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        client.describe_job(jobId="j")
    assert time.monotonic() - started < 5
