//! Injected faults, for testing how callers cope with errors, throttling,
//! slow answers and dropped connections. A request answered by a fault
//! changes no state.

use crate::error::ErrorCode;
use std::time::Duration;

/// What a fault does to a matching request.
#[derive(Debug, Clone, PartialEq)]
pub enum FaultAction {
    /// Answer with this modeled error.
    Error(ErrorCode),
    /// Answer with this HTTP status (and the error code that goes with it).
    Status(u16),
    /// Wait, then handle the request normally.
    Delay(Duration),
    /// Close the connection without an answer.
    Drop,
}

#[derive(Debug, Clone)]
pub struct Fault {
    /// An operation name (`CreateJob`), or `None` for every operation.
    pub operation: Option<String>,
    pub action: FaultAction,
    /// How many more requests it applies to; `None`: until cleared.
    pub remaining: Option<u32>,
    /// The chance it applies to a matching request.
    pub probability: f64,
}

/// The faults in force, tried in the order they were injected.
#[derive(Debug)]
pub struct Faults {
    rules: Vec<Fault>,
    /// Seeded, so a run with `probability` faults is repeatable.
    rng: fastrand::Rng,
}

impl Default for Faults {
    fn default() -> Self {
        Faults {
            rules: Vec::new(),
            rng: fastrand::Rng::with_seed(0x9E37_79B9_7F4A_7C15),
        }
    }
}

impl Faults {
    pub fn add(&mut self, fault: Fault) {
        self.rules.push(fault);
    }

    pub fn clear(&mut self) {
        self.rules.clear();
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The fault, if any, that applies to one request of `operation`.
    pub fn take(&mut self, operation: &str) -> Option<FaultAction> {
        if self.rules.is_empty() {
            return None;
        }
        let index = self
            .rules
            .iter()
            .position(|f| f.operation.as_deref().is_none_or(|op| op == operation))?;
        let probability = self.rules[index].probability;
        if probability < 1.0 && self.rng.f64() >= probability {
            return None;
        }
        let fault = &mut self.rules[index];
        let action = fault.action.clone();
        if let Some(remaining) = fault.remaining.as_mut() {
            *remaining -= 1;
            if *remaining == 0 {
                self.rules.remove(index);
            }
        }
        Some(action)
    }
}

/// The error code sent with an injected HTTP status.
pub fn code_for_status(status: u16) -> ErrorCode {
    ErrorCode::ALL
        .into_iter()
        .find(|code| code.status() == status && *code != ErrorCode::Serialization)
        .unwrap_or(ErrorCode::InternalFailure)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fault(operation: Option<&str>, remaining: Option<u32>, probability: f64) -> Fault {
        Fault {
            operation: operation.map(str::to_owned),
            action: FaultAction::Error(ErrorCode::Throttling),
            remaining,
            probability,
        }
    }

    #[test]
    fn counted_faults_expire() {
        let mut faults = Faults::default();
        faults.add(fault(Some("CreateJob"), Some(2), 1.0));
        assert_eq!(faults.take("DescribeJob"), None);
        assert!(faults.take("CreateJob").is_some());
        assert!(faults.take("CreateJob").is_some());
        assert_eq!(faults.take("CreateJob"), None);
        assert!(faults.is_empty());
    }

    #[test]
    fn probability_applies_to_about_that_share() {
        let mut faults = Faults::default();
        faults.add(fault(None, None, 0.3));
        let hits = (0..10_000)
            .filter(|_| faults.take("ListJobs").is_some())
            .count();
        assert!((2_500..3_500).contains(&hits), "{hits}");
    }

    #[test]
    fn statuses_map_to_codes() {
        assert_eq!(code_for_status(503), ErrorCode::ServiceUnavailable);
        assert_eq!(code_for_status(400), ErrorCode::InvalidRequest);
        assert_eq!(code_for_status(502), ErrorCode::InternalFailure);
    }
}

/// A fault as callers describe it (Python keyword arguments, or the JSON
/// body of `POST /_emulator/faults`): exactly one of `error`, `status`,
/// `delay_ms`, `drop_connection`.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FaultSpec {
    pub operation: Option<String>,
    pub error: Option<String>,
    pub status: Option<u16>,
    pub delay_ms: Option<u64>,
    #[serde(default)]
    pub drop_connection: bool,
    pub count: Option<u32>,
    pub probability: Option<f64>,
}

impl FaultSpec {
    pub fn into_fault(self) -> Result<Fault, String> {
        let mut actions = Vec::new();
        if let Some(name) = &self.error {
            let code = ErrorCode::from_name(name).ok_or_else(|| {
                let names: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.name()).collect();
                format!("error must be one of {}, got {name:?}", names.join(", "))
            })?;
            actions.push(FaultAction::Error(code));
        }
        if let Some(status) = self.status {
            if !(400..=599).contains(&status) {
                return Err(format!(
                    "status must be an HTTP error status (400-599), got {status}"
                ));
            }
            actions.push(FaultAction::Status(status));
        }
        if let Some(ms) = self.delay_ms {
            actions.push(FaultAction::Delay(Duration::from_millis(ms)));
        }
        if self.drop_connection {
            actions.push(FaultAction::Drop);
        }
        if actions.len() != 1 {
            return Err("give exactly one of error, status, delay_ms, drop_connection".into());
        }
        let probability = self.probability.unwrap_or(1.0);
        if !(probability > 0.0 && probability <= 1.0) {
            return Err(format!("probability must be in (0, 1], got {probability}"));
        }
        if self.count == Some(0) {
            return Err("count must be at least 1".into());
        }
        Ok(Fault {
            operation: self.operation,
            action: actions.remove(0),
            remaining: self.count,
            probability,
        })
    }
}
