//! Cookie names and durations as policies write them, shared by the
//! `cookies/*` rules and `claims/contradicted-claim`.
//!
//! Not a rule: it has no entry in the registry.

use crate::document::Document;
use crate::inventory::{InvCookie, Inventory, RetentionPeriod};
use crate::lexicon::NameMatcher;
use crate::model::Cookie;
use crate::rules::DocMentions;
use crate::summary::DocSummary;

/// Where a name has a placeholder (`_ga_*`, `_ga_<container-id>`,
/// `intercom-session-[app_id]`, `_hjSession_XXXXXX`), the fixed part before
/// it.
fn fixed_prefix(name: &str) -> Option<&str> {
    let cut = name.find(['*', '<', '[', '{', '#']).or_else(|| {
        // A run of 3+ X's ("XXXXXX", "xxx") is a placeholder too.
        let lower = name.to_ascii_lowercase();
        lower.find("xxx")
    })?;
    let prefix = &name[..cut];
    (prefix.chars().count() >= 2).then_some(prefix)
}

/// Do two cookie names denote the same cookie? Case-insensitive; a name
/// with a placeholder matches every name that starts with its fixed part.
pub(crate) fn same_cookie(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim(), b.trim());
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    // Markdown reads a pair of underscores as emphasis: a notice's
    // `_ga_<ContainerID>` may reach candor as `ga<ContainerID>`.
    let bare = |s: &str| s.chars().filter(|c| *c != '_').collect::<String>();
    let (ba, bb) = (bare(a), bare(b));
    if ba.chars().filter(|c| c.is_alphanumeric()).count() >= 3 && ba.eq_ignore_ascii_case(&bb) {
        return true;
    }
    let starts = |name: &str, prefix: &str| {
        name.len() >= prefix.len()
            && name
                .get(..prefix.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(prefix))
    };
    match (fixed_prefix(a), fixed_prefix(b)) {
        (Some(pa), Some(pb)) => pa.eq_ignore_ascii_case(pb),
        (Some(pa), None) => starts(b, pa),
        (None, Some(pb)) => starts(a, pb),
        (None, None) => false,
    }
}

/// The inventory cookie a policy cookie denotes.
pub(crate) fn inventory_cookie<'a>(inv: &'a Inventory, name: &str) -> Option<&'a InvCookie> {
    inv.cookies
        .iter()
        .find(|c| same_cookie(&c.name.value, name))
}

/// The policy cookies that denote an inventory cookie.
pub(crate) fn policy_cookies<'a>(
    cookies: &'a [Cookie],
    c: &InvCookie,
) -> impl Iterator<Item = &'a Cookie> {
    let name = c.name.value.clone();
    cookies.iter().filter(move |p| same_cookie(&p.name, &name))
}

/// A matcher over the inventory cookies' names (ids are cookie indexes),
/// each by its fixed prefix (`_ga_` for `_ga_<id>`).
pub(crate) fn cookie_name_matcher(inv: &Inventory) -> NameMatcher {
    let mut patterns = Vec::new();
    for (i, c) in inv.cookies.iter().enumerate() {
        let n = c.name.value.trim();
        let fixed = fixed_prefix(n).unwrap_or(n);
        patterns.push((fixed.to_string(), i, false));
    }
    NameMatcher::new(patterns)
}

/// One document's part of [`name_written`]: the cookies (ids of
/// `matcher`, see [`cookie_name_matcher`]) it names in its blocks' clean
/// text, those it names in negated statements, and those its raw text
/// contains.
pub(crate) fn name_written_in(doc: &Document, matcher: &NameMatcher, out: &mut DocMentions) {
    for m in super::shared::find_mentions(doc, matcher) {
        let list = if m.negated {
            &mut out.cookie_negated
        } else {
            &mut out.cookie_clean
        };
        if !list.contains(&m.id) {
            list.push(m.id);
        }
    }
    for m in matcher.find(&doc.text) {
        if !out.cookie_raw.contains(&m.id) {
            out.cookie_raw.push(m.id);
        }
    }
}

/// Is the inventory cookie's name written (not negated) anywhere in the set?
/// Names are matched on word boundaries, so `session` is found in "a session
/// cookie" while `lumen_session` is not found in "session". The blocks'
/// clean text is searched first (where negation is known); then the raw
/// file text, because Markdown reads the underscores of `_ga_<id>` as
/// emphasis and the clean text no longer contains the name. Each
/// document's matches are in its summary ([`name_written_in`]).
pub(crate) fn name_written(docs: &[DocSummary], inv: &Inventory) -> Vec<bool> {
    let mut found = vec![false; inv.cookies.len()];
    let mut negated = vec![false; inv.cookies.len()];
    for doc in docs {
        let m = &doc.inventory;
        for (ids, flags) in [
            (&m.cookie_negated, &mut negated),
            (&m.cookie_clean, &mut found),
        ] {
            for &id in ids {
                if let Some(slot) = flags.get_mut(id) {
                    *slot = true;
                }
            }
        }
    }
    for doc in docs {
        for &id in &doc.inventory.cookie_raw {
            if !negated.get(id).copied().unwrap_or(true)
                && let Some(slot) = found.get_mut(id)
            {
                *slot = true;
            }
        }
    }
    found
}

/// A cookie lifetime as a policy writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lifetime {
    Session,
    Days(u32),
}

impl Lifetime {
    pub(crate) fn of_inventory(p: RetentionPeriod) -> Option<Lifetime> {
        match p {
            RetentionPeriod::Session => Some(Lifetime::Session),
            RetentionPeriod::Days { days, .. } => Some(Lifetime::Days(days)),
            RetentionPeriod::Indefinite => None,
        }
    }

    /// Equal within rounding: a year of 365 days is twelve months of 30, so
    /// periods within 3 % (or a day) of each other are the same.
    pub(crate) fn same(self, other: Lifetime) -> bool {
        match (self, other) {
            (Lifetime::Session, Lifetime::Session) => true,
            (Lifetime::Days(a), Lifetime::Days(b)) => {
                let (lo, hi) = (u64::from(a.min(b)), u64::from(a.max(b)));
                hi - lo <= 1 || (hi - lo) * 100 <= hi * 3
            }
            _ => false,
        }
    }

    pub(crate) fn describe(self) -> String {
        match self {
            Lifetime::Session => "the browser session".to_string(),
            Lifetime::Days(d) => super::retention_match::human_days(d),
        }
    }
}

const NUMBER_WORDS: [(&str, u64); 13] = [
    ("a", 1),
    ("an", 1),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("twelve", 12),
];

/// Parse a policy's cookie duration: "Session", "1 year", "13 months",
/// "2 years", "24 hours", "30 minutes", "up to one year", "1 yr". `None` for
/// text that states no duration ("Persistent", "varies").
pub(crate) fn parse_lifetime(text: &str) -> Option<Lifetime> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    for (i, w) in words.iter().enumerate() {
        let n: Option<u64> = w
            .parse()
            .ok()
            .or_else(|| NUMBER_WORDS.iter().find(|(k, _)| k == w).map(|(_, v)| *v));
        // "30d", "1y": number and unit in one token.
        let (n, unit) = match n {
            Some(n) => (n, words.get(i + 1).copied().unwrap_or("")),
            None => {
                let digits = w.find(|c: char| !c.is_ascii_digit()).unwrap_or(w.len());
                if digits == 0 || digits == w.len() {
                    continue;
                }
                match w[..digits].parse() {
                    Ok(n) => (n, &w[digits..]),
                    Err(_) => continue,
                }
            }
        };
        let days = match unit {
            "s" | "sec" | "secs" | "second" | "seconds" | "min" | "mins" | "minute" | "minutes" => {
                Some(n.min(1))
            }
            "h" | "hr" | "hrs" | "hour" | "hours" => Some(n.div_ceil(24)),
            "d" | "day" | "days" => Some(n),
            "w" | "wk" | "week" | "weeks" => n.checked_mul(7),
            "mo" | "mos" | "month" | "months" => n.checked_mul(30),
            "y" | "yr" | "yrs" | "year" | "years" => n.checked_mul(365),
            _ => None,
        };
        if let Some(d) = days.and_then(|d| u32::try_from(d).ok()) {
            return Some(Lifetime::Days(d));
        }
    }
    if words.contains(&"session")
        || lower.contains("close your browser")
        || lower.contains("browser is closed")
    {
        return Some(Lifetime::Session);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_with_placeholders() {
        assert!(same_cookie("_ga", "_GA"));
        assert!(same_cookie("_ga_*", "_ga_ABC123"));
        assert!(same_cookie("_ga_<container-id>", "_ga_ABC123"));
        assert!(same_cookie("_hjSession_XXXXXX", "_hjSession_12345"));
        assert!(same_cookie("_ga_*", "_ga_<container-id>"));
        assert!(!same_cookie("_ga", "_gid"));
        assert!(!same_cookie("_ga_*", "_gid"));
        assert!(!same_cookie("", ""));
        assert!(!same_cookie("*", "anything"));
        // Emphasis ate the underscores.
        assert!(same_cookie("_ga_<ContainerID>", "ga<ContainerID>"));
        assert!(!same_cookie("_ga", "ga"));
    }

    #[test]
    fn lifetimes() {
        assert_eq!(parse_lifetime("Session"), Some(Lifetime::Session));
        assert_eq!(parse_lifetime("1 year"), Some(Lifetime::Days(365)));
        assert_eq!(parse_lifetime("13 months"), Some(Lifetime::Days(390)));
        assert_eq!(parse_lifetime("up to two years"), Some(Lifetime::Days(730)));
        assert_eq!(parse_lifetime("24 hours"), Some(Lifetime::Days(1)));
        assert_eq!(parse_lifetime("30 minutes"), Some(Lifetime::Days(1)));
        assert_eq!(parse_lifetime("30d"), Some(Lifetime::Days(30)));
        assert_eq!(parse_lifetime("Persistent"), None);
        assert_eq!(parse_lifetime("99999999999 years"), None);
        assert!(Lifetime::Days(365).same(Lifetime::Days(360)));
        assert!(!Lifetime::Days(365).same(Lifetime::Days(390)));
        assert!(!Lifetime::Session.same(Lifetime::Days(1)));
        assert!(Lifetime::Days(u32::MAX).same(Lifetime::Days(u32::MAX - 1)));
        assert!(!Lifetime::Days(u32::MAX).same(Lifetime::Days(0)));
    }
}
