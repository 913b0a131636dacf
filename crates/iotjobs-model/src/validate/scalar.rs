//! Checks of single values: strings, numbers, enums and counts.

use super::report::{cut, describe, float_text, quote};
use super::walker::Walker;
use crate::input::{Input, Kind};
use crate::schema::{DoubleShape, IntegerShape, Limit, StringShape};

/// The active bounds of a range, as text: "from 1 to 1000", "at least 1".
fn range_text<T: std::fmt::Display>(min: Option<T>, max: Option<T>) -> String {
    match (min, max) {
        (Some(lo), Some(hi)) => format!("from {lo} to {hi}"),
        (Some(lo), None) => format!("at least {lo}"),
        (None, Some(hi)) => format!("at most {hi}"),
        (None, None) => String::new(),
    }
}

/// A range for numbers: "from 1 to 1000", "of at least 1".
fn number_range<T: std::fmt::Display>(min: Option<T>, max: Option<T>) -> String {
    let both = min.is_some() && max.is_some();
    let text = range_text(min, max);
    if both {
        text
    } else {
        format!("of {text}")
    }
}

fn active<T: Copy>(w: &Walker, limit: Option<Limit<T>>) -> Option<T> {
    limit.filter(|l| w.mode.applies(l.source)).map(|l| l.value)
}

fn plural(n: usize, noun: &str) -> String {
    match (n, noun) {
        (1, _) => format!("1 {noun}"),
        (_, "entry") => format!("{n} entries"),
        _ => format!("{n} {noun}s"),
    }
}

/// Item counts of lists and maps.
pub(super) fn count(
    w: &mut Walker,
    len: usize,
    min: Option<Limit<usize>>,
    max: Option<Limit<usize>>,
    noun: &str,
) {
    let (lo, hi) = (active(w, min), active(w, max));
    if lo.is_some_and(|lo| len < lo) || hi.is_some_and(|hi| len > hi) {
        let allowed = match (lo, hi) {
            (Some(lo), Some(hi)) => format!("from {lo} to {}", plural(hi, noun)),
            (Some(lo), None) => format!("at least {}", plural(lo, noun)),
            (_, hi) => format!("at most {}", plural(hi.unwrap_or(0), noun)),
        };
        let message = format!("{} must have {allowed}, got {len}", w.label());
        w.report(message);
    }
}

/// Length and pattern checks of a string; `is_key` when it is a map key.
pub(super) fn string_text(w: &mut Walker, shape: &StringShape, s: &str, is_key: bool) {
    let subject = |w: &Walker| {
        if is_key {
            format!("key {}", quote(s))
        } else {
            w.label()
        }
    };
    // One violation per value: the first constraint it breaks.
    if let Some(message) = length_problem(w, shape, s, is_key) {
        return w.report(format!("{} {message}", subject(w)));
    }
    for pattern in shape.patterns {
        if w.mode.applies(pattern.source) && !pattern.value.matches(s) {
            let shown = if is_key {
                String::new()
            } else {
                format!(", got {}", quote(s))
            };
            let message = format!("{} must {}{shown}", subject(w), pattern.value.describe());
            return w.report(message);
        }
    }
}

fn length_problem(w: &Walker, shape: &StringShape, s: &str, is_key: bool) -> Option<String> {
    let (lo, hi) = (active(w, shape.min), active(w, shape.max));
    if lo.is_none() && hi.is_none() {
        return None;
    }
    // Lengths count code points, as botocore does.
    let chars = if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    };
    if chars == 0 && lo.is_some_and(|lo| lo > 0) {
        return Some("must not be empty".into());
    }
    if lo.is_some_and(|lo| chars < lo) || hi.is_some_and(|hi| chars > hi) {
        let shown = if is_key {
            String::new()
        } else {
            format!(": {}", quote(s))
        };
        return Some(format!(
            "must be {} characters long, got {chars}{shown}",
            range_text(lo, hi)
        ));
    }
    None
}

pub(super) fn integer<I: Input>(w: &mut Walker, shape: &IntegerShape, value: &I) {
    let (lo, hi) = (active(w, shape.min), active(w, shape.max));
    let number = match value.kind() {
        Kind::Int(i) => i,
        Kind::BigInt(text) => {
            let message = format!(
                "{} must be an integer {}, got {}",
                w.label(),
                if lo.is_some() || hi.is_some() {
                    number_range(lo, hi)
                } else {
                    "that fits in 64 bits".into()
                },
                cut(&text)
            );
            return w.report(message);
        }
        other => return w.type_error("an int", &other),
    };
    if lo.is_some_and(|lo| number < lo) || hi.is_some_and(|hi| number > hi) {
        let message = format!(
            "{} must be an integer {}, got {number}",
            w.label(),
            number_range(lo, hi)
        );
        w.report(message);
    }
}

/// Whether the shortest text that round-trips `f` has at most `places`
/// digits after the decimal point.
fn has_at_most_decimals(f: f64, places: u32) -> bool {
    if !f.is_finite() {
        return true;
    }
    // Fast path without formatting: the closest decimal with `places`
    // digits, N / 10^places, is computed exactly for |N| < 2^52 and divides
    // correctly rounded, so it equals `f` exactly when that decimal text
    // round-trips to `f`.
    let scale = 10f64.powi(places as i32);
    let scaled = (f * scale).round();
    if scaled.abs() < (1u64 << 52) as f64 {
        return scaled / scale == f;
    }
    decimal_places(f) <= places
}

/// Digits after the decimal point in the shortest text that round-trips.
fn decimal_places(f: f64) -> u32 {
    let text = f.to_string();
    text.find('.')
        .map_or(0, |dot| (text.len() - dot - 1) as u32)
}

fn example_with_decimals(places: u32) -> &'static str {
    match places {
        0 => "a whole number",
        1 => "one decimal place (e.g. 1.5)",
        2 => "two decimal places (e.g. 10.99)",
        _ => "that many decimal places",
    }
}

pub(super) fn double<I: Input>(w: &mut Walker, shape: &DoubleShape, value: &I) {
    let number = match value.kind() {
        Kind::Float(f) => f,
        Kind::Int(i) => i as f64,
        Kind::BigInt(text) => text.parse().unwrap_or(f64::INFINITY),
        other => return w.type_error("a float or int", &other),
    };
    let (lo, hi) = (active(w, shape.min), active(w, shape.max));
    // NaN compares as neither below nor above, so it must fail explicitly.
    let below = lo.is_some_and(|lo| number.is_nan() || number < lo);
    let above = hi.is_some_and(|hi| number.is_nan() || number > hi);
    if below || above {
        let message = format!(
            "{} must be a number {}, got {}",
            w.label(),
            number_range(lo.map(float_text), hi.map(float_text)),
            float_text(number)
        );
        return w.report(message);
    }
    if let Some(places) = active(w, shape.max_decimals) {
        if !has_at_most_decimals(number, places) {
            let message = format!(
                "{} must have at most {}, got {}",
                w.label(),
                example_with_decimals(places),
                float_text(number)
            );
            w.report(message);
        }
    }
}

pub(super) fn enumeration<I: Input>(w: &mut Walker, allowed: &[&str], value: &I) {
    match value.kind() {
        Kind::Str(s) => {
            if w.mode.applies(crate::schema::Source::Model) && !allowed.contains(&s.as_ref()) {
                let message = format!(
                    "{} must be one of {}, got {}",
                    w.label(),
                    allowed.join(", "),
                    quote(&s)
                );
                w.report(message);
            }
        }
        other => {
            let message = format!(
                "{} must be a str, one of {}, got {}",
                w.label(),
                allowed.join(", "),
                describe(&other)
            );
            w.report(message);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{decimal_places, has_at_most_decimals};

    #[test]
    fn the_fast_decimal_check_agrees_with_the_text() {
        let samples = [
            1.1,
            1.5,
            1.55,
            10.99,
            10.999,
            5.0,
            1e-7,
            0.1 + 0.2,
            99.99,
            100.0,
            0.01,
            0.005,
            33.33,
            66.67,
            4.9,
            4.95,
            1e15 + 0.5,
            123456.78,
            2.675,
            1.005,
            -0.0,
            5e-324,
        ];
        for f in samples {
            for places in 0..4 {
                assert_eq!(
                    has_at_most_decimals(f, places),
                    decimal_places(f) <= places,
                    "{f} {places}"
                );
            }
        }
        let mut x: f64 = 0.0;
        while x < 101.0 {
            for places in 1..3 {
                assert_eq!(
                    has_at_most_decimals(x, places),
                    decimal_places(x) <= places,
                    "{x} {places}"
                );
            }
            x += 0.0137;
        }
    }

    #[test]
    fn decimals_follow_the_shortest_round_trip_text() {
        assert_eq!(decimal_places(1.1), 1);
        assert_eq!(decimal_places(1.5), 1);
        assert_eq!(decimal_places(1.55), 2);
        assert_eq!(decimal_places(10.99), 2);
        assert_eq!(decimal_places(10.999), 3);
        assert_eq!(decimal_places(5.0), 0);
        assert_eq!(decimal_places(1e-7), 7);
        assert_eq!(decimal_places(0.1 + 0.2), 17);
    }
}
