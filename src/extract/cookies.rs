//! Cookies: names from cookie tables and from prose.
//!
//! - **Tables.** A table is a cookie table when its header has a name column
//!   ("Cookie", "Cookie Name", "Name") and the table is about cookies: a
//!   header cell mentions cookies, or the table sits under a cookie heading
//!   or right after a sentence about cookies and has a purpose, provider,
//!   party or expiry column. Every name in the name column is a cookie; one
//!   cell may list several (`__stripe_sid / __stripe_mid`, `a, b and c`,
//!   `_ga_<ID> such as _ga_X or _ga_Y`). Provider, party, purpose and
//!   duration come from their columns; duration is kept as written.
//! - **Prose.** An identifier-like token (a code span, or a token with an
//!   underscore such as `_ga` or `__cf_bm`) right before "cookie" or in a
//!   list introduced by "cookies named/called/such as/:". Generic phrases
//!   ("a session cookie", "httpOnly") are not names.
//!
//! Party: a party column or "first-/third-party" wording wins; else a
//! provider that is not the document's owner (its title or opening line
//! names the owner) makes the cookie third-party.

use std::ops::Range;

use crate::pattern::Regex;
use crate::pattern::table;

use super::context::{contains_ignore_ascii_case, sentence_at};
use super::lexicons::Input;
use crate::document::{Block, BlockKind, Document};
use crate::lexicon::vendors::catalog;
use crate::model::{Cookie, Evidence, Party, PolicyModel};

/// Header cell naming the cookie-name column.
fn name_header(cell: &str) -> bool {
    let yes = table::COOKIE_NAME_HEADER.regex();
    let no = table::NAME_HEADER_NOT.regex();
    yes.is_match(cell.trim()) && !no.is_match(cell)
}

fn column_re(kind: Col) -> &'static Regex {
    match kind {
        Col::Provider => table::COLUMN_RE_PROVIDER.regex(),
        Col::Party => table::COLUMN_RE_PARTY.regex(),
        Col::Purpose => table::COLUMN_RE_PURPOSE.regex(),
        Col::Duration => table::COLUMN_RE_DURATION.regex(),
    }
}

#[derive(Clone, Copy)]
enum Col {
    Provider,
    Party,
    Purpose,
    Duration,
}

fn mentions_cookie(text: &str) -> bool {
    contains_ignore_ascii_case(text, "cookie")
}

/// Column layout of a cookie table.
#[derive(Debug, Default, Clone, Copy)]
struct Layout {
    name: usize,
    provider: Option<usize>,
    party: Option<usize>,
    purpose: Option<usize>,
    duration: Option<usize>,
}

fn layout(doc: &Document, header: &Block, header_index: usize) -> Option<Layout> {
    let cells: Vec<&str> = header.cell_texts().collect();
    let name = cells.iter().position(|c| name_header(c))?;
    let mut l = Layout {
        name,
        ..Layout::default()
    };
    for (i, c) in cells.iter().enumerate() {
        if i == name {
            continue;
        }
        // Order matters: "Provider of Cookie" is a provider column.
        if l.party.is_none() && column_re(Col::Party).is_match(c) {
            l.party = Some(i);
        } else if l.provider.is_none() && column_re(Col::Provider).is_match(c) {
            l.provider = Some(i);
        } else if l.duration.is_none() && column_re(Col::Duration).is_match(c) {
            l.duration = Some(i);
        } else if l.purpose.is_none() && column_re(Col::Purpose).is_match(c) {
            l.purpose = Some(i);
        }
    }
    let header_says_cookie = cells.iter().any(|c| mentions_cookie(c));
    let has_detail =
        l.provider.is_some() || l.party.is_some() || l.duration.is_some() || l.purpose.is_some();
    let about_cookies = header_says_cookie
        || (has_detail
            && (doc.section_path(header).iter().any(|h| mentions_cookie(h))
                || preceding_text_mentions_cookie(doc, header_index)));
    about_cookies.then_some(l)
}

/// Does one of the two blocks before the table talk about cookies (a
/// caption, "We use the following cookies:")?
fn preceding_text_mentions_cookie(doc: &Document, index: usize) -> bool {
    doc.blocks[..index]
        .iter()
        .rev()
        .filter(|b| !b.is_table())
        .take(2)
        .any(|b| mentions_cookie(&b.text))
}

/// The document owner's name as the title or opening line gives it, for
/// telling first-party providers from third parties.
fn owner_text(doc: &Document) -> String {
    let mut s = doc.title().unwrap_or("").to_lowercase();
    if let Some(first) = doc.blocks.first() {
        s.push(' ');
        s.push_str(&first.text.to_lowercase());
    }
    s
}

fn is_owner(provider: &str, owner: &str) -> bool {
    let p = provider.trim().to_lowercase();
    if p.is_empty() {
        return false;
    }
    if matches!(
        p.as_str(),
        "us" | "we"
            | "our"
            | "ours"
            | "ourselves"
            | "self"
            | "internal"
            | "first party"
            | "first-party"
    ) {
        return true;
    }
    // The provider's first word in the owner text ("Sage" in "Sage Bionetworks").
    let word = p.split_whitespace().next().unwrap_or("");
    word.len() >= 3
        && owner
            .split(|c: char| !c.is_alphanumeric() && c != '.')
            .any(|w| w == word || w.trim_end_matches('.') == word)
}

fn party_from_text(text: &str) -> Option<Party> {
    let re = table::PARTY_FROM_TEXT.regex();
    let c = re.captures(text)?;
    let w = c.get(1)?.as_str().to_ascii_lowercase();
    Some(if w == "first" || w == "1st" {
        Party::First
    } else {
        Party::Third
    })
}

fn clean(s: &str) -> Option<String> {
    let t = s
        .trim()
        .trim_matches(|c: char| c == '*' || c == '`' || c.is_whitespace())
        .trim();
    (!t.is_empty()).then(|| t.to_string())
}

/// Split a name cell into the names it lists, as absolute ranges of the
/// block text. Separators: commas, semicolons, slashes, "and", "or", "such
/// as", "e.g.". A piece with spaces in it is prose ("_ga (Google)",
/// "Session cookie"): only its identifier-like tokens are names.
fn split_names(text: &str, cell: Range<usize>) -> Vec<Range<usize>> {
    let sep = table::SPLIT_NAMES_SEP.regex();
    let Some(cell_text) = text.get(cell.clone()) else {
        return Vec::new();
    };
    let is_trim =
        |c: char| c.is_whitespace() || matches!(c, '`' | '"' | '\'' | '“' | '”' | '‘' | '’');
    let mut pieces = Vec::new();
    let mut last = 0;
    let bounds = sep
        .find_iter(cell_text)
        .map(|m| (m.start(), m.end()))
        .chain(std::iter::once((cell_text.len(), cell_text.len())));
    for (a, b) in bounds {
        let piece = &cell_text[last..a];
        let lead = piece.len() - piece.trim_start_matches(is_trim).len();
        let body = piece.trim_start_matches(is_trim).trim_end_matches(is_trim);
        let body = body.strip_suffix('.').unwrap_or(body);
        if !body.is_empty() {
            let start = cell.start + last + lead;
            pieces.push(start..start + body.len());
        }
        last = b;
    }
    let mut out = Vec::new();
    for r in pieces {
        if text[r.clone()].contains(char::is_whitespace) {
            out.extend(
                tokens(text, r)
                    .into_iter()
                    .filter(|t| identifier_like(&text[t.clone()], false)),
            );
        } else {
            out.push(r);
        }
    }
    out
}

/// Is `token` shaped like a cookie name when found in prose?
fn identifier_like(token: &str, code: bool) -> bool {
    let t = token.trim();
    if t.is_empty() || t.len() > 120 || t.contains("://") || t.contains('@') {
        return false;
    }
    if !t
        .chars()
        .all(|c| c.is_alphanumeric() || "_-.{}<>%*$:".contains(c))
    {
        return false;
    }
    let lower = t.to_ascii_lowercase();
    // File names and cookie attributes are not names.
    if [
        ".js", ".json", ".html", ".php", ".md", ".txt", ".com", ".org", ".net",
    ]
    .iter()
    .any(|x| lower.ends_with(x))
        || matches!(
            lower.as_str(),
            "httponly" | "samesite" | "secure" | "max-age" | "expires" | "path" | "domain"
        )
        || lower.starts_with("samesite=")
    {
        return false;
    }
    code || t.contains('_') || lower.starts_with("__host-") || lower.starts_with("__secure-")
}

fn prose_res() -> (&'static Regex, &'static Regex) {
    let before = table::COOKIE_NAMES_BEFORE.regex();
    let after = table::COOKIE_NAMES_AFTER.regex();
    (before, after)
}

/// Identifier tokens in `text[range]` with their ranges.
fn tokens(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let Some(s) = text.get(range.clone()) else {
        return out;
    };
    let mut start = None;
    for (i, c) in s.char_indices() {
        let part = c.is_alphanumeric() || "_-.{}<>%*$:".contains(c);
        match (part, start) {
            (true, None) => start = Some(i),
            (false, Some(st)) => {
                out.push(range.start + st..range.start + i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(st) = start {
        out.push(range.start + st..range.end);
    }
    // Trailing sentence punctuation is not part of a name.
    out.into_iter()
        .filter_map(|r| {
            let t = &text[r.clone()];
            let trimmed = t.trim_end_matches(['.', ':', '-']);
            let r = r.start..r.start + trimmed.len();
            (!r.is_empty()).then_some(r)
        })
        .collect()
}

/// Was `range` of `block.text` written as a code span in the original?
fn is_code(doc: &Document, block: &Block, range: Range<usize>) -> bool {
    let span = block.span_of(range);
    let before = span
        .start
        .checked_sub(1)
        .and_then(|i| doc.text.get(i..span.start));
    let after = doc.text.get(span.end..span.end + 1);
    before == Some("`") && after == Some("`")
}

/// Add every cookie named in `doc` to `model`.
pub fn extract(input: &Input, model: &mut PolicyModel) {
    let doc = input.doc;
    let mut found: Vec<Cookie> = Vec::new();
    let owner = owner_text(doc);
    let mut layouts: Vec<Option<Option<Layout>>> = vec![None; doc.tables.len()];

    for block in &doc.blocks {
        if block.kind == BlockKind::TableRow {
            let Some(ti) = block.table else { continue };
            let Some(header_index) = doc.tables.get(ti).and_then(|t| t.header) else {
                continue;
            };
            let Some(slot) = layouts.get_mut(ti) else {
                continue;
            };
            let l = *slot.get_or_insert_with(|| {
                doc.blocks
                    .get(header_index)
                    .and_then(|h| layout(doc, h, header_index))
            });
            if let Some(l) = l {
                table_row(doc, block, l, &owner, &mut found);
            }
            continue;
        }
        if block.kind == BlockKind::TableHeader {
            continue;
        }
        prose(doc, block, &mut found);
    }

    // One fact per name (first mention wins: tables come with details).
    let mut seen = std::collections::HashSet::new();
    for c in found {
        if seen.insert(c.name.clone()) {
            model.cookies.push(c);
        }
    }
}

fn table_row(doc: &Document, block: &Block, l: Layout, owner: &str, out: &mut Vec<Cookie>) {
    let cells = &block.cells;
    let Some(name_cell) = cells.get(l.name).cloned() else {
        return;
    };
    let cell_text = |i: Option<usize>| -> Option<String> {
        i.and_then(|i| cells.get(i))
            .and_then(|r| block.text.get(r.clone()))
            .and_then(clean)
    };
    let provider = cell_text(l.provider);
    let purpose = cell_text(l.purpose);
    let duration = cell_text(l.duration);
    let party = cell_text(l.party)
        .and_then(|p| {
            party_from_text(&p).or_else(|| match p.to_ascii_lowercase().as_str() {
                "first" | "1st" => Some(Party::First),
                "third" | "3rd" => Some(Party::Third),
                _ => None,
            })
        })
        .or_else(|| party_from_text(&block.text))
        .or_else(|| {
            provider.as_deref().map(|p| {
                if is_owner(p, owner) {
                    Party::First
                } else {
                    Party::Third
                }
            })
        });
    for r in split_names(&block.text, name_cell) {
        let name = block.text[r.clone()].to_string();
        if name.is_empty() || name.len() > 200 {
            continue;
        }
        out.push(Cookie {
            name,
            party,
            provider: provider.clone(),
            purpose: purpose.clone(),
            duration: duration.clone(),
            evidence: Evidence::new(doc, block.span_of(r)),
        });
    }
}

fn prose(doc: &Document, block: &Block, out: &mut Vec<Cookie>) {
    let text = &block.text;
    if !mentions_cookie(text) {
        return;
    }
    let (before, after) = prose_res();
    let mut ranges: Vec<Range<usize>> = Vec::new();
    // `before`'s names are its match up to the final `\s+cookies?`: the
    // names end in a non-space and "cookies" has none, so the last run of
    // spaces is that `\s+` (the regex's `\s` is `char::is_whitespace`).
    // No capture search is needed to split it.
    for m in before.find_iter(text) {
        let names = m
            .as_str()
            .trim_end_matches(|c: char| !c.is_whitespace())
            .trim_end();
        ranges.extend(tokens(text, m.start()..m.start() + names.len()));
    }
    for caps in after.captures_iter(text) {
        if let Some(m) = caps.name("names") {
            ranges.extend(tokens(text, m.start()..m.end()));
        }
    }
    ranges.sort_by_key(|r| r.start);
    ranges.dedup();
    let cat = catalog();
    for r in ranges {
        let token = &text[r.clone()];
        if !identifier_like(token, is_code(doc, block, r.clone())) {
            continue;
        }
        let sentence = sentence_at(block, r.start);
        let s = &text[sentence.clone()];
        let vendor = super::lexicons::vendors_in(s)
            .into_iter()
            .filter(|m| !m.ambiguous)
            .filter_map(|m| cat.vendor(m.id))
            .map(|v| v.name.to_string())
            .next();
        let party = party_from_text(s).or(vendor.as_ref().map(|_| Party::Third));
        out.push(Cookie {
            name: token.to_string(),
            party,
            provider: vendor,
            purpose: None,
            duration: None,
            evidence: Evidence::new(doc, block.span_of(r)),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn name_headers() {
        for h in ["Cookie", "Cookie Name", "Name", "cookies", "Name of cookie"] {
            assert!(name_header(h), "{h}");
        }
        for h in [
            "Provider of Cookie",
            "Category of cookies",
            "Cookie Info",
            "Purpose",
            "Cookie type",
        ] {
            assert!(!name_header(h), "{h}");
        }
    }

    #[test]
    fn prose_shapes() {
        assert!(identifier_like("_ga", false));
        assert!(identifier_like("__cf_bm", false));
        assert!(identifier_like("session", true));
        assert!(!identifier_like("session", false));
        assert!(!identifier_like("httpOnly", false));
        assert!(!identifier_like("run_results.json", false));
    }
}
