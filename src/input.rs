//! Python objects seen through the model's `Input` trait, so validation
//! reads the caller's dicts and lists in place instead of copying them.

use iotjobs_model::{Input, Kind};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use std::borrow::Cow;

pub struct PyInput<'py>(pub Bound<'py, PyAny>);

impl Input for PyInput<'_> {
    fn kind(&self) -> Kind<'_, Self> {
        let obj = &self.0;
        // Most frequent types first: this runs once per value of a request.
        if let Ok(dict) = obj.cast::<PyDict>() {
            return Kind::Map(dict.iter().map(|(k, v)| (PyInput(k), PyInput(v))).collect());
        }
        if let Ok(s) = obj.cast::<PyString>() {
            return match utf8(s) {
                Some(text) => Kind::Str(Cow::Borrowed(text)),
                None => Kind::Other("a str with lone surrogates (not encodable as UTF-8)".into()),
            };
        }
        if let Ok(b) = obj.cast::<PyBool>() {
            return Kind::Bool(b.is_true());
        }
        if let Ok(int) = obj.cast::<PyInt>() {
            return match int.extract::<i64>() {
                Ok(i) => Kind::Int(i),
                Err(_) => Kind::BigInt(big_int_text(int)),
            };
        }
        if let Ok(f) = obj.cast::<PyFloat>() {
            return Kind::Float(f.value());
        }
        if obj.is_none() {
            return Kind::Null;
        }
        if let Ok(list) = obj.cast::<PyList>() {
            return Kind::List(list.iter().map(PyInput).collect());
        }
        if let Ok(tuple) = obj.cast::<PyTuple>() {
            return Kind::List(tuple.iter().map(PyInput).collect());
        }
        if let Ok(mapping) = obj.cast::<PyMapping>() {
            return mapping_entries(mapping).map(Kind::Map).unwrap_or_else(|| {
                Kind::Other(type_name(obj, "a mapping whose items() failed: ").into())
            });
        }
        Kind::Other(type_name(obj, "").into())
    }
}

// `PyUnicode_AsUTF8AndSize` returns the string's cached UTF-8 form without
// copying. It joined the limited API only in 3.10, so pyo3 hides it from
// abi3-py39 builds, but every CPython 3 exports it; borrowing instead of
// copying each string halves the cost of validating a request.
extern "C" {
    fn PyUnicode_AsUTF8AndSize(
        unicode: *mut pyo3::ffi::PyObject,
        size: *mut pyo3::ffi::Py_ssize_t,
    ) -> *const std::os::raw::c_char;
}

/// The UTF-8 text of a str, borrowed from the object; `None` if it holds
/// lone surrogates.
fn utf8<'a>(s: &'a Bound<'_, PyString>) -> Option<&'a str> {
    let mut size: pyo3::ffi::Py_ssize_t = 0;
    // SAFETY: `s` is a live str object while the borrow lasts and CPython
    // keeps the UTF-8 buffer alive as long as the object; the buffer is
    // valid UTF-8 of `size` bytes whenever the pointer is non-null.
    unsafe {
        let data = PyUnicode_AsUTF8AndSize(s.as_ptr(), &mut size);
        if data.is_null() {
            // Surrogates: drop the UnicodeEncodeError, the caller reports it.
            let _ = PyErr::take(s.py());
            return None;
        }
        let bytes = std::slice::from_raw_parts(data.cast::<u8>(), size as usize);
        Some(std::str::from_utf8_unchecked(bytes))
    }
}

/// Entries of a non-dict `Mapping`, or `None` if iterating it raised.
fn mapping_entries<'py>(
    mapping: &Bound<'py, PyMapping>,
) -> Option<Vec<(PyInput<'py>, PyInput<'py>)>> {
    let items = mapping.items().ok()?;
    items
        .iter()
        .map(|item| {
            let (k, v): (Bound<'py, PyAny>, Bound<'py, PyAny>) = item.extract().ok()?;
            Some((PyInput(k), PyInput(v)))
        })
        .collect()
}

/// Decimal text of an int beyond 64 bits; Python refuses `str()` of ints
/// with more than 4300 digits, so those are described instead.
fn big_int_text<'a>(int: &Bound<'_, PyInt>) -> Cow<'a, str> {
    match int.str() {
        Ok(text) => Cow::Owned(text.to_string()),
        Err(_) => Cow::Borrowed("an int with thousands of digits"),
    }
}

fn type_name(obj: &Bound<'_, PyAny>, prefix: &str) -> String {
    let name = obj
        .get_type()
        .name()
        .map(|n| n.to_string())
        .unwrap_or_else(|_| "object".into());
    format!("{prefix}{name}")
}
