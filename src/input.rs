//! Python objects seen through the model's `Input` trait, so validation
//! reads the caller's dicts and lists in place instead of copying them.

use iotjobs_model::{Input, Kind};
use pyo3::prelude::*;
use pyo3::types::dict::BoundDictIterator;
use pyo3::types::list::BoundListIterator;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple};
use std::borrow::Cow;

pub struct PyInput<'py>(pub Bound<'py, PyAny>);

type PyPair<'py> = (Bound<'py, PyAny>, Bound<'py, PyAny>);

impl<'py> Input for PyInput<'py> {
    type Items<'a>
        = std::iter::Map<BoundListIterator<'py>, fn(Bound<'py, PyAny>) -> PyInput<'py>>
    where
        Self: 'a;
    type Entries<'a>
        = std::iter::Map<BoundDictIterator<'py>, fn(PyPair<'py>) -> (PyInput<'py>, PyInput<'py>)>
    where
        Self: 'a;

    fn kind(&self) -> Kind<'_, Self> {
        let obj = &self.0;
        // This runs once per value of a request. Exact built-in types are
        // recognised by comparing type pointers, most frequent first; under
        // the limited API every subclass-aware check is a call into libpython.
        if let Ok(s) = obj.cast_exact::<PyString>() {
            return str_kind(s);
        }
        if let Ok(dict) = obj.cast_exact::<PyDict>() {
            return map_kind(dict.clone());
        }
        if let Ok(int) = obj.cast_exact::<PyInt>() {
            return int_kind(int);
        }
        if let Ok(list) = obj.cast_exact::<PyList>() {
            return list_kind(list.clone());
        }
        if let Ok(f) = obj.cast_exact::<PyFloat>() {
            return Kind::Float(f.value());
        }
        self.subclass_kind()
    }
}

impl PyInput<'_> {
    /// Kinds of everything but the exact built-in types: subclasses, None,
    /// tuples, other mappings, and types no request can hold.
    fn subclass_kind(&self) -> Kind<'_, Self> {
        let obj = &self.0;
        if let Ok(s) = obj.cast::<PyString>() {
            return str_kind(s);
        }
        if let Ok(dict) = obj.cast::<PyDict>() {
            return map_kind(dict.clone());
        }
        if let Ok(b) = obj.cast::<PyBool>() {
            return Kind::Bool(b.is_true());
        }
        if let Ok(int) = obj.cast::<PyInt>() {
            return int_kind(int);
        }
        if let Ok(f) = obj.cast::<PyFloat>() {
            return Kind::Float(f.value());
        }
        if obj.is_none() {
            return Kind::Null;
        }
        if let Ok(list) = obj.cast::<PyList>() {
            return list_kind(list.clone());
        }
        if let Ok(tuple) = obj.cast::<PyTuple>() {
            // Tuples are rare in requests; a list copy keeps one iterator type.
            return list_kind(
                PyList::new(obj.py(), tuple).unwrap_or_else(|_| PyList::empty(obj.py())),
            );
        }
        if obj.cast::<PyMapping>().is_ok() {
            // Any other Mapping is read through a dict copy of its items.
            let copy = obj
                .call_method0("items")
                .and_then(|items| PyDict::from_sequence(&items));
            return match copy {
                Ok(dict) => map_kind(dict),
                Err(_) => Kind::Other(type_name(obj, "a mapping whose items() failed: ").into()),
            };
        }
        Kind::Other(type_name(obj, "").into())
    }
}

fn str_kind<'a, 'py>(s: &'a Bound<'py, PyString>) -> Kind<'a, PyInput<'py>> {
    match utf8(s) {
        Some(text) => Kind::Str(Cow::Borrowed(text)),
        None => Kind::Other("a str with lone surrogates (not encodable as UTF-8)".into()),
    }
}

fn int_kind<'a, 'py>(int: &Bound<'py, PyInt>) -> Kind<'a, PyInput<'py>> {
    match int.extract::<i64>() {
        Ok(i) => Kind::Int(i),
        Err(_) => Kind::BigInt(big_int_text(int)),
    }
}

fn list_kind<'a, 'py>(list: Bound<'py, PyList>) -> Kind<'a, PyInput<'py>> {
    Kind::List(list.into_iter().map(PyInput as fn(_) -> _))
}

fn map_kind<'a, 'py>(dict: Bound<'py, PyDict>) -> Kind<'a, PyInput<'py>> {
    Kind::Map(dict.into_iter().map(pair as fn(_) -> _))
}

fn pair((key, value): PyPair<'_>) -> (PyInput<'_>, PyInput<'_>) {
    (PyInput(key), PyInput(value))
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

/// The text of a str argument, borrowed when it is valid UTF-8.
pub fn text<'a>(s: &'a Bound<'_, PyString>) -> Cow<'a, str> {
    utf8(s).map_or_else(|| s.to_string_lossy(), Cow::Borrowed)
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
