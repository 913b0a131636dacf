//! Opaque, stable page tokens: the position after the last item returned,
//! so items inserted meanwhile never repeat or shift a page.

use crate::error::{ApiError, ApiResult};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;

/// Encodes a position of `kind` ("jobs", "job-executions", ...).
pub fn encode(kind: &str, position: &str) -> String {
    URL_SAFE_NO_PAD.encode(format!("{kind}\n{position}"))
}

/// Decodes a token made by [`encode`] for the same `kind`.
pub fn decode(kind: &str, token: &str) -> ApiResult<String> {
    let invalid = || {
        ApiError::invalid(format!(
            "nextToken {token:?} is not a token this list returned"
        ))
    };
    let bytes = URL_SAFE_NO_PAD.decode(token).map_err(|_| invalid())?;
    let text = String::from_utf8(bytes).map_err(|_| invalid())?;
    let (token_kind, position) = text.split_once('\n').ok_or_else(invalid)?;
    if token_kind != kind {
        return Err(invalid());
    }
    Ok(position.to_owned())
}

/// The page size: `max_results` if given, else the list's default.
pub fn page_size(max_results: Option<i32>, default: usize) -> usize {
    max_results.map_or(default, |n| n.max(1) as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_round_trip_and_are_tied_to_their_list() {
        let token = encode("jobs", "42");
        assert_eq!(decode("jobs", &token).unwrap(), "42");
        assert!(decode("things", &token).is_err());
        assert!(decode("jobs", "not a token!").is_err());
    }
}
