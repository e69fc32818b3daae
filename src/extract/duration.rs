//! Durations written in prose: "30 days", "thirty (30) days", "one year",
//! "72 months", "a week", "24 hours", "1.5 years", "2 years and 6 months",
//! "30-day", and bare numbers that borrow their unit from a neighbouring
//! period ("within 30 days; backups age out within 90." → 90 days;
//! "30, 60 or 90 days" → 30, 60 and 90 days; "between 3 and 90 days").
//!
//! Shared by the retention extractor and by anything else that reads a
//! period ("we respond within one month"). Conversion to days follows the
//! label convention: a week is 7 days, a month 30, a year 365; hours,
//! minutes and seconds round *up* to whole days (`days`), and the exact
//! length is kept in `seconds`.
//!
//! One regex, compiled once per process; the scan is linear in the text.

use std::ops::Range;

use crate::pattern::table;

/// A unit of time as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Month,
    Year,
}

impl Unit {
    /// Length in seconds under the label convention (month 30 days, year 365).
    pub fn seconds(self) -> u64 {
        match self {
            Unit::Second => 1,
            Unit::Minute => 60,
            Unit::Hour => 3_600,
            Unit::Day => 86_400,
            Unit::Week => 7 * 86_400,
            Unit::Month => 30 * 86_400,
            Unit::Year => 365 * 86_400,
        }
    }

    fn parse(word: &str) -> Option<Unit> {
        let w = word.to_ascii_lowercase();
        let w = w.trim_end_matches('s');
        Some(match w {
            "second" | "sec" => Unit::Second,
            "minute" | "min" => Unit::Minute,
            "hour" | "hr" => Unit::Hour,
            "day" => Unit::Day,
            "week" | "wk" => Unit::Week,
            "month" => Unit::Month,
            "year" | "yr" => Unit::Year,
            _ => return None,
        })
    }
}

/// Where a duration sits in a written range ("30 to 90 days").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RangePart {
    /// The lower end ("30" in "30 to 90 days").
    Low,
    /// The upper end ("90 days" in "30 to 90 days").
    High,
}

/// A duration found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Duration {
    /// Byte range of the phrase in the searched text: "thirty (30) days",
    /// "one year", or just "90" when the unit was inherited.
    pub range: Range<usize>,
    /// The amount as written ("thirty (30)" → 30, "1.5" → 1.5, "a" → 1).
    pub amount: f64,
    pub unit: Unit,
    /// Exact length in seconds (saturating).
    pub seconds: u64,
    /// Whole days: weeks ×7, months ×30, years ×365; shorter units round up.
    pub days: u32,
    /// The unit was not written next to the number but taken from a
    /// neighbouring period in the same text ("within 90." after "30 days").
    pub unit_inherited: bool,
    /// Part of a range ("between 3 and 90 days", "30–90 days"), if any.
    pub range_part: Option<RangePart>,
}

impl Duration {
    fn new(range: Range<usize>, amount: f64, unit: Unit) -> Duration {
        let secs = amount * unit.seconds() as f64;
        let seconds = if secs.is_finite() && secs > 0.0 {
            if secs >= u64::MAX as f64 {
                u64::MAX
            } else {
                secs.round() as u64
            }
        } else {
            0
        };
        Duration {
            range,
            amount,
            unit,
            seconds,
            days: days_of(seconds, unit, amount),
            unit_inherited: false,
            range_part: None,
        }
    }
}

fn days_of(seconds: u64, unit: Unit, amount: f64) -> u32 {
    let days = match unit {
        // Whole-day units: round fractions ("1.5 years" → 548).
        Unit::Day | Unit::Week | Unit::Month | Unit::Year => {
            let d = amount * (unit.seconds() / 86_400) as f64;
            if d.is_finite() && d > 0.0 {
                d.round()
            } else {
                0.0
            }
        }
        // Shorter units round up: "72 hours" → 3, "5 minutes" → 1.
        _ => seconds.div_ceil(86_400) as f64,
    };
    if days >= u32::MAX as f64 {
        u32::MAX
    } else {
        days as u32
    }
}

/// The value of a number written in digits or words: "30", "1,000",
/// "thirty", "twenty-five", "one hundred and eighty", "a"/"an" (1).
/// `None` for anything else.
pub fn parse_number(text: &str) -> Option<f64> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    if t.eq_ignore_ascii_case("a") || t.eq_ignore_ascii_case("an") {
        return Some(1.0);
    }
    if t.starts_with(|c: char| c.is_ascii_digit()) {
        let cleaned: String = t.chars().filter(|c| *c != ',').collect();
        return cleaned.parse::<f64>().ok().filter(|v| v.is_finite());
    }
    parse_number_words(t)
}

fn small_word(w: &str) -> Option<u64> {
    Some(match w {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// "twenty-five" → 25, "one hundred and eighty" → 180. Rejects sequences
/// that are not one number ("one two").
fn parse_number_words(text: &str) -> Option<f64> {
    let lower = text.to_ascii_lowercase();
    let mut total: u64 = 0;
    let mut current: u64 = 0;
    // The last token's kind, to reject "one two" and "twenty thirty".
    let mut last_small: Option<u64> = None;
    let mut any = false;
    for tok in lower
        .split(|c: char| c.is_whitespace() || c == '-' || c == '‐' || c == '‑')
        .filter(|t| !t.is_empty() && *t != "and")
    {
        any = true;
        match tok {
            "hundred" => {
                current = current.max(1).checked_mul(100)?;
                last_small = None;
            }
            "thousand" => {
                total = total.checked_add(current.max(1).checked_mul(1000)?)?;
                current = 0;
                last_small = None;
            }
            w => {
                let v = small_word(w)?;
                if let Some(prev) = last_small {
                    // Only "twenty" + "five" style pairs combine.
                    if !(prev >= 20 && prev % 10 == 0 && v < 10) {
                        return None;
                    }
                }
                current = current.checked_add(v)?;
                last_small = Some(v);
            }
        }
    }
    any.then_some((total + current) as f64)
}

/// Words that make "a day"/"a year" a frequency or a rate, not a period.
fn article_is_rate(text: &str, start: usize) -> bool {
    let before = text[..start].trim_end();
    let prev = before
        .rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    matches!(
        prev.as_str(),
        "once"
            | "twice"
            | "thrice"
            | "times"
            | "per"
            | "half"
            | "hours"
            | "days"
            | "weeks"
            | "months"
            | "hour"
            | "day"
            | "week"
            | "month"
    )
}

/// The first duration in `text`, or `None`: the one-call entry point for
/// phrases like "within thirty (30) days", "one month", "72 hours".
pub fn parse_duration_phrase(text: &str) -> Option<Duration> {
    find_durations(text).into_iter().next()
}

/// Every duration in `text`, in order. Call it on one sentence: bare numbers
/// borrow the unit of a period written in the same text.
pub fn find_durations(text: &str) -> Vec<Duration> {
    let mut out: Vec<Duration> = Vec::new();
    for caps in table::DURATION.regex().captures_iter(text) {
        let (Some(whole), Some(num), Some(unit_m)) =
            (caps.get(0), caps.name("num"), caps.name("unit"))
        else {
            continue;
        };
        let Some(unit) = Unit::parse(unit_m.as_str()) else {
            continue;
        };
        let is_article =
            num.as_str().eq_ignore_ascii_case("a") || num.as_str().eq_ignore_ascii_case("an");
        if is_article && article_is_rate(text, whole.start()) {
            continue;
        }
        // "thirty (30) days": the digits in parentheses are authoritative.
        let amount = caps
            .name("paren")
            .and_then(|p| parse_number(p.as_str()))
            .or_else(|| parse_number(num.as_str()));
        let Some(amount) = amount else { continue };
        out.push(Duration::new(whole.start()..whole.end(), amount, unit));
    }
    merge_compounds(text, &mut out);
    inherit_units(text, &mut out);
    out.sort_by_key(|d| d.range.start);
    out
}

/// "2 years and 6 months" → one duration of 910 days. One pass: a merged
/// period is compared with the next one ("… and 6 months and 2 days").
fn merge_compounds(text: &str, out: &mut Vec<Duration>) {
    let mut merged: Vec<Duration> = Vec::with_capacity(out.len());
    for b in out.drain(..) {
        if let Some(a) = merged.last_mut() {
            let gap = text
                .get(a.range.end..b.range.start)
                .unwrap_or("x")
                .trim()
                .to_ascii_lowercase();
            if matches!(gap.as_str(), "and" | "," | ", and") && a.unit > b.unit {
                let seconds = a.seconds.saturating_add(b.seconds);
                let mut m = Duration::new(a.range.start..b.range.end, 0.0, Unit::Day);
                m.amount = seconds as f64 / 86_400.0;
                m.seconds = seconds;
                m.days = a.days.saturating_add(b.days);
                *a = m;
                continue;
            }
        }
        merged.push(b);
    }
    *out = merged;
}

/// Bare numbers next to a written period take its unit.
///
/// The written periods are sorted and do not overlap, so their starts and
/// ends both increase: the overlap test and the nearest period on either
/// side are binary searches, not scans (a run-on sentence of megabytes
/// holds hundreds of thousands of periods).
fn inherit_units(text: &str, out: &mut Vec<Duration>) {
    if out.is_empty() {
        return;
    }
    out.sort_by_key(|d| d.range.start);
    let written = out.len();
    let mut bares: Vec<(Range<usize>, f64)> = Vec::new();
    for m in table::BARE_NUMBER.regex().find_iter(text) {
        let r = m.start()..m.end();
        // The only written period that can overlap `r`: the first one
        // ending after its start.
        let i = out.partition_point(|d| d.range.end <= r.start);
        if out.get(i).is_some_and(|d| d.range.start < r.end) {
            continue;
        }
        // A four-digit number is a year, not an amount.
        if m.as_str().len() == 4 && m.as_str().bytes().all(|b| b.is_ascii_digit()) {
            continue;
        }
        let after = &text[r.end..];
        if after.starts_with('%')
            || (after.starts_with('.') && after[1..].starts_with(|d: char| d.is_ascii_digit()))
        {
            continue;
        }
        if let Some(amount) = parse_number(m.as_str()) {
            bares.push((r, amount));
        }
    }
    // Forward, right to left so that lists chain: "30, 60 or 90 days",
    // "30 to 90 days", "between 3 and 90 days". The nearest period after a
    // bare number is the first written one after it or the one the bare
    // number after it has just inherited, whichever comes first.
    let mut used = vec![false; bares.len()];
    let mut last_inherited: Option<usize> = None;
    for (i, (r, amount)) in bares.iter().enumerate().rev() {
        let k = out[..written].partition_point(|d| d.range.start < r.end);
        let next_written = (k < written).then_some(k);
        let Some(ni) = (match (next_written, last_inherited) {
            (Some(w), Some(l)) => Some(if out[l].range.start < out[w].range.start {
                l
            } else {
                w
            }),
            (w, l) => w.or(l),
        }) else {
            continue;
        };
        let next = out[ni].clone();
        let gap = text[r.end..next.range.start].trim().to_ascii_lowercase();
        let before = &text[..r.start];
        let part = match gap.as_str() {
            "to" | "-" | "–" | "—" | "through" | "until" => Some(RangePart::Low),
            "and" if ends_with_word(before, "between") => Some(RangePart::Low),
            "," | "or" | ", or" | "and" | ", and" | "/" => None,
            _ => continue,
        };
        let mut d = Duration::new(r.clone(), *amount, next.unit);
        d.unit_inherited = true;
        d.range_part = part;
        if part == Some(RangePart::Low) {
            out[ni].range_part = Some(RangePart::High);
        }
        out.push(d);
        last_inherited = Some(out.len() - 1);
        used[i] = true;
    }
    // Backward, left to right: "within 30 days; backups age out within 90."
    // The nearest period before a bare number: the last one (written or
    // inherited above) ending before it, or the one the bare number before
    // it has just inherited, whichever ends last.
    let mut by_end: Vec<(usize, usize)> = out
        .iter()
        .enumerate()
        .map(|(i, d)| (d.range.end, i))
        .collect();
    by_end.sort_unstable();
    let mut last_backward: Option<usize> = None;
    for (i, (r, amount)) in bares.iter().enumerate() {
        if used[i] {
            continue;
        }
        let k = by_end.partition_point(|&(end, _)| end <= r.start);
        let before = k
            .checked_sub(1)
            .and_then(|k| by_end.get(k))
            .map(|&(_, i)| i);
        let prev = match (before, last_backward) {
            (Some(b), Some(l)) => Some(if out[l].range.end > out[b].range.end {
                l
            } else {
                b
            }),
            (b, l) => b.or(l),
        };
        if let Some(prev) = prev.and_then(|p| out.get(p)).cloned()
            && let Some(d) = backward(text, r, *amount, &prev)
        {
            out.push(d);
            last_backward = Some(out.len() - 1);
        }
    }
}

/// Does `text` end with `word` (lower-case ASCII), as a whole word, before
/// trailing spaces? Reads only the end of `text`.
fn ends_with_word(text: &str, word: &str) -> bool {
    let t = text.trim_end();
    let Some(cut) = t.len().checked_sub(word.len()) else {
        return false;
    };
    t.get(cut..)
        .is_some_and(|tail| tail.eq_ignore_ascii_case(word))
        && t[..cut]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// Backward: "within 30 days; backups age out within 90." A bare number
/// after a written period, introduced by a bound word and followed by the
/// end of the clause, takes the period's unit.
fn backward(text: &str, r: &Range<usize>, amount: f64, prev: &Duration) -> Option<Duration> {
    let before = &text[..r.start];
    let introduced = [
        "within",
        "up to",
        "for",
        "after",
        "in",
        "than",
        "another",
        "additional",
        "to",
        "or",
        "and",
        "of",
        "by",
    ]
    .iter()
    .any(|w| ends_with_word(before, w));
    if !introduced {
        return None;
    }
    let after = text[r.end..].trim_start();
    let closes = after.is_empty()
        || after.starts_with(['.', ';', ',', ')', ':', '!', '?', '—', '–'])
        || ["and ", "or ", "but ", "respectively", "if ", "unless "]
            .iter()
            .any(|w| {
                // `get`: the text after the number may start with a
                // character wider than the word's first bytes.
                after
                    .get(..w.len())
                    .is_some_and(|p| p.eq_ignore_ascii_case(w))
            });
    if !closes {
        return None;
    }
    let mut d = Duration::new(r.clone(), amount, prev.unit);
    d.unit_inherited = true;
    Some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A proptest input (CI, session 5) that panicked: the text after an
    /// inherited-unit number starts with a four-byte character, and the
    /// closing-word test sliced it at byte 3.
    #[test]
    fn a_wide_character_after_an_inherited_number_is_no_panic() {
        for text in [
            "Kept 30 days or 60 \u{6cb7a} cookie » until you delete your account",
            "Kept 30 days or 60 \u{6cb7a}",
            "Kept 30 days or 60 é",
        ] {
            let _ = find_durations(text);
        }
        assert_eq!(days("Kept 30 days or 60 é"), [30]);
    }

    fn days(text: &str) -> Vec<u32> {
        find_durations(text).iter().map(|d| d.days).collect()
    }

    #[test]
    fn numbers_in_digits_and_words() {
        assert_eq!(parse_number("30"), Some(30.0));
        assert_eq!(parse_number("1,000"), Some(1000.0));
        assert_eq!(parse_number("thirty"), Some(30.0));
        assert_eq!(parse_number("Twenty-Five"), Some(25.0));
        assert_eq!(parse_number("one hundred and eighty"), Some(180.0));
        assert_eq!(parse_number("an"), Some(1.0));
        assert_eq!(parse_number("one two"), None);
        assert_eq!(parse_number("days"), None);
    }

    #[test]
    fn units_convert_by_the_label_convention() {
        assert_eq!(days("for 30 days"), [30]);
        assert_eq!(days("two weeks"), [14]);
        assert_eq!(days("72 months"), [2160]);
        assert_eq!(days("one year"), [365]);
        assert_eq!(days("5 years (legal requirement)"), [1825]);
        assert_eq!(days("within 72 hours"), [3]);
        assert_eq!(days("within 24 hours"), [1]);
        assert_eq!(days("1.5 years"), [548]);
        assert_eq!(days("a 30-day trial"), [30]);
        assert_eq!(days("a year"), [365]);
        assert_eq!(days("30 business days"), [30]);
    }

    #[test]
    fn spelled_with_digits_in_parentheses() {
        let d = parse_duration_phrase("within thirty (30) days of receipt").unwrap();
        assert_eq!(d.days, 30);
        assert_eq!(d.range, 7..23);
        assert_eq!(days("ninety (90) days"), [90]);
    }

    #[test]
    fn rates_are_not_periods() {
        assert!(days("we back up once a day").is_empty());
        assert_eq!(days("24 hours a day"), [1]);
        assert!(days("twice a year").is_empty());
    }

    #[test]
    fn bare_numbers_inherit_units() {
        let text =
            "Delete your workspace and most of it goes within 30 days; backups age out within 90.";
        let ds = find_durations(text);
        assert_eq!(ds.iter().map(|d| d.days).collect::<Vec<_>>(), [30, 90]);
        assert!(ds[1].unit_inherited);
        assert_eq!(&text[ds[1].range.clone()], "90");
        assert_eq!(days("30, 60 or 90 days"), [30, 60, 90]);
        let r = find_durations("anything between 3 and 90 days");
        assert_eq!(r.iter().map(|d| d.days).collect::<Vec<_>>(), [3, 90]);
        assert_eq!(r[0].range_part, Some(RangePart::Low));
        assert_eq!(r[1].range_part, Some(RangePart::High));
        // Not a period: a year, a count of things.
        assert_eq!(days("within 30 days after May 25, 2018"), [30]);
        assert_eq!(days("30 days for 3 users"), [30]);
    }

    #[test]
    fn compounds_add_up() {
        assert_eq!(days("2 years and 6 months"), [910]);
        assert_eq!(days("30 days / 90 days / custom"), [30, 90]);
    }

    #[test]
    fn no_panic_on_odd_input() {
        for t in [
            "",
            "(",
            "9999999999999999999999 years",
            "ａ year",
            "é 3 days é",
            "-",
            "within 90",
        ] {
            let _ = find_durations(t);
        }
        assert_eq!(days("9999999999999999999999 years"), [u32::MAX]);
    }
}
