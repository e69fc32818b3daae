//! YAML (`---`) and TOML (`+++`) front matter: only the keys candor reads.
//!
//! This is a line scan, not a YAML or TOML parser: top-level `key: value`
//! (YAML) or `key = value` (TOML) lines are read; indented lines, block
//! scalars (`|`, `>`) and nested tables are skipped. Keys compare
//! case-insensitively. Front matter without a closing delimiter line is no
//! front matter at all.

use crate::span::Span;

/// What candor reads from a document's front matter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FrontMatter {
    /// Span of the whole front matter block, delimiters included.
    pub span: Option<Span>,
    pub title: Option<String>,
    /// Date-like keys (`date`, `last_updated`, `lastmod`, `effective`, …) as
    /// `(key, raw value, span of the value)`, in document order.
    pub dates: Vec<(String, String, Span)>,
    /// Free-text keys that may state the document's date in words
    /// (`description: 'Effective Date: 15.01.2025'`) as `(raw value, span
    /// of the value)`.
    pub descriptions: Vec<(String, Span)>,
}

/// Free-text keys kept for [`FrontMatter::descriptions`] (lower-cased).
const DESCRIPTION_KEYS: &[&str] = &["description", "summary", "subtitle"];

/// Keys read as dates (lower-cased).
const DATE_KEYS: &[&str] = &[
    "date",
    "last_updated",
    "lastupdated",
    "last_modified",
    "lastmod",
    "updated",
    "effective",
    "effective_date",
];

/// Split front matter off the start of `text` (after an optional BOM).
/// Returns the parsed front matter and the byte offset where the body starts
/// (after the BOM when there is no front matter).
pub fn parse(text: &str) -> (FrontMatter, usize) {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let none = (FrontMatter::default(), start);
    let mut lines = Lines { text, pos: start };
    let Some((open_start, open_end, _)) = lines.next() else {
        return none;
    };
    let delim = text[open_start..open_end].trim_end();
    let toml = match delim {
        "---" => false,
        "+++" => true,
        _ => return none,
    };
    let mut fm = FrontMatter::default();
    let mut closed = None;
    for (ls, le, next) in lines {
        let line = &text[ls..le];
        let trimmed = line.trim_end();
        if trimmed == delim || (!toml && trimmed == "...") {
            closed = Some((le, next));
            break;
        }
        read_line(text, ls, le, toml, &mut fm);
    }
    let Some((close_end, body)) = closed else {
        return none;
    };
    let close_end = open_start.max(trim_end_at(text, close_end));
    fm.span = Some(Span::new(open_start, close_end));
    (fm, body)
}

/// Offset of the end of `text[..end]` with trailing whitespace removed.
fn trim_end_at(text: &str, end: usize) -> usize {
    text[..end].trim_end().len()
}

/// Iterator over lines: `(start, end without the line break, start of next)`.
struct Lines<'a> {
    text: &'a str,
    pos: usize,
}

impl Iterator for Lines<'_> {
    type Item = (usize, usize, usize);
    fn next(&mut self) -> Option<Self::Item> {
        if self.pos >= self.text.len() {
            return None;
        }
        let start = self.pos;
        let rest = &self.text[start..];
        let (mut end, next) = match rest.find('\n') {
            Some(i) => (start + i, start + i + 1),
            None => (self.text.len(), self.text.len()),
        };
        if self.text[start..end].ends_with('\r') {
            end -= 1;
        }
        self.pos = next;
        Some((start, end, next))
    }
}

fn read_line(text: &str, ls: usize, le: usize, toml: bool, fm: &mut FrontMatter) {
    let line = &text[ls..le];
    // Only top-level keys.
    if line.starts_with([' ', '\t', '#', '-', '[']) {
        return;
    }
    let sep = if toml { '=' } else { ':' };
    let Some(colon) = line.find(sep) else { return };
    let key = line[..colon].trim().trim_matches(['"', '\'']);
    let key_lower = key.to_ascii_lowercase();
    let is_title = key_lower == "title";
    let is_date = DATE_KEYS.contains(&key_lower.as_str());
    let is_description = DESCRIPTION_KEYS.contains(&key_lower.as_str());
    if !is_title && !is_date && !is_description {
        return;
    }
    let after = colon + sep.len_utf8();
    let Some((vs, ve)) = value_range(line, after) else {
        return;
    };
    let value = line[vs..ve].to_string();
    let span = Span::new(ls + vs, ls + ve);
    if is_title {
        if fm.title.is_none() {
            fm.title = Some(value);
        }
    } else if is_description {
        fm.descriptions.push((value, span));
    } else {
        fm.dates.push((key.to_string(), value, span));
    }
}

/// The value's byte range within `line`, starting the search at `from`:
/// quotes stripped, trailing comments removed. `None` for empty values and
/// block scalars.
fn value_range(line: &str, from: usize) -> Option<(usize, usize)> {
    let rest = &line[from..];
    let lead = rest.len() - rest.trim_start().len();
    let vs = from + lead;
    let v = line[vs..].trim_end();
    if v.is_empty() || v.starts_with(['|', '>']) {
        return None;
    }
    let q = v.chars().next()?;
    if q == '"' || q == '\'' {
        let inner = &v[1..];
        let close = inner.find(q)?;
        if close == 0 {
            return None;
        }
        return Some((vs + 1, vs + 1 + close));
    }
    // Unquoted: a ` #` starts a comment.
    let v = match v.find(" #") {
        Some(i) => v[..i].trim_end(),
        None => v,
    };
    if v.is_empty() {
        return None;
    }
    Some((vs, vs + v.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml() {
        let t = "---\ntitle: \"Our Privacy\"\nLast_Updated: 2024-05-01 # comment\nversions:\n  date: nested\nlastmod: '2024-06-01'\n---\n# Body\n";
        let (fm, body) = parse(t);
        assert_eq!(fm.title.as_deref(), Some("Our Privacy"));
        assert_eq!(fm.dates.len(), 2);
        let (k, v, s) = &fm.dates[0];
        assert_eq!((k.as_str(), v.as_str()), ("Last_Updated", "2024-05-01"));
        assert_eq!(&t[s.start..s.end], "2024-05-01");
        let (k, v, s) = &fm.dates[1];
        assert_eq!((k.as_str(), v.as_str()), ("lastmod", "2024-06-01"));
        assert_eq!(&t[s.start..s.end], "2024-06-01");
        assert_eq!(&t[body..], "# Body\n");
        let span = fm.span.unwrap();
        assert_eq!(span.start, 0);
        assert!(t[span.start..span.end].ends_with("\n---"));
    }

    #[test]
    fn toml_with_bom_and_crlf() {
        let t = "\u{feff}+++\r\ntitle = 'T'\r\neffective_date = \"2023-01-02\"\r\n+++\r\nBody";
        let (fm, body) = parse(t);
        assert_eq!(fm.title.as_deref(), Some("T"));
        let (k, v, s) = &fm.dates[0];
        assert_eq!((k.as_str(), v.as_str()), ("effective_date", "2023-01-02"));
        assert_eq!(&t[s.start..s.end], "2023-01-02");
        assert_eq!(&t[body..], "Body");
        assert_eq!(fm.span.unwrap().start, 3);
    }

    #[test]
    fn unclosed_or_absent() {
        let (fm, body) = parse("---\ntitle: x\n# no close\n");
        assert_eq!(fm, FrontMatter::default());
        assert_eq!(body, 0);
        let (fm, body) = parse("\u{feff}# Title\n");
        assert_eq!(fm, FrontMatter::default());
        assert_eq!(body, 3);
        let (_, body) = parse("");
        assert_eq!(body, 0);
        let (fm, _) = parse("----\ntitle: x\n----\n");
        assert_eq!(fm.title, None);
    }

    #[test]
    fn empty_and_block_values_skipped() {
        let t = "---\ntitle:\ndate: |\n  x\nupdated: \"\"\n---";
        let (fm, body) = parse(t);
        assert_eq!(fm.title, None);
        assert!(fm.dates.is_empty());
        assert_eq!(body, t.len());
    }
}
