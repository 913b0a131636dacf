//! `iotjobs.validate(operation_name, params)`.

use crate::errors::{guard, param_validation_error};
use crate::input::{text, PyInput};
use iotjobs_model::{Mode, Operation};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyString;

/// Looks an operation up by boto3 or AWS name, or says which names exist.
pub fn operation(name: &str) -> PyResult<Operation> {
    Operation::from_name(name).ok_or_else(|| {
        let names: Vec<&str> = Operation::ALL.iter().map(|op| op.snake_name()).collect();
        PyValueError::new_err(format!(
            "unknown operation '{name}'; expected one of: {}",
            names.join(", ")
        ))
    })
}

pub fn mode(name: &str) -> PyResult<Mode> {
    name.parse().map_err(PyValueError::new_err)
}

/// Checks `params` against the rules of `operation_name` (`create_job` or
/// `CreateJob`). Returns `None`, or raises `ParamValidationError` naming
/// every violation.
#[pyfunction]
#[pyo3(signature = (operation_name, params, *, validation = None))]
pub fn validate(
    py: Python<'_>,
    operation_name: &Bound<'_, PyString>,
    params: Bound<'_, PyAny>,
    validation: Option<&Bound<'_, PyString>>,
) -> PyResult<()> {
    let op = operation(&text(operation_name))?;
    let mode = match validation {
        None => Mode::Strict,
        Some(name) => mode(&text(name))?,
    };
    guard(py, || {
        iotjobs_model::validate(op, &PyInput(params), mode)
            .map_err(|violations| param_validation_error(py, &violations))
    })
}

/// The boto3 names of every operation, in the model's order.
#[pyfunction]
pub fn operation_names() -> Vec<&'static str> {
    Operation::ALL.iter().map(|op| op.snake_name()).collect()
}
