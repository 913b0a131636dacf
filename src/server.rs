//! `iotjobs._core.LocalServer`: the local Jobs server, run on the one
//! shared tokio runtime (the same one the clients use).

use iotjobs_server::faults::FaultSpec;
use iotjobs_server::{ClockMode, RunningServer, ServerConfig, Shared};
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use std::sync::Mutex;

#[pyclass(module = "iotjobs._core", frozen)]
pub struct LocalServer {
    running: Mutex<Option<RunningServer>>,
    state: Shared,
    endpoint_url: String,
}

fn runtime() -> &'static tokio::runtime::Runtime {
    pyo3_async_runtimes::tokio::get_runtime()
}

#[pymethods]
impl LocalServer {
    #[new]
    #[pyo3(signature = (*, host = "127.0.0.1".to_owned(), port = 0, clock = "real"))]
    fn new(py: Python<'_>, host: String, port: u16, clock: &str) -> PyResult<Self> {
        let clock = match clock {
            "real" => ClockMode::Real,
            "manual" => ClockMode::Manual,
            other => {
                return Err(PyValueError::new_err(format!(
                    "clock must be 'real' or 'manual', got {other:?}"
                )))
            }
        };
        let config = ServerConfig {
            host: host.clone(),
            port,
            clock,
            ..ServerConfig::default()
        };
        let server = py
            .detach(|| runtime().block_on(RunningServer::start(config)))
            .map_err(|e| PyOSError::new_err(format!("cannot listen on {host}:{port}: {e}")))?;
        Ok(LocalServer {
            state: server.state.clone(),
            endpoint_url: server.endpoint_url(),
            running: Mutex::new(Some(server)),
        })
    }

    /// `http://127.0.0.1:PORT`, for `endpoint_url=` of any AWS client.
    #[getter]
    fn endpoint_url(&self) -> &str {
        &self.endpoint_url
    }

    #[getter]
    fn running(&self) -> bool {
        self.running.lock().map(|r| r.is_some()).unwrap_or(false)
    }

    /// Stops serving; idempotent.
    fn stop(&self, py: Python<'_>) {
        let server = self.running.lock().ok().and_then(|mut r| r.take());
        if let Some(mut server) = server {
            py.detach(|| runtime().block_on(server.stop()));
        }
    }

    /// Forgets every job, execution, thing, group and injected fault.
    fn reset(&self) {
        self.state.lock().reset();
    }

    /// Moves a manual clock forward and runs what became due; returns the
    /// new time in epoch seconds.
    fn advance(&self, seconds: f64) -> PyResult<f64> {
        self.state
            .lock()
            .advance(seconds)
            .map_err(PyValueError::new_err)
    }

    /// Makes the next matching requests fail (see `LocalJobsServer.inject_fault`).
    #[pyo3(signature = (operation=None, *, error=None, status=None, delay_ms=None, drop_connection=false, count=None, probability=None))]
    #[allow(clippy::too_many_arguments)]
    fn inject_fault(
        &self,
        operation: Option<String>,
        error: Option<String>,
        status: Option<u16>,
        delay_ms: Option<u64>,
        drop_connection: bool,
        count: Option<u32>,
        probability: Option<f64>,
    ) -> PyResult<()> {
        let spec = FaultSpec {
            operation,
            error,
            status,
            delay_ms,
            drop_connection,
            count,
            probability,
        };
        let fault = spec.into_fault().map_err(PyValueError::new_err)?;
        self.state.lock().faults.add(fault);
        Ok(())
    }

    fn clear_faults(&self) {
        self.state.lock().faults.clear();
    }

    /// The whole state as JSON text.
    fn state_json(&self) -> String {
        self.state.lock().store.snapshot().to_string()
    }
}
