//! Calendar dates and "today", for the freshness rules.
//!
//! candor never reads the clock inside a rule: the CLI reads `CANDOR_TODAY`
//! (`YYYY-MM-DD`) once, or the system date (UTC) when it is unset, and hands
//! the date down. Tests set `CANDOR_TODAY` and get the same output every day.

use std::fmt;

use crate::error::{Error, Result};

/// The environment variable that fixes "today" (`YYYY-MM-DD`).
pub const TODAY_ENV: &str = "CANDOR_TODAY";

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        _ if is_leap(y) => 29,
        _ => 28,
    }
}

impl Date {
    /// A valid date, or `None`.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        if !(1..=9999).contains(&year) {
            return None;
        }
        Some(Date { year, month, day })
    }

    /// `YYYY-MM-DD` (exactly; surrounding whitespace ignored).
    pub fn parse_iso(s: &str) -> Option<Date> {
        let s = s.trim();
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let part = s.get(r)?;
            if !part.bytes().all(|c| c.is_ascii_digit()) {
                return None;
            }
            part.parse().ok()
        };
        let y = i32::try_from(num(0..4)?).ok()?;
        let m = u8::try_from(num(5..7)?).ok()?;
        let d = u8::try_from(num(8..10)?).ok()?;
        Date::new(y, m, d)
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let mp = if m > 2 { m - 3 } else { m + 9 };
        let doy = (153 * mp + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01.
    pub fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = if m <= 2 { y + 1 } else { y };
        Date {
            year: i32::try_from(y).unwrap_or(i32::MAX),
            month: u8::try_from(m).unwrap_or(1),
            day: u8::try_from(d).unwrap_or(1),
        }
    }

    /// This date moved back by `age` (calendar months and years; a day that
    /// does not exist in the target month clamps to its last day).
    pub fn minus(self, age: Age) -> Date {
        match age {
            Age::Days(n) => Date::from_days(self.to_days() - i64::from(n)),
            Age::Months(n) => {
                let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 - i64::from(n);
                let year = i32::try_from(total.div_euclid(12)).unwrap_or(1);
                let month = u8::try_from(total.rem_euclid(12) + 1).unwrap_or(1);
                let day = self.day.min(days_in_month(year, month));
                Date { year, month, day }
            }
        }
    }

    /// Today: `CANDOR_TODAY` when set (an error when malformed), else the
    /// system date in UTC.
    pub fn today_from_env() -> Result<Date> {
        match std::env::var(TODAY_ENV) {
            Ok(v) => Date::parse_iso(&v).ok_or_else(|| {
                Error::new("candor::usage", format!("{TODAY_ENV}='{v}' is not a date"))
                    .with_help(format!("write {TODAY_ENV}=YYYY-MM-DD, e.g. 2026-05-01"))
            }),
            Err(_) => Ok(Date::system_today()),
        }
    }

    /// The system date (UTC).
    pub fn system_today() -> Date {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Date::from_days(i64::try_from(secs / 86_400).unwrap_or(0))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// How old a date may be: `30d`, `2w`, `12mo`, `1y` (also `30 days`,
/// `6 months`, `2 years`). Months and years are calendar months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Age {
    Days(u32),
    Months(u32),
}

impl Age {
    pub fn parse(s: &str) -> Option<Age> {
        let s = s.trim().to_ascii_lowercase();
        let digits = s.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let n: u32 = s.get(..digits)?.parse().ok()?;
        let unit = s.get(digits..)?.trim();
        let age = match unit {
            "d" | "day" | "days" => Age::Days(n),
            "w" | "week" | "weeks" => Age::Days(n.checked_mul(7)?),
            "mo" | "month" | "months" => Age::Months(n),
            "y" | "year" | "years" => Age::Months(n.checked_mul(12)?),
            _ => return None,
        };
        let positive = match age {
            Age::Days(d) | Age::Months(d) => d > 0,
        };
        positive.then_some(age)
    }
}

impl fmt::Display for Age {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Age::Days(1) => f.write_str("1 day"),
            Age::Days(n) if n % 7 == 0 => write!(f, "{} weeks", n / 7),
            Age::Days(n) => write!(f, "{n} days"),
            Age::Months(12) => f.write_str("12 months"),
            Age::Months(n) if n % 12 == 0 => write!(f, "{} years", n / 12),
            Age::Months(1) => f.write_str("1 month"),
            Age::Months(n) => write!(f, "{n} months"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_round_trip_and_validation() {
        let d = Date::parse_iso("2026-02-28").unwrap();
        assert_eq!(d.to_string(), "2026-02-28");
        assert_eq!(Date::from_days(d.to_days()), d);
        assert_eq!(Date::parse_iso("1970-01-01").unwrap().to_days(), 0);
        // 2024-03-01 is 19783 days after the epoch (2024-01-01 is 19723, +31 +29).
        assert_eq!(Date::parse_iso("2024-03-01").unwrap().to_days(), 19_783);
        for bad in [
            "2026-02-29",
            "2026-13-01",
            "2026-1-01",
            "26-01-01",
            "2026-01-0x",
            "",
        ] {
            assert_eq!(Date::parse_iso(bad), None, "{bad}");
        }
        assert!(Date::parse_iso("2024-02-29").is_some());
    }

    #[test]
    fn minus_months_clamps_to_month_end() {
        let d = Date::parse_iso("2026-03-31").unwrap();
        assert_eq!(d.minus(Age::Months(1)).to_string(), "2026-02-28");
        assert_eq!(d.minus(Age::Months(12)).to_string(), "2025-03-31");
        assert_eq!(d.minus(Age::Months(15)).to_string(), "2024-12-31");
        assert_eq!(d.minus(Age::Days(31)).to_string(), "2026-02-28");
    }

    #[test]
    fn ages() {
        assert_eq!(Age::parse("12mo"), Some(Age::Months(12)));
        assert_eq!(Age::parse("1y"), Some(Age::Months(12)));
        assert_eq!(Age::parse("6 months"), Some(Age::Months(6)));
        assert_eq!(Age::parse("90d"), Some(Age::Days(90)));
        assert_eq!(Age::parse("2w"), Some(Age::Days(14)));
        for bad in ["", "mo", "12", "0d", "12 fortnights", "-3d", "99999999999d"] {
            assert_eq!(Age::parse(bad), None, "{bad}");
        }
        assert_eq!(Age::Months(12).to_string(), "12 months");
        assert_eq!(Age::Months(24).to_string(), "2 years");
    }
}
