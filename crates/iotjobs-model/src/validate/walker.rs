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
    /// Path of the value being checked, in boto3's dotted form.
    pub(super) path: String,
    pub(super) violations: Violations,
}

impl Walker {
    pub(super) fn new(mode: Mode) -> Self {
        Walker {
            mode,
            path: String::new(),
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
        self.violations.push(&self.path, message);
    }

    /// The last segment of the path: what messages call the value.
    pub(super) fn label(&self) -> &str {
        match self.path.rfind('.') {
            Some(dot) => &self.path[dot + 1..],
            None => &self.path,
        }
    }

    /// The path of the structure that holds the current member.
    fn parent(&self) -> String {
        match self.path.rfind('.') {
            Some(dot) => self.path[..dot].to_owned(),
            None => "input".to_owned(),
        }
    }

    /// The path of the enclosing structure, for messages about its members.
    pub(super) fn container(&self) -> &str {
        if self.path.is_empty() {
            "input"
        } else {
            &self.path
        }
    }

    /// Runs `f` with `segment` appended to the path (`.name` or `[i]`).
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
        for segment in segments {
            match segment {
                Segment::Member(name) => {
                    if !self.path.is_empty() {
                        self.path.push('.');
                    }
                    self.path.push_str(name);
                }
                Segment::Index(i) => {
                    use std::fmt::Write;
                    let _ = write!(self.path, "[{i}]");
                }
            }
        }
        let result = f(self);
        self.path.truncate(len);
        result
    }

    pub(super) fn type_error<I>(&mut self, expected: &str, got: &Kind<'_, I>) {
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

    pub(super) fn structure<I: Input>(&mut self, shape: &'static Structure, value: &I) {
        let entries = match value.kind() {
            Kind::Map(entries) => entries,
            other => return self.type_error("a dict", &other),
        };
        debug_assert!(shape.members.len() <= MAX_MEMBERS);
        let mut found: [Option<&I>; MAX_MEMBERS] = [None; MAX_MEMBERS];
        for (key, member_value) in &entries {
            let key_kind = key.kind();
            let Kind::Str(name) = &key_kind else {
                let message = format!(
                    "keys of {} must be str, got key {}",
                    self.container(),
                    describe(&key_kind)
                );
                self.report(message);
                continue;
            };
            match shape.members.iter().position(|m| m.name == name.as_ref()) {
                Some(index) => found[index] = Some(member_value),
                None => self.at(Segment::Member(name), |w| {
                    let names: Vec<&str> = shape.members.iter().map(|m| m.name).collect();
                    let message = format!(
                        "Unknown parameter {} in {}, must be one of: {}",
                        quote(name),
                        w.parent(),
                        names.join(", ")
                    );
                    w.report(message);
                }),
            }
        }
        for (member, slot) in shape.members.iter().zip(found) {
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
        for (i, item) in items.iter().enumerate() {
            self.at(Segment::Index(i), |w| w.value(shape.member, item));
        }
        let items_valid = self.violations.count() == before;
        cross::list_rules(self, shape, &items, items_valid);
    }

    fn map<I: Input>(&mut self, shape: &'static MapShape, value: &I) {
        let entries = match value.kind() {
            Kind::Map(entries) => entries,
            other => return self.type_error("a dict of str to str", &other),
        };
        scalar::count(self, entries.len(), None, shape.max, "entry");
        for (key, entry_value) in &entries {
            let key_kind = key.kind();
            let Kind::Str(name) = &key_kind else {
                let message = format!(
                    "keys of {} must be str, got key {}",
                    self.label(),
                    describe(&key_kind)
                );
                self.report(message);
                continue;
            };
            self.at(Segment::Member(name), |w| {
                scalar::string_text(w, shape.key, name, true);
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

pub(super) enum Segment<'a> {
    Member(&'a str),
    Index(usize),
}
