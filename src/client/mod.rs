//! `iotjobs._core.ClientCore`: one configured client, called by the sync
//! `JobsClient` and the asyncio `AsyncJobsClient` alike. Both go through
//! `prepare` (validate + type, at call time) and `Prepared::run`.

mod prepared;
mod response;

pub use response::metadata;

use crate::errors::{call_error, guard, param_validation_error};
use crate::input::PyInput;
use crate::validate::{mode, operation};
use iotjobs_client::{CallError, ClientConfig, CredentialSource, JobsClient, RetryMode};
use iotjobs_model::{Mode, Operation, Violation, Violations};
use prepared::{Answer, Prepared};
use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyDict;
use std::time::Duration;

fn runtime() -> &'static tokio::runtime::Runtime {
    pyo3_async_runtimes::tokio::get_runtime()
}

#[pyclass(module = "iotjobs._core", frozen)]
pub struct ClientCore {
    client: JobsClient,
    mode: Mode,
}

/// Validates `params` for `operation` (per `mode`) and types them.
fn prepare(
    py: Python<'_>,
    name: &str,
    params: &Bound<'_, PyDict>,
    mode: Mode,
) -> PyResult<(Operation, Prepared)> {
    let op = operation(name)?;
    guard(py, || {
        iotjobs_model::validate(op, &PyInput(params.clone().into_any()), mode)
            .map_err(|violations| param_validation_error(py, &violations))?;
        Prepared::new(op, params.as_any())
            .map_err(|e| {
                let violations = Violations {
                    items: vec![Violation {
                        path: String::new(),
                        message: format!("request cannot be sent: {e}"),
                    }],
                    omitted: 0,
                };
                param_validation_error(py, &violations)
            })
            .map(|prepared| (op, prepared))
    })
}

fn finish(py: Python<'_>, op: Operation, result: Result<Answer, CallError>) -> PyResult<Py<PyAny>> {
    match result {
        Ok(answer) => response::response(py, &answer).map(Bound::unbind),
        Err(err) => Err(call_error(py, err, op)),
    }
}

/// Runs `future` on the shared runtime without holding the GIL, waking
/// every 100 ms to let Ctrl-C interrupt a call that hangs.
fn wait_interruptibly<T: Send + 'static>(
    py: Python<'_>,
    future: impl std::future::Future<Output = T> + Send + 'static,
) -> PyResult<T> {
    let mut task = runtime().spawn(future);
    loop {
        let finished = py.detach(|| {
            runtime().block_on(async {
                tokio::time::timeout(Duration::from_millis(100), &mut task).await
            })
        });
        match finished {
            Ok(Ok(value)) => return Ok(value),
            Ok(Err(join_error)) => {
                return Err(crate::errors::iotjobs_error(
                    py,
                    format!("the call failed: {join_error}"),
                ))
            }
            Err(_elapsed) => {
                if let Err(interrupt) = py.check_signals() {
                    task.abort();
                    return Err(interrupt);
                }
            }
        }
    }
}

#[pymethods]
impl ClientCore {
    #[new]
    #[pyo3(signature = (
        *, region_name=None, endpoint_url=None, aws_access_key_id=None, aws_secret_access_key=None,
        aws_session_token=None, profile_name=None, retry_mode="standard", max_attempts=3,
        connect_timeout=60.0, read_timeout=60.0, validation="strict"
    ))]
    #[allow(clippy::too_many_arguments)]
    fn new(
        py: Python<'_>,
        region_name: Option<String>,
        endpoint_url: Option<String>,
        aws_access_key_id: Option<String>,
        aws_secret_access_key: Option<String>,
        aws_session_token: Option<String>,
        profile_name: Option<String>,
        retry_mode: &str,
        max_attempts: u32,
        connect_timeout: f64,
        read_timeout: f64,
        validation: &str,
    ) -> PyResult<Self> {
        let credentials = match (aws_access_key_id, aws_secret_access_key) {
            (Some(access_key_id), Some(secret_access_key)) => CredentialSource::Explicit {
                access_key_id,
                secret_access_key,
                session_token: aws_session_token,
            },
            (None, None) => match &profile_name {
                Some(profile) => CredentialSource::Profile(profile.clone()),
                None => CredentialSource::Chain,
            },
            _ => {
                return Err(PyValueError::new_err(
                    "pass both aws_access_key_id and aws_secret_access_key, or neither",
                ))
            }
        };
        let retry_mode = match retry_mode {
            "standard" | "legacy" => RetryMode::Standard,
            "adaptive" => RetryMode::Adaptive,
            other => {
                return Err(PyValueError::new_err(format!(
                    "retries mode must be 'standard', 'adaptive' or 'legacy', got {other:?}"
                )))
            }
        };
        let seconds = |name: &str, value: f64| {
            Duration::try_from_secs_f64(value)
                .ok()
                .filter(|d| !d.is_zero())
                .ok_or_else(|| {
                    PyValueError::new_err(format!(
                        "{name} must be a positive number of seconds, got {value}"
                    ))
                })
        };
        let config = ClientConfig {
            region: region_name,
            endpoint_url,
            credentials,
            profile_name,
            retry_mode,
            max_attempts: max_attempts.max(1),
            connect_timeout: seconds("connect_timeout", connect_timeout)?,
            read_timeout: seconds("read_timeout", read_timeout)?,
        };
        let mode = mode(validation)?;
        let client = wait_interruptibly(py, async move { JobsClient::new(&config).await })?
            .map_err(|e| call_error(py, e, Operation::DescribeJob))?;
        Ok(ClientCore { client, mode })
    }

    #[getter]
    fn region_name(&self) -> Option<&str> {
        self.client.region()
    }

    #[getter]
    fn endpoint_url(&self) -> &str {
        self.client.endpoint()
    }

    /// Runs one operation and returns its response dict.
    fn call(
        &self,
        py: Python<'_>,
        operation: &str,
        params: &Bound<'_, PyDict>,
    ) -> PyResult<Py<PyAny>> {
        let (op, prepared) = prepare(py, operation, params, self.mode)?;
        let client = self.client.clone();
        let result = wait_interruptibly(py, async move { prepared.run(&client).await })?;
        finish(py, op, result)
    }

    /// The same as `call`, as an awaitable for asyncio.
    fn call_async<'py>(
        &self,
        py: Python<'py>,
        operation: &str,
        params: &Bound<'py, PyDict>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let (op, prepared) = prepare(py, operation, params, self.mode)?;
        let client = self.client.clone();
        pyo3_async_runtimes::tokio::future_into_py(py, async move {
            let result = prepared.run(&client).await;
            Python::attach(|py| finish(py, op, result))
        })
    }
}
