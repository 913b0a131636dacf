//! Request shapes as data: members, types and constraints, each constraint
//! tagged with where it comes from so that the validation mode can pick.
//!
//! The shapes mirror the AWS IoT service model (botocore's
//! `iot/2015-05-28/service-2.json`); constraints the model lacks but the
//! developer guide documents are tagged [`Source::Doc`].

mod iot;
mod pattern;

pub use iot::*;
pub use pattern::Pattern;

/// Where a constraint comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// The AWS service model: min/max, pattern, enum.
    Model,
    /// The AWS IoT developer guide: documented maxima, decimal places and
    /// cross-field rules the model does not carry.
    Doc,
}

/// A constraint value and its source.
#[derive(Debug, Clone, Copy)]
pub struct Limit<T> {
    pub value: T,
    pub source: Source,
}

pub const fn model<T>(value: T) -> Option<Limit<T>> {
    Some(Limit {
        value,
        source: Source::Model,
    })
}

pub const fn doc<T>(value: T) -> Option<Limit<T>> {
    Some(Limit {
        value,
        source: Source::Doc,
    })
}

#[derive(Debug, Clone, Copy)]
pub enum Shape {
    Structure(&'static Structure),
    List(&'static ListShape),
    Map(&'static MapShape),
    String(&'static StringShape),
    Integer(&'static IntegerShape),
    Double(&'static DoubleShape),
    Boolean,
    Enum(&'static [&'static str]),
}

#[derive(Debug)]
pub struct Member {
    pub name: &'static str,
    pub shape: Shape,
    pub required: bool,
}

pub const fn required(name: &'static str, shape: Shape) -> Member {
    Member {
        name,
        shape,
        required: true,
    }
}

pub const fn optional(name: &'static str, shape: Shape) -> Member {
    Member {
        name,
        shape,
        required: false,
    }
}

#[derive(Debug)]
pub struct Structure {
    pub name: &'static str,
    pub members: &'static [Member],
    /// Rules across members; all of them are documented rules.
    pub rules: &'static [CrossRule],
}

impl Structure {
    pub fn member(&self, name: &str) -> Option<&'static Member> {
        self.members.iter().find(|m| m.name == name)
    }
}

/// Rules that look at more than one member of a structure.
#[derive(Debug)]
pub enum CrossRule {
    /// Exactly one of `a` and `b`, unless `unless` is present (then at most one).
    ExactlyOne {
        a: &'static str,
        b: &'static str,
        unless: &'static str,
    },
    /// At least one of these members.
    AtLeastOne(&'static [&'static str]),
    /// `member` may be given only together with `requires`.
    OnlyWith {
        member: &'static str,
        requires: &'static str,
    },
    /// A retry criterion for TIMED_OUT (or ALL) needs a `timeoutConfig`.
    TimedOutRetryNeedsTimeout,
}

#[derive(Debug)]
pub struct ListShape {
    pub member: Shape,
    pub min: Option<Limit<usize>>,
    pub max: Option<Limit<usize>>,
    /// Items are structures whose member of this name must be unique.
    pub unique_by: Option<Limit<&'static str>>,
    /// Items are structures whose integer member of this name must add up to
    /// at most the given total.
    pub sum_at_most: Option<Limit<(&'static str, i64)>>,
}

#[derive(Debug)]
pub struct MapShape {
    pub key: &'static StringShape,
    pub value: &'static StringShape,
    pub max: Option<Limit<usize>>,
}

#[derive(Debug)]
pub struct StringShape {
    /// Lengths count Unicode code points, as botocore and AWS do.
    pub min: Option<Limit<usize>>,
    pub max: Option<Limit<usize>>,
    pub patterns: &'static [Limit<Pattern>],
}

#[derive(Debug)]
pub struct IntegerShape {
    pub min: Option<Limit<i64>>,
    pub max: Option<Limit<i64>>,
}

#[derive(Debug)]
pub struct DoubleShape {
    pub min: Option<Limit<f64>>,
    pub max: Option<Limit<f64>>,
    /// At most this many digits after the decimal point, judged on the
    /// shortest text that round-trips the float.
    pub max_decimals: Option<Limit<u32>>,
}
