from typing import Any, List, Literal, Mapping

__all__ = ["__version__", "operation_names", "validate"]

__version__: str

def validate(
    operation_name: str,
    params: Mapping[str, Any],
    *,
    validation: Literal["strict", "model", "off"] | None = None,
) -> None: ...
def operation_names() -> List[str]: ...
