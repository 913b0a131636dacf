"""Every error iotjobs raises.

The hierarchy mirrors botocore's, so ``except ClientError`` and
``err.response["Error"]["Code"]`` work the same as with boto3::

    IotJobsError
    ├── ParamValidationError (also a ValueError)
    ├── ClientError
    │   ├── InvalidRequestException, ResourceNotFoundException, ...
    ├── EndpointConnectionError
    │   └── ConnectTimeoutError
    ├── ReadTimeoutError
    ├── NoCredentialsError
    └── NoRegionError
"""

from __future__ import annotations

from typing import Any, Dict, List, Mapping, Sequence, Type


class IotJobsError(Exception):
    """Base class of every iotjobs error."""


class ParamValidationError(IotJobsError, ValueError):
    """A request broke one or more validation rules; nothing was sent.

    ``errors`` lists every violation, each a dict with the ``path`` of the
    offending value (``abortConfig.criteriaList[0].thresholdPercentage``)
    and a ``message`` naming the value given and what is allowed.
    """

    def __init__(self, report: str, errors: Sequence[Mapping[str, str]] = ()) -> None:
        super().__init__(report)
        self.report = report
        self.errors: List[Dict[str, str]] = [dict(e) for e in errors]


class ClientError(IotJobsError):
    """The service answered with an error.

    ``response`` has botocore's shape: ``{"Error": {"Code", "Message"},
    "ResponseMetadata": {...}}``; ``operation_name`` is e.g. ``"CreateJob"``.
    """

    def __init__(self, error_response: Mapping[str, Any], operation_name: str) -> None:
        self.response: Dict[str, Any] = dict(error_response)
        self.operation_name = operation_name
        error = self.response.get("Error", {})
        code = error.get("Code", "Unknown")
        message = error.get("Message", "Unknown")
        super().__init__(f"An error occurred ({code}) when calling the {operation_name} operation: {message}")


class InvalidRequestException(ClientError):
    """The request was rejected by the service as invalid."""


class ResourceNotFoundException(ClientError):
    """The job, execution or thing does not exist."""


class ResourceAlreadyExistsException(ClientError):
    """A job with this jobId already exists."""


class LimitExceededException(ClientError):
    """A service limit was reached (e.g. ten deletions in progress)."""


class ThrottlingException(ClientError):
    """The request rate is too high."""


class ServiceUnavailableException(ClientError):
    """The service is temporarily unavailable."""


class InvalidStateTransitionException(ClientError):
    """The job or execution is in a state that does not allow this."""


class ConflictException(ClientError):
    """A conflicting operation is in progress."""


class InternalFailureException(ClientError):
    """The service failed internally."""


class UnauthorizedException(ClientError):
    """The caller is not authorized."""


class VersionConflictException(ClientError):
    """The execution's version did not match ``expectedVersion``."""


#: Modeled error codes and the class raised for each; any other code raises
#: plain :class:`ClientError`.
MODELED_ERRORS: Dict[str, Type[ClientError]] = {
    cls.__name__: cls
    for cls in (
        InvalidRequestException,
        ResourceNotFoundException,
        ResourceAlreadyExistsException,
        LimitExceededException,
        ThrottlingException,
        ServiceUnavailableException,
        InvalidStateTransitionException,
        ConflictException,
        InternalFailureException,
        UnauthorizedException,
        VersionConflictException,
    )
}


class _EndpointError(IotJobsError):
    """A network failure talking to ``endpoint_url``."""

    _what = "Could not connect to the endpoint URL"

    def __init__(self, endpoint_url: str, detail: str | None = None) -> None:
        self.endpoint_url = endpoint_url
        text = f'{self._what}: "{endpoint_url}"'
        super().__init__(f"{text} ({detail})" if detail else text)


class EndpointConnectionError(_EndpointError):
    """The endpoint could not be reached (after retries)."""


class ConnectTimeoutError(EndpointConnectionError):
    """Connecting to the endpoint timed out (after retries)."""

    _what = "Connect timeout on endpoint URL"


class ReadTimeoutError(_EndpointError):
    """The endpoint did not answer in time (after retries)."""

    _what = "Read timeout on endpoint URL"


class NoCredentialsError(IotJobsError):
    """No AWS credentials were found."""

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(
            detail
            or "Unable to locate credentials: pass aws_access_key_id and aws_secret_access_key, "
            "set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or configure a profile"
        )


class NoRegionError(IotJobsError):
    """No region was given or configured."""

    def __init__(self, detail: str | None = None) -> None:
        super().__init__(
            detail or "You must specify a region: pass region_name=..., or set AWS_REGION or AWS_DEFAULT_REGION"
        )


__all__ = [
    "IotJobsError",
    "ParamValidationError",
    "ClientError",
    "MODELED_ERRORS",
    "EndpointConnectionError",
    "ConnectTimeoutError",
    "ReadTimeoutError",
    "NoCredentialsError",
    "NoRegionError",
    *MODELED_ERRORS,
]
