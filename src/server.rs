//! `iotjobs._core.LocalServer`: the local Jobs server, run on the one
//! shared tokio runtime (the same one the clients use).

use iotjobs_server::faults::FaultSpec;
use iotjobs_server::store::FleetPlan;
use iotjobs_server::{ClockMode, RunningServer, ServerConfig, Shared};
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use std::path::PathBuf;
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
    #[pyo3(signature = (*, host = "127.0.0.1".to_owned(), port = 0, clock = "real", state_file = None))]
    fn new(
        py: Python<'_>,
        host: String,
        port: u16,
        clock: &str,
        state_file: Option<PathBuf>,
    ) -> PyResult<Self> {
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
            host,
            port,
            clock,
            state_file,
            ..ServerConfig::default()
        };
        let server = py
            .detach(|| runtime().block_on(RunningServer::start(config)))
            .map_err(|e| PyOSError::new_err(e.to_string()))?;
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

    /// Stops serving (writing the state file one last time); idempotent.
    fn stop(&self, py: Python<'_>) -> PyResult<()> {
        let server = self.running.lock().ok().and_then(|mut r| r.take());
        if let Some(mut server) = server {
            py.detach(|| runtime().block_on(server.stop()))
                .map_err(|e| PyOSError::new_err(format!("cannot save the state file: {e}")))?;
        }
        Ok(())
    }

    /// Forgets every job, execution, thing, group and injected fault.
    fn reset(&self, py: Python<'_>) -> PyResult<()> {
        self.state.lock().reset();
        self.commit(py)
    }

    /// Moves a manual clock forward and runs what became due; returns the
    /// new time in epoch seconds.
    fn advance(&self, py: Python<'_>, seconds: f64) -> PyResult<f64> {
        let now = self
            .state
            .lock()
            .advance(seconds)
            .map_err(PyValueError::new_err)?;
        self.commit(py)?;
        Ok(now)
    }

    /// Registers things `names`, members of `group` if given (see
    /// `iotjobs.testing.Fleet`); returns their ARNs.
    #[pyo3(signature = (names, group = None))]
    fn register_fleet<'py>(
        &self,
        py: Python<'py>,
        names: Vec<String>,
        group: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let arns = {
            let mut state = self.state.lock();
            let now = state.now();
            state
                .store
                .register_fleet(&names, group.as_deref(), now)
                .map_err(|e| PyValueError::new_err(e.message))?
        };
        self.commit(py)?;
        Ok(pythonize::pythonize(py, &arns)?)
    }

    /// Devices take every QUEUED execution of `job_id` and finish them:
    /// the given shares fail, are rejected or get stuck, the rest succeed.
    /// Returns how many did what.
    #[pyo3(signature = (job_id, *, failed = 0.0, rejected = 0.0, stuck = 0.0, seed = 0))]
    #[allow(clippy::too_many_arguments)]
    fn run_fleet<'py>(
        &self,
        py: Python<'py>,
        job_id: &str,
        failed: f64,
        rejected: f64,
        stuck: f64,
        seed: u64,
    ) -> PyResult<Bound<'py, PyAny>> {
        let plan = FleetPlan {
            failed,
            rejected,
            stuck,
        };
        let report = {
            let mut state = self.state.lock();
            let now = state.now();
            state
                .store
                .run_fleet(job_id, plan, seed, now)
                .map_err(|e| PyValueError::new_err(e.message))?
        };
        self.commit(py)?;
        Ok(pythonize::pythonize(py, &report)?)
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

    /// The whole state as JSON text (what `state()` returns).
    fn state_json(&self) -> String {
        self.state.lock().store.snapshot().to_string()
    }
}

impl LocalServer {
    /// Makes the changes so far durable when a state file is in use: through
    /// the server's saver while it runs, directly once it has stopped.
    fn commit(&self, py: Python<'_>) -> PyResult<()> {
        if self.running() {
            py.detach(|| runtime().block_on(self.state.commit()))
                .map_err(PyOSError::new_err)
        } else {
            py.detach(|| self.state.save_now())
                .map_err(|e| PyOSError::new_err(format!("cannot save the state file: {e}")))
        }
    }
}
