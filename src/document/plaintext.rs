//! Plain text copied from a web page: heuristic headings and list items.
//!
//! Every non-blank line is one unit (one block, a heading, or a comment):
//!
//! * A line that is only an HTML comment (`<!-- candor-ignore … -->`) is a
//!   [`Comment`], not a block.
//! * A line starting with a bullet (`•`, `-`, `*`, `–`, `·`, `◦`, `▪`, `‣`)
//!   and a space is a list item; the block's text and span cover what follows
//!   the marker. Consecutive bullet lines (blank lines between them allowed)
//!   form one list; the first item's indentation is depth 1, a more indented
//!   item is one level deeper, a less indented one pops back.
//! * A *heading* is a short line (at most 70 characters and 10 words) that has
//!   a letter, whose first letter is uppercase (after an optional section
//!   number), that does not end with sentence or clause punctuation
//!   (`. ! ? : ; ,`), that has no `: ` inside (so "Last updated: February
//!   2026" is a paragraph), no sentence break inside and no e-mail address
//!   or URL.
//! * Lines without any letter or digit (`-----`) are skipped like blank
//!   lines.
//! * A numbered line (`1. `, `2) `, `3.1 `) that is not a heading is a list
//!   item whose text excludes the number.
//! * Everything else is a paragraph.
//!
//! Heading levels are deterministic:
//! * every heading in the run of headings that opens the document (before any
//!   paragraph or list item) is level 1 (a breadcrumb such as "Legal" and the
//!   title "Privacy Policy");
//! * a numbered heading is level 1 + the number of its components
//!   (`2.` → 2, `2.1` → 3), at most 6;
//! * any other heading is one level below the last numbered heading, or
//!   level 2 when there was none.

use std::ops::Range;

use super::{Block, BlockKind, Comment, Document, Section, Seg};
use crate::span::Span;

const BULLETS: &[char] = &['•', '-', '*', '–', '·', '◦', '▪', '‣'];
const MAX_HEADING_CHARS: usize = 70;
const MAX_HEADING_WORDS: usize = 10;

/// One classified line.
enum Line {
    Blank,
    Comment {
        inner: String,
        span: Range<usize>,
    },
    Bullet {
        indent: usize,
        text: Range<usize>,
    },
    Heading {
        level: Option<u8>,
        text: Range<usize>,
    },
    Paragraph {
        text: Range<usize>,
    },
}

pub(super) fn parse_into(doc: &mut Document) {
    let text = doc.text.as_str();
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };

    let mut sections: Vec<Section> = Vec::new();
    let mut blocks: Vec<Block> = Vec::new();
    let mut comments: Vec<Comment> = Vec::new();

    // Open section stack: (level, index).
    let mut open: Vec<(u8, usize)> = Vec::new();
    let mut current_section: Option<usize> = None;
    let mut leading_headings = true;
    let mut last_numbered_level: Option<u8> = None;
    let mut next_list = 0usize;
    // The current list: id and the indentation of each open depth.
    let mut list: Option<(usize, Vec<usize>)> = None;

    let mut pos = start;
    while pos < text.len() {
        let (line_end, next) = match text[pos..].find('\n') {
            Some(i) => (pos + i, pos + i + 1),
            None => (text.len(), text.len()),
        };
        let line = classify(text, pos, line_end);
        pos = next;
        match line {
            Line::Blank => {}
            Line::Comment { inner, span } => comments.push(Comment {
                text: inner,
                span: Span::from(span),
            }),
            Line::Bullet { indent, text: r } => {
                leading_headings = false;
                let (id, depths) = list.get_or_insert_with(|| {
                    next_list += 1;
                    (next_list - 1, vec![indent])
                });
                while depths.len() > 1 && depths.last().is_some_and(|&d| indent < d) {
                    depths.pop();
                }
                if depths.last().is_some_and(|&d| indent > d + 1) {
                    depths.push(indent);
                }
                let depth = u32::try_from(depths.len()).unwrap_or(u32::MAX);
                let mut b = block(text, BlockKind::ListItem { depth }, r, current_section);
                b.list = Some(*id);
                blocks.push(b);
            }
            Line::Heading { level, text: r } => {
                list = None;
                let level = match level {
                    Some(l) => {
                        last_numbered_level = Some(l);
                        l
                    }
                    None if leading_headings => 1,
                    None => last_numbered_level.map_or(2, |l| (l + 1).min(6)),
                };
                while open.last().is_some_and(|&(l, _)| l >= level) {
                    open.pop();
                }
                let idx = sections.len();
                sections.push(Section {
                    title: text[r.clone()].to_string(),
                    level,
                    span: Span::from(r.clone()),
                    parent: open.last().map(|&(_, i)| i),
                });
                open.push((level, idx));
                current_section = Some(idx);
                blocks.push(block(text, BlockKind::Heading, r, current_section));
            }
            Line::Paragraph { text: r } => {
                leading_headings = false;
                list = None;
                blocks.push(block(text, BlockKind::Paragraph, r, current_section));
            }
        }
    }
    doc.sections = sections;
    doc.blocks = blocks;
    doc.comments = comments;
}

fn block(text: &str, kind: BlockKind, r: Range<usize>, section: Option<usize>) -> Block {
    let t = text[r.clone()].to_string();
    let map = vec![Seg {
        clean: 0,
        len: t.len(),
        orig: r.start,
        orig_len: t.len(),
        exact: true,
    }];
    Block {
        kind,
        section,
        span: Span::from(r),
        text: t,
        map,
        sentences: Vec::new(),
        cells: Vec::new(),
        table: None,
        list: None,
        links: Vec::new(),
    }
}

fn classify(text: &str, start: usize, end: usize) -> Line {
    let raw = &text[start..end];
    let body = raw.trim_start();
    let indent_bytes = raw.len() - body.len();
    let indent = raw[..indent_bytes]
        .chars()
        .map(|c| if c == '\t' { 4 } else { 1 })
        .sum::<usize>();
    let body = body.trim_end();
    // Lines without a letter or digit (rules like `-----`, a lone bullet)
    // carry no text.
    if !body.chars().any(char::is_alphanumeric) {
        return Line::Blank;
    }
    let a = start + indent_bytes;
    let b = a + body.len();
    if let Some(inner) = body
        .strip_prefix("<!--")
        .and_then(|s| s.strip_suffix("-->"))
    {
        return Line::Comment {
            inner: inner.trim().to_string(),
            span: a..b,
        };
    }
    // Bullets.
    let mut chars = body.chars();
    if let (Some(c), Some(sp)) = (chars.next(), chars.next())
        && BULLETS.contains(&c)
        && (sp == ' ' || sp == '\t')
    {
        let rest = &body[c.len_utf8()..];
        let lead = rest.len() - rest.trim_start().len();
        let ts = a + c.len_utf8() + lead;
        if ts < b {
            return Line::Bullet {
                indent,
                text: ts..b,
            };
        }
        return Line::Paragraph { text: a..b };
    }
    // Numbered lines.
    if let Some((components, after)) = numbering(body) {
        let rest = &body[after..];
        if is_heading_text(rest) {
            let level = u8::try_from(components + 1).unwrap_or(6).min(6);
            return Line::Heading {
                level: Some(level),
                text: a..b,
            };
        }
        let ts = a + after;
        if ts < b {
            return Line::Bullet {
                indent,
                text: ts..b,
            };
        }
    }
    if is_heading_text(body) {
        return Line::Heading {
            level: None,
            text: a..b,
        };
    }
    Line::Paragraph { text: a..b }
}

/// A section number at the start of `s`: `1.`, `2)`, `3.1`, `4.2.` followed by
/// whitespace. Returns the number of components and the offset of the text
/// after the whitespace.
fn numbering(s: &str) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let mut i = 0;
    let mut components = 0;
    let mut ended_with_sep = false;
    loop {
        let d0 = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() && i - d0 < 3 {
            i += 1;
        }
        if i == d0 {
            break;
        }
        components += 1;
        ended_with_sep = false;
        match bytes.get(i) {
            Some(b'.') => {
                i += 1;
                ended_with_sep = true;
            }
            Some(b')') => {
                i += 1;
                ended_with_sep = true;
                break;
            }
            _ => break,
        }
    }
    if components == 0 || (components == 1 && !ended_with_sep) {
        return None;
    }
    let ws = s[i..].len() - s[i..].trim_start().len();
    if ws == 0 || i + ws >= s.len() {
        return None;
    }
    Some((components, i + ws))
}

fn is_heading_text(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.chars().count() > MAX_HEADING_CHARS {
        return false;
    }
    if s.split_whitespace().count() > MAX_HEADING_WORDS {
        return false;
    }
    let Some(first_letter) = s.chars().find(|c| c.is_alphabetic()) else {
        return false;
    };
    if !first_letter.is_uppercase() {
        return false;
    }
    if s.ends_with(['.', '!', '?', ':', ';', ',', '…']) {
        return false;
    }
    if s.contains(": ") || s.contains(". ") || s.contains("? ") || s.contains("! ") {
        return false;
    }
    // E-mail addresses and URLs belong to sentences, not titles.
    if s.contains('@') || s.contains("://") {
        return false;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbering_forms() {
        assert_eq!(numbering("1. Introduction"), Some((1, 3)));
        assert_eq!(numbering("10) Contact"), Some((1, 4)));
        assert_eq!(numbering("3.1 Scope"), Some((2, 4)));
        assert_eq!(numbering("3.1. Scope"), Some((2, 5)));
        assert_eq!(numbering("2026 was"), None);
        assert_eq!(numbering("1.5GB is"), None);
        assert_eq!(numbering("1."), None);
    }

    #[test]
    fn heading_text() {
        assert!(is_heading_text("Privacy Policy"));
        assert!(is_heading_text("Your rights (GDPR / equivalents)"));
        assert!(!is_heading_text("Last updated: February 2026"));
        assert!(!is_heading_text("We take security seriously:"));
        assert!(!is_heading_text("dbt run artifacts"));
        assert!(!is_heading_text("2026-05-15"));
        assert!(!is_heading_text("Encrypted in transit and at rest."));
    }
}
