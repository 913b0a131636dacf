//! The one place Rust errors become Python exceptions. The exception classes
//! live in `iotjobs/exceptions.py`; they are looked up once and cached.

use iotjobs_model::Violations;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList, PyType};
use std::panic::{catch_unwind, AssertUnwindSafe};

const EXCEPTIONS: &str = "iotjobs.exceptions";

fn exception_class<'py>(
    py: Python<'py>,
    cell: &'static PyOnceLock<Py<PyType>>,
    name: &str,
) -> PyResult<&'py Bound<'py, PyType>> {
    cell.import(py, EXCEPTIONS, name)
}

/// `ParamValidationError` carrying every violation.
pub fn param_validation_error(py: Python<'_>, violations: &Violations) -> PyErr {
    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    let build = || -> PyResult<PyErr> {
        let class = exception_class(py, &CLASS, "ParamValidationError")?;
        let errors = PyList::empty(py);
        for violation in &violations.items {
            let entry = PyDict::new(py);
            entry.set_item("path", &violation.path)?;
            entry.set_item("message", &violation.message)?;
            errors.append(entry)?;
        }
        Ok(PyErr::from_value(
            class.call1((violations.to_string(), errors))?,
        ))
    };
    build().unwrap_or_else(|e| e)
}

/// `IotJobsError` with a message.
pub fn iotjobs_error(py: Python<'_>, message: String) -> PyErr {
    static CLASS: PyOnceLock<Py<PyType>> = PyOnceLock::new();
    match exception_class(py, &CLASS, "IotJobsError") {
        Ok(class) => PyErr::from_type(class.clone(), message),
        Err(e) => e,
    }
}

/// Runs `f`, turning a Rust panic into `IotJobsError` instead of letting it
/// reach the interpreter as a `PanicException`.
pub fn guard<T>(py: Python<'_>, f: impl FnOnce() -> PyResult<T>) -> PyResult<T> {
    catch_unwind(AssertUnwindSafe(f)).unwrap_or_else(|panic| {
        let detail = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        Err(iotjobs_error(
            py,
            format!("internal error in iotjobs: {detail}"),
        ))
    })
}
