from typing import Any, Awaitable, Dict, List, Literal, Mapping, Sequence, final

__all__ = ["ClientCore", "LocalServer", "__version__", "operation_names", "validate"]

__version__: str

def validate(
    operation_name: str,
    params: Mapping[str, Any],
    *,
    validation: Literal["strict", "model", "off"] | None = None,
) -> None: ...
def operation_names() -> List[str]: ...

@final
class LocalServer:
    def __new__(
        cls, *, host: str = ..., port: int = 0, clock: str = "real", state_file: str | None = None
    ) -> LocalServer: ...
    @property
    def endpoint_url(self) -> str: ...
    @property
    def running(self) -> bool: ...
    def stop(self) -> None: ...
    def reset(self) -> None: ...
    def advance(self, seconds: float) -> float: ...
    def register_fleet(self, names: Sequence[str], group: str | None = None) -> Dict[str, Any]: ...
    def run_fleet(
        self, job_id: str, *, failed: float = 0.0, rejected: float = 0.0, stuck: float = 0.0, seed: int = 0
    ) -> Dict[str, int]: ...
    def state_json(self) -> str: ...
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
    ) -> None: ...
    def clear_faults(self) -> None: ...

@final
class ClientCore:
    def __new__(
        cls,
        *,
        region_name: str | None = None,
        endpoint_url: str | None = None,
        aws_access_key_id: str | None = None,
        aws_secret_access_key: str | None = None,
        aws_session_token: str | None = None,
        profile_name: str | None = None,
        retry_mode: str = "standard",
        max_attempts: int = 3,
        connect_timeout: float = 60.0,
        read_timeout: float = 60.0,
        validation: str = "strict",
    ) -> ClientCore: ...
    @property
    def region_name(self) -> str | None: ...
    @property
    def endpoint_url(self) -> str: ...
    def call(self, operation: str, params: Mapping[str, Any]) -> Any: ...
    def call_async(self, operation: str, params: Mapping[str, Any]) -> Awaitable[Any]: ...
