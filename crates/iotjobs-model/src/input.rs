//! The one view of request data the validator needs, whatever holds it.
//!
//! The Python bindings implement [`Input`] for Python objects and the server
//! for JSON values, so both ends run the very same rules without first
//! copying the request into an intermediate tree.

use std::borrow::Cow;

/// What a request value is, as far as validation cares.
#[derive(Debug)]
pub enum Kind<'a, I> {
    Null,
    Bool(bool),
    Int(i64),
    /// An integer outside `i64`, with its decimal text (or a description
    /// when the text is too long to produce).
    BigInt(Cow<'a, str>),
    Float(f64),
    Str(Cow<'a, str>),
    List(Vec<I>),
    /// Key/value pairs in their original order. Keys are inputs too, so a
    /// non-string key can be reported instead of silently dropped.
    Map(Vec<(I, I)>),
    /// Anything else (bytes, set, a str that is not valid Unicode, ...);
    /// the text names it for error messages.
    Other(Cow<'a, str>),
}

/// A request value that the validator can look into.
pub trait Input: Sized {
    fn kind(&self) -> Kind<'_, Self>;
}

/// JSON as the server receives it. Object keys are wrapped so that they can
/// be handed out as inputs like any other value.
#[derive(Debug, Clone, Copy)]
pub enum Json<'a> {
    Value(&'a serde_json::Value),
    Key(&'a str),
}

impl<'a> Json<'a> {
    pub fn new(value: &'a serde_json::Value) -> Self {
        Json::Value(value)
    }
}

impl Input for Json<'_> {
    fn kind(&self) -> Kind<'_, Self> {
        use serde_json::Value;
        let value = match self {
            Json::Key(key) => return Kind::Str(Cow::Borrowed(key)),
            Json::Value(value) => *value,
        };
        match value {
            Value::Null => Kind::Null,
            Value::Bool(b) => Kind::Bool(*b),
            Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    Kind::Int(i)
                } else if n.is_u64() {
                    Kind::BigInt(Cow::Owned(n.to_string()))
                } else {
                    Kind::Float(n.as_f64().unwrap_or(f64::NAN))
                }
            }
            Value::String(s) => Kind::Str(Cow::Borrowed(s)),
            Value::Array(items) => Kind::List(items.iter().map(Json::Value).collect()),
            Value::Object(map) => Kind::Map(
                map.iter()
                    .map(|(k, v)| (Json::Key(k), Json::Value(v)))
                    .collect(),
            ),
        }
    }
}
