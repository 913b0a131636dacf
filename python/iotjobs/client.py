"""boto3-compatible clients for the AWS IoT Jobs control plane.

``JobsClient`` is synchronous; ``AsyncJobsClient`` has the same methods as
asyncio coroutines. Both are thin: every call goes to one Rust
implementation, which validates the request, sends it with aws-sdk-iot and
shapes the answer exactly as boto3 does.
"""

from __future__ import annotations

from types import SimpleNamespace, TracebackType
from typing import Any, Callable, Dict, Mapping, Type

from . import exceptions
from ._core import ClientCore, operation_names
from .exceptions import IotJobsError
from .paginate import RESULT_KEYS, AsyncPaginator, Paginator

__all__ = ["AsyncJobsClient", "Config", "JobsClient", "client"]


class Config:
    """Client options, named as in ``botocore.config.Config``.

    ``retries={"max_attempts": 3, "mode": "standard" | "adaptive"}``,
    ``connect_timeout`` and ``read_timeout`` in seconds, and
    ``validation="strict" | "model" | "off"`` (see ``iotjobs.validate``).
    """

    def __init__(
        self,
        *,
        region_name: str | None = None,
        retries: Mapping[str, Any] | None = None,
        connect_timeout: float = 60,
        read_timeout: float = 60,
        validation: str = "strict",
    ) -> None:
        retries = dict(retries or {})
        unknown = set(retries) - {"max_attempts", "total_max_attempts", "mode"}
        if unknown:
            raise ValueError(
                f"unknown retries option(s) {sorted(unknown)}; expected max_attempts, total_max_attempts, mode"
            )
        self.region_name = region_name
        self.retries = retries
        self.connect_timeout = connect_timeout
        self.read_timeout = read_timeout
        self.validation = validation

    @property
    def max_attempts(self) -> int:
        """Total attempts: botocore's ``max_attempts`` counts retries only."""
        if "total_max_attempts" in self.retries:
            return int(self.retries["total_max_attempts"])
        return int(self.retries.get("max_attempts", 2)) + 1

    def __repr__(self) -> str:
        return (
            f"Config(retries={self.retries!r}, connect_timeout={self.connect_timeout!r}, "
            f"read_timeout={self.read_timeout!r}, validation={self.validation!r})"
        )


class _Meta:
    def __init__(self, region_name: str | None, endpoint_url: str) -> None:
        self.region_name = region_name
        self.endpoint_url = endpoint_url


class _Client:
    """What the sync and async clients share: configuration, ``meta``,
    ``exceptions``, paginators, closing."""

    _paginator_class: Type[Any]

    def __init__(
        self,
        region_name: str | None = None,
        endpoint_url: str | None = None,
        aws_access_key_id: str | None = None,
        aws_secret_access_key: str | None = None,
        aws_session_token: str | None = None,
        profile_name: str | None = None,
        config: Config | None = None,
    ) -> None:
        config = config or Config()
        self._core = ClientCore(
            region_name=region_name or config.region_name,
            endpoint_url=endpoint_url,
            aws_access_key_id=aws_access_key_id,
            aws_secret_access_key=aws_secret_access_key,
            aws_session_token=aws_session_token,
            profile_name=profile_name,
            retry_mode=config.retries.get("mode", "standard"),
            max_attempts=config.max_attempts,
            connect_timeout=float(config.connect_timeout),
            read_timeout=float(config.read_timeout),
            validation=config.validation,
        )
        self._closed = False
        self.meta = _Meta(self._core.region_name, self._core.endpoint_url)
        self.exceptions = SimpleNamespace(ClientError=exceptions.ClientError, **exceptions.MODELED_ERRORS)

    def _core_for_call(self) -> ClientCore:
        if self._closed:
            raise IotJobsError("this client is closed; create a new one")
        return self._core

    def get_paginator(self, operation_name: str) -> Any:
        """A paginator for ``list_jobs``, ``list_job_executions_for_thing``
        or ``list_job_executions_for_job``."""
        if operation_name not in RESULT_KEYS:
            raise ValueError(
                f"operation {operation_name!r} cannot be paginated; expected one of: {', '.join(RESULT_KEYS)}"
            )
        return self._paginator_class(getattr(self, operation_name), RESULT_KEYS[operation_name])

    def can_paginate(self, operation_name: str) -> bool:
        return operation_name in RESULT_KEYS

    def __repr__(self) -> str:
        return f"<{type(self).__name__} region={self.meta.region_name!r} endpoint={self.meta.endpoint_url!r}>"


class JobsClient(_Client):
    """The AWS IoT Jobs control plane, as ``boto3.client("iot")`` offers it.

    Every method takes boto3's keyword arguments (camelCase) and returns
    boto3's response dict. Calls release the GIL while they wait; one client
    may be shared by many threads.
    """

    _paginator_class = Paginator

    def close(self) -> None:
        self._closed = True

    def __enter__(self) -> JobsClient:
        return self

    def __exit__(
        self, exc_type: Type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


class AsyncJobsClient(_Client):
    """The asyncio twin of :class:`JobsClient`: the same methods, as
    coroutines; ``async with`` closes it."""

    _paginator_class = AsyncPaginator

    async def close(self) -> None:
        self._closed = True

    async def __aenter__(self) -> AsyncJobsClient:
        return self

    async def __aexit__(
        self, exc_type: Type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.close()


def _sync_method(name: str) -> Callable[..., Dict[str, Any]]:
    def method(self: JobsClient, **kwargs: Any) -> Dict[str, Any]:
        result: Dict[str, Any] = self._core_for_call().call(name, kwargs)
        return result

    return method


def _async_method(name: str) -> Callable[..., Any]:
    async def method(self: AsyncJobsClient, **kwargs: Any) -> Dict[str, Any]:
        result: Dict[str, Any] = await self._core_for_call().call_async(name, kwargs)
        return result

    return method


# One method per operation on each client, all calling the same Rust core.
# Keyword-only, as boto3: a positional argument is a TypeError, an unknown
# keyword a ParamValidationError naming the valid ones.
for _name in operation_names():
    for _cls, _make in ((JobsClient, _sync_method), (AsyncJobsClient, _async_method)):
        _method = _make(_name)
        _method.__name__ = _name
        _method.__qualname__ = f"{_cls.__name__}.{_name}"
        _method.__doc__ = f"AWS IoT ``{_name}``: the same keyword arguments and response as boto3's."
        setattr(_cls, _name, _method)


def client(
    service_name: str = "iot",
    *,
    region_name: str | None = None,
    endpoint_url: str | None = None,
    aws_access_key_id: str | None = None,
    aws_secret_access_key: str | None = None,
    aws_session_token: str | None = None,
    profile_name: str | None = None,
    config: Config | None = None,
) -> JobsClient:
    """``iotjobs.client()``: the drop-in for ``boto3.client("iot")``."""
    if service_name != "iot":
        raise ValueError(f"iotjobs serves the 'iot' Jobs API only, not {service_name!r}")
    return JobsClient(
        region_name=region_name,
        endpoint_url=endpoint_url,
        aws_access_key_id=aws_access_key_id,
        aws_secret_access_key=aws_secret_access_key,
        aws_session_token=aws_session_token,
        profile_name=profile_name,
        config=config,
    )
