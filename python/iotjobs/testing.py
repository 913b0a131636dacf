"""A local AWS IoT Jobs server for tests and notebooks.

``LocalJobsServer`` runs in-process on 127.0.0.1 and speaks the same wire
protocol as AWS IoT for the Jobs APIs and a minimal registry, so boto3
pointed at it works as it does against AWS::

    from iotjobs.testing import LocalJobsServer
    import boto3

    with LocalJobsServer() as server:
        iot = boto3.client("iot", endpoint_url=server.endpoint_url, region_name="us-east-1",
                           aws_access_key_id="test", aws_secret_access_key="test")
        iot.create_job(jobId="ota-1", targets=["arn:aws:iot:us-east-1:123456789012:thing/dev-1"],
                       document="{}")

:class:`Fleet` registers many simulated devices at once and makes them take
and finish executions with chosen outcomes ("30% of 200 devices fail").
"""

from __future__ import annotations

import json
import os
from types import TracebackType
from typing import TYPE_CHECKING, Any, Dict, Literal, Type, Union

from ._core import LocalServer
from .fleet import Fleet

if TYPE_CHECKING:
    from .client import AsyncJobsClient, JobsClient

__all__ = ["Fleet", "LocalJobsServer"]


class LocalJobsServer:
    """An in-process AWS IoT Jobs endpoint.

    ``port=0`` picks a free port. ``clock="manual"`` freezes time until
    :meth:`advance` moves it, firing every rollout batch, timeout, retry,
    scheduled start or end and deletion due meanwhile, in time order.

    With ``state_file=PATH`` the server loads its state from that file when
    it starts (if the file exists) and saves it atomically after every
    change: a request that changed state is answered only once the change is
    on disk, so a server killed at any moment restarts with every
    acknowledged write. Use it as a context manager, or call :meth:`stop`.
    """

    def __init__(
        self,
        port: int = 0,
        host: str = "127.0.0.1",
        clock: Literal["real", "manual"] = "real",
        state_file: Union[str, os.PathLike[str], None] = None,
    ) -> None:
        path = None if state_file is None else os.fspath(state_file)
        self._server = LocalServer(host=host, port=port, clock=clock, state_file=path)
        self.clock = clock
        self.state_file = path

    @property
    def endpoint_url(self) -> str:
        """``http://127.0.0.1:PORT``: pass it as ``endpoint_url=`` to any client."""
        return self._server.endpoint_url

    @property
    def running(self) -> bool:
        return self._server.running

    def stop(self) -> None:
        """Stops serving (and saves the state file a last time). Calling it
        again does nothing."""
        self._server.stop()

    def client(self, region_name: str = "us-east-1") -> JobsClient:
        """An :class:`iotjobs.JobsClient` pointed at this server (any
        credentials do: the server accepts every signature)."""
        from .client import JobsClient

        return JobsClient(region_name, self.endpoint_url, aws_access_key_id="testing", aws_secret_access_key="testing")

    def async_client(self, region_name: str = "us-east-1") -> AsyncJobsClient:
        """An :class:`iotjobs.AsyncJobsClient` pointed at this server."""
        from .client import AsyncJobsClient

        return AsyncJobsClient(
            region_name, self.endpoint_url, aws_access_key_id="testing", aws_secret_access_key="testing"
        )

    def reset(self) -> None:
        """Forgets every job, execution, thing, thing group and injected fault."""
        self._server.reset()

    def advance(self, seconds: float) -> float:
        """Moves a manual clock forward, running everything due meanwhile
        in time order: scheduled starts and ends, rollout batches (one per
        simulated minute), in-progress and step timeouts, retries, abort
        criteria, deletions.

        Returns the new time in epoch seconds.
        """
        return self._server.advance(float(seconds))

    def inject_fault(
        self,
        operation: str | None = None,
        *,
        error: str | None = None,
        status: int | None = None,
        delay_ms: int | None = None,
        drop_connection: bool = False,
        count: int | None = None,
        probability: float | None = None,
    ) -> None:
        """Makes the next requests of ``operation`` (e.g. ``"CreateJob"``;
        ``None``: every operation) fail one way: a modeled ``error``
        (``"ThrottlingException"``), an HTTP ``status``, a ``delay_ms`` before
        the real answer, or a dropped connection. ``count`` limits how many
        requests it hits; ``probability`` makes it hit only that share of
        them. A request answered by a fault changes no state."""
        self._server.inject_fault(
            operation,
            error=error,
            status=status,
            delay_ms=delay_ms,
            drop_connection=drop_connection,
            count=count,
            probability=probability,
        )

    def clear_faults(self) -> None:
        """Removes every injected fault."""
        self._server.clear_faults()

    def state(self) -> Dict[str, Any]:
        """The server's whole state: jobs, executions, things, thing groups."""
        result: Dict[str, Any] = json.loads(self._server.state_json())
        return result

    def __enter__(self) -> LocalJobsServer:
        return self

    def __exit__(
        self,
        exc_type: Type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.stop()

    def __repr__(self) -> str:
        status = "running" if self.running else "stopped"
        return f"<LocalJobsServer {self.endpoint_url} clock={self.clock} {status}>"
