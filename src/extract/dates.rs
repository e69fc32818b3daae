//! Dates: a small parser for the date formats policies use, and the
//! document's "last updated" date.
//!
//! Formats: `2026-05-15` (also `/` or `.` separated, and glued to the next
//! word as in a change log's "2026-04-02Clarified …"), `May 15, 2026`,
//! `Feb. 1, 2026`, `15 May 2026`, `15th of May, 2026`, `February 2026`
//! (month precision: the 1st is assumed) and unambiguous numeric `15/05/2026`
//! or `05/15/2026` (a numeric date whose day and month could be swapped is
//! not read). Template placeholders such as `{{ page.date }}` are not dates.
//!
//! Where the last-updated date comes from, in order of preference (newest
//! date wins within a tier):
//! 1. explicit last-updated statements: front matter `last_updated`,
//!    `lastmod`, `updated`, `last_modified`, body text "Last updated:",
//!    "Last modified", "Revised", "Updated on" followed by a date, and a
//!    template's labelled argument (`{{ meta(data={"Last updated": "02 June
//!    2025"}) }}`, text candor otherwise masks);
//! 2. effective dates: front matter `effective`/`effective_date`, body
//!    "Effective date:", "Effective as of", "took effect on" (at the start
//!    of a block or in a sentence about this policy, so "the GDPR, effective
//!    May 25, 2018" is not one), and a block labelled "Date: …";
//!    a front matter `description` (or `summary`) that labels a date
//!    ("Effective Date: 15.01.2025") counts in the tier its label names; an
//!    unlabelled date in a description does not count at all;
//! 3. the newest entry of the document's own change log (a section headed
//!    "Changes log", "Change history", "Revision history", …);
//! 4. the front matter `date` (often the publication date);
//! 5. a block that is nothing but a date among the first blocks.

use crate::pattern::Captures;
use crate::pattern::table;

use crate::document::{Block, BlockKind, Document};
use crate::model::Evidence;
use crate::span::Span;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// A valid date or `None` (month 1–12, day within the month, leap years).
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || !(1000..=9999).contains(&year) {
            return None;
        }
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let max = match month {
            2 if leap => 29,
            2 => 28,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        (day <= max).then_some(Date { year, month, day })
    }

    /// `YYYY-MM-DD`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// A date found in a text: the date and its byte range in that text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    pub date: Date,
    pub start: usize,
    pub end: usize,
    /// Only month and year were written ("February 2026").
    pub month_only: bool,
}

fn month_number(s: &str) -> Option<u8> {
    let l = s.to_ascii_lowercase();
    let k = l.get(..3)?;
    Some(match k {
        "jan" => 1,
        "feb" => 2,
        "mar" => 3,
        "apr" => 4,
        "may" => 5,
        "jun" => 6,
        "jul" => 7,
        "aug" => 8,
        "sep" => 9,
        "oct" => 10,
        "nov" => 11,
        "dec" => 12,
        _ => return None,
    })
}

fn num<T: std::str::FromStr>(c: &Captures, name: &str) -> Option<T> {
    c.name(name)?.as_str().parse().ok()
}

fn from_captures(text: &str, c: &Captures) -> Option<DateMatch> {
    let whole = c.get(0)?;
    let same_sep = |a: &str, b: &str| match (c.name(a), c.name(b)) {
        (Some(x), Some(y)) => x.as_str() == y.as_str(),
        _ => true,
    };
    if !same_sep("is1", "is2") || !same_sep("ns1", "ns2") {
        return None;
    }
    let (date, month_only) = if c.name("iy").is_some() {
        // Not followed by another digit ("2026-05-155").
        if text[whole.end()..].starts_with(|ch: char| ch.is_ascii_digit()) {
            return None;
        }
        (
            Date::new(num(c, "iy")?, num(c, "im")?, num(c, "id")?)?,
            false,
        )
    } else if let Some(m) = c.name("am") {
        (
            Date::new(num(c, "ay")?, month_number(m.as_str())?, num(c, "ad")?)?,
            false,
        )
    } else if let Some(m) = c.name("bm") {
        (
            Date::new(num(c, "by")?, month_number(m.as_str())?, num(c, "bd")?)?,
            false,
        )
    } else if let Some(m) = c.name("cm") {
        (
            Date::new(num(c, "cy")?, month_number(m.as_str())?, 1)?,
            true,
        )
    } else {
        let a: u8 = num(c, "n1")?;
        let b: u8 = num(c, "n2")?;
        let y: u16 = num(c, "ny")?;
        match (a > 12, b > 12) {
            (true, false) => (Date::new(y, b, a)?, false),
            (false, true) => (Date::new(y, a, b)?, false),
            (false, false) if a == b => (Date::new(y, a, b)?, false),
            _ => return None,
        }
    };
    Some(DateMatch {
        date,
        start: whole.start(),
        end: whole.end(),
        month_only,
    })
}

/// Every date in `text`, in order.
pub fn find_dates(text: &str) -> Vec<DateMatch> {
    table::DATE
        .regex()
        .captures_iter(text)
        .filter_map(|c| from_captures(text, &c))
        .collect()
}

/// The date at the very start of `text` (after spaces, quotes and emphasis).
pub fn date_at_start(text: &str) -> Option<DateMatch> {
    let skip = text.len()
        - text
            .trim_start_matches(|c: char| c.is_whitespace() || "*_\"'`[(".contains(c))
            .len();
    // Every form starts with a digit or a month name: (after `\b`) an
    // ASCII digit or letter, or the long s that `(?i)` folds to "s" (Sep).
    if !text[skip..]
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric() || c == '\u{17F}')
    {
        return None;
    }
    // A date is at most ~30 bytes long: look no further than that, so a
    // cue without a date costs nothing in a long text.
    let limit = crate::span::ceil_char(text, skip + 48);
    let hay = &text[skip..limit];
    let c = table::DATE.regex().captures(hay)?;
    let whole = c.get(0)?;
    if whole.start() != 0 {
        return None;
    }
    // The window may have cut a longer number short ("2026-05-155").
    if whole.end() == hay.len() && text[limit..].starts_with(|ch: char| ch.is_ascii_digit()) {
        return None;
    }
    let m = from_captures(hay, &c)?;
    Some(DateMatch {
        start: m.start + skip,
        end: m.end + skip,
        ..m
    })
}

/// Parse a whole value ("2026-05-15", "May 15, 2026", "2024-05-01T10:00:00Z").
pub fn parse_date(value: &str) -> Option<Date> {
    date_at_start(value).map(|m| m.date)
}

// ---------------------------------------------------------------------------
// Last updated

/// How a date was stated; lower tiers win.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Tier {
    Updated,
    Effective,
    ChangeLog,
    FrontMatterDate,
    Bare,
}

struct Candidate {
    tier: Tier,
    date: Date,
    span: Span,
}

/// The document's last-updated date (ISO) and where it was stated.
pub fn last_updated(doc: &Document) -> Option<(String, Evidence)> {
    let mut cands: Vec<Candidate> = Vec::new();
    for (key, value, span) in &doc.front_matter.dates {
        let tier = match key.to_ascii_lowercase().as_str() {
            "effective" | "effective_date" => Tier::Effective,
            "date" => Tier::FrontMatterDate,
            _ => Tier::Updated,
        };
        if let Some(date) = parse_date(value) {
            cands.push(Candidate {
                tier,
                date,
                span: *span,
            });
        }
    }
    // activist/privacy-policy.md: `description: 'Effective Date: 15.01.2025'`.
    // A description counts only where it labels the date; any other date
    // in it ("Our policy since 2019") says nothing about this version.
    for (value, span) in &doc.front_matter.descriptions {
        for c in table::DATE_STATEMENT_RE.regex().captures_iter(value) {
            let (Some(cue), true) = (c.get(0), c.name("dated").is_none()) else {
                continue;
            };
            let rest = &value[cue.end()..];
            let gap = table::GAP_RE
                .regex()
                .find(rest)
                .map(|g| g.end())
                .unwrap_or(0);
            let Some(m) = date_at_start(&rest[gap..]) else {
                continue;
            };
            cands.push(Candidate {
                tier: if c.name("upd").is_some() {
                    Tier::Updated
                } else {
                    Tier::Effective
                },
                date: m.date,
                span: Span::new(
                    span.start + cue.start(),
                    span.start + cue.end() + gap + m.end,
                ),
            });
        }
    }
    template_arguments(doc, &mut cands);
    for (bi, block) in doc.blocks.iter().enumerate() {
        // Every candidate below is a date read from the block's text, and
        // every form `date_re` reads has a four-digit year, in ASCII
        // digits (`pattern::compile` reads `\d` as `[0-9]`): a block
        // without four ASCII digits in a row gives none (one byte scan
        // instead of searching each block for cues).
        if !has_four_digits(&block.text) {
            continue;
        }
        statements(block, &mut cands);
        if in_changelog(doc, block) {
            if let Some(m) = changelog_entry(block) {
                cands.push(Candidate {
                    tier: Tier::ChangeLog,
                    date: m.date,
                    span: block.span_of(m.start..m.end),
                });
            }
        } else if bi < 6
            && !block.is_table()
            && let Some(m) = date_at_start(&block.text)
            && block.text[m.end..]
                .trim_matches(|c: char| !c.is_alphanumeric())
                .is_empty()
        {
            cands.push(Candidate {
                tier: Tier::Bare,
                date: m.date,
                span: block.span_of(m.start..m.end),
            });
        }
    }
    let best_tier = cands.iter().map(|c| c.tier).min()?;
    let best = cands
        .iter()
        .filter(|c| c.tier == best_tier)
        .max_by_key(|c| (c.date, std::cmp::Reverse(c.span.start)))?;
    Some((best.date.iso(), Evidence::new(doc, best.span)))
}

/// Does `text` hold four ASCII digits in a row (a year)? Most blocks hold
/// fewer than four digits at all, which a count tells; otherwise one pass
/// counts the current run of digits. (A split on non-digits made an empty
/// slice per byte of prose: as costly as the rest of the extractor.)
fn has_four_digits(text: &str) -> bool {
    // Counted per chunk of 255 bytes in a `u8`, which the compiler turns
    // into vector instructions (a plain count is one byte at a time).
    let digits: usize = text
        .as_bytes()
        .chunks(255)
        .map(|c| usize::from(c.iter().fold(0u8, |n, b| n + u8::from(b.is_ascii_digit()))))
        .sum();
    if digits < 4 {
        return false;
    }
    let mut run = 0;
    for &b in text.as_bytes() {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

/// "Last updated: February 2026" and "Effective date: …" statements in a block.
fn statements(block: &Block, out: &mut Vec<Candidate>) {
    let text = &block.text;
    for c in table::DATE_STATEMENT_RE.regex().captures_iter(text) {
        let Some(cue) = c.get(0) else { continue };
        let rest = &text[cue.end()..];
        let gap = table::GAP_RE
            .regex()
            .find(rest)
            .map(|g| g.end())
            .unwrap_or(0);
        let Some(m) = date_at_start(&rest[gap..]) else {
            continue;
        };
        let (start, end) = (cue.end() + gap + m.start, cue.end() + gap + m.end);
        let lead = text[..cue.start()]
            .trim_matches(|ch: char| !ch.is_alphanumeric())
            .is_empty();
        let tier = if c.name("upd").is_some() {
            Tier::Updated
        } else if c.name("dated").is_some() {
            // "Date: July 10, 2024" as a block's own label only.
            if !lead {
                continue;
            }
            Tier::Effective
        } else {
            let (_, sentence) = super::rights::local_sentence(block, cue.start(), cue.end());
            if !lead && !table::ABOUT_POLICY_RE.regex().is_match(&text[sentence]) {
                continue;
            }
            Tier::Effective
        };
        out.push(Candidate {
            tier,
            date: m.date,
            span: block.span_of(cue.start()..end.max(start)),
        });
    }
}

/// A date a template passes as a labelled argument: GOV.UK Notify's
/// `{{ content_metadata(data={"Last updated": "02 June 2025"}) }}`. Template
/// syntax is masked out of the text, but a quoted date under a last-updated
/// or effective label is the page's date. A placeholder (`{{ page.date }}`)
/// has no literal date and gives nothing.
fn template_arguments(doc: &Document, out: &mut Vec<Candidate>) {
    let arg = table::TEMPLATE_DATE_ARG.regex();
    // Template expressions are short; a runaway one is no argument list.
    const LIMIT: usize = 4096;
    let text = doc.text.as_str();
    let body_start = doc.front_matter.span.map_or(0, |s| s.end);
    let mut from = body_start;
    let opening = |t: &str| {
        t.match_indices('{')
            .find(|(i, _)| matches!(t.as_bytes().get(i + 1), Some(b'{' | b'%')))
            .map(|(i, _)| i)
    };
    while let Some(p) = text.get(from..).and_then(opening) {
        let open = from + p;
        let close_pat = if text[open..].starts_with("{{") {
            "}}"
        } else {
            "%}"
        };
        let search_end = crate::span::floor_char(text, (open + LIMIT).min(text.len()));
        let Some(len) = text[open + 2..search_end].find(close_pat) else {
            // Unclosed within the limit: skip the window, so that a run of
            // stray braces costs one pass, not one window each.
            from = search_end.max(open + 2);
            continue;
        };
        let inner_start = open + 2;
        let inner = &text[inner_start..inner_start + len];
        for c in arg.captures_iter(inner) {
            let (Some(cue), Some(value)) =
                (c.name("upd").or_else(|| c.name("eff")), c.name("value"))
            else {
                continue;
            };
            let Some(m) = date_at_start(value.as_str()) else {
                continue;
            };
            let tier = if c.name("upd").is_some() {
                Tier::Updated
            } else {
                Tier::Effective
            };
            out.push(Candidate {
                tier,
                date: m.date,
                span: Span::new(
                    inner_start + cue.start(),
                    inner_start + value.start() + m.end,
                ),
            });
        }
        from = inner_start + len + 2;
    }
}

fn in_changelog(doc: &Document, block: &Block) -> bool {
    !matches!(block.kind, BlockKind::Heading)
        && doc
            .section_path(block)
            .last()
            .is_some_and(|h| table::CHANGELOG_HEADING_RE.regex().is_match(h))
}

/// The date an entry of a change log starts with (list item, table row or
/// paragraph; in a table, the date may be in any cell's start).
fn changelog_entry(block: &Block) -> Option<DateMatch> {
    if block.is_table() {
        return block.cells.iter().find_map(|r| {
            date_at_start(&block.text[r.clone()]).map(|m| DateMatch {
                start: r.start + m.start,
                end: r.start + m.end,
                ..m
            })
        });
    }
    let m = date_at_start(&block.text)?;
    Some(m)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Option<Date> {
        Date::new(y, m, day)
    }

    #[test]
    fn formats() {
        assert_eq!(parse_date("2026-05-15"), d(2026, 5, 15));
        assert_eq!(parse_date("May 15, 2026"), d(2026, 5, 15));
        assert_eq!(parse_date("15 May 2026"), d(2026, 5, 15));
        assert_eq!(parse_date("February 2026"), d(2026, 2, 1));
        assert_eq!(parse_date("Feb. 1, 2026"), d(2026, 2, 1));
        assert_eq!(parse_date("Nov 15, 2024"), d(2024, 11, 15));
        assert_eq!(parse_date("1st of March, 2025"), d(2025, 3, 1));
        assert_eq!(parse_date("2024-05-01T10:00:00Z"), d(2024, 5, 1));
        assert_eq!(parse_date("2026/05/15"), d(2026, 5, 15));
        assert_eq!(parse_date("15/05/2026"), d(2026, 5, 15));
        assert_eq!(parse_date("05/15/2026"), d(2026, 5, 15));
        assert_eq!(parse_date("05/06/2026"), None);
        assert_eq!(parse_date("{{ page.date }}"), None);
        assert_eq!(parse_date("2026-02-30"), None);
        assert_eq!(parse_date("2024-02-29"), d(2024, 2, 29));
        assert_eq!(parse_date("2023-02-29"), None);
        assert_eq!(parse_date("2026-05-155"), None);
        assert_eq!(parse_date("Mayday 2026"), None);
    }

    #[test]
    fn four_digit_gate() {
        assert!(has_four_digits("May 2026"));
        assert!(has_four_digits("x20261"));
        assert!(!has_four_digits("12 345"));
        assert!(!has_four_digits("1 22 333 é 4-4"));
        assert!(has_four_digits("123a12 1234"));
        assert!(!has_four_digits("123a123é123"));
        assert!(!has_four_digits(""));
    }

    #[test]
    fn glued_dates() {
        let t = "2026-04-02Clarified that workspace data is not used.";
        let m = date_at_start(t).unwrap();
        assert_eq!(m.date.iso(), "2026-04-02");
        assert_eq!(&t[m.start..m.end], "2026-04-02");
    }

    #[test]
    fn month_only() {
        let ms = find_dates("Last updated: February 2026");
        assert_eq!(ms.len(), 1);
        assert!(ms[0].month_only);
        assert_eq!(ms[0].date.iso(), "2026-02-01");
    }

    #[test]
    fn a_labelled_date_passed_to_a_template() {
        use crate::document::{Document, SourceKind};
        let updated = |text: &str| {
            let d = Document::parse("t.html", text.to_string(), SourceKind::Markdown);
            last_updated(&d).map(|(iso, e)| (iso, d.text[e.start..e.end].to_string()))
        };
        // govuk-notify/privacy-notice.html lines 14-18.
        assert_eq!(
            updated(concat!(
                "<h1>Privacy notice</h1>\n\n",
                "    {{ content_metadata(\n      data={\n",
                "        \"Last updated\": \"02 June 2025\"\n      }\n    ) }}\n\n",
                "    <p>We collect your name.</p>\n",
            )),
            Some((
                "2025-06-02".to_string(),
                "Last updated\": \"02 June 2025".to_string()
            ))
        );
        assert_eq!(
            updated("{% set meta = {'effective_date': '2024-03-01'} %}<p>Hi</p>"),
            Some((
                "2024-03-01".to_string(),
                "effective_date': '2024-03-01".to_string()
            ))
        );
        // A placeholder is no date; nor is an unlabelled one.
        assert_eq!(updated("<p>Last updated: {{ page.date }}</p>"), None);
        assert_eq!(updated("{{ footer(year=\"2024-01-01\") }}<p>Hi</p>"), None);
    }

    #[test]
    fn no_panic_on_odd_text() {
        for t in [
            "",
            "é",
            "2026-",
            "May",
            "31 Feb 2026",
            "９９/１２/２０２６",
            "2026-1-1é",
        ] {
            let _ = find_dates(t);
            let _ = date_at_start(t);
        }
        assert_eq!(parse_date("2026-1-1é"), d(2026, 1, 1));
    }
}
