//! AWS IoT Jobs request and response types, and strict validation of
//! requests. Pure Rust: no I/O, no Python.
//!
//! [`validate`] checks any [`Input`] (a Python object in the bindings, a JSON
//! value in the local server) against an [`Operation`]'s request shape and
//! returns every [`Violation`] at once.

pub mod input;
pub mod operation;
pub mod schema;
pub mod validate;

pub use input::{Input, Json, Kind};
pub use operation::Operation;
pub use validate::{validate, Mode, Violation, Violations, MAX_REPORTED};
pub mod types;

pub use types::Request;
