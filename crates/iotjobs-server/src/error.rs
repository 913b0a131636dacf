//! Errors as the service models them: a code, its HTTP status, a message.

use std::fmt;

/// The modeled error codes the server answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    InvalidRequest,
    ResourceNotFound,
    ResourceAlreadyExists,
    LimitExceeded,
    Throttling,
    ServiceUnavailable,
    InvalidStateTransition,
    VersionConflict,
    Conflict,
    InternalFailure,
    Serialization,
    UnknownOperation,
    PayloadTooLarge,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 13] = [
        ErrorCode::InvalidRequest,
        ErrorCode::ResourceNotFound,
        ErrorCode::ResourceAlreadyExists,
        ErrorCode::LimitExceeded,
        ErrorCode::Throttling,
        ErrorCode::ServiceUnavailable,
        ErrorCode::InvalidStateTransition,
        ErrorCode::VersionConflict,
        ErrorCode::Conflict,
        ErrorCode::InternalFailure,
        ErrorCode::Serialization,
        ErrorCode::UnknownOperation,
        ErrorCode::PayloadTooLarge,
    ];

    /// The error shape name, sent in `X-Amzn-ErrorType`.
    pub fn name(self) -> &'static str {
        match self {
            ErrorCode::InvalidRequest => "InvalidRequestException",
            ErrorCode::ResourceNotFound => "ResourceNotFoundException",
            ErrorCode::ResourceAlreadyExists => "ResourceAlreadyExistsException",
            ErrorCode::LimitExceeded => "LimitExceededException",
            ErrorCode::Throttling => "ThrottlingException",
            ErrorCode::ServiceUnavailable => "ServiceUnavailableException",
            ErrorCode::InvalidStateTransition => "InvalidStateTransitionException",
            ErrorCode::VersionConflict => "VersionConflictException",
            ErrorCode::Conflict => "ConflictException",
            ErrorCode::InternalFailure => "InternalFailureException",
            ErrorCode::Serialization => "SerializationException",
            ErrorCode::UnknownOperation => "UnknownOperationException",
            ErrorCode::PayloadTooLarge => "PayloadTooLargeException",
        }
    }

    /// The HTTP status from the control-plane service model
    /// (`error.httpStatusCode`): note Throttling is 400 and LimitExceeded 410.
    pub fn status(self) -> u16 {
        match self {
            ErrorCode::InvalidRequest | ErrorCode::Throttling | ErrorCode::Serialization => 400,
            ErrorCode::ResourceNotFound | ErrorCode::UnknownOperation => 404,
            ErrorCode::ResourceAlreadyExists
            | ErrorCode::InvalidStateTransition
            | ErrorCode::VersionConflict
            | ErrorCode::Conflict => 409,
            ErrorCode::LimitExceeded => 410,
            ErrorCode::PayloadTooLarge => 413,
            ErrorCode::InternalFailure => 500,
            ErrorCode::ServiceUnavailable => 503,
        }
    }

    /// Looks a code up by shape name (for injected faults and tests).
    pub fn from_name(name: &str) -> Option<ErrorCode> {
        ErrorCode::ALL
            .iter()
            .copied()
            .find(|code| code.name() == name)
    }
}

/// An error answer.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// `resourceId` and `resourceArn`, sent with ResourceAlreadyExists.
    pub resource: Option<(String, String)>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            resource: None,
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidRequest, message)
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::ResourceNotFound, message)
    }

    pub fn state(message: impl Into<String>) -> Self {
        Self::new(ErrorCode::InvalidStateTransition, message)
    }

    pub fn already_exists(message: impl Into<String>, id: &str, arn: &str) -> Self {
        ApiError {
            resource: Some((id.to_owned(), arn.to_owned())),
            ..Self::new(ErrorCode::ResourceAlreadyExists, message)
        }
    }

    /// The JSON body: `{"message": ...}` (+ `resourceId`, `resourceArn`).
    pub fn body(&self) -> serde_json::Value {
        let mut body = serde_json::json!({"message": self.message});
        if let Some((id, arn)) = &self.resource {
            body["resourceId"] = id.as_str().into();
            body["resourceArn"] = arn.as_str().into();
        }
        body
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.name(), self.message)
    }
}

impl std::error::Error for ApiError {}

pub type ApiResult<T> = Result<T, ApiError>;

#[cfg(test)]
mod tests {
    use super::ErrorCode;

    #[test]
    fn statuses_follow_the_service_model() {
        let status = |name: &str| ErrorCode::from_name(name).map(ErrorCode::status);
        assert_eq!(status("ThrottlingException"), Some(400));
        assert_eq!(status("LimitExceededException"), Some(410));
        assert_eq!(status("ServiceUnavailableException"), Some(503));
        assert_eq!(status("InvalidStateTransitionException"), Some(409));
        assert_eq!(status("NoSuchException"), None);
        for code in ErrorCode::ALL {
            assert_eq!(ErrorCode::from_name(code.name()), Some(code));
        }
    }
}
