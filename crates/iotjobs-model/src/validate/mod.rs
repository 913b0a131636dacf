//! Validation of a request against its operation's shape.

mod cross;
mod report;
mod scalar;
mod walker;

pub use report::{Violation, Violations, MAX_REPORTED};

use crate::input::Input;
use crate::operation::Operation;
use crate::schema::Source;
use std::str::FromStr;

/// How much to check before a request is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Every rule: the service model's and the developer guide's.
    #[default]
    Strict,
    /// Only the service model's constraints (required, type, enum,
    /// min/max, pattern).
    Model,
    /// No constraints at all. What cannot be sent is still refused: wrong
    /// types, missing required members and unknown keys.
    Off,
}

impl Mode {
    pub(crate) fn applies(self, source: Source) -> bool {
        match self {
            Mode::Strict => true,
            Mode::Model => source == Source::Model,
            Mode::Off => false,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Mode::Strict => "strict",
            Mode::Model => "model",
            Mode::Off => "off",
        }
    }
}

impl FromStr for Mode {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "strict" => Ok(Mode::Strict),
            "model" => Ok(Mode::Model),
            "off" => Ok(Mode::Off),
            other => Err(format!(
                "validation must be 'strict', 'model' or 'off', got {other:?}"
            )),
        }
    }
}

/// Checks `params` against `operation`'s request shape and returns every
/// violation at once.
pub fn validate<I: Input>(operation: Operation, params: &I, mode: Mode) -> Result<(), Violations> {
    let mut walker = walker::Walker::new(mode);
    walker.structure(operation.input(), params);
    walker.finish()
}
