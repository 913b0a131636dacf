"""AWS IoT Jobs for Python, on a Rust core.

``iotjobs.client()`` is a drop-in for ``boto3.client("iot")`` on the Jobs
operations; ``iotjobs.AsyncJobsClient`` is its asyncio twin.

``iotjobs.validate("create_job", params)`` checks a request offline against
every rule of the AWS service model and the AWS IoT developer guide, and
raises :class:`~iotjobs.exceptions.ParamValidationError` naming every
violation at once.
"""

from __future__ import annotations

from . import exceptions
from ._core import __version__, operation_names
from ._core import validate as _validate
from .client import AsyncJobsClient, Config, JobsClient, client
from .exceptions import ClientError, IotJobsError, ParamValidationError

__all__ = [
    "AsyncJobsClient",
    "ClientError",
    "Config",
    "IotJobsError",
    "JobsClient",
    "ParamValidationError",
    "__version__",
    "client",
    "exceptions",
    "operation_names",
    "validate",
]

#: Validate a request: ``validate(operation_name, params, *, validation="strict")``.
#:
#: ``operation_name`` is boto3's (``create_job``) or AWS's (``CreateJob``);
#: ``validation`` is ``"strict"`` (every rule), ``"model"`` (only the service
#: model's constraints) or ``"off"`` (only what cannot be sent at all: wrong
#: types, missing required members, unknown keys). Returns ``None`` or raises
#: :class:`ParamValidationError`.
validate = _validate
