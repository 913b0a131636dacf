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
    found: &[Option<I>; MAX_MEMBERS],
) {
    if shape.rules.is_empty() || !w.mode.applies(Source::Doc) {
        return;
    }
    let get = |name: &str| -> Option<&I> {
        let index = shape.members.iter().position(|m| m.name == name)?;
        found[index].as_ref()
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
                        w.label(),
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
                    .is_some_and(|t| t.member("inProgressTimeoutInMinutes").is_some());
                if let (Some(retry), false) = (get("jobExecutionsRetryConfig"), has_timeout) {
                    timed_out_retries_need_timeout(w, retry);
                }
            }
        }
    }
}

fn timed_out_retries_need_timeout<I: Input>(w: &mut Walker, retry: &I) {
    let Some(list) = retry.member("criteriaList") else {
        return;
    };
    let Kind::List(items) = list.kind() else {
        return;
    };
    for (i, item) in items.enumerate() {
        let Some(failure_type) = item.member("failureType") else {
            continue;
        };
        let Some(kind) = failure_type
            .as_str()
            .filter(|k| k == "TIMED_OUT" || k == "ALL")
        else {
            continue;
        };
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

/// List-wide rules; a total is only meaningful once each item is valid.
pub(super) fn list_rules<I: Input>(w: &mut Walker, shape: &ListShape, list: &I, items_valid: bool) {
    if let Some(rule) = shape.unique_by.filter(|r| w.mode.applies(r.source)) {
        let field = rule.value;
        let Kind::List(items) = list.kind() else {
            return;
        };
        let keys: Vec<Option<I>> = items.map(|item| item.member(field)).collect();
        let mut first_seen: HashMap<std::borrow::Cow<'_, str>, usize> =
            HashMap::with_capacity(keys.len());
        for (i, key) in keys.iter().enumerate() {
            let Some(key) = key.as_ref().and_then(Input::as_str) else {
                continue;
            };
            match first_seen.entry(key) {
                Entry::Vacant(slot) => {
                    slot.insert(i);
                }
                Entry::Occupied(first) => {
                    let (first, key) = (*first.get(), first.key().clone());
                    w.at_all(&[Segment::Index(i), Segment::Member(field)], |w| {
                        let label = w.label();
                        w.report(format!(
                            "{label} {} repeats item [{first}]; each {field} must be unique",
                            quote(&key)
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
        let Kind::List(items) = list.kind() else {
            return;
        };
        let total = items
            .filter_map(|item| match item.member(field)?.kind() {
                Kind::Int(n) => Some(n),
                _ => None,
            })
            .fold(0i64, i64::saturating_add);
        if total > most {
            let message = format!(
                "{} must add up to at most {most} {field} in total, got {total}",
                w.label()
            );
            w.report(message);
        }
    }
}
