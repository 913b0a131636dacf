//! Responses as boto3 shapes them: plain dicts, absent members absent,
//! timestamps as UTC-aware datetimes, and `ResponseMetadata`.

use super::prepared::Answer;
use iotjobs_client::Metadata;
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyDict, PyList};
use pyo3::IntoPyObjectExt;

/// Members whose value is a timestamp in the Jobs responses.
const TIMESTAMPS: &[&str] = &[
    "createdAt",
    "lastUpdatedAt",
    "completedAt",
    "queuedAt",
    "startedAt",
];

/// `datetime.fromtimestamp(seconds, timezone.utc)`.
fn utc_datetime<'py>(py: Python<'py>, seconds: f64) -> PyResult<Bound<'py, PyAny>> {
    static FROM_TIMESTAMP: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    static UTC: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let from_timestamp = FROM_TIMESTAMP.get_or_try_init(py, || {
        py.import("datetime")?
            .getattr("datetime")?
            .getattr("fromtimestamp")
            .map(Bound::unbind)
    })?;
    let utc = UTC.get_or_try_init(py, || {
        py.import("datetime")?
            .getattr("timezone")?
            .getattr("utc")
            .map(Bound::unbind)
    })?;
    from_timestamp.bind(py).call1((seconds, utc.bind(py)))
}

fn to_python<'py>(
    py: Python<'py>,
    value: &serde_json::Value,
    timestamp: bool,
) -> PyResult<Bound<'py, PyAny>> {
    use serde_json::Value;
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => b.into_bound_py_any(py)?,
        Value::Number(n) if timestamp => utc_datetime(py, n.as_f64().unwrap_or_default())?,
        Value::Number(n) => match n.as_i64() {
            Some(i) => i.into_bound_py_any(py)?,
            None => n.as_f64().unwrap_or(f64::NAN).into_bound_py_any(py)?,
        },
        Value::String(s) => s.into_bound_py_any(py)?,
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(to_python(py, item, false)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (key, item) in map {
                dict.set_item(
                    key,
                    to_python(py, item, TIMESTAMPS.contains(&key.as_str()))?,
                )?;
            }
            dict.into_any()
        }
    })
}

pub fn metadata<'py>(py: Python<'py>, metadata: &Metadata) -> PyResult<Bound<'py, PyDict>> {
    let dict = PyDict::new(py);
    dict.set_item("RequestId", &metadata.request_id)?;
    dict.set_item("HTTPStatusCode", metadata.http_status)?;
    dict.set_item("RetryAttempts", metadata.retry_attempts)?;
    Ok(dict)
}

/// The response dict of one call.
pub fn response<'py>(py: Python<'py>, answer: &Answer) -> PyResult<Bound<'py, PyAny>> {
    let body = match &answer.body {
        serde_json::Value::Object(_) => {
            to_python(py, &answer.body, false)?.cast_into::<PyDict>()?
        }
        _ => PyDict::new(py),
    };
    body.set_item("ResponseMetadata", metadata(py, &answer.metadata)?)?;
    Ok(body.into_any())
}
