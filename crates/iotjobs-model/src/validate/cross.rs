//! Rules that span several members or list items. All come from the
//! developer guide, so they run only in strict mode.

use super::report::quote;
use super::walker::{Segment, Walker, MAX_MEMBERS};
use crate::input::{Input, Kind};
use crate::schema::{CrossRule, ListShape, Source, Structure};
use std::collections::hash_map::{Entry, HashMap};

pub(super) fn structure_rules<I: Input>(
    w: &mut Walker,
    shape: &Structure,
    found: &[Option<&I>; MAX_MEMBERS],
) {
    if shape.rules.is_empty() || !w.mode.applies(Source::Doc) {
        return;
    }
    let get = |name: &str| -> Option<&I> {
        let index = shape.members.iter().position(|m| m.name == name)?;
        found[index]
    };
    for rule in shape.rules {
        match *rule {
            CrossRule::ExactlyOne { a, b, unless } => match (get(a), get(b)) {
                (Some(_), Some(_)) => w.at(Segment::Member(b), |w| {
                    w.report(format!("give either {a} or {b}, not both"))
                }),
                (None, None) if get(unless).is_none() => w.at(Segment::Member(a), |w| {
                    w.report(format!(
                        "one of {a} or {b} is required (unless {unless} is given)"
                    ))
                }),
                _ => {}
            },
            CrossRule::AtLeastOne(names) => {
                if names.iter().all(|name| get(name).is_none()) {
                    let message = format!(
                        "{} must set at least one of: {}",
                        w.container(),
                        names.join(", ")
                    );
                    w.report(message);
                }
            }
            CrossRule::OnlyWith { member, requires } => {
                if get(member).is_some() && get(requires).is_none() {
                    w.at(Segment::Member(member), |w| {
                        w.report(format!(
                            "{member} may only be given together with {requires}"
                        ))
                    });
                }
            }
            CrossRule::TimedOutRetryNeedsTimeout => {
                let has_timeout = get("timeoutConfig")
                    .is_some_and(|t| member_of(t, "inProgressTimeoutInMinutes", |_| true));
                if let (Some(retry), false) = (get("jobExecutionsRetryConfig"), has_timeout) {
                    timed_out_retries_need_timeout(w, retry);
                }
            }
        }
    }
}

/// The member `name` of a structure value, if present.
fn member_value<'k, I: Input>(kind: &'k Kind<'_, I>, name: &str) -> Option<&'k I> {
    let Kind::Map(entries) = kind else {
        return None;
    };
    entries
        .iter()
        .find(|(key, _)| matches!(key.kind(), Kind::Str(k) if k == name))
        .map(|(_, value)| value)
}

/// Calls `f` on the member `name` of a structure value, if present.
fn member_of<I: Input>(value: &I, name: &str, f: impl FnOnce(&Kind<'_, I>) -> bool) -> bool {
    let Kind::Map(entries) = value.kind() else {
        return false;
    };
    entries
        .iter()
        .find(|(key, _)| matches!(key.kind(), Kind::Str(k) if k == name))
        .is_some_and(|(_, v)| f(&v.kind()))
}

fn timed_out_retries_need_timeout<I: Input>(w: &mut Walker, retry: &I) {
    let Kind::Map(entries) = retry.kind() else {
        return;
    };
    let Some((_, list)) = entries
        .iter()
        .find(|(key, _)| matches!(key.kind(), Kind::Str(k) if k == "criteriaList"))
    else {
        return;
    };
    let Kind::List(items) = list.kind() else {
        return;
    };
    for (i, item) in items.iter().enumerate() {
        let mut kind = String::new();
        let needs_timeout = member_of(item, "failureType", |k| match k {
            Kind::Str(s) if s == "TIMED_OUT" || s == "ALL" => {
                kind = s.to_string();
                true
            }
            _ => false,
        });
        if needs_timeout {
            let segments = [
                Segment::Member("jobExecutionsRetryConfig"),
                Segment::Member("criteriaList"),
                Segment::Index(i),
                Segment::Member("failureType"),
            ];
            w.at_all(&segments, |w| {
                w.report(format!(
                    "a {kind} retry criterion needs timeoutConfig.inProgressTimeoutInMinutes, \
                     or executions can never time out"
                ))
            });
        }
    }
}

/// List-wide rules; a total is only meaningful once each item is valid.
pub(super) fn list_rules<I: Input>(
    w: &mut Walker,
    shape: &ListShape,
    items: &[I],
    items_valid: bool,
) {
    if let Some(rule) = shape.unique_by.filter(|r| w.mode.applies(r.source)) {
        let field = rule.value;
        let item_kinds: Vec<Kind<'_, I>> = items.iter().map(Input::kind).collect();
        let key_kinds: Vec<Option<Kind<'_, I>>> = item_kinds
            .iter()
            .map(|item| member_value(item, field).map(Input::kind))
            .collect();
        let mut first_seen: HashMap<&str, usize> = HashMap::with_capacity(items.len());
        for (i, key) in key_kinds.iter().enumerate() {
            let Some(Kind::Str(key)) = key else { continue };
            match first_seen.entry(key.as_ref()) {
                Entry::Vacant(slot) => {
                    slot.insert(i);
                }
                Entry::Occupied(first) => {
                    let first = *first.get();
                    w.at_all(&[Segment::Index(i), Segment::Member(field)], |w| {
                        let label = w.label();
                        w.report(format!(
                            "{label} {} repeats item [{first}]; each {field} must be unique",
                            quote(key)
                        ))
                    });
                }
            }
        }
    }
    if let Some(rule) = shape
        .sum_at_most
        .filter(|r| items_valid && w.mode.applies(r.source))
    {
        let (field, most) = rule.value;
        let mut total: i64 = 0;
        for item in items {
            member_of(item, field, |k| {
                if let Kind::Int(n) = k {
                    total = total.saturating_add(*n);
                }
                true
            });
        }
        if total > most {
            let message = format!(
                "{} must add up to at most {most} {field} in total, got {total}",
                w.label()
            );
            w.report(message);
        }
    }
}
