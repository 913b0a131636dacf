//! Scheduled jobs: `schedulingConfig.startTime` holds a job SCHEDULED until
//! then; at `endTime` its `endBehavior` applies. Times are
//! `YYYY-MM-DDTHH:MM` (the model validates the form), read as UTC.

use crate::error::{ApiError, ApiResult};
use iotjobs_model::types::SchedulingConfig;
use serde::{Deserialize, Serialize};

const MINUTE: f64 = 60.0;
const DAY: f64 = 24.0 * 60.0 * MINUTE;
/// startTime and endTime must be at least this far ahead of now, and
/// endTime this far after startTime.
const LEAD: f64 = 30.0 * MINUTE;
const START_HORIZON: f64 = 366.0 * DAY;
const END_HORIZON: f64 = 2.0 * 366.0 * DAY;

/// A job's schedule, in epoch seconds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Schedule {
    pub start_at: Option<f64>,
    pub end_at: Option<f64>,
    /// The end behavior has been applied.
    #[serde(default)]
    pub ended: bool,
}

/// Days from 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// `YYYY-MM-DDTHH:MM` (UTC) in epoch seconds; `None` if it is not that form.
pub fn parse_minute(text: &str) -> Option<f64> {
    let b = text.as_bytes();
    if b.len() != 16 || b[4] != b'-' || b[7] != b'-' || b[10] != b'T' || b[13] != b':' {
        return None;
    }
    let num = |range: std::ops::Range<usize>| text.get(range)?.parse::<i64>().ok();
    let days = days_from_civil(num(0..4)?, num(5..7)?, num(8..10)?);
    Some((days * 86_400 + num(11..13)? * 3_600 + num(14..16)? * 60) as f64)
}

fn time_of(member: &str, text: Option<&String>) -> ApiResult<Option<f64>> {
    text.map(|t| {
        parse_minute(t).ok_or_else(|| {
            ApiError::invalid(format!(
                "schedulingConfig.{member} must be YYYY-MM-DDTHH:MM (UTC), got {t:?}"
            ))
        })
    })
    .transpose()
}

impl Schedule {
    /// The schedule a CreateJob request asks for, checked against now as
    /// AWS checks it: startTime 30 minutes to a year ahead, endTime 30
    /// minutes to two years ahead and at least 30 minutes after startTime.
    pub fn new(config: Option<&SchedulingConfig>, now: f64) -> ApiResult<Schedule> {
        let Some(config) = config else {
            return Ok(Schedule::default());
        };
        let start_at = time_of("startTime", config.start_time.as_ref())?;
        let end_at = time_of("endTime", config.end_time.as_ref())?;
        let ahead = |member: &str, at: f64, horizon: f64, what: &str| {
            if at < now + LEAD || at > now + horizon {
                Err(ApiError::invalid(format!(
                    "schedulingConfig.{member} must be at least 30 minutes and at most {what} from now"
                )))
            } else {
                Ok(())
            }
        };
        if let Some(start) = start_at {
            ahead("startTime", start, START_HORIZON, "one year")?;
        }
        if let Some(end) = end_at {
            ahead("endTime", end, END_HORIZON, "two years")?;
            if start_at.is_some_and(|start| end < start + LEAD) {
                return Err(ApiError::invalid(
                    "schedulingConfig.endTime must be at least 30 minutes after startTime",
                ));
            }
        }
        Ok(Schedule {
            start_at,
            end_at,
            ended: false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_utc_minutes() {
        assert_eq!(parse_minute("1970-01-01T00:00"), Some(0.0));
        assert_eq!(parse_minute("2000-03-01T00:00"), Some(951_868_800.0));
        assert_eq!(parse_minute("2026-11-29T13:37"), Some(1_795_959_420.0));
        assert_eq!(parse_minute("2026-11-29 13:37"), None);
        assert_eq!(parse_minute("2026-11-29T13"), None);
    }

    #[test]
    fn start_and_end_must_be_far_enough_ahead() {
        let now = parse_minute("2026-01-01T00:00").unwrap();
        let config = |start: Option<&str>, end: Option<&str>| SchedulingConfig {
            start_time: start.map(str::to_owned),
            end_time: end.map(str::to_owned),
            ..SchedulingConfig::default()
        };
        let ok = Schedule::new(Some(&config(Some("2026-01-01T00:30"), None)), now).unwrap();
        assert_eq!(ok.start_at, Some(now + 1800.0));
        assert!(Schedule::new(Some(&config(Some("2026-01-01T00:29"), None)), now).is_err());
        assert!(Schedule::new(Some(&config(Some("2027-06-01T00:00"), None)), now).is_err());
        let too_close = config(Some("2026-01-01T01:00"), Some("2026-01-01T01:20"));
        assert!(Schedule::new(Some(&too_close), now).is_err());
        let fine = config(Some("2026-01-01T01:00"), Some("2026-01-01T01:30"));
        assert!(Schedule::new(Some(&fine), now).is_ok());
    }
}
