"""Paginators for the three list operations, as boto3's ``get_paginator``.

The page logic lives in :class:`_Pages`; :class:`Paginator` (sync) and
:class:`AsyncPaginator` (``async for``) only drive it.
"""

from __future__ import annotations

from typing import Any, AsyncIterator, Callable, Dict, Iterator, Mapping

from .exceptions import ParamValidationError

#: Operation name -> the response key holding its items.
RESULT_KEYS = {
    "list_jobs": "jobs",
    "list_job_executions_for_thing": "executionSummaries",
    "list_job_executions_for_job": "executionSummaries",
}


# base64 and json are imported on first use: most programs never resume a
# paginator, and the client should stay cheap to import.


def _encode(token: str | None, skip: int) -> str:
    import base64
    import json

    return base64.urlsafe_b64encode(json.dumps({"nextToken": token, "skip": skip}).encode()).decode()


def _decode(starting_token: str) -> Dict[str, Any]:
    import base64
    import json

    try:
        state = json.loads(base64.urlsafe_b64decode(starting_token.encode()))
        if isinstance(state, dict) and isinstance(state.get("skip", 0), int):
            return state
    except ValueError:
        pass
    raise ParamValidationError(
        "Parameter validation failed:\nPaginationConfig.StartingToken: not a token this paginator returned",
        [{"path": "PaginationConfig.StartingToken", "message": "not a token this paginator returned"}],
    )


class _Pages:
    """Which request to send next, and how to trim what comes back, for
    ``PaginationConfig`` = ``MaxItems`` / ``PageSize`` / ``StartingToken``."""

    def __init__(self, result_key: str, kwargs: Mapping[str, Any], config: Mapping[str, Any] | None) -> None:
        config = dict(config or {})
        self.result_key = result_key
        self.kwargs = dict(kwargs)
        self.max_items: int | None = config.get("MaxItems")
        if config.get("PageSize") is not None:
            self.kwargs["maxResults"] = config["PageSize"]
        self.token: str | None = None
        self.skip = 0
        if config.get("StartingToken"):
            state = _decode(config["StartingToken"])
            self.token, self.skip = state.get("nextToken"), state.get("skip", 0)
        self.returned = 0
        self.done = False

    def request(self) -> Dict[str, Any]:
        kwargs = dict(self.kwargs)
        if self.token:
            kwargs["nextToken"] = self.token
        return kwargs

    def accept(self, page: Dict[str, Any]) -> Dict[str, Any]:
        """Trims ``page`` to what the caller asked for; marks the end."""
        items = page.get(self.result_key, [])
        skipped, self.skip = self.skip, 0
        items = items[skipped:]
        server_token = page.get("nextToken")
        if self.max_items is not None and self.returned + len(items) >= self.max_items:
            keep = self.max_items - self.returned
            rest = len(items) - keep
            items = items[:keep]
            self.done = True
            if rest > 0:
                page["NextToken"] = _encode(self.token, skipped + keep)
            elif server_token:
                page["NextToken"] = _encode(server_token, 0)
        page[self.result_key] = items
        self.returned += len(items)
        self.token = server_token
        if not server_token:
            self.done = True
        return page


class Paginator:
    """``client.get_paginator(name).paginate(**kwargs, PaginationConfig=...)``."""

    def __init__(self, method: Callable[..., Dict[str, Any]], result_key: str) -> None:
        self._method = method
        self._result_key = result_key

    def paginate(self, *, PaginationConfig: Mapping[str, Any] | None = None, **kwargs: Any) -> Iterator[Dict[str, Any]]:
        pages = _Pages(self._result_key, kwargs, PaginationConfig)
        while not pages.done:
            yield pages.accept(self._method(**pages.request()))


class AsyncPaginator:
    """``async for page in client.get_paginator(name).paginate(...)``."""

    def __init__(self, method: Callable[..., Any], result_key: str) -> None:
        self._method = method
        self._result_key = result_key

    async def paginate(
        self, *, PaginationConfig: Mapping[str, Any] | None = None, **kwargs: Any
    ) -> AsyncIterator[Dict[str, Any]]:
        pages = _Pages(self._result_key, kwargs, PaginationConfig)
        while not pages.done:
            yield pages.accept(await self._method(**pages.request()))
