//! Violations: collected, located by boto3-style path, with messages that
//! say what was given and what is allowed.

use crate::input::{Input, Kind};
use std::fmt;

/// How many violations are kept; the rest are counted, so that a request
/// with a million bad items cannot exhaust memory.
pub const MAX_REPORTED: usize = 100;

/// One broken rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// boto3's dotted form: `abortConfig.criteriaList[0].thresholdPercentage`.
    pub path: String,
    pub message: String,
}

/// Every violation of one request.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Violations {
    pub items: Vec<Violation>,
    /// Violations beyond [`MAX_REPORTED`], counted but not kept.
    pub omitted: usize,
}

impl Violations {
    pub(crate) fn push(&mut self, path: &str, message: String) {
        if self.items.len() < MAX_REPORTED {
            self.items.push(Violation {
                path: path.to_owned(),
                message,
            });
        } else {
            self.omitted += 1;
        }
    }

    /// All violations found, kept or not.
    pub fn count(&self) -> usize {
        self.items.len() + self.omitted
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// The lines after the headline: `path: message`, one per violation.
    pub fn lines(&self) -> impl Iterator<Item = String> + '_ {
        let more = (self.omitted > 0).then(|| format!("... and {} more violations", self.omitted));
        self.items
            .iter()
            .map(|v| match v.path.as_str() {
                "" => v.message.clone(),
                path => format!("{path}: {}", v.message),
            })
            .chain(more)
    }
}

impl fmt::Display for Violations {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Parameter validation failed:")?;
        for line in self.lines() {
            write!(f, "\n{line}")?;
        }
        Ok(())
    }
}

impl std::error::Error for Violations {}

/// Longest piece of a given value quoted in a message.
const MAX_SHOWN_CHARS: usize = 80;

/// A string as messages show it: quoted, escaped, cut to 80 characters.
pub(crate) fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(MAX_SHOWN_CHARS) + 2);
    out.push('\'');
    for (i, c) in s.chars().enumerate() {
        if i == MAX_SHOWN_CHARS {
            out.push('…');
            break;
        }
        match c {
            '\'' => out.push_str("\\'"),
            c => out.extend(c.escape_debug()),
        }
    }
    out.push('\'');
    out
}

/// A float as Python's `repr` shows it.
pub(crate) fn float_text(f: f64) -> String {
    if f.is_nan() {
        "nan".into()
    } else if f.is_infinite() {
        if f > 0.0 { "inf" } else { "-inf" }.into()
    } else if f != 0.0 && (f.abs() >= 1e16 || f.abs() < 1e-4) {
        format!("{f:e}")
    } else if f.fract() == 0.0 {
        format!("{f:.1}")
    } else {
        format!("{f}")
    }
}

/// Cuts long text (such as a huge integer) for a message.
pub(crate) fn cut(text: &str) -> String {
    match text.char_indices().nth(MAX_SHOWN_CHARS) {
        Some((at, _)) => format!("{}…", &text[..at]),
        None => text.to_owned(),
    }
}

/// A value as messages show it: the value and its type.
pub(crate) fn describe<I: Input>(kind: &Kind<'_, I>) -> String {
    match kind {
        Kind::Null => "None".into(),
        Kind::Bool(b) => format!("{} (bool)", if *b { "True" } else { "False" }),
        Kind::Int(i) => format!("{i} (int)"),
        Kind::BigInt(text) => format!("{} (int)", cut(text)),
        Kind::Float(f) => format!("{} (float)", float_text(*f)),
        Kind::Str(s) => format!("{} (str)", quote(s)),
        Kind::List(items) => match items.len() {
            1 => "a list of 1 item".into(),
            n => format!("a list of {n} items"),
        },
        Kind::Map(_) => "a dict".into(),
        Kind::Other(what) => cut(what),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting_cuts_and_escapes() {
        assert_eq!(quote("a'b\n"), "'a\\'b\\n'");
        let long = quote(&"x".repeat(200));
        assert_eq!(long.chars().count(), 80 + 3);
        assert!(long.ends_with("…'"));
    }

    #[test]
    fn floats_look_like_python() {
        assert_eq!(float_text(1.0), "1.0");
        assert_eq!(float_text(1.55), "1.55");
        assert_eq!(float_text(1e300), "1e300");
        assert_eq!(float_text(f64::NAN), "nan");
        assert_eq!(float_text(-0.0), "-0.0");
    }

    #[test]
    fn overflow_is_counted_not_kept() {
        let mut v = Violations::default();
        for i in 0..(MAX_REPORTED + 5) {
            v.push("p", format!("m{i}"));
        }
        assert_eq!(v.items.len(), MAX_REPORTED);
        assert_eq!(v.omitted, 5);
        assert!(v.to_string().ends_with("... and 5 more violations"));
    }
}
