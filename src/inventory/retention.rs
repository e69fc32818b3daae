//! The inventory's retention grammar (DESIGN.md, "Inventory format").
//!
//! ```text
//! retention := "indefinite" | "session"
//!            | duration                          (after collection)
//!            | duration "after" event
//!            | "until" event [ "+" duration ]
//! duration  := number unit
//! unit      := d | day(s) | w | week(s) | mo | month(s) | y | yr | year(s) | h | hour(s)
//! ```
//!
//! The mapping form `{ period: 30d, after: account_deletion }` is the same as
//! `30d after account_deletion`. A week is 7 days, a month 30, a year 365
//! (the labels' convention); hours round up to whole days.

use std::fmt;

use crate::model::RetentionEvent;

/// A parsed retention period: how long after which event data is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RetentionPeriod {
    /// Kept for `days` after `after`.
    Days { days: u32, after: RetentionEvent },
    /// Deleted when the browser session ends (cookies).
    Session,
    /// No end.
    Indefinite,
}

impl RetentionPeriod {
    pub fn days(&self) -> Option<u32> {
        match self {
            RetentionPeriod::Days { days, .. } => Some(*days),
            RetentionPeriod::Session => Some(0),
            RetentionPeriod::Indefinite => None,
        }
    }

    pub fn after(&self) -> RetentionEvent {
        match self {
            RetentionPeriod::Days { after, .. } => *after,
            _ => RetentionEvent::Collection,
        }
    }
}

impl fmt::Display for RetentionPeriod {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RetentionPeriod::Session => f.write_str("session"),
            RetentionPeriod::Indefinite => f.write_str("indefinite"),
            RetentionPeriod::Days {
                days,
                after: RetentionEvent::Collection,
            } => write!(f, "{}", fmt_days(*days)),
            RetentionPeriod::Days { days: 0, after } => write!(f, "until {}", after.as_str()),
            RetentionPeriod::Days { days, after } => {
                write!(f, "until {} + {}", after.as_str(), fmt_days(*days))
            }
        }
    }
}

/// `365` → `"365 days"`, `1` → `"1 day"`.
pub fn fmt_days(days: u32) -> String {
    if days == 1 {
        "1 day".to_string()
    } else {
        format!("{days} days")
    }
}

/// Why a retention string did not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrammarError {
    pub message: String,
    pub help: String,
}

const HELP: &str = "write e.g. `30d`, `90 days`, `1y`, `until account_deletion`, `until account_deletion + 30d`, `30d after event`, `session` or `indefinite`";

fn err(message: impl Into<String>) -> GrammarError {
    GrammarError {
        message: message.into(),
        help: HELP.to_string(),
    }
}

/// Parse a duration such as `30d`, `90 days`, `1y`, `2 weeks` into days.
pub fn parse_duration(s: &str) -> Result<u32, GrammarError> {
    let s = s.trim();
    let digits_end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    if digits_end == 0 {
        return Err(err(format!(
            "'{s}' is not a duration: it must start with a number"
        )));
    }
    let n: u64 = s[..digits_end]
        .parse()
        .map_err(|_| err(format!("'{s}': the number is too large")))?;
    let unit = s[digits_end..].trim().to_ascii_lowercase();
    let per: u64 = match unit.as_str() {
        "d" | "day" | "days" => 1,
        "w" | "wk" | "week" | "weeks" => 7,
        "mo" | "month" | "months" => 30,
        "y" | "yr" | "yrs" | "year" | "years" => 365,
        "h" | "hour" | "hours" => {
            return u32::try_from(n.div_ceil(24))
                .map_err(|_| err(format!("'{s}': the duration is too long")));
        }
        "" => return Err(err(format!("'{s}' has no unit (d, w, mo, y)"))),
        other => {
            return Err(err(format!(
                "unknown unit '{other}' in '{s}' (use d, w, mo or y)"
            )));
        }
    };
    n.checked_mul(per)
        .and_then(|d| u32::try_from(d).ok())
        .ok_or_else(|| err(format!("'{s}': the duration is too long")))
}

fn parse_event(s: &str) -> Result<RetentionEvent, GrammarError> {
    let s = s.trim();
    RetentionEvent::parse(s).ok_or_else(|| {
        let names: Vec<&str> = RetentionEvent::ALL.iter().map(|e| e.as_str()).collect();
        let mut e = err(format!("unknown event '{s}'"));
        e.help = match crate::error::did_you_mean(s, names.iter().copied()) {
            Some(m) => format!("did you mean '{m}'? Events: {}", names.join(", ")),
            None => format!("events: {}", names.join(", ")),
        };
        e
    })
}

/// Parse the string form of a retention period.
pub fn parse(s: &str) -> Result<RetentionPeriod, GrammarError> {
    let t = s.trim();
    if t.is_empty() {
        return Err(err("empty retention period"));
    }
    match t {
        "indefinite" | "indefinitely" | "forever" => return Ok(RetentionPeriod::Indefinite),
        "session" => return Ok(RetentionPeriod::Session),
        _ => {}
    }
    if let Some(rest) = t.strip_prefix("until ") {
        let (event, plus) = match rest.split_once('+') {
            Some((e, d)) => (e, Some(d)),
            None => (rest, None),
        };
        let after = parse_event(event)?;
        let days = match plus {
            Some(d) => parse_duration(d)?,
            None => 0,
        };
        return Ok(RetentionPeriod::Days { days, after });
    }
    if let Some((dur, event)) = t.split_once(" after ") {
        return Ok(RetentionPeriod::Days {
            days: parse_duration(dur)?,
            after: parse_event(event)?,
        });
    }
    Ok(RetentionPeriod::Days {
        days: parse_duration(t)?,
        after: RetentionEvent::Collection,
    })
}

/// The mapping form: `{ period: 30d, after: account_deletion }`.
pub fn from_parts(period: &str, after: Option<&str>) -> Result<RetentionPeriod, GrammarError> {
    let base = parse(period)?;
    match (base, after) {
        (RetentionPeriod::Days { days, .. }, Some(a)) => Ok(RetentionPeriod::Days {
            days,
            after: parse_event(a)?,
        }),
        (p, None) => Ok(p),
        (p, Some(_)) => Err(err(format!("'{p}' cannot have an 'after' event"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use RetentionEvent::*;

    fn days(d: u32, after: RetentionEvent) -> RetentionPeriod {
        RetentionPeriod::Days { days: d, after }
    }

    #[test]
    fn parses_every_documented_form() {
        assert_eq!(parse("30d").unwrap(), days(30, Collection));
        assert_eq!(parse("90 days").unwrap(), days(90, Collection));
        assert_eq!(parse("1y").unwrap(), days(365, Collection));
        assert_eq!(parse("2 weeks").unwrap(), days(14, Collection));
        assert_eq!(parse("6mo").unwrap(), days(180, Collection));
        assert_eq!(parse("36h").unwrap(), days(2, Collection));
        assert_eq!(
            parse("until account_deletion").unwrap(),
            days(0, AccountDeletion)
        );
        assert_eq!(
            parse("until account_deletion + 30d").unwrap(),
            days(30, AccountDeletion)
        );
        assert_eq!(parse("30d after event").unwrap(), days(30, Event));
        assert_eq!(parse("session").unwrap(), RetentionPeriod::Session);
        assert_eq!(parse("indefinite").unwrap(), RetentionPeriod::Indefinite);
        assert_eq!(
            from_parts("30d", Some("account_deletion")).unwrap(),
            days(30, AccountDeletion)
        );
    }

    #[test]
    fn rejects_malformed_strings_with_a_reason() {
        assert!(parse("").is_err());
        assert!(parse("thirty days").unwrap_err().message.contains("number"));
        assert!(parse("30").unwrap_err().message.contains("no unit"));
        assert!(parse("30 fortnights").unwrap_err().message.contains("unit"));
        let e = parse("until acount_deletion").unwrap_err();
        assert!(
            e.help.contains("did you mean 'account_deletion'"),
            "{}",
            e.help
        );
        assert!(parse("99999999999y").unwrap_err().message.contains("too"));
        assert!(from_parts("session", Some("event")).is_err());
    }

    #[test]
    fn display_round_trips() {
        for s in [
            "30 days",
            "until account_deletion",
            "until account_deletion + 30 days",
            "session",
            "indefinite",
        ] {
            let p = parse(s).unwrap();
            assert_eq!(parse(&p.to_string()).unwrap(), p, "{s}");
        }
    }
}
