//! The one view of request data the validator needs, whatever holds it.
//!
//! The Python bindings implement [`Input`] for Python objects and the server
//! for JSON values, so both ends run the very same rules, reading the
//! caller's data in place: lists and maps are walked through iterators, not
//! copied into an intermediate tree.

use std::borrow::Cow;

/// What a request value is, as far as validation cares.
pub enum Kind<'a, I: Input + 'a> {
    Null,
    Bool(bool),
    Int(i64),
    /// An integer outside `i64`, with its decimal text (or a description
    /// when the text is too long to produce).
    BigInt(Cow<'a, str>),
    Float(f64),
    Str(Cow<'a, str>),
    List(I::Items<'a>),
    /// Key/value pairs in their original order. Keys are inputs too, so a
    /// non-string key can be reported instead of silently dropped.
    Map(I::Entries<'a>),
    /// Anything else (bytes, set, a str that is not valid Unicode, ...);
    /// the text names it for error messages.
    Other(Cow<'a, str>),
}

/// A request value that the validator can look into.
pub trait Input: Sized {
    type Items<'a>: ExactSizeIterator<Item = Self>
    where
        Self: 'a;
    type Entries<'a>: Iterator<Item = (Self, Self)>
    where
        Self: 'a;

    fn kind(&self) -> Kind<'_, Self>;

    /// The text of a string value, if it is one (used for map keys).
    fn as_str(&self) -> Option<Cow<'_, str>> {
        match self.kind() {
            Kind::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The member `name` of a map value, if it is a map that has one.
    fn member(&self, name: &str) -> Option<Self> {
        let Kind::Map(entries) = self.kind() else {
            return None;
        };
        entries
            .into_iter()
            .find(|(key, _)| key.as_str().is_some_and(|k| k == name))
            .map(|(_, value)| value)
    }
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

type JsonEntry<'a> = (&'a String, &'a serde_json::Value);

impl<'j> Input for Json<'j> {
    type Items<'a>
        = std::iter::Map<
        std::slice::Iter<'j, serde_json::Value>,
        fn(&'j serde_json::Value) -> Json<'j>,
    >
    where
        Self: 'a;
    type Entries<'a>
        = std::iter::Map<serde_json::map::Iter<'j>, fn(JsonEntry<'j>) -> (Json<'j>, Json<'j>)>
    where
        Self: 'a;

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
            Value::Array(items) => Kind::List(items.iter().map(json_item as fn(_) -> _)),
            Value::Object(map) => Kind::Map(map.iter().map(json_entry as fn(_) -> _)),
        }
    }
}

fn json_item(value: &serde_json::Value) -> Json<'_> {
    Json::Value(value)
}

fn json_entry<'j>((key, value): JsonEntry<'j>) -> (Json<'j>, Json<'j>) {
    (Json::Key(key), Json::Value(value))
}
