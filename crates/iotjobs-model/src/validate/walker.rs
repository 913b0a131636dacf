//! Walks a request value along its shape, collecting violations.
//!
//! Recursion follows the shape, never the value, so arbitrarily deep input
//! costs nothing beyond the few levels a Jobs request has.

use super::cross;
use super::report::{describe, quote, Violations};
use super::scalar;
use super::Mode;
use crate::input::{Input, Kind};
use crate::schema::{ListShape, MapShape, Shape, StringShape, Structure};

/// The widest structure in the schema has 17 members.
pub(super) const MAX_MEMBERS: usize = 24;

pub(crate) struct Walker {
    pub(super) mode: Mode,
    /// Where the value being checked sits. Kept as segments and rendered
    /// in boto3's dotted form only when a violation needs it.
    path: Vec<Step>,
    pub(super) violations: Violations,
}

impl Walker {
    pub(super) fn new(mode: Mode) -> Self {
        Walker {
            mode,
            path: Vec::new(),
            violations: Violations::default(),
        }
    }

    pub(super) fn finish(self) -> Result<(), Violations> {
        if self.violations.is_empty() {
            Ok(())
        } else {
            Err(self.violations)
        }
    }

    pub(super) fn report(&mut self, message: String) {
        let path = render(&self.path);
        self.violations.push(&path, message);
    }

    /// What messages call the current value: its member name, with any
    /// list index after it (`targets[3]`).
    pub(super) fn label(&self) -> String {
        if self.path.is_empty() {
            return "input".to_owned();
        }
        let start = self
            .path
            .iter()
            .rposition(|s| !matches!(s, Step::Index(_)))
            .unwrap_or(0);
        render(&self.path[start..])
    }

    /// The path of the structure that holds the current member.
    fn parent(&self) -> String {
        self.container_of(self.path.len().saturating_sub(1))
    }

    /// The path of the enclosing structure, for messages about its members.
    pub(super) fn container(&self) -> String {
        self.container_of(self.path.len())
    }

    fn container_of(&self, len: usize) -> String {
        if len == 0 {
            "input".to_owned()
        } else {
            render(&self.path[..len])
        }
    }

    /// Runs `f` with `segment` appended to the path.
    pub(super) fn at<R>(&mut self, segment: Segment<'_>, f: impl FnOnce(&mut Self) -> R) -> R {
        self.at_all(&[segment], f)
    }

    /// Runs `f` with several segments appended to the path.
    pub(super) fn at_all<R>(
        &mut self,
        segments: &[Segment<'_>],
        f: impl FnOnce(&mut Self) -> R,
    ) -> R {
        let len = self.path.len();
        self.path
            .extend(segments.iter().map(|segment| match *segment {
                Segment::Member(name) => Step::Member(name),
                Segment::Key(key) => Step::Key(key.into()),
                Segment::Index(i) => Step::Index(i),
            }));
        let result = f(self);
        self.path.truncate(len);
        result
    }

    pub(super) fn type_error<I: Input>(&mut self, expected: &str, got: &Kind<'_, I>) {
        let message = format!("{} must be {expected}, got {}", self.label(), describe(got));
        self.report(message);
    }

    pub(super) fn value<I: Input>(&mut self, shape: Shape, value: &I) {
        match shape {
            Shape::Structure(s) => self.structure(s, value),
            Shape::List(l) => self.list(l, value),
            Shape::Map(m) => self.map(m, value),
            Shape::String(s) => self.string(s, value),
            Shape::Integer(i) => scalar::integer(self, i, value),
            Shape::Double(d) => scalar::double(self, d, value),
            Shape::Boolean => match value.kind() {
                Kind::Bool(_) => {}
                other => self.type_error("a bool", &other),
            },
            Shape::Enum(allowed) => scalar::enumeration(self, allowed, value),
        }
    }

    /// The key of a map entry as text, or a violation if it is not a str.
    fn key_text<'k, I: Input>(&mut self, key: &'k I) -> Option<std::borrow::Cow<'k, str>> {
        if let Some(text) = key.as_str() {
            return Some(text);
        }
        let message = format!(
            "keys of {} must be str, got key {}",
            self.container(),
            describe(&key.kind())
        );
        self.report(message);
        None
    }

    pub(super) fn structure<I: Input>(&mut self, shape: &'static Structure, value: &I) {
        let entries = match value.kind() {
            Kind::Map(entries) => entries,
            other => return self.type_error("a dict", &other),
        };
        debug_assert!(shape.members.len() <= MAX_MEMBERS);
        let mut found: [Option<I>; MAX_MEMBERS] = std::array::from_fn(|_| None);
        let mut hint = 0;
        for (key, member_value) in entries {
            let Some(name) = self.key_text(&key) else {
                continue;
            };
            match find_member(shape, &name, &mut hint) {
                Some(index) => found[index] = Some(member_value),
                None => self.at(Segment::Key(&name), |w| {
                    let names: Vec<&str> = shape.members.iter().map(|m| m.name).collect();
                    let message = format!(
                        "Unknown parameter {} in {}, must be one of: {}",
                        quote(&name),
                        w.parent(),
                        names.join(", ")
                    );
                    w.report(message);
                }),
            }
        }
        for (member, slot) in shape.members.iter().zip(&found) {
            self.at(Segment::Member(member.name), |w| match slot {
                Some(v) => w.value(member.shape, v),
                None if member.required => {
                    let message = format!(
                        "Missing required parameter {} in {}",
                        quote(member.name),
                        w.parent()
                    );
                    w.report(message);
                }
                None => {}
            });
        }
        cross::structure_rules(self, shape, &found);
    }

    fn list<I: Input>(&mut self, shape: &'static ListShape, value: &I) {
        let items = match value.kind() {
            Kind::List(items) => items,
            other => return self.type_error("a list", &other),
        };
        scalar::count(self, items.len(), shape.min, shape.max, "item");
        let before = self.violations.count();
        for (i, item) in items.enumerate() {
            self.at(Segment::Index(i), |w| w.value(shape.member, &item));
        }
        let items_valid = self.violations.count() == before;
        cross::list_rules(self, shape, value, items_valid);
    }

    fn map<I: Input>(&mut self, shape: &'static MapShape, value: &I) {
        let entries: Vec<(I, I)> = match value.kind() {
            Kind::Map(entries) => entries.collect(),
            other => return self.type_error("a dict of str to str", &other),
        };
        scalar::count(self, entries.len(), None, shape.max, "entry");
        for (key, entry_value) in &entries {
            let Some(name) = self.key_text(key) else {
                continue;
            };
            self.at(Segment::Key(&name), |w| {
                scalar::string_text(w, shape.key, &name, true);
                w.string(shape.value, entry_value);
            });
        }
    }

    fn string<I: Input>(&mut self, shape: &'static StringShape, value: &I) {
        match value.kind() {
            Kind::Str(s) => scalar::string_text(self, shape, &s, false),
            other => self.type_error("a str", &other),
        }
    }
}

/// Index of the member called `name`. Callers mostly write members in the
/// schema's order, so the search starts after the previous match (`hint`).
fn find_member(shape: &Structure, name: &str, hint: &mut usize) -> Option<usize> {
    let members = shape.members;
    let n = members.len();
    let found = (0..n)
        .map(|offset| (*hint + offset) % n)
        .find(|&i| members[i].name == name)?;
    *hint = found + 1;
    Some(found)
}

/// A step into a value, as callers name it.
pub(super) enum Segment<'a> {
    /// A member the schema knows.
    Member(&'static str),
    /// A key taken from the input (an unknown member, a map key).
    Key(&'a str),
    Index(usize),
}

/// A step as the walker keeps it: schema names borrowed, input keys owned
/// (they are rare: map keys and unknown members).
enum Step {
    Member(&'static str),
    Key(Box<str>),
    Index(usize),
}

fn render(steps: &[Step]) -> String {
    use std::fmt::Write;
    let mut out = String::new();
    for step in steps {
        let name = match step {
            Step::Member(name) => *name,
            Step::Key(key) => key,
            Step::Index(i) => {
                let _ = write!(out, "[{i}]");
                continue;
            }
        };
        if !out.is_empty() {
            out.push('.');
        }
        out.push_str(name);
    }
    out
}
