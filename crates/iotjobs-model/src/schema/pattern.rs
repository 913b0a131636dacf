//! String patterns of the service model and the developer guide.
//!
//! The ASCII-only patterns are plain byte checks; the two with Unicode
//! classes use `regex`, after an ASCII fast path that settles nearly every
//! real request without touching the regex engine.

use regex::Regex;
use std::sync::LazyLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// `[a-zA-Z0-9_-]+`: jobId, namespaceId, document parameter keys.
    Identifier,
    /// `[a-zA-Z0-9:_-]+`: thing and thing-group names, status detail keys.
    ThingName,
    /// `[a-zA-Z0-9\-]+`: thingGroupId.
    ThingGroupId,
    /// `[^\p{C}]*`: free text without control or format characters.
    NoControlChars,
    /// `[\p{Upper}\p{Digit}_]+` (Java classes, so ASCII): reasonCode.
    ReasonCode,
    /// `[\p{L}\p{Z}\p{N}_.:/=+\-@]*`: tag keys.
    TagKey,
    /// Tag keys must not start with the reserved `aws:` prefix.
    NotAwsPrefixed,
    /// `arn:[!-~]+`: template and package-version ARNs.
    Arn,
    /// A thing or thing-group ARN, as job targets must be.
    TargetArn,
    /// `YYYY-MM-DDTHH:MM`, a real calendar date and time of day.
    DateTimeMinute,
}

impl Pattern {
    /// What the pattern allows, for error messages.
    pub fn describe(self) -> &'static str {
        match self {
            Pattern::Identifier => "match [a-zA-Z0-9_-]+ (letters, digits, '_' and '-')",
            Pattern::ThingName => "match [a-zA-Z0-9:_-]+ (letters, digits, ':', '_' and '-')",
            Pattern::ThingGroupId => "match [a-zA-Z0-9-]+ (letters, digits and '-')",
            Pattern::NoControlChars => "contain no control characters (\\p{C}, e.g. newlines or tabs)",
            Pattern::ReasonCode => "match [A-Z0-9_]+ (upper-case letters, digits and '_')",
            Pattern::TagKey => {
                "match [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]* (letters, spaces, digits and _.:/=+-@)"
            }
            Pattern::NotAwsPrefixed => "not start with the reserved prefix 'aws:'",
            Pattern::Arn => "be an ARN matching arn:[!-~]+",
            Pattern::TargetArn => {
                "be a thing or thing-group ARN: arn:<partition>:iot:<region>:<12-digit account>:thing/<name> \
                 or ...:thinggroup/<name>, with <name> 1-128 characters of [a-zA-Z0-9:_-]"
            }
            Pattern::DateTimeMinute => "be a date and time in the form YYYY-MM-DDTHH:MM",
        }
    }

    pub fn matches(self, s: &str) -> bool {
        match self {
            Pattern::Identifier => IDENTIFIER.all_non_empty(s),
            Pattern::ThingName => is_thing_name(s),
            Pattern::ThingGroupId => GROUP_ID.all_non_empty(s),
            Pattern::NoControlChars => PRINTABLE.all(s) || !CONTROL.is_match(s),
            Pattern::ReasonCode => REASON_CODE.all_non_empty(s),
            Pattern::TagKey => TAG_KEY_ASCII.all(s) || TAG_KEY.is_match(s),
            Pattern::NotAwsPrefixed => !s
                .get(..4)
                .is_some_and(|prefix| prefix.eq_ignore_ascii_case("aws:")),
            Pattern::Arn => s
                .strip_prefix("arn:")
                .is_some_and(|rest| VISIBLE.all_non_empty(rest)),
            Pattern::TargetArn => is_target_arn(s),
            Pattern::DateTimeMinute => is_date_time_minute(s),
        }
    }
}

static CONTROL: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\p{C}").expect("valid regex"));
static TAG_KEY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$").expect("valid regex"));

/// A set of ASCII bytes, looked up in one step per byte.
struct ByteSet([bool; 256]);

impl ByteSet {
    /// Letters and digits (`alphanumeric`), or upper-case letters and digits
    /// (`upper_alphanumeric`), plus the `extra` bytes.
    const fn of(extra: &[u8], alphanumeric: bool, upper_alphanumeric: bool) -> ByteSet {
        let mut set = [false; 256];
        let mut b = 0;
        while b < 128 {
            let c = b as u8;
            set[b] = (alphanumeric && c.is_ascii_alphanumeric())
                || (upper_alphanumeric && (c.is_ascii_uppercase() || c.is_ascii_digit()));
            b += 1;
        }
        let mut i = 0;
        while i < extra.len() {
            set[extra[i] as usize] = true;
            i += 1;
        }
        ByteSet(set)
    }

    fn all(&self, s: &str) -> bool {
        s.bytes().all(|b| self.0[b as usize])
    }

    fn all_non_empty(&self, s: &str) -> bool {
        !s.is_empty() && self.all(s)
    }
}

const PUNCTUATION: &[u8] = b"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

static IDENTIFIER: ByteSet = ByteSet::of(b"_-", true, false);
static THING_NAME: ByteSet = ByteSet::of(b":_-", true, false);
static GROUP_ID: ByteSet = ByteSet::of(b"-", true, false);
static REASON_CODE: ByteSet = ByteSet::of(b"_", false, true);
static TAG_KEY_ASCII: ByteSet = ByteSet::of(b" _.:/=+-@", true, false);
static LOWER_DASH: ByteSet = ByteSet::of(b"-abcdefghijklmnopqrstuvwxyz0123456789", false, false);
/// `[!-~]`: visible ASCII.
static VISIBLE: ByteSet = ByteSet::of(PUNCTUATION, true, false);
/// `[ -~]`: printable ASCII, none of which is in `\p{C}`.
static PRINTABLE: ByteSet = {
    let mut set = ByteSet::of(PUNCTUATION, true, false);
    set.0[b' ' as usize] = true;
    set
};

fn is_thing_name(s: &str) -> bool {
    THING_NAME.all_non_empty(s)
}

/// `arn:<partition>:iot:<region>:<account>:thing/<name>` or `...:thinggroup/<name>`.
///
/// One pass over the bytes: this runs for every target of every job.
fn is_target_arn(s: &str) -> bool {
    let span =
        |bytes: &[u8], set: &ByteSet| bytes.iter().take_while(|&&b| set.0[b as usize]).count();
    // The partition is "aws" or "aws-<suffix>" (aws-cn, aws-us-gov, ...).
    let Some(rest) = s.as_bytes().strip_prefix(b"arn:aws") else {
        return false;
    };
    let rest = &rest[span(rest, &LOWER_DASH)..];
    let Some(rest) = rest.strip_prefix(b":iot:") else {
        return false;
    };
    let region = span(rest, &LOWER_DASH);
    let rest = &rest[region..];
    // ":" + 12-digit account + ":"
    if region == 0 || rest.len() < 14 || rest[0] != b':' || rest[13] != b':' {
        return false;
    }
    if !rest[1..13].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let resource = &rest[14..];
    let name = resource
        .strip_prefix(b"thing/")
        .or_else(|| resource.strip_prefix(b"thinggroup/"));
    name.is_some_and(|name| {
        (1..=128).contains(&name.len()) && span(name, &THING_NAME) == name.len()
    })
}

fn is_date_time_minute(s: &str) -> bool {
    let b = s.as_bytes();
    let shape_ok = b.len() == 16
        && b.iter().enumerate().all(|(i, &c)| match i {
            4 | 7 => c == b'-',
            10 => c == b'T',
            13 => c == b':',
            _ => c.is_ascii_digit(),
        });
    if !shape_ok {
        return false;
    }
    let num = |range: std::ops::Range<usize>| s[range].parse::<u32>().unwrap_or(u32::MAX);
    let (year, month, day, hour, minute) =
        (num(0..4), num(5..7), num(8..10), num(11..13), num(14..16));
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day) && hour < 24 && minute < 60
}

#[cfg(test)]
mod tests {
    use super::Pattern::*;

    #[test]
    fn identifier() {
        assert!(Identifier.matches("ota-42_a"));
        for bad in ["", "a/b", "a+b", "a#b", "a b", "é"] {
            assert!(!Identifier.matches(bad), "{bad:?}");
        }
    }

    #[test]
    fn thing_names_and_group_ids() {
        assert!(ThingName.matches("thing:1_a-b"));
        assert!(!ThingName.matches("thing/1"));
        assert!(ThingGroupId.matches("abc-123"));
        assert!(!ThingGroupId.matches("abc_123"));
    }

    #[test]
    fn no_control_chars() {
        assert!(NoControlChars.matches("Firmware 2.1 — café ✓"));
        assert!(NoControlChars.matches(""));
        for bad in [
            "a\nb",
            "tab\t",
            "\u{200b}zero-width",
            "\u{7f}",
            "\u{e000}private",
        ] {
            assert!(!NoControlChars.matches(bad), "{bad:?}");
        }
    }

    #[test]
    fn reason_code() {
        assert!(ReasonCode.matches("FAILURE_RATE_2"));
        assert!(!ReasonCode.matches("lower"));
        assert!(!ReasonCode.matches("É"));
        assert!(!ReasonCode.matches(""));
    }

    #[test]
    fn tag_keys() {
        assert!(TagKey.matches("env:stage/a=b+c-d@e_f.g"));
        assert!(TagKey.matches("Größe 5"));
        assert!(!TagKey.matches("semi;colon"));
        assert!(NotAwsPrefixed.matches("team"));
        assert!(NotAwsPrefixed.matches("aw"));
        assert!(!NotAwsPrefixed.matches("aws:owner"));
        assert!(!NotAwsPrefixed.matches("AWS:owner"));
    }

    #[test]
    fn arns() {
        assert!(Arn.matches("arn:aws:iot:us-east-1:123456789012:jobtemplate/t"));
        assert!(!Arn.matches("arn:"));
        assert!(!Arn.matches("arn:has space"));
        assert!(!Arn.matches("urn:x"));
    }

    #[test]
    fn target_arns() {
        for good in [
            "arn:aws:iot:us-east-1:123456789012:thing/sensor-1",
            "arn:aws-cn:iot:cn-north-1:123456789012:thinggroup/fleet:a_b",
            "arn:aws-us-gov:iot:us-gov-west-1:123456789012:thing/x",
        ] {
            assert!(TargetArn.matches(good), "{good}");
        }
        let long_name = format!(
            "arn:aws:iot:us-east-1:123456789012:thing/{}",
            "a".repeat(129)
        );
        for bad in [
            "sensor-1",
            "arn:aws:iot:us-east-1:12345678901:thing/x",
            "arn:aws:iot:us-east-1:123456789012:job/x",
            "arn:aws:s3:us-east-1:123456789012:thing/x",
            "arn:aws:iot::123456789012:thing/x",
            "arn:aws:iot:us-east-1:123456789012:thing/",
            "arn:aws:iot:us-east-1:123456789012:thing/a/b",
            long_name.as_str(),
        ] {
            assert!(!TargetArn.matches(bad), "{bad}");
        }
    }

    #[test]
    fn date_time_minute() {
        assert!(DateTimeMinute.matches("2027-02-28T23:59"));
        assert!(DateTimeMinute.matches("2028-02-29T00:00"));
        for bad in [
            "2027-02-29T00:00",
            "2027-13-01T00:00",
            "2027-01-01T24:00",
            "2027-01-01 00:00",
            "2027-01-01T00:00:00",
        ] {
            assert!(!DateTimeMinute.matches(bad), "{bad}");
        }
    }
}
