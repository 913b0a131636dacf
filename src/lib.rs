//! `iotjobs._core`: the Python bindings. Thin by design: Python values in,
//! model types out, and errors mapped to the exception classes declared in
//! `iotjobs/exceptions.py`.

mod client;
mod errors;
mod input;
mod server;
mod validate;

use pyo3::prelude::*;

/// The one tokio runtime of the extension, shared by the sync and async
/// clients and the local server. A single worker keeps a call, its HTTP
/// connection task and an in-process server on one thread: every hand-off
/// between them is then a local wake-up instead of a cross-core one, which
/// on small machines is most of a call's latency.
fn init_runtime() {
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    builder
        .worker_threads(1)
        .enable_all()
        .thread_name("iotjobs-tokio");
    pyo3_async_runtimes::tokio::init(builder);
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    init_runtime();
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(validate::validate, m)?)?;
    m.add_function(wrap_pyfunction!(validate::operation_names, m)?)?;
    m.add_class::<server::LocalServer>()?;
    m.add_class::<client::ClientCore>()?;
    Ok(())
}
