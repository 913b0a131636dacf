//! The one place Rust errors become Python exceptions. The exception classes
//! live in `iotjobs/exceptions.py`; they are looked up once and cached.

use iotjobs_client::CallError;
use iotjobs_model::{Operation, Violations};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyAnyMethods, PyDict, PyList, PyType};
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

/// The exception for a failed call: a modeled `ClientError` subclass (or
/// `ClientError`) with botocore's `.response`, or a network or
/// configuration error naming what to do.
pub fn call_error(py: Python<'_>, err: CallError, operation: Operation) -> PyErr {
    let build = || -> PyResult<PyErr> {
        let exceptions = py.import(EXCEPTIONS)?;
        let instance = match err {
            CallError::Service(service) => {
                let modeled = exceptions.getattr("MODELED_ERRORS")?;
                let class = match modeled.get_item(&service.code) {
                    Ok(class) => class,
                    Err(_) => exceptions.getattr("ClientError")?,
                };
                let response = PyDict::new(py);
                let error = PyDict::new(py);
                error.set_item("Code", &service.code)?;
                error.set_item("Message", &service.message)?;
                response.set_item("Error", error)?;
                response.set_item(
                    "ResponseMetadata",
                    crate::client::metadata(py, &service.metadata)?,
                )?;
                for (key, value) in &service.extra {
                    response.set_item(key, value)?;
                }
                class.call1((response, operation.name()))?
            }
            CallError::Connect { endpoint, detail } => exceptions
                .getattr("EndpointConnectionError")?
                .call1((endpoint, detail))?,
            CallError::ConnectTimeout { endpoint, detail } => exceptions
                .getattr("ConnectTimeoutError")?
                .call1((endpoint, detail))?,
            CallError::ReadTimeout { endpoint, detail } => exceptions
                .getattr("ReadTimeoutError")?
                .call1((endpoint, detail))?,
            CallError::NoCredentials(message) => exceptions
                .getattr("NoCredentialsError")?
                .call1((message,))?,
            CallError::NoRegion(message) => {
                exceptions.getattr("NoRegionError")?.call1((message,))?
            }
            CallError::Other(message) => exceptions.getattr("IotJobsError")?.call1((message,))?,
        };
        Ok(PyErr::from_value(instance))
    };
    build().unwrap_or_else(|e| e)
}
