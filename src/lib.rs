//! `iotjobs._core`: the Python bindings. Thin by design: Python values in,
//! model types out, and errors mapped to the exception classes declared in
//! `iotjobs/exceptions.py`.

mod client;
mod errors;
mod input;
mod server;
mod validate;

use pyo3::prelude::*;

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(validate::validate, m)?)?;
    m.add_function(wrap_pyfunction!(validate::operation_names, m)?)?;
    m.add_class::<server::LocalServer>()?;
    m.add_class::<client::ClientCore>()?;
    Ok(())
}
